import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { languageOf, LocalizedException, yuanToFen } from '@weiquan/core';
import { CurrentStaff, StaffAuthGuard } from '@weiquan/identity';
import type { StaffPrincipal } from '@weiquan/identity';
import { CaseHandlingService } from './case-handling.service';
import { CaseActionDto, CaseListQuery } from './dto/case-handling.dto';

@ApiTags('cases 案件办理（工作人员）')
@ApiBearerAuth()
@Controller('cases')
@UseGuards(StaffAuthGuard)
export class CasesController {
  constructor(private readonly cases: CaseHandlingService) {}

  @Get()
  @ApiOperation({ summary: '本单位案件队列 / the unit\'s cases (city-level roles: all), keyset-paged' })
  list(@CurrentStaff() staff: StaffPrincipal, @Query() q: CaseListQuery, @Headers('accept-language') lang?: string) {
    return this.cases.list(staff, q, languageOf(lang));
  }

  @Get(':id')
  @ApiOperation({ summary: '案件详情：历史、分派理由、时限、可执行操作 / case file with history, routing, clocks, allowed actions' })
  detail(@CurrentStaff() staff: StaffPrincipal, @Param('id') id: string, @Headers('accept-language') lang?: string) {
    return this.cases.detail(staff, id, languageOf(lang));
  }

  @Get(':id/personal-data')
  @ApiOperation({ summary: '完整个人信息（仅承办单位，查看留痕）/ personal data in full: handling unit only, every view audited' })
  personalData(@CurrentStaff() staff: StaffPrincipal, @Param('id') id: string) {
    return this.cases.personalData(staff, id);
  }

  @Post(':id/actions')
  @HttpCode(200)
  @ApiOperation({ summary: '办理操作（状态机）/ an action on the case; 409 with the allowed ones when not allowed now' })
  act(@CurrentStaff() staff: StaffPrincipal, @Param('id') id: string, @Body() dto: CaseActionDto) {
    if (dto.targetUnit !== undefined) {
      throw new LocalizedException(400, { zh: '单位不能自行横向转办：请使用"退回"（hand-back），由分派规则重新分派', en: 'units never forward a case sideways: hand it back and routing assigns it again' }, [
        { field: 'targetUnit', message: { zh: '不支持指定接收单位', en: 'not supported' } },
      ]);
    }
    // A null (as forms send for an empty field) is a field not given, never 0 yuan or "no agreement".
    return this.cases.act(staff, id, {
      action: dto.action,
      reasonCode: dto.reasonCode ?? undefined,
      note: dto.note ?? undefined,
      amountRecoveredFen: dto.amountRecovered == null ? undefined : yuanToFen(dto.amountRecovered),
      agreement: dto.agreement ?? undefined,
    });
  }
}
