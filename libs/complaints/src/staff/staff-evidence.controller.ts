import { Controller, Get, Param, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CaseEvidenceService } from '@weiquan/cases';
import { ApiErrors, ERRORS } from '@weiquan/core/http/dto/error.dto';
import { CITY_ROLES, CurrentStaff, Roles } from '@weiquan/identity';
import type { StaffPrincipal } from '@weiquan/identity';
import type { Response } from 'express';
import { ALLOWED_MIME } from '../consumer/attachment.store';
import { CaseAttachments, fileAnswer } from '../consumer/case-attachments';

/** The handling unit opens a case's evidence from the case file; every file opened is recorded. */
@ApiTags('cases 案件办理（工作人员）')
@ApiBearerAuth()
@Controller('cases')
@Roles(...CITY_ROLES)
@ApiErrors({ 401: ERRORS.unauthenticated })
export class StaffEvidenceController {
  constructor(
    private readonly evidence: CaseEvidenceService,
    private readonly files: CaseAttachments,
  ) {}

  @Get(':id/attachments/:attachmentId')
  @ApiOperation({
    summary: '打开案件附件（仅承办单位，查看留痕）/ open a file of the case: handling unit only, every view recorded',
  })
  @ApiOkResponse({
    description: '文件本身（Content-Disposition: attachment）/ the file itself',
    content: Object.fromEntries(ALLOWED_MIME.map((mime) => [mime, { schema: { type: 'string', format: 'binary' } }])),
  })
  @ApiErrors({
    403: '调用者的单位不是承办单位 / the caller’s unit does not handle the case',
    404: '没有这个案件或附件，或不在调用者可查阅的范围内 / no such case or file, or not one the caller may read',
  })
  async open(
    @CurrentStaff() p: StaffPrincipal,
    @Param('id') id: string,
    @Param('attachmentId') attachmentId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const caseId = await this.evidence.mayOpen(p, id);
    const file = await this.files.open(caseId, attachmentId);
    await this.evidence.opened(p, caseId, attachmentId);
    return fileAnswer(res, file);
  }
}
