import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { ConsumerCaseService } from './consumer-case.service';
import type { UploadRequest } from './sealed-uploads';

/**
 * Before a consumer's upload is read: the tracking number and access code find an open case with
 * room for files (else 404 or 409, and the body is never read), and the request is told where its
 * files go (SEALED_UPLOADS stores nothing without this).
 */
@Injectable()
export class ConsumerUploadGuard implements CanActivate {
  constructor(private readonly cases: ConsumerCaseService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<UploadRequest & { params: { trackingNo: string }; headers: Record<string, unknown> }>();
    const code = req.headers['x-access-code'];
    req.uploadTarget = await this.cases.attachable(req.params.trackingNo, typeof code === 'string' ? code : undefined);
    return true;
  }
}
