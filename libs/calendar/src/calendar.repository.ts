import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CalendarOverrides } from './working-days';

@Injectable()
export class CalendarRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async overrides(): Promise<CalendarOverrides> {
    const days: { day: string; workday: boolean }[] = await this.db.query(`select day, workday from calendar_override`);
    const years: { year: number }[] = await this.db.query(`select year from calendar_year`);
    return { days: new Map(days.map((d) => [d.day, d.workday])), years: new Set(years.map((y) => y.year)) };
  }
}
