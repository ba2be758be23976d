import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { LocalizedException, RequestLang, yuanToFen } from '@weiquan/core';
import type { Lang } from '@weiquan/core';
import { ApiErrors, ERRORS } from '@weiquan/core/http/dto/error.dto';
import { CITY_ROLES, CurrentStaff, Roles, STAFF_ROLES } from '@weiquan/identity';
import type { StaffPrincipal } from '@weiquan/identity';
import { CaseHandlingService } from './case-handling.service';
import { CaseQueueService } from './case-queue.service';
import { CaseActionDto } from './dto/case-handling.dto';
import { CaseCountsQuery, CaseListQuery } from './dto/case-list.query';
import { CaseCountsDto, CasePageDto, WorkloadDto } from './dto/case-queue.dto';
import { ActionNotAllowedDto, ActionResultDto, CaseDetailDto, PersonalDataDto } from './dto/case-view.dto';

const LANGUAGE = {
  name: 'Accept-Language',
  required: false,
  description: '状态、期限名称的语言：中文（默认）或 en / zh (default) or en for status and clock texts',
} as const;
const NO_CASE = '没有这个案件，或不在调用者可查阅的范围内 / no such case, or not one the caller may read';

@ApiTags('cases 案件办理（工作人员）')
@ApiBearerAuth()
@Controller('cases')
@Roles(...CITY_ROLES)
@ApiErrors({ 401: ERRORS.unauthenticated })
export class CasesController {
  constructor(
    private readonly cases: CaseHandlingService,
    private readonly queue: CaseQueueService,
  ) {}

  @Get()
  @ApiOperation({ summary: "本单位案件队列 / the unit's cases (city-level roles: all), keyset-paged" })
  @ApiHeader(LANGUAGE)
  @ApiOkResponse({ type: CasePageDto })
  @ApiErrors({ 400: ERRORS.validation })
  list(@CurrentStaff() staff: StaffPrincipal, @Query() q: CaseListQuery, @RequestLang() lang: Lang): Promise<CasePageDto> {
    return this.queue.list(staff, q, lang);
  }

  // Before ':id', which would otherwise take these paths.
  @Get('counts')
  @ApiOperation({
    summary:
      "本单位（可查阅范围内）每个状态的案件数，按队列的其他筛选条件 / how many of the cases the caller may read are in each status, under the queue's other filters",
  })
  @ApiOkResponse({ type: CaseCountsDto })
  @ApiErrors({ 400: ERRORS.validation })
  counts(@CurrentStaff() staff: StaffPrincipal, @Query() q: CaseCountsQuery): Promise<CaseCountsDto> {
    return this.queue.counts(staff, q);
  }

  @Get('workload')
  @ApiOperation({
    summary:
      '本单位未办结案件中已超期、2 个工作日内到期的件数（页眉提示）/ of the open cases the caller may read, how many are overdue and due within 2 working days',
  })
  @ApiOkResponse({ type: WorkloadDto })
  workload(@CurrentStaff() staff: StaffPrincipal): Promise<WorkloadDto> {
    return this.queue.workload(staff);
  }

  @Get(':id')
  @ApiOperation({ summary: '案件详情：历史、分派理由、时限、可执行操作 / case file with history, routing, clocks, allowed actions' })
  @ApiHeader(LANGUAGE)
  @ApiOkResponse({ type: CaseDetailDto })
  @ApiErrors({ 404: NO_CASE })
  detail(@CurrentStaff() staff: StaffPrincipal, @Param('id') id: string, @RequestLang() lang: Lang): Promise<CaseDetailDto> {
    return this.cases.detail(staff, id, lang);
  }

  @Get(':id/personal-data')
  @ApiOperation({ summary: '完整个人信息（仅承办单位，查看留痕）/ personal data in full: handling unit only, every view audited' })
  @ApiOkResponse({ type: PersonalDataDto })
  @ApiErrors({ 403: "调用者的单位不是承办单位 / the caller's unit does not handle the case", 404: NO_CASE })
  personalData(@CurrentStaff() staff: StaffPrincipal, @Param('id') id: string): Promise<PersonalDataDto> {
    return this.cases.personalData(staff, id);
  }

  @Post(':id/actions')
  // Businesses answer the complaints against them here too (they read them through /business/cases).
  @Roles(...STAFF_ROLES)
  @HttpCode(200)
  @ApiOperation({ summary: '办理操作（状态机）/ an action on the case; 409 with the allowed ones when not allowed now' })
  @ApiOkResponse({ type: ActionResultDto })
  @ApiErrors({
    400: '缺少或错误的理由代码、说明、金额、合并目标（mergeInto）、和解方案（remedy）等，details 指出字段；targetUnit 不受支持 / a missing or wrong reasonCode, note, amount, mergeInto or remedy (details names the field); targetUnit is refused',
    403: "调用者的角色或单位只能查阅、不能办理；服务站不能作出受理、不予受理、调解、立案等监管部门的决定 / the caller's role or unit may read the case but not act on it; a station never takes a department's decisions (accept, refuse, mediate, terminate…)",
    404: NO_CASE,
    409: {
      description:
        '当前状态不允许该操作（allowed 列出可执行的操作），或案件已离开本单位、状态已变化，或 mergeInto 所指举报已不能合并 / not allowed in the current state (allowed lists what is), or the case moved meanwhile, or the report named by mergeInto can no longer take a merge',
      type: ActionNotAllowedDto,
    },
  })
  act(@CurrentStaff() staff: StaffPrincipal, @Param('id') id: string, @Body() dto: CaseActionDto): Promise<ActionResultDto> {
    if (dto.targetUnit !== undefined && dto.action !== 'refer-to-business') {
      throw new LocalizedException(
        400,
        {
          zh: '单位不能自行横向转办：请使用"退回"（hand-back），由分派规则重新分派',
          en: 'units never forward a case sideways: hand it back and routing assigns it again',
        },
        [{ field: 'targetUnit', message: { zh: '不支持指定接收单位', en: 'not supported' } }],
      );
    }
    // A null (as forms send for an empty field) is a field not given, never 0 yuan or "no agreement".
    return this.cases.act(staff, id, {
      action: dto.action,
      reasonCode: dto.reasonCode ?? undefined,
      note: dto.note ?? undefined,
      amountRecoveredFen: dto.amountRecovered == null ? undefined : yuanToFen(dto.amountRecovered),
      agreement: dto.agreement ?? undefined,
      mergeInto: dto.mergeInto ?? undefined,
      remedy: dto.remedy ?? undefined,
      amountOfferedFen: dto.amountOffered == null ? undefined : yuanToFen(dto.amountOffered),
      response: dto.response ?? undefined,
      targetUnit: dto.targetUnit,
    });
  }
}
