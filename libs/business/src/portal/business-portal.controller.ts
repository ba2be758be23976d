import {
  Body,
  Controller,
  Get,
  Param,
  Post,
  Put,
  Query,
  Res,
  StreamableFile,
  UploadedFiles,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { fileAnswer, SEALED_UPLOADS, UploadCase } from '@weiquan/complaints';
import type { UploadedFileInput } from '@weiquan/complaints';
import { BusinessUploadGuard } from './business-upload.guard';
import { ALLOWED_MIME, MAX_ATTACHMENT_BYTES } from '@weiquan/complaints/consumer/attachment.store';
import { AttachmentsAddedDto } from '@weiquan/complaints/dto/consumer-answers.dto';
import { RequestLang } from '@weiquan/core';
import type { Lang } from '@weiquan/core';
import { ApiErrors, ERRORS } from '@weiquan/core/http/dto/error.dto';
import { CurrentStaff, Roles } from '@weiquan/identity';
import type { StaffPrincipal } from '@weiquan/identity';
import type { Response } from 'express';
import { BusinessService } from '../business.service';
import { BusinessDto } from '../dto/business.dto';
import { BusinessCaseDto, BusinessCasePageDto, BusinessCasesQuery, StatementDto } from '../dto/business-case.dto';
import { BusinessPortalService } from './business-portal.service';

const NO_CASE =
  '没有这个投诉，或不是针对贵单位的投诉（举报不向经营者公开）/ no such complaint, or not one against your business (reports are never shown to businesses)';
const LANGUAGE = { name: 'Accept-Language', required: false, description: 'zh（默认）或 en / zh (default) or en' } as const;

/**
 * The business portal (role `business`): the complaints against the business, what it may read of
 * each, its files, and its public statement. It answers with `POST /cases/{id}/actions`.
 */
@ApiTags('business 经营者（在线纠纷解决）')
@ApiBearerAuth()
@Controller('business')
@Roles('business')
@ApiErrors({ 401: ERRORS.unauthenticated, 403: `${ERRORS.forbidden}：仅限经营者用户 / business users only` })
export class BusinessPortalController {
  constructor(
    private readonly portal: BusinessPortalService,
    private readonly businesses: BusinessService,
  ) {}

  @Get('me')
  @ApiOperation({ summary: '本单位的登记信息和公开声明 / your enrolment and public statement' })
  @ApiOkResponse({ type: BusinessDto })
  me(@CurrentStaff() p: StaffPrincipal): Promise<BusinessDto> {
    return this.businesses.own(p);
  }

  @Put('me/statement')
  @ApiOperation({ summary: '设置公开声明（消费投诉信息公示页显示）/ set the public statement shown on your public record' })
  @ApiOkResponse({ type: BusinessDto })
  @ApiErrors({ 400: ERRORS.validation })
  statement(@CurrentStaff() p: StaffPrincipal, @Body() dto: StatementDto): Promise<BusinessDto> {
    return this.businesses.setStatement(p, dto.statement?.trim() || null);
  }

  @Get('cases')
  @ApiOperation({ summary: '针对本单位的投诉 / the complaints against your business' })
  @ApiHeader(LANGUAGE)
  @ApiOkResponse({ type: BusinessCasePageDto })
  @ApiErrors({ 400: ERRORS.validation })
  list(@CurrentStaff() p: StaffPrincipal, @Query() q: BusinessCasesQuery, @RequestLang() lang: Lang): Promise<BusinessCasePageDto> {
    return this.portal.list(p, q, lang);
  }

  @Get('cases/:id')
  @ApiOperation({
    summary: '一件投诉 / one complaint',
    description:
      '消费者只显示姓氏，经消费者同意才显示联系方式；只含消费者同意共享的附件；正式投诉阶段显示监管部门的调解通知 / the consumer’s family name only, contact details only with their consent, files they shared; in the formal stage, the regulator’s mediation notices',
  })
  @ApiHeader(LANGUAGE)
  @ApiOkResponse({ type: BusinessCaseDto })
  @ApiErrors({ 404: NO_CASE })
  detail(@CurrentStaff() p: StaffPrincipal, @Param('id') id: string, @RequestLang() lang: Lang): Promise<BusinessCaseDto> {
    return this.portal.detail(p, id, lang);
  }

  @Post('cases/:id/attachments')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'array', maxItems: 5, items: { type: 'string', format: 'binary' } } },
    },
  })
  @ApiOperation({ summary: '为答复上传附件（图片或 PDF）/ attach files to your answer (images or PDF)' })
  @ApiCreatedResponse({ type: AttachmentsAddedDto })
  @ApiErrors({
    400: '没有文件 / no file',
    404: NO_CASE,
    409: '该投诉已不需要贵单位答复，或超过每件 20 个附件 / no longer yours to answer, or over 20 files',
    413: '文件超过 10 MB / a file is over 10 MB',
    415: '不是图片或 PDF / not an image or a PDF',
  })
  // The guard finds the case before the body is read; the files stream in sealed (SEALED_UPLOADS).
  @ApiParam({ name: 'id', type: String, description: '案件 id / the case id' })
  @UseGuards(BusinessUploadGuard)
  @UseInterceptors(
    FilesInterceptor('file', 5, { storage: SEALED_UPLOADS, limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 5, fields: 2 } }),
  )
  attach(
    @CurrentStaff() p: StaffPrincipal,
    @UploadCase() caseId: string,
    @UploadedFiles() files: UploadedFileInput[] = [],
  ): Promise<AttachmentsAddedDto> {
    return this.portal.attach(p, caseId, files);
  }

  @Get('cases/:id/attachments/:attachmentId')
  @ApiOperation({ summary: '下载附件 / download a file' })
  @ApiOkResponse({
    description: '文件本身（Content-Disposition: attachment）/ the file itself',
    content: Object.fromEntries(ALLOWED_MIME.map((mime) => [mime, { schema: { type: 'string', format: 'binary' } }])),
  })
  @ApiErrors({ 404: `${NO_CASE}；或没有这个附件 / or no such file` })
  async download(
    @CurrentStaff() p: StaffPrincipal,
    @Param('id') id: string,
    @Param('attachmentId') attachmentId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.portal.download(p, id, attachmentId);
    return fileAnswer(res, file);
  }
}
