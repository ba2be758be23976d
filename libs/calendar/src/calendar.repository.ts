import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Sql } from '@weiquan/core';
import { DataSource } from 'typeorm';
import { CalendarOverrides } from './working-days';

@Injectable()
export class CalendarRepository {
  private readonly sql: Sql;

  constructor(@InjectDataSource() db: DataSource) {
    this.sql = db;
  }

  async overrides(): Promise<CalendarOverrides> {
    const days = await this.sql.query<{ day: string; workday: boolean }>(`select day, workday from calendar_override`);
    const years = await this.sql.query<{ year: number }>(`select year from calendar_year`);
    return { days: new Map(days.map((d) => [d.day, d.workday])), years: new Set(years.map((y) => y.year)) };
  }
}
