import { Body, Controller, Get, Param, ParseIntPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsArray, IsDefined, IsObject, IsOptional, IsString } from 'class-validator';
import { bilingual, LocalizedException } from '@weiquan/core';
import { ApiErrors, ERRORS } from '@weiquan/core/http/dto/error.dto';
import { CurrentStaff, Roles } from '@weiquan/identity';
import type { StaffPrincipal } from '@weiquan/identity';
import { ClocksService } from './clocks.service';
import { CalendarYearDto, YearEnteredDto } from './dto/calendar.dto';

const t = bilingual;

export class YearScheduleDto {
  @ApiProperty({ example: ['2027-01-01', '2027-02-08'], description: '放假日（原本为工作日的日子）/ days off' })
  @IsDefined(t('请填写放假日列表（可为空数组）', 'holidays is required (may be empty)'))
  @IsArray(t('应为日期数组', 'must be an array of dates'))
  @IsString({ each: true, ...t('每一项应为 YYYY-MM-DD 日期', 'each item must be a YYYY-MM-DD date') })
  holidays: string[];

  @ApiProperty({ example: ['2027-02-06'], description: '调休上班的周末 / weekend days worked' })
  @IsDefined(t('请填写调休上班日列表（可为空数组）', 'workdays is required (may be empty)'))
  @IsArray(t('应为日期数组', 'must be an array of dates'))
  @IsString({ each: true, ...t('每一项应为 YYYY-MM-DD 日期', 'each item must be a YYYY-MM-DD date') })
  workdays: string[];

  @ApiPropertyOptional({ example: { '2027-02-08': '春节' } })
  @IsOptional()
  @IsObject(t('应为 日期→名称 的对象', 'must be an object of date → name'))
  names?: Record<string, string>;
}

/** The official holiday schedule, entered by an administrator for years the packaged data lacks. */
@ApiTags('admin 管理')
@ApiBearerAuth()
@Controller('admin/calendar')
@Roles('admin')
@ApiErrors({ 401: ERRORS.unauthenticated, 403: ERRORS.forbidden })
export class AdminCalendarController {
  constructor(private readonly clocks: ClocksService) {}

  @Get()
  @ApiOperation({ summary: '已录入的年度日历 / the years entered, with their days' })
  @ApiOkResponse({ type: [CalendarYearDto] })
  years(): Promise<CalendarYearDto[]> {
    return this.clocks.years();
  }

  @Put(':year')
  @ApiOperation({
    summary: "录入某年国务院放假安排并重算暂定期限 / enter a year's official schedule; provisional deadlines are recomputed",
  })
  @ApiOkResponse({ type: YearEnteredDto })
  @ApiErrors({
    400: `${ERRORS.validation}；年份不在 2000–2100，或日期无效、不在该年、重复、既是假日又是工作日 / or the year is outside 2000–2100, or a day is invalid, in another year, listed twice, or both off and worked`,
  })
  enter(
    @Param('year', new ParseIntPipe({ exceptionFactory: () => badYear() })) year: number,
    @Body() dto: YearScheduleDto,
    @CurrentStaff() staff: StaffPrincipal,
  ): Promise<YearEnteredDto> {
    if (year < 2000 || year > 2100) throw badYear();
    return this.clocks.enterYear(year, dto, staff.username);
  }
}

function badYear() {
  return new LocalizedException(400, { zh: '年份应为 2000–2100 的整数', en: 'year must be a whole number 2000–2100' }, [
    { field: 'year', message: { zh: '无效年份', en: 'invalid year' } },
  ]);
}
