import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequestLang } from '@weiquan/core';
import type { Lang } from '@weiquan/core';
import { JointCaseDto } from '@weiquan/cases';
import { CreateJointCaseDto, jointCaseInput } from '@weiquan/cases/joint/dto/joint-case.dto';
import { ApiErrors, ERRORS } from '@weiquan/core/http/dto/error.dto';
import { CurrentStaff, Roles } from '@weiquan/identity';
import type { StaffPrincipal } from '@weiquan/identity';
import { ConsumerWarningDto, PublishConsumerWarningDto } from '../consumer-warnings/dto/consumer-warning.dto';
import { AlertActionsService } from './alert-actions.service';
import { AlertsService } from './alerts.service';
import { AcknowledgeAlertDto, AlertDetailDto, AlertListQuery, AlertPageDto, DismissAlertDto } from './dto/alerts.dto';

const NO_ALERT = '没有这条预警，或不在调用者的地区 / no such alert, or not in the caller’s area';
const LANGUAGE = {
  name: 'Accept-Language',
  required: false,
  description: '证据说明的语言：中文（默认）或 en / zh (default) or en for the findings in words',
} as const;
const ONLY_BUREAUS = '只有该地区的县级市场监管部门和市市场监管局可以处置 / only the area’s county bureau and the city bureau act on it';

@ApiTags('warnings 消费预警')
@ApiBearerAuth()
@Controller('warnings/alerts')
@Roles('regulator-staff', 'city-analyst', 'admin')
@ApiErrors({
  401: ERRORS.unauthenticated,
  403: '消费预警仅供市场监管部门和市级统计分析人员 / for the market bureaus and the city analysts',
})
export class AlertsController {
  constructor(
    private readonly alerts: AlertsService,
    private readonly actions: AlertActionsService,
  ) {}

  @Get()
  @ApiOperation({ summary: '消费预警列表（最新在前）/ early-warning alerts, newest first (a county bureau sees its area’s)' })
  @ApiHeader(LANGUAGE)
  @ApiOkResponse({ type: AlertPageDto })
  @ApiErrors({ 400: ERRORS.validation })
  list(@CurrentStaff() staff: StaffPrincipal, @Query() q: AlertListQuery, @RequestLang() lang: Lang): Promise<AlertPageDto> {
    return this.alerts.list(staff, q, lang);
  }

  @Get(':id')
  @ApiOperation({ summary: '预警详情：证据、通知的部门、处置记录 / an alert with its evidence, the bureaus told and its history' })
  @ApiHeader(LANGUAGE)
  @ApiOkResponse({ type: AlertDetailDto })
  @ApiErrors({ 404: NO_ALERT })
  get(@CurrentStaff() staff: StaffPrincipal, @Param('id') id: string, @RequestLang() lang: Lang): Promise<AlertDetailDto> {
    return this.alerts.get(staff, id, lang);
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @ApiOperation({ summary: '确认预警（正在核实）/ acknowledge: the bureau is looking into it' })
  @ApiHeader(LANGUAGE)
  @ApiOkResponse({ type: AlertDetailDto })
  @ApiErrors({ 400: ERRORS.validation, 403: ONLY_BUREAUS, 404: NO_ALERT, 409: '预警已处置或已排除 / already acted on or dismissed' })
  acknowledge(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
    @Body() dto: AcknowledgeAlertDto,
    @RequestLang() lang: Lang,
  ): Promise<AlertDetailDto> {
    return this.alerts.acknowledge(staff, id, dto.note ?? null, lang);
  }

  @Post(':id/dismiss')
  @HttpCode(200)
  @ApiOperation({ summary: '排除预警（须说明理由）/ dismiss, with the reason' })
  @ApiHeader(LANGUAGE)
  @ApiOkResponse({ type: AlertDetailDto })
  @ApiErrors({ 400: ERRORS.validation, 403: ONLY_BUREAUS, 404: NO_ALERT, 409: '预警已处置或已排除 / already acted on or dismissed' })
  dismiss(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
    @Body() dto: DismissAlertDto,
    @RequestLang() lang: Lang,
  ): Promise<AlertDetailDto> {
    return this.alerts.dismiss(staff, id, dto.reason, lang);
  }

  @Post(':id/joint-case')
  @HttpCode(201)
  @ApiOperation({
    summary:
      '将预警涉及的投诉按共同投诉处理（第十二条，须经投诉人同意），并标记预警已处置 / group the alert’s complaints into a joint complaint (Art. 12, with the complainants’ consent) and mark the alert acted on',
  })
  @ApiCreatedResponse({ type: JointCaseDto })
  @ApiErrors({
    400: '同 POST /joint-cases；或所选投诉不是针对预警对象 / as POST /joint-cases; or the complaints are not against the alert’s business',
    403: ONLY_BUREAUS,
    404: NO_ALERT,
    409: '同 POST /joint-cases；或预警已排除 / as POST /joint-cases; or the alert was dismissed',
  })
  jointCase(@CurrentStaff() staff: StaffPrincipal, @Param('id') id: string, @Body() dto: CreateJointCaseDto): Promise<JointCaseDto> {
    return this.actions.jointCase(staff, id, jointCaseInput(dto));
  }

  @Post(':id/consumer-warning')
  @HttpCode(201)
  @ApiOperation({
    summary:
      '据此预警发布消费提示（第三十八条），并标记预警已处置 / publish a consumer warning from the alert (Art. 38) and mark it acted on',
  })
  @ApiCreatedResponse({ type: ConsumerWarningDto })
  @ApiErrors({
    400: '同 POST /consumer-warnings / as POST /consumer-warnings',
    403: ONLY_BUREAUS,
    404: NO_ALERT,
    409: '预警已排除 / the alert was dismissed',
  })
  consumerWarning(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
    @Body() dto: PublishConsumerWarningDto,
  ): Promise<ConsumerWarningDto> {
    return this.actions.consumerWarning(staff, id, dto);
  }
}
