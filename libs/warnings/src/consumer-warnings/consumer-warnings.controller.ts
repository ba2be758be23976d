import { Body, Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { ConsumerThrottleGuard } from '@weiquan/complaints/complaints.throttle';
import { ApiErrors, ERRORS } from '@weiquan/core/http/dto/error.dto';
import { CITY_ROLES, CurrentStaff, Roles } from '@weiquan/identity';
import type { StaffPrincipal } from '@weiquan/identity';
import { ConsumerWarningsService } from './consumer-warnings.service';
import {
  ActiveWarningsQuery,
  ConsumerWarningDto,
  PublicConsumerWarningDto,
  PublishConsumerWarningDto,
  WithdrawConsumerWarningDto,
} from './dto/consumer-warning.dto';

const WHO =
  '市场监督管理局工作人员：市局可发布全市或任一区县，区县局仅本辖区 / market-regulation staff: the city bureau for the city or any area, a county bureau for its own area';

/** The bureau's consumer warnings (消费提示, Order 121 Art. 38): publish, list, withdraw. */
@ApiTags('consumer warnings 消费提示')
@ApiBearerAuth()
@Controller('consumer-warnings')
@ApiErrors({ 401: ERRORS.unauthenticated })
export class ConsumerWarningsController {
  constructor(private readonly warnings: ConsumerWarningsService) {}

  @Post()
  @Roles('regulator-staff')
  @ApiOperation({ summary: '发布消费提示 / publish a consumer warning', description: WHO })
  @ApiCreatedResponse({ type: ConsumerWarningDto })
  @ApiErrors({
    400: `${ERRORS.validation}；日期不合规则、含手机号或身份证号、区县或类别不存在 / bad dates, a mobile or ID number in the text, unknown area or category`,
    403: `${ERRORS.forbidden}；${WHO}`,
  })
  publish(@CurrentStaff() p: StaffPrincipal, @Body() dto: PublishConsumerWarningDto): Promise<ConsumerWarningDto> {
    return this.warnings.publish(p, dto);
  }

  @Get()
  @Roles(...CITY_ROLES)
  @ApiOperation({
    summary: '消费提示列表（含状态）/ consumer warnings with their status today',
    description:
      '市级单位和市级角色：全部；区县单位和服务站：本区县和全市的；新发布的在前 / city-level: all; a county unit or station: its area’s and the city-wide ones; newest first',
  })
  @ApiOkResponse({ type: [ConsumerWarningDto] })
  @ApiErrors({ 403: ERRORS.forbidden })
  list(@CurrentStaff() p: StaffPrincipal): Promise<ConsumerWarningDto[]> {
    return this.warnings.list(p);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles('regulator-staff')
  @ApiOperation({ summary: '撤回消费提示（提前结束）/ withdraw a warning (end it early)', description: WHO })
  @ApiParam({ name: 'id', example: '12' })
  @ApiOkResponse({ type: ConsumerWarningDto })
  @ApiErrors({
    400: ERRORS.validation,
    403: `${ERRORS.forbidden}；${WHO}`,
    404: '没有这条消费提示 / no such warning',
    409: '已撤回或已过有效期 / withdrawn already, or ended',
  })
  withdraw(
    @CurrentStaff() p: StaffPrincipal,
    @Param('id') id: string,
    @Body() dto: WithdrawConsumerWarningDto,
  ): Promise<ConsumerWarningDto> {
    return this.warnings.withdraw(p, id, dto.reason);
  }
}

/**
 * The warnings in force today, for the public (消费提示): no sign-in, limited per client like the
 * other disclosure reads (LOOKUP_RATE_LIMIT, in Redis, across API processes).
 */
@ApiTags('disclosure 消费投诉信息公示')
@Controller('disclosure/warnings')
@UseGuards(ConsumerThrottleGuard)
@SkipThrottle({ intake: true })
export class PublicWarningsController {
  constructor(private readonly warnings: ConsumerWarningsService) {}

  @Get()
  @ApiOperation({
    summary: '生效中的消费提示 / consumer warnings in force today',
    description:
      '市场监管部门发布、今天（中国日期）在有效期内且未撤回的，新发布的在前；只写发布单位，不含发布人 / published by the market regulators, in force today (China) and not withdrawn, newest first; the unit, never the person',
  })
  @ApiOkResponse({ type: [PublicConsumerWarningDto] })
  @ApiErrors({ 400: ERRORS.validation, 429: '请求过于频繁（带 Retry-After）/ too many requests from this client (with Retry-After)' })
  active(@Query() q: ActiveWarningsQuery): Promise<PublicConsumerWarningDto[]> {
    return this.warnings.active(q);
  }
}
