import { Injectable, Logger } from '@nestjs/common';
import { CalendarOverrides, CalendarService, chinaDate, IsoDate } from '@weiquan/calendar';
import { LocalizedException } from '@weiquan/core';
import { Gauge, register } from 'prom-client';
import { CaseStatus } from '../case-status';
import { periodEnd, recompute, runningClock } from '../deadline';
import { firstClock } from '../handling/case-view';
import { ruleSet } from '../rule-set';
import type { RuleSetCode } from '../rule-set';
import { ClocksRepository } from './clocks.repository';
import { unitEmailNote } from './unit-alert-email';
import { UnitAlertEmails } from './unit-alert-emails';
import { alertsByUnit } from './unit-alerts';

/** Reminders go out this many working days ahead of a deadline. */
const REMIND_DAYS = 1;
const SWEEP_LIMIT = 5_000;

const overdueGauge =
  (register.getSingleMetric('weiquan_cases_overdue') as Gauge<'clock'> | undefined) ??
  new Gauge({ name: 'weiquan_cases_overdue', help: 'Cases past their running statutory deadline, by clock', labelNames: ['clock'] });

export interface YearSchedule {
  /** Days off that would otherwise be working days (and may include the weekend days of a holiday). */
  holidays: IsoDate[];
  /** Adjusted working days (调休) that fall on a weekend. */
  workdays: IsoDate[];
  names?: Record<IsoDate, string>;
}

/** The statutory clocks over time: the calendar years an administrator enters, reminders, escalation. */
@Injectable()
export class ClocksService {
  private readonly logger = new Logger(ClocksService.name);

  constructor(
    private readonly repo: ClocksRepository,
    private readonly calendar: CalendarService,
    private readonly unitEmails: UnitAlertEmails,
  ) {}

  /**
   * Enters a year's official schedule and recomputes, in the same transaction, every running deadline
   * that was provisional: each counts again from its start with the schedule now known.
   */
  async enterYear(
    year: number,
    schedule: YearSchedule,
    by: string,
  ): Promise<{ year: number; overrides: number; recomputed: number; stillProvisional: number }> {
    const problems = checkSchedule(year, schedule);
    if (problems.length) {
      throw new LocalizedException(
        400,
        {
          zh: `日历数据有误：${problems.map((p) => p.message.zh).join('；')}`,
          en: `the schedule has problems: ${problems.map((p) => p.message.en).join('; ')}`,
        },
        problems,
      );
    }
    const days = [
      ...schedule.holidays.map((day) => ({ day, workday: false, name: schedule.names?.[day] ?? null })),
      ...schedule.workdays.map((day) => ({ day, workday: true, name: schedule.names?.[day] ?? '调休上班' })),
    ];
    const current = await this.calendar.overrides();
    const next: CalendarOverrides = {
      days: new Map([...[...current.days].filter(([d]) => !d.startsWith(`${year}-`)), ...days.map((d) => [d.day, d.workday] as const)]),
      years: new Set([...current.years, year]),
    };
    const result = await this.repo.transaction(async (sql) => {
      await this.repo.enterYear(sql, year, days, by);
      const firsts = (await this.repo.provisionalFirstClocks(sql)).map((c) => {
        const clock = recompute(
          firstClock(
            { ...c, acceptanceDue: null, acceptanceDueProvisional: true, firstClockMetOn: null, firstClockPausedOn: null },
            ruleSet(c.ruleSet as RuleSetCode),
          ),
          next,
        );
        return { id: c.id, dueOn: clock.dueOn, provisional: clock.provisional };
      });
      await this.repo.setFirstClocks(sql, firsts);
      const clocks = (await this.repo.provisionalClocks(sql)).map((k) => {
        const due = periodEnd(k.countsFrom, k.days, k.count, next);
        return { caseId: k.caseId, clock: k.clock, dueOn: due.date, provisional: due.provisional };
      });
      await this.repo.setClocks(sql, clocks);
      const all = [...firsts, ...clocks];
      return { recomputed: all.length, stillProvisional: all.filter((r) => r.provisional).length };
    });
    this.calendar.invalidate();
    this.logger.log({ year, by, ...result }, 'calendar year entered; provisional deadlines recomputed');
    return { year, overrides: days.length, ...result };
  }

  async years() {
    const years = await this.repo.years();
    return Promise.all(years.map(async (y) => ({ ...y, days: await this.repo.overridesOf(y.year) })));
  }

  /**
   * Reminders for deadlines due soon, escalation of overdue cases, and the overdue gauge: each case's
   * running deadline, and the city bureau's designation deadline while a designation is pending.
   * With email configured, each unit with an alert email also gets the day's email of its alerts.
   */
  async sweep(now = new Date()): Promise<{ reminders: number; overdue: number }> {
    const today = chinaDate(now);
    const soon = (await this.calendar.due(today, REMIND_DAYS)).date;
    const yesterday = new Date(`${today}T00:00:00Z`);
    yesterday.setUTCDate(yesterday.getUTCDate() - 1);
    const past = { from: null, to: yesterday.toISOString().slice(0, 10) };
    // The alerts and the emails they owe commit together (docs/ARCHITECTURE.md, invariant 2).
    const { reminders, overdue, units, email } = await this.repo.transaction(async (sql) => {
      await this.repo.lockSweep(sql);
      // The case's running deadline, then the city bureau's designation deadline (Order 121 Art. 33).
      const reminders = [
        ...(await this.repo.raiseAlerts(sql, 'reminder', { from: today, to: soon }, SWEEP_LIMIT)),
        ...(await this.repo.raiseDesignationAlerts(sql, 'reminder', { from: today, to: soon }, SWEEP_LIMIT)),
      ];
      const overdue = [
        ...(await this.repo.raiseAlerts(sql, 'overdue', past, SWEEP_LIMIT)),
        ...(await this.repo.raiseDesignationAlerts(sql, 'overdue', past, SWEEP_LIMIT)),
      ];
      const units = alertsByUnit(reminders, overdue);
      const email = this.unitEmails.enabled ? await this.unitEmails.write(sql, units, now) : null;
      return { reminders, overdue, units, email };
    });
    overdueGauge.reset();
    for (const row of await this.repo.overdueCounts(today)) {
      overdueGauge.inc({ clock: runningClock(row.track as 'complaint' | 'report', row.status as CaseStatus) ?? row.status }, row.n);
    }
    overdueGauge.inc({ clock: 'designation' }, await this.repo.overdueDesignations(today));
    if (reminders.length || overdue.length)
      this.logger.log({ reminders: reminders.length, overdue: overdue.length }, 'clock sweep raised alerts');
    // Each unit's share on a line of its own, so an operator sees who was reminded, who must act, and
    // whether an email will tell them.
    for (const u of units)
      this.logger.log(
        {
          unit: u.unit,
          reminders: u.reminders.length,
          overdue: u.overdue.length,
          escalated: u.escalated.length,
          cases: [...u.reminders, ...u.overdue, ...u.escalated].slice(0, 50).map((a) => a.caseId),
          email: unitEmailNote(u.unit, email),
        },
        `clock alerts for ${u.unit}`,
      );
    // Includes units told only of what earlier sweeps owed them (raised after their last email).
    if (email?.emailed.size) this.logger.log({ units: [...email.emailed].sort() }, 'clock alert emails queued for the worker to send');
    return { reminders: reminders.length, overdue: overdue.length };
  }
}

function checkSchedule(year: number, s: YearSchedule): { field: string; message: { zh: string; en: string } }[] {
  const problems: { field: string; message: { zh: string; en: string } }[] = [];
  for (const field of ['holidays', 'workdays'] as const) {
    s[field].forEach((day, i) => {
      const parsed = new Date(`${day}T00:00:00Z`);
      const valid = /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day;
      if (!valid)
        problems.push({
          field: `${field}[${i}]`,
          message: { zh: `"${day}" 不是有效日期（YYYY-MM-DD）`, en: `"${day}" is not a valid date (YYYY-MM-DD)` },
        });
      else if (!day.startsWith(`${year}-`))
        problems.push({ field: `${field}[${i}]`, message: { zh: `${day} 不在 ${year} 年`, en: `${day} is not in ${year}` } });
      else if (s[field].indexOf(day) < i)
        problems.push({ field: `${field}[${i}]`, message: { zh: `${day} 重复`, en: `${day} is listed twice` } });
    });
  }
  const both = s.holidays.filter((d) => s.workdays.includes(d));
  for (const d of both)
    problems.push({
      field: 'workdays',
      message: { zh: `${d} 不能同时是假日和调休工作日`, en: `${d} cannot be both a holiday and a working day` },
    });
  return problems;
}
