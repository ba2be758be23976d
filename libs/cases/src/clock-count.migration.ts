import type { MigrationInterface, QueryRunner } from 'typeorm';
import type { CalendarOverrides } from '@weiquan/calendar';
import { addCalendarDays, calendarDaysBetween } from '@weiquan/calendar';

/**
 * Clocks counted in calendar days (Order 121 Art. 23(5): mediation runs 60 days from 受理, ending on
 * the next working day, Art. 45), and a report's decision clock that pauses for testing
 * (处罚程序规定 Art. 18).
 *
 * - `case_clock.count`: how the clock's days are counted.
 * - `cases.first_clock_counts_from`, `first_clock_days`, `first_clock_paused_on`: the first clock
 *   (acceptance, or the report decision) after a pause counts again from the resume with the days it
 *   had left; null means "from receipt, the rule set's length".
 * - `due_on` no longer shows a paused first clock as running (nor, so, overdue).
 * - Running Order 121 mediation clocks, started as 45 working days before this was known, become
 *   60 calendar days from 受理 less the stretches before any pause, with the due date computed on the
 *   calendar as entered.
 */
export class ClockCount1763700001470 implements MigrationInterface {
  name = 'ClockCount1763700001470';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table case_clock add column count text not null default 'working' check (count in ('working', 'calendar'))`);
    await q.query(`
      alter table cases
        add column first_clock_counts_from date,
        add column first_clock_days        integer check (first_clock_days >= 0),
        add column first_clock_paused_on   date`);
    await this.dueOn(q, `status in ('received', 'assigned', 'deciding') and first_clock_paused_on is null`);

    const days = (await q.query(`select day::text as day, workday from calendar_override`)) as { day: string; workday: boolean }[];
    const years = (await q.query(`select year from calendar_year`)) as { year: number }[];
    const cal: CalendarOverrides = { days: new Map(days.map((d) => [d.day, d.workday])), years: new Set(years.map((y) => y.year)) };
    // Each running Order 121 mediation clock is re-derived from its history: 60 calendar days from
    // 受理, less the calendar days it ran between earlier pauses and resumes (testing time does not
    // count), counted from its last start (受理, or the last resume).
    const clocks = (await q.query(`
      select k.case_id::text as "caseId", k.counts_from::text as "countsFrom", k.paused_on::text as "pausedOn",
             coalesce(array_agg(array[e.action, ((e.at at time zone 'Asia/Shanghai')::date)::text] order by e.id)
                        filter (where e.id is not null), '{}') as events
        from case_clock k
        join cases c on c.id = k.case_id
        left join case_event e on e.case_id = k.case_id and e.action in ('accept', 'pause-clock', 'resume-clock')
       where c.rule_set = 'order121' and k.clock = 'mediation' and k.count = 'working' and k.met_on is null
       group by k.case_id, k.counts_from, k.paused_on`)) as {
      caseId: string;
      countsFrom: string;
      pausedOn: string | null;
      events: string[][];
    }[];
    const rows = clocks.map((k) => {
      let start = k.events.find(([action]) => action === 'accept')?.[1] ?? k.countsFrom;
      let used = 0;
      for (const [action, day] of k.events) {
        if (action === 'pause-clock') used += calendarDaysBetween(start, day);
        if (action === 'resume-clock') start = day;
      }
      // A clock paused now keeps the days it had when its current stretch began (the resume counts
      // from there); a running one, the days it has left.
      const days = Math.max(0, 60 - (k.pausedOn ? used - calendarDaysBetween(start, k.pausedOn) : used));
      return { caseId: k.caseId, countsFrom: start, days, paused: k.pausedOn !== null, due: addCalendarDays(start, days, cal) };
    });
    if (rows.length) {
      await q.query(
        `update case_clock k set count = 'calendar', counts_from = x."countsFrom", days = x.days, due_on = x."dueOn", provisional = x.provisional
           from jsonb_to_recordset($1::jsonb) as x("caseId" bigint, "countsFrom" date, days int, "dueOn" date, provisional boolean)
          where k.case_id = x."caseId" and k.clock = 'mediation'`,
        [
          JSON.stringify(
            rows.map((r) => ({
              caseId: r.caseId,
              countsFrom: r.countsFrom,
              days: r.days,
              dueOn: r.due.date,
              provisional: r.due.provisional,
            })),
          ),
        ],
      );
      await q.query(
        `update cases c set clock_due = (select min(k.due_on) from case_clock k where k.case_id = c.id and k.met_on is null and k.paused_on is null)
          where c.id = any($1::bigint[])`,
        [rows.map((r) => r.caseId)],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await this.dueOn(q, `status in ('received', 'assigned', 'deciding')`);
    await q.query(`alter table cases drop column first_clock_counts_from, drop column first_clock_days, drop column first_clock_paused_on`);
    await q.query(`alter table case_clock drop column count`);
  }

  /** `due_on` is generated: redefining it means dropping it (and its indexes) and adding it again. */
  private async dueOn(q: QueryRunner, firstClockRuns: string): Promise<void> {
    await q.query(`alter table cases drop column due_on`);
    await q.query(`
      alter table cases add column due_on date generated always as (
        case when ${firstClockRuns} then acceptance_due
             when status in ('accepted', 'mediating', 'terminated', 'closed', 'case-opened', 'not-opened') then clock_due
        end) stored`);
    await q.query(`create index cases_unit_due_idx on cases (assignee_code, due_on) where due_on is not null`);
    await q.query(`create index cases_due_idx on cases (due_on) where due_on is not null`);
  }
}
