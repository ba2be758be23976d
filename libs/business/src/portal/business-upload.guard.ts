import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { UploadRequest } from '@weiquan/complaints';
import { LocalizedException } from '@weiquan/core';
import type { StaffRequest } from '@weiquan/identity';
import { BusinessPortalService } from './business-portal.service';

/**
 * Before a business's upload is read (after StaffAuthGuard): the complaint must be the business's to
 * answer, with room for files (else 404 or 409, and the body is never read); the request is told
 * where its files go (SEALED_UPLOADS stores nothing without this).
 */
@Injectable()
export class BusinessUploadGuard implements CanActivate {
  constructor(private readonly portal: BusinessPortalService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<StaffRequest & UploadRequest & { params: { id: string } }>();
    if (!req.staff) throw new LocalizedException(401, { zh: '请先登录', en: 'authentication required' });
    req.uploadTarget = await this.portal.attachable(req.staff, req.params.id);
    return true;
  }
}
