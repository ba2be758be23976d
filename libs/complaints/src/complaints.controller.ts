import {
  Body,
  CanActivate,
  Controller,
  ExecutionContext,
  Get,
  Headers,
  HttpCode,
  Injectable,
  Param,
  Post,
  Res,
  StreamableFile,
  UploadedFiles,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { LocalizedException, RequestLang } from '@weiquan/core';
import type { Lang } from '@weiquan/core';
import { ApiErrors, ERRORS } from '@weiquan/core/http/dto/error.dto';
import type { Request, Response } from 'express';
import { ConsumerThrottleGuard } from './complaints.throttle';
import { AccessCodeRecovery } from './consumer/access-code-recovery';
import { ConsumerCaseService } from './consumer/consumer-case.service';
import { fileAnswer } from './consumer/case-attachments';
import { ConsumerUploadGuard } from './consumer/consumer-upload.guard';
import type { UploadedFileInput } from './consumer/sealed-uploads';
import { SEALED_UPLOADS, UploadCase } from './consumer/sealed-uploads';
import { ALLOWED_MIME, MAX_ATTACHMENT_BYTES } from './consumer/attachment.store';
import {
  AccessCodeRecoveryDto,
  AttachmentsAddedDto,
  ConsumerCaseViewDto,
  EscalatedDto,
  NotAComplaintErrorDto,
  OfferAcceptedDto,
  RatingAnswerDto,
  SubmissionAnswerDto,
  SupplementAddedDto,
  WithdrawnDto,
} from './dto/consumer-answers.dto';
import {
  AttachmentFieldsDto,
  EscalateDto,
  NotDeliveredDto,
  RatingDto,
  RecoverAccessCodeDto,
  SupplementDto,
  WithdrawDto,
} from './dto/consumer.dto';
import { CreateComplaintDto } from './dto/create-complaint.dto';
import { IntakeService } from './intake/intake.service';
import { NotAComplaintGuard } from './intake/not-a-complaint.guard';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,128}$/;

/** The header names as documented; Nest reads headers case-insensitively. */
const ACCESS_CODE = {
  name: 'X-Access-Code',
  required: true,
  description: '提交时得到的 8 位查询码 / the 8-digit access code given on submission',
  example: '48213905',
} as const;
const LANGUAGE = { name: 'Accept-Language', required: false, description: '中文（默认）或 en / zh (default) or en' } as const;
const NOT_FOUND =
  '没有这个查询编号，或查询码缺失、不正确（两者答复相同）/ no such tracking number, or a missing or wrong access code (the same answer)';
const THROTTLED = '请求过于频繁（带 Retry-After）/ too many requests from this client (with Retry-After)';
const FINISHED = '案件已办结或已撤回 / the case is closed or withdrawn';

/** Runs before validation, so a form or text body is told its type is wrong, not that every field is missing. */
@Injectable()
class JsonBodyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (!context.switchToHttp().getRequest<Request>().is('application/json')) {
      throw new LocalizedException(415, {
        zh: '请求体应为 JSON（Content-Type: application/json）',
        en: 'the body must be JSON (Content-Type: application/json)',
      });
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
    private readonly recovery: AccessCodeRecovery,
  ) {}

  @Post()
  @SkipThrottle({ lookup: true })
  @ApiOperation({ summary: '提交投诉或举报 / file a complaint or report' })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      '8–128 位字母、数字或 _ . : -；同一 Key 同一内容 24 小时内只受理一次 / retries with the same key and body within 24 hours answer the first answer again',
    example: 'b7d1c0e4-2f3a-4c55-9e61-0a8f3d2c1b9e',
  })
  @ApiHeader(LANGUAGE)
  @ApiCreatedResponse({
    type: SubmissionAnswerDto,
    description: '已收到：查询编号、查询码与受理期限 / received: tracking number, access code, acceptance deadline',
  })
  @ApiErrors({
    400: `${ERRORS.validation}；Idempotency-Key 格式不对 / or a malformed Idempotency-Key`,
    413: '请求体超过 256 KB / the body is over 256 kB',
    415: '请求体不是 JSON / the body is not JSON',
    422: {
      description:
        'kind 为咨询、政府信息公开申请、行政复议申请或纪检监察检举控告：不属于投诉举报，message 说明应向何处提出，不登记案件（第121号令第四十四条）；或该 Idempotency-Key 已用于另一份不同的提交 / a kind that is not a complaint or report (Order 121 Art. 44): the message says where it goes, no case is made; or the Idempotency-Key was used for a different submission',
      type: NotAComplaintErrorDto,
    },
    429: THROTTLED,
  })
  @UseGuards(JsonBodyGuard, NotAComplaintGuard)
  submit(@Body() dto: CreateComplaintDto, @Headers('Idempotency-Key') key?: string): Promise<SubmissionAnswerDto> {
    if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
      throw new LocalizedException(400, {
        zh: 'Idempotency-Key 应为 8–128 位字母、数字或 _ . : -',
        en: 'Idempotency-Key must be 8–128 letters, digits or _ . : -',
      });
    }
    return this.intake.submit(dto, { channel: 'web', idempotencyKey: key });
  }

  @Get(':trackingNo')
  @SkipThrottle({ intake: true })
  @ApiOperation({ summary: '查询进度 / status and timeline' })
  @ApiHeader(ACCESS_CODE)
  @ApiHeader(LANGUAGE)
  @ApiOkResponse({ type: ConsumerCaseViewDto })
  @ApiErrors({ 404: NOT_FOUND, 429: THROTTLED })
  status(
    @Param('trackingNo') no: string,
    @Headers('X-Access-Code') code: string | undefined,
    @RequestLang() lang: Lang,
  ): Promise<ConsumerCaseViewDto> {
    return this.cases.status(no, code, lang);
  }

  @Post(':trackingNo/access-code')
  @HttpCode(202)
  @SkipThrottle({ intake: true })
  @ApiOperation({
    summary: '重新获取查询码 / get a new access code by SMS',
    description:
      '查询编号和手机号与登记的一致时，新查询码以短信发送到登记的手机，原查询码作废；每件每天最多 3 次。无论编号是否存在、手机号是否一致，答复都相同 / ' +
      'when the tracking number and phone match the case, a new access code goes by SMS to the phone on file and the old one stops working; 3 a day per case. The answer is the same whether or not the number exists and the phone matches',
  })
  @ApiAcceptedResponse({ type: AccessCodeRecoveryDto })
  @ApiErrors({ 400: `${ERRORS.validation}；手机号格式不对 / or not a mainland mobile number`, 429: THROTTLED })
  recoverAccessCode(@Param('trackingNo') no: string, @Body() dto: RecoverAccessCodeDto): Promise<AccessCodeRecoveryDto> {
    return this.recovery.recover(no, dto.phone);
  }

  @Post(':trackingNo/withdraw')
  @HttpCode(200)
  @SkipThrottle({ intake: true })
  @ApiHeader(ACCESS_CODE)
  @ApiOperation({
    summary: '撤回 / withdraw (before it is closed)',
    description:
      '受理后撤回投诉即终止调解（终止理由 1，总局令第121号第二十三条第（一）项）/ once a complaint is accepted, withdrawing it terminates mediation (termination ground 1)',
  })
  @ApiOkResponse({ type: WithdrawnDto })
  @ApiErrors({
    400: ERRORS.validation,
    404: NOT_FOUND,
    409: '当前状态不能撤回，或状态刚刚变化 / not in a state that can be withdrawn, or it changed meanwhile',
    429: THROTTLED,
  })
  withdraw(
    @Param('trackingNo') no: string,
    @Headers('X-Access-Code') code: string | undefined,
    @Body() dto: WithdrawDto,
  ): Promise<WithdrawnDto> {
    return this.cases.withdraw(no, code, dto.reason);
  }

  @Post(':trackingNo/settlement/accept')
  @HttpCode(200)
  @SkipThrottle({ intake: true })
  @ApiHeader(ACCESS_CODE)
  @ApiOperation({
    summary: '接受和解方案 / accept the business’s offer (settled at the source, closed)',
    description:
      '协商和解阶段，服务站记录了经营者的方案后，消费者接受即和解办结（源头化解），方案金额计为挽回金额 / once the station has recorded the business’s offer, accepting it settles and closes the case',
  })
  @ApiOkResponse({ type: OfferAcceptedDto })
  @ApiErrors({
    404: NOT_FOUND,
    409: '尚无方案、已不在协商和解阶段，或状态刚刚变化 / no offer yet, no longer in the settlement stage, or it changed meanwhile',
    429: THROTTLED,
  })
  acceptOffer(@Param('trackingNo') no: string, @Headers('X-Access-Code') code: string | undefined): Promise<OfferAcceptedDto> {
    return this.cases.acceptOffer(no, code);
  }

  @Post(':trackingNo/escalate')
  @HttpCode(200)
  @SkipThrottle({ intake: true })
  @ApiHeader(ACCESS_CODE)
  @ApiOperation({
    summary: '转为正式投诉 / leave the settlement stage for a formal complaint',
    description:
      '协商和解阶段随时可用（不接受方案也用此操作）：市场监管部门自当日收到投诉，7 个工作日内告知是否受理 / allowed at any time in the settlement stage (rejecting the offer is this step): the department receives the complaint today and decides on acceptance within 7 working days',
  })
  @ApiOkResponse({ type: EscalatedDto })
  @ApiErrors({
    400: ERRORS.validation,
    404: NOT_FOUND,
    409: '已不在协商和解阶段，或状态刚刚变化 / no longer in the settlement stage, or it changed meanwhile',
    429: THROTTLED,
  })
  escalate(
    @Param('trackingNo') no: string,
    @Headers('X-Access-Code') code: string | undefined,
    @Body() dto: EscalateDto,
  ): Promise<EscalatedDto> {
    return this.cases.escalate(no, code, dto.reason);
  }

  @Post(':trackingNo/settlement/not-delivered')
  @HttpCode(200)
  @SkipThrottle({ intake: true })
  @ApiHeader(ACCESS_CODE)
  @ApiOperation({
    summary: '经营者未履行和解方案 / the business did not deliver the accepted offer',
    description:
      '接受方案后 7 日内（市政策）可用：和解撤销，转为向市场监管部门正式投诉，部门自当日收到 / within 7 days of accepting (city policy): the settlement is undone and the case becomes a formal complaint the department receives today',
  })
  @ApiOkResponse({ type: EscalatedDto })
  @ApiErrors({
    400: ERRORS.validation,
    404: NOT_FOUND,
    409: '未接受方案、已超过期限，或状态刚刚变化 / no accepted offer, past the period, or it changed meanwhile',
    429: THROTTLED,
  })
  notDelivered(
    @Param('trackingNo') no: string,
    @Headers('X-Access-Code') code: string | undefined,
    @Body() dto: NotDeliveredDto,
  ): Promise<EscalatedDto> {
    return this.cases.notDelivered(no, code, dto.reason);
  }

  @Post(':trackingNo/supplements')
  @SkipThrottle({ intake: true })
  @ApiHeader(ACCESS_CODE)
  @ApiOperation({ summary: '补充材料（文字）/ add information' })
  @ApiCreatedResponse({ type: SupplementAddedDto })
  @ApiErrors({ 400: ERRORS.validation, 404: NOT_FOUND, 409: FINISHED, 429: THROTTLED })
  supplement(
    @Param('trackingNo') no: string,
    @Headers('X-Access-Code') code: string | undefined,
    @Body() dto: SupplementDto,
  ): Promise<SupplementAddedDto> {
    return this.cases.supplement(no, code, dto.text);
  }

  @Post(':trackingNo/attachments')
  @SkipThrottle({ intake: true })
  @ApiHeader(ACCESS_CODE)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'array', maxItems: 5, items: { type: 'string', format: 'binary' } },
        shareWithBusiness: { type: 'string', enum: ['true', 'false'], description: '允许被投诉经营者查看 / the business may see them' },
      },
    },
  })
  @ApiOperation({ summary: '上传附件（图片或 PDF，每个 ≤ 10 MB）/ attach images or PDF' })
  @ApiCreatedResponse({ type: AttachmentsAddedDto })
  @ApiErrors({
    400: '没有文件，或超过 5 个 / no file, or more than 5',
    404: NOT_FOUND,
    409: `${FINISHED}；或超过每件 20 个附件 / or over 20 attachments per case`,
    413: '文件超过 10 MB / a file is over 10 MB',
    415: '不是图片（JPEG/PNG/WebP/GIF）或 PDF / not an image (JPEG/PNG/WebP/GIF) or a PDF',
    429: THROTTLED,
  })
  // The guard finds the case before the body is read; the files stream in sealed (SEALED_UPLOADS).
  @ApiParam({ name: 'trackingNo', type: String, description: '投诉或举报的查询编号 / the tracking number' })
  @UseGuards(ConsumerUploadGuard)
  @UseInterceptors(
    FilesInterceptor('file', 5, { storage: SEALED_UPLOADS, limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 5, fields: 5 } }),
  )
  attach(
    @UploadCase() caseId: string,
    @UploadedFiles() files: UploadedFileInput[] = [],
    @Body() fields: AttachmentFieldsDto = {},
  ): Promise<AttachmentsAddedDto> {
    return this.cases.attach(caseId, files, fields.shareWithBusiness === 'true');
  }

  @Get(':trackingNo/attachments/:id')
  @SkipThrottle({ intake: true })
  @ApiHeader(ACCESS_CODE)
  @ApiOperation({ summary: '下载附件 / download an attachment' })
  @ApiOkResponse({
    description: '文件本身（Content-Disposition: attachment）/ the file itself',
    content: Object.fromEntries(ALLOWED_MIME.map((mime) => [mime, { schema: { type: 'string', format: 'binary' } }])),
  })
  @ApiErrors({ 404: `${NOT_FOUND}；或没有这个附件 / or no such attachment`, 429: THROTTLED })
  async download(
    @Param('trackingNo') no: string,
    @Param('id') id: string,
    @Headers('X-Access-Code') code: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.cases.download(no, code, id);
    return fileAnswer(res, file);
  }

  @Post(':trackingNo/rating')
  @SkipThrottle({ intake: true })
  @ApiHeader(ACCESS_CODE)
  @ApiOperation({ summary: '办结后评价 / rate after closing' })
  @ApiCreatedResponse({ type: RatingAnswerDto })
  @ApiErrors({
    400: ERRORS.validation,
    404: NOT_FOUND,
    409: '投诉尚未办结、不是投诉，或已经评价过 / not a closed complaint, or already rated',
    429: THROTTLED,
  })
  rate(
    @Param('trackingNo') no: string,
    @Headers('X-Access-Code') code: string | undefined,
    @Body() dto: RatingDto,
  ): Promise<RatingAnswerDto> {
    return this.cases.rate(no, code, dto.rating, dto.comment);
  }
}
