import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { ConsumerThrottleGuard } from '@weiquan/complaints/complaints.throttle';
import { RequestLang } from '@weiquan/core';
import type { Lang } from '@weiquan/core';
import { ApiErrors, ERRORS } from '@weiquan/core/http/dto/error.dto';
import { BusinessDisclosureService } from './business-disclosure.service';
import { BusinessRecordDto, BusinessRecordQuery, BusinessSearchQuery, PublicBusinessPageDto } from './dto/business-disclosure.dto';

const THROTTLED = '请求过于频繁（带 Retry-After）/ too many requests from this client (with Retry-After)';
const BAD_CURSOR = `${ERRORS.validation}；cursor 无效 / or an invalid cursor`;

/**
 * The public record of enrolled businesses (消费投诉信息公示, Order 121 Art. 38): no sign-in, limited
 * per client like the consumer's lookups (LOOKUP_RATE_LIMIT, in Redis, across API processes).
 */
@ApiTags('disclosure 消费投诉信息公示')
@Controller('disclosure/businesses')
@UseGuards(ConsumerThrottleGuard)
@SkipThrottle({ intake: true })
export class BusinessDisclosureController {
  constructor(private readonly businesses: BusinessDisclosureService) {}

  @Get()
  @ApiOperation({
    summary: '在线纠纷解决企业公示：按名称或统一社会信用代码查找 / enrolled businesses, by part of the name or the exact credit code',
  })
  @ApiOkResponse({ type: PublicBusinessPageDto })
  @ApiErrors({ 400: BAD_CURSOR, 429: THROTTLED })
  search(@Query() q: BusinessSearchQuery): Promise<PublicBusinessPageDto> {
    return this.businesses.search(q);
  }

  @Get(':creditCode')
  @ApiOperation({
    summary:
      '经营者公示记录：声明、处理投诉的指标与公示的投诉 / a business’s public record: its statement, its figures and the published complaints',
    description:
      '指标为全部历史（docs/METRICS.md「经营者」）；投诉仅含消费者同意公开、已受理且已办结的，不含任何消费者信息 / figures over all history; complaints only those consented, accepted and concluded, without consumer data',
  })
  @ApiParam({ name: 'creditCode', description: '统一社会信用代码 / unified social credit code', example: '91371502MA3C8X2Q13' })
  @ApiHeader({
    name: 'Accept-Language',
    required: false,
    description: '投诉问题与结果的语言：中文（默认）或 en / zh (default) or en for the complaints’ issue and outcome texts',
  })
  @ApiOkResponse({ type: BusinessRecordDto })
  @ApiErrors({ 400: BAD_CURSOR, 404: '没有以该信用代码登记的在线纠纷解决企业 / no enrolled business has this credit code', 429: THROTTLED })
  record(@Param('creditCode') creditCode: string, @Query() q: BusinessRecordQuery, @RequestLang() lang: Lang): Promise<BusinessRecordDto> {
    return this.businesses.record(creditCode, q, lang);
  }
}
