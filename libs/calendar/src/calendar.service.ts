import { Injectable } from '@nestjs/common';
import { CalendarRepository } from './calendar.repository';
import { addWorkingDays, CalendarOverrides, DueDate, IsoDate } from './working-days';

/** Overrides change a few times a year; every process re-reads them at most this often. */
const REFRESH_MS = 60_000;

@Injectable()
export class CalendarService {
  private cached?: { at: number; overrides: Promise<CalendarOverrides> };

  constructor(private readonly repo: CalendarRepository) {}

  overrides(): Promise<CalendarOverrides> {
    if (!this.cached || Date.now() - this.cached.at > REFRESH_MS) {
      const overrides = this.repo.overrides();
      this.cached = { at: Date.now(), overrides };
      overrides.catch(() => (this.cached = undefined));
    }
    return this.cached.overrides;
  }

  /** Forget the cached overrides (after an administrator changes them). */
  invalidate(): void {
    this.cached = undefined;
  }

  async due(start: IsoDate, workingDays: number): Promise<DueDate> {
    return addWorkingDays(start, workingDays, await this.overrides());
  }
}
