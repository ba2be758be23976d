import { ApiProperty } from '@nestjs/swagger';

/** What the calendar administration answers (clocks.service.ts, clocks.repository.ts). */

export class CalendarDayDto {
  @ApiProperty({ type: String, format: 'date', example: '2027-02-08' }) day: string;
  @ApiProperty({ type: Boolean, description: 'true：调休上班；false：放假 / true: a weekend day worked; false: a day off' })
  workday: boolean;
  @ApiProperty({ type: String, nullable: true, example: '春节' }) name: string | null;
}

export class CalendarYearDto {
  @ApiProperty({ type: Number, example: 2027 }) year: number;
  @ApiProperty({ type: String, format: 'date-time' }) enteredAt: Date;
  @ApiProperty({ type: String, nullable: true, example: 'admin', description: '录入的管理员 / the administrator who entered it' })
  enteredBy: string | null;
  @ApiProperty({ type: [CalendarDayDto] }) days: CalendarDayDto[];
}

export class YearEnteredDto {
  @ApiProperty({ type: Number, example: 2027 }) year: number;
  @ApiProperty({ type: Number, description: '录入的放假日与调休日数 / days entered' }) overrides: number;
  @ApiProperty({ type: Number, description: '重算的暂定期限数 / provisional deadlines recomputed' }) recomputed: number;
  @ApiProperty({ type: Number, description: '重算后仍为暂定的（跨入更晚的年份）/ still provisional (they reach a later year)' })
  stillProvisional: number;
}
