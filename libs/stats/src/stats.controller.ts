import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentStaff, Roles } from '@weiquan/identity';
import type { StaffPrincipal } from '@weiquan/identity';
import type { Response } from 'express';
import { ExportQuery, HotspotsQuery, StatsFilterQuery, TimeseriesQuery } from './dto/stats-query.dto';
import { BOM, csvLine } from './export.csv';
import { writeXlsx } from './export.xlsx';
import { StatsService } from './stats.service';

@ApiTags('stats 统计分析')
@ApiBearerAuth()
@Controller('stats')
@Roles('city-analyst', 'admin', 'regulator-staff', 'station-staff', 'station-admin')
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  @Get('summary')
  @ApiOperation({ summary: '汇总指标 / summary figures for a period (docs/METRICS.md)' })
  summary(@CurrentStaff() staff: StaffPrincipal, @Query() q: StatsFilterQuery) {
    return this.stats.summary(staff, q);
  }

  @Get('timeseries')
  @ApiOperation({ summary: '指标趋势 / one metric per day, week or month' })
  timeseries(@CurrentStaff() staff: StaffPrincipal, @Query() q: TimeseriesQuery) {
    return this.stats.timeseries(staff, q);
  }

  @Get('hotspots')
  @ApiOperation({ summary: '热点：被投诉人、类别、区域 / hotspots by respondent, category or area' })
  hotspots(@CurrentStaff() staff: StaffPrincipal, @Query() q: HotspotsQuery) {
    return this.stats.hotspots(staff, q);
  }

  @Get('units')
  @ApiOperation({ summary: '单位排行 / station and regulator league table' })
  units(@CurrentStaff() staff: StaffPrincipal, @Query() q: StatsFilterQuery) {
    return this.stats.units(staff, q);
  }

  @Get('export')
  @ApiOperation({ summary: '导出 CSV（UTF-8 BOM）或 XLSX，中文表头 / export as CSV or XLSX, one row per month, area, category or unit' })
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
