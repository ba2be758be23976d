import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { ApiErrors, ERRORS } from '@weiquan/core/http/dto/error.dto';
import { CurrentStaff, Roles } from '@weiquan/identity';
import type { StaffPrincipal } from '@weiquan/identity';
import type { Response } from 'express';
import { BusinessStatsService } from './business-stats.service';
import { BusinessStatsDto, BusinessStatsQuery, VenueBusinessStatsDto } from './dto/business-stats.dto';
import { BreakdownDto, RespondentHotspotsDto, SummaryDto, TimeseriesDto, UnitsDto } from './dto/stats-answers.dto';
import { ExportQuery, HotspotsQuery, StatsFilterQuery, TimeseriesQuery } from './dto/stats-query.dto';
import { BOM, csvLine } from './export.csv';
import { writeXlsx } from './export.xlsx';
import { StatsService } from './stats.service';

@ApiTags('stats 统计分析')
@ApiBearerAuth()
@Controller('stats')
@Roles('city-analyst', 'admin', 'regulator-staff', 'station-staff', 'station-admin')
@ApiErrors({
  400: `${ERRORS.validation}：日期、期间长度、未知的类别或单位、按单位统计时不可用的筛选条件 / dates, period length, unknown category or unit, filters not available when cut by unit`,
  401: ERRORS.unauthenticated,
  403: "指定的单位不在调用者可查看的范围内 / the unit asked for is outside the caller's own (and the stations it oversees)",
})
export class StatsController {
  constructor(
    private readonly stats: StatsService,
    private readonly businesses: BusinessStatsService,
  ) {}

  @Get('summary')
  @ApiOperation({ summary: '汇总指标 / summary figures for a period (docs/METRICS.md)' })
  @ApiOkResponse({ type: SummaryDto })
  summary(@CurrentStaff() staff: StaffPrincipal, @Query() q: StatsFilterQuery): Promise<SummaryDto> {
    return this.stats.summary(staff, q);
  }

  @Get('timeseries')
  @ApiOperation({ summary: '指标趋势 / one metric per day, week or month' })
  @ApiOkResponse({ type: TimeseriesDto })
  timeseries(@CurrentStaff() staff: StaffPrincipal, @Query() q: TimeseriesQuery): Promise<TimeseriesDto> {
    return this.stats.timeseries(staff, q);
  }

  @Get('hotspots')
  @ApiOperation({ summary: '热点：被投诉人、类别、区域 / hotspots by respondent, category or area' })
  @ApiExtraModels(BreakdownDto, RespondentHotspotsDto)
  @ApiOkResponse({
    description: 'by=respondent：被投诉人排行；by=area、category：分组指标 / respondents, or metrics per area or category',
    schema: { oneOf: [{ $ref: getSchemaPath(BreakdownDto) }, { $ref: getSchemaPath(RespondentHotspotsDto) }] },
  })
  hotspots(@CurrentStaff() staff: StaffPrincipal, @Query() q: HotspotsQuery): Promise<BreakdownDto | RespondentHotspotsDto> {
    return this.stats.hotspots(staff, q);
  }

  @Get('units')
  @ApiOperation({ summary: '单位排行，及按场所汇总 / station and regulator league table, and per venue (its stations summed)' })
  @ApiOkResponse({ type: UnitsDto })
  units(@CurrentStaff() staff: StaffPrincipal, @Query() q: StatsFilterQuery): Promise<UnitsDto> {
    return this.stats.units(staff, q);
  }

  @Get('businesses')
  @ApiOperation({
    summary: '经营者排行（在线纠纷解决企业），或按场所汇总 / league table of enrolled businesses, or per venue (its tenants summed)',
    description:
      '市级统计分析人员、系统管理员：全部；区县市场监管局：本辖区经营者；场所内服务站：本场所经营者；其他角色 403。口径见 docs/METRICS.md「经营者」/ ' +
      'city analysts and administrators: all; a county bureau: its area; a station at a venue: its tenants; others 403',
  })
  @ApiExtraModels(BusinessStatsDto, VenueBusinessStatsDto)
  @ApiOkResponse({
    description: 'by=business：每行一个经营者；by=venue：每行一个场所 / one row per business, or per venue',
    schema: { oneOf: [{ $ref: getSchemaPath(BusinessStatsDto) }, { $ref: getSchemaPath(VenueBusinessStatsDto) }] },
  })
  @ApiErrors({
    400: `${ERRORS.validation}：日期、未知的场所、排序字段 / dates, an unknown venue, the sort field`,
    403: '本角色无经营者统计，或所指区域、场所不在调用者范围内 / no business figures for this role, or the area or venue asked for is outside the caller’s scope',
  })
  businessLeague(@CurrentStaff() staff: StaffPrincipal, @Query() q: BusinessStatsQuery): Promise<BusinessStatsDto | VenueBusinessStatsDto> {
    return this.businesses.league(staff, q);
  }

  @Get('export')
  @ApiOperation({
    summary: '导出 CSV（UTF-8 BOM）或 XLSX，中文表头 / export as CSV or XLSX, one row per month, area, category, unit or venue',
  })
  @ApiOkResponse({
    description: '附件（Content-Disposition: attachment）：CSV 为 UTF-8 带 BOM / a download; CSV is UTF-8 with a BOM',
    content: {
      'text/csv': { schema: { type: 'string', example: '起始日,截止日,月份,名称,收到,…' } },
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
    },
  })
  async export(@CurrentStaff() staff: StaffPrincipal, @Query() q: ExportQuery, @Res() res: Response): Promise<void> {
    const table = await this.stats.exportTable(staff, q);
    res.status(200);
    res.setHeader('Content-Disposition', `attachment; filename="${table.fileName}"`);
    res.setHeader('Cache-Control', 'no-store');
    if (q.format === 'xlsx') {
      res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      return writeXlsx(res, table, '统计', table.kinds);
    }
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.write(BOM + csvLine(table.headers));
    for (const row of table.rows) res.write(csvLine(row));
    res.end();
  }
}
