import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { bilingual, PageQuery, RequestLang } from '@weiquan/core';
import type { Lang } from '@weiquan/core';
import { ApiErrors, ERRORS } from '@weiquan/core/http/dto/error.dto';
import { ConsumerThrottleGuard } from '../complaints.throttle';
import { DisclosurePageDto } from '../dto/consumer-answers.dto';
import { DisclosureService } from './disclosure.service';

const t = bilingual;

export class DisclosureQuery extends PageQuery {
  @ApiPropertyOptional({ description: '经营者名称（包含）或统一社会信用代码 / business name (contains) or credit code' })
  @IsOptional()
  @IsString(t('应为文本', 'must be text'))
  @Length(1, 100, t('应为 1–100 个字', 'must be 1–100 characters'))
  respondent?: string;

  @ApiPropertyOptional({ example: 'catering' })
  @IsOptional()
  @IsString(t('应为文本', 'must be text'))
  @MaxLength(40, t('最多 40 个字符', 'at most 40 characters'))
  categoryCode?: string;
}

/** No sign-in: limited per client like the consumer's lookups (LOOKUP_RATE_LIMIT, in Redis, across API processes). */
@ApiTags('disclosure 消费投诉信息公示')
@Controller('disclosure')
@UseGuards(ConsumerThrottleGuard)
@SkipThrottle({ intake: true })
export class DisclosureController {
  constructor(private readonly disclosure: DisclosureService) {}

  @Get()
  @ApiOperation({
    summary:
      '消费投诉信息公示：经营者、类别、问题、日期与结果，不含任何消费者信息 / published complaints about businesses, never consumer data',
    description:
      '仅公示消费者同意公开、已受理且已办结（调解成功或终止调解）的投诉 / only complaints the consumer consented to publish, accepted and concluded',
  })
  @ApiHeader({
    name: 'Accept-Language',
    required: false,
    description: '问题类型与结果的语言：中文（默认）或 en / zh (default) or en for issue and outcome texts',
  })
  @ApiOkResponse({ type: DisclosurePageDto })
  @ApiErrors({
    400: `${ERRORS.validation}；cursor 无效 / or an invalid cursor`,
    429: '请求过于频繁（带 Retry-After）/ too many requests from this client (with Retry-After)',
  })
  list(@Query() q: DisclosureQuery, @RequestLang() lang: Lang): Promise<DisclosurePageDto> {
    return this.disclosure.list(q, lang);
  }
}
