import {
  Body, CanActivate, Controller, ExecutionContext, Get, Headers, HttpCode, Injectable, Param, Post, Res, StreamableFile, UploadedFiles, UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { languageOf, LocalizedException } from '@weiquan/core';
import type { Request, Response } from 'express';
import { ConsumerThrottleGuard } from './complaints.throttle';
import { ConsumerCaseService, UploadedFileInput } from './consumer/consumer-case.service';
import { MAX_ATTACHMENT_BYTES } from './consumer/attachment.store';
import { RatingDto, SupplementDto, WithdrawDto } from './dto/consumer.dto';
import { CreateComplaintDto } from './dto/create-complaint.dto';
import { IntakeService, SubmissionAnswer } from './intake/intake.service';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,128}$/;

/** Runs before validation, so a form or text body is told its type is wrong, not that every field is missing. */
@Injectable()
class JsonBodyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (!context.switchToHttp().getRequest<Request>().is('application/json')) {
      throw new LocalizedException(415, { zh: '请求体应为 JSON（Content-Type: application/json）', en: 'the body must be JSON (Content-Type: application/json)' });
    }
    return true;
  }
}

@ApiTags('complaints 投诉举报（消费者）')
@Controller('complaints')
@UseGuards(ConsumerThrottleGuard)
export class ComplaintsController {
  constructor(
    private readonly intake: IntakeService,
    private readonly cases: ConsumerCaseService,
  ) {}

  @Post()
  @SkipThrottle({ lookup: true })
  @ApiOperation({ summary: '提交投诉或举报 / file a complaint or report' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: '同一 Key 同一内容 24 小时内只受理一次 / retries with the same key create nothing new' })
  @ApiCreatedResponse({ description: 'trackingNo, accessCode, status, receivedAt, acceptanceDueDate, linkedTrackingNo?' })
  @UseGuards(JsonBodyGuard)
  submit(@Body() dto: CreateComplaintDto, @Headers('idempotency-key') key?: string): Promise<SubmissionAnswer> {
    if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
      throw new LocalizedException(400, { zh: 'Idempotency-Key 应为 8–128 位字母、数字或 _ . : -', en: 'Idempotency-Key must be 8–128 letters, digits or _ . : -' });
    }
    return this.intake.submit(dto, { channel: 'web', idempotencyKey: key });
  }

  @Get(':trackingNo')
  @SkipThrottle({ intake: true })
  @ApiOperation({ summary: '查询进度 / status and timeline' })
  @ApiHeader({ name: 'X-Access-Code', required: true })
  status(@Param('trackingNo') no: string, @Headers('x-access-code') code: string | undefined, @Headers('accept-language') lang?: string) {
    return this.cases.status(no, code, languageOf(lang));
  }

  @Post(':trackingNo/withdraw')
  @HttpCode(200)
  @SkipThrottle({ intake: true })
  @ApiHeader({ name: 'X-Access-Code', required: true })
  @ApiOperation({ summary: '撤回 / withdraw (before it is closed)' })
  withdraw(@Param('trackingNo') no: string, @Headers('x-access-code') code: string | undefined, @Body() dto: WithdrawDto) {
    return this.cases.withdraw(no, code, dto.reason);
  }

  @Post(':trackingNo/supplements')
  @SkipThrottle({ intake: true })
  @ApiHeader({ name: 'X-Access-Code', required: true })
  @ApiOperation({ summary: '补充材料（文字）/ add information' })
  supplement(@Param('trackingNo') no: string, @Headers('x-access-code') code: string | undefined, @Body() dto: SupplementDto) {
    return this.cases.supplement(no, code, dto.text);
  }

  @Post(':trackingNo/attachments')
  @SkipThrottle({ intake: true })
  @ApiHeader({ name: 'X-Access-Code', required: true })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'array', items: { type: 'string', format: 'binary' } } } } })
  @ApiOperation({ summary: '上传附件（图片或 PDF，每个 ≤ 10 MB）/ attach images or PDF' })
  @UseInterceptors(FilesInterceptor('file', 5, { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 5, fields: 5 } }))
  attach(@Param('trackingNo') no: string, @Headers('x-access-code') code: string | undefined, @UploadedFiles() files: UploadedFileInput[] = []) {
    return this.cases.attach(no, code, files);
  }

  @Get(':trackingNo/attachments/:id')
  @SkipThrottle({ intake: true })
  @ApiHeader({ name: 'X-Access-Code', required: true })
  @ApiOperation({ summary: '下载附件 / download an attachment' })
  async download(
    @Param('trackingNo') no: string,
    @Param('id') id: string,
    @Headers('x-access-code') code: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.cases.download(no, code, id);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(file.stream, { type: file.mime, length: file.size, disposition: `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}` });
  }

  @Post(':trackingNo/rating')
  @SkipThrottle({ intake: true })
  @ApiHeader({ name: 'X-Access-Code', required: true })
  @ApiOperation({ summary: '办结后评价 / rate after closing' })
  rate(@Param('trackingNo') no: string, @Headers('x-access-code') code: string | undefined, @Body() dto: RatingDto) {
    return this.cases.rate(no, code, dto.rating, dto.comment);
  }
}
