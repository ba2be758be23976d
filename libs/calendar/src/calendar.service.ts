import { Injectable } from '@nestjs/common';
import { Refreshing } from '@weiquan/core';
import { CalendarRepository } from './calendar.repository';
import { addWorkingDays, CalendarOverrides, DueDate, IsoDate } from './working-days';

/** Overrides change a few times a year; every process re-reads them at most this often. */
const REFRESH_MS = 60_000;

@Injectable()
export class CalendarService {
  private readonly cache: Refreshing<CalendarOverrides>;

  constructor(repo: CalendarRepository) {
    this.cache = new Refreshing(REFRESH_MS, () => repo.overrides());
  }

  overrides(): Promise<CalendarOverrides> {
    return this.cache.get();
  }

  /** Forget the cached overrides (after an administrator changes them). */
  invalidate(): void {
    this.cache.invalidate();
  }

  async due(start: IsoDate, workingDays: number): Promise<DueDate> {
    return addWorkingDays(start, workingDays, await this.overrides());
  }
}
