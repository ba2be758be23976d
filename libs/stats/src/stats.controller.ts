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
import { writeCsv } from './export.csv';
import { attachment } from './export-labels';
import { writeXlsx } from './export.xlsx';
import { StatsExportService } from './stats-export.service';
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
    private readonly exports: StatsExportService,
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
  @ApiOperation({
    summary:
      '热点与分组：被投诉人、类别、区域、购买渠道、预付式消费、问题类型 / hotspots by respondent; figures by category, area, purchase channel, prepaid or issue type',
  })
  @ApiExtraModels(BreakdownDto, RespondentHotspotsDto)
  @ApiOkResponse({
    description:
      'by=respondent：被投诉人排行；其余：分组指标 / respondents, or metrics per area, category, channel, prepaid (true/false) or issue type',
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
    summary:
      '导出 CSV（UTF-8 BOM）或 XLSX，中文表头 / export as CSV or XLSX, one row per month, area, category, unit, venue, channel, prepaid or issue type',
    description:
      '附带导出时的筛选条件（CSV：表头之前的若干行；XLSX：「筛选条件」工作表），比率为百分数，中文文件名（Content-Disposition 的 filename*）/ ' +
      'with the filters it was made with (CSV: lines above the table; XLSX: a 筛选条件 sheet), rates as percentages, a Chinese file name (filename*)',
  })
  @ApiOkResponse({
    description:
      "附件（Content-Disposition: attachment; filename*=UTF-8''聊城市消费投诉统计_2026-11_按月份.csv）：CSV 为 UTF-8 带 BOM / a download; CSV is UTF-8 with a BOM",
    content: {
      'text/csv': { schema: { type: 'string', example: '统计期间,2026-11-01 至 2026-11-30\r\n…\r\n\r\n起始日,截止日,月份,名称,收到,…' } },
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
    },
  })
  async export(@CurrentStaff() staff: StaffPrincipal, @Query() q: ExportQuery, @Res() res: Response): Promise<void> {
    const table = await this.exports.table(staff, q);
    res.status(200);
    res.setHeader('Content-Disposition', attachment(table.fileName, table.asciiName));
    res.setHeader('Cache-Control', 'no-store');
    if (q.format === 'xlsx') {
      res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      return writeXlsx(res, table, '统计', table.kinds);
    }
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    writeCsv(res, table);
  }
}
