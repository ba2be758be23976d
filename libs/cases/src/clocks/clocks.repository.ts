import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsoDate } from '@weiquan/calendar';
import { pgTransaction } from '@weiquan/core';
import type { Sql } from '@weiquan/core';
import { DataSource } from 'typeorm';
import type { Clock } from '../deadline';

export interface ProvisionalFirstClock {
  id: string;
  track: 'complaint' | 'report';
  ruleSet: string;
  receivedOn: IsoDate;
  decisionExtended: boolean;
  firstClockCountsFrom: IsoDate | null;
  firstClockDays: number | null;
}

export interface CalendarYearRow {
  year: number;
  enteredAt: Date;
  enteredBy: string | null;
}

export interface CalendarOverrideRow {
  day: IsoDate;
  workday: boolean;
  name: string | null;
}

export type ProvisionalClock = Clock & { caseId: string };

/** A reminder or overdue alert just raised, with the unit that oversees the case's handler. */
export interface RaisedAlert {
  caseId: string;
  /** Which deadline: the case's running one, or the city bureau's to designate its handler. */
  clock: 'due' | 'designation';
  status: string;
  track: string;
  dueOn: IsoDate;
  assigneeCode: string | null;
  oversight: string | null;
}

export interface OverdueCount {
  status: string;
  track: string;
  n: number;
}

/** Queries of the statutory clocks: the calendar year an administrator enters, and the sweep. */
@Injectable()
export class ClocksRepository {
  private readonly sql: Sql;

  constructor(@InjectDataSource() private readonly db: DataSource) {
    this.sql = db;
  }

  transaction<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
    return pgTransaction(this.db, work);
  }

  /** Replaces that year's overrides with the entered schedule and marks the year official. */
  async enterYear(sql: Sql, year: number, days: { day: IsoDate; workday: boolean; name: string | null }[], by: string): Promise<void> {
    await sql.query(`delete from calendar_override where day between make_date($1, 1, 1) and make_date($1, 12, 31)`, [year]);
    if (days.length) {
      await sql.query(
        `insert into calendar_override (day, workday, name) select x.day, x.workday, x.name from jsonb_to_recordset($1::jsonb) as x(day date, workday boolean, name text)`,
        [JSON.stringify(days)],
      );
    }
    await sql.query(
      `insert into calendar_year (year, entered_by) values ($1, $2) on conflict (year) do update set entered_at = now(), entered_by = excluded.entered_by`,
      [year, by],
    );
  }

  years(): Promise<CalendarYearRow[]> {
    return this.sql.query<CalendarYearRow>(
      `select year, entered_at as "enteredAt", entered_by as "enteredBy" from calendar_year order by year`,
    );
  }

  overridesOf(year: number): Promise<CalendarOverrideRow[]> {
    return this.sql.query<CalendarOverrideRow>(
      `select day, workday, name from calendar_override where extract(year from day) = $1 order by day`,
      [year],
    );
  }

  /** First clocks (acceptance, report decision) still running on a provisional date, locked. */
  provisionalFirstClocks(sql: Sql): Promise<ProvisionalFirstClock[]> {
    return sql.query<ProvisionalFirstClock>(
      `select id::text as id, track, rule_set as "ruleSet", received_on as "receivedOn", decision_extended as "decisionExtended",
              first_clock_counts_from as "firstClockCountsFrom", first_clock_days as "firstClockDays"
         from cases
        where acceptance_due_provisional and first_clock_paused_on is null and status in ('received', 'assigned', 'deciding')
          for update`,
    );
  }

  async setFirstClocks(sql: Sql, rows: { id: string; dueOn: IsoDate; provisional: boolean }[]): Promise<void> {
    if (!rows.length) return;
    await sql.query(
      `update cases c set acceptance_due = x."dueOn", acceptance_due_provisional = x.provisional, updated_at = now()
         from jsonb_to_recordset($1::jsonb) as x(id bigint, "dueOn" date, provisional boolean) where c.id = x.id`,
      [JSON.stringify(rows)],
    );
    await this.recordRecomputed(
      sql,
      rows.map((r) => ({ caseId: r.id, clock: 'first', dueOn: r.dueOn, provisional: r.provisional })),
    );
  }

  /** Each recomputed deadline is a history event: the audit trail, and what the statistics snapshot follows. */
  private async recordRecomputed(sql: Sql, rows: { caseId: string; clock: string; dueOn: IsoDate; provisional: boolean }[]): Promise<void> {
    await sql.query(
      `insert into case_event (case_id, type, actor_type, note, public, data)
       select x."caseId", 'deadline-recomputed', 'system', '已录入年度放假安排，期限重新计算为 ' || x."dueOn", false,
              jsonb_build_object('clock', x.clock, 'dueOn', x."dueOn", 'provisional', x.provisional)
         from jsonb_to_recordset($1::jsonb) as x("caseId" bigint, clock text, "dueOn" date, provisional boolean)`,
      [JSON.stringify(rows)],
    );
  }

  /** Workflow clocks still running on a provisional date, locked. */
  provisionalClocks(sql: Sql): Promise<ProvisionalClock[]> {
    return sql.query<ProvisionalClock>(
      `select case_id::text as "caseId", clock, counts_from as "countsFrom", days, count, due_on as "dueOn", provisional,
              paused_on as "pausedOn", met_on as "metOn"
         from case_clock where provisional and met_on is null and paused_on is null for update`,
    );
  }

  /** New due dates for workflow clocks, and each case's running deadline recomputed from them. */
  async setClocks(sql: Sql, rows: { caseId: string; clock: string; dueOn: IsoDate; provisional: boolean }[]): Promise<void> {
    if (!rows.length) return;
    await sql.query(
      `update case_clock k set due_on = x."dueOn", provisional = x.provisional
         from jsonb_to_recordset($1::jsonb) as x("caseId" bigint, clock text, "dueOn" date, provisional boolean)
        where k.case_id = x."caseId" and k.clock = x.clock`,
      [JSON.stringify(rows)],
    );
    await sql.query(
      `update cases c set clock_due = (select min(k.due_on) from case_clock k where k.case_id = c.id and k.met_on is null and k.paused_on is null),
              updated_at = now()
        where c.id = any($1::bigint[])`,
      [[...new Set(rows.map((r) => r.caseId))]],
    );
    await this.recordRecomputed(sql, rows);
  }

  /**
   * One sweep at a time, until its transaction ends: two at once would wait on each other's alert
   * rows (and could deadlock); one after the other, the second finds them raised.
   */
  async lockSweep(sql: Sql): Promise<void> {
    await sql.query(`select pg_advisory_xact_lock(hashtext('weiquan:clock-sweep'))`);
  }

  /**
   * Raises one alert per case, running deadline and kind: 'reminder' for deadlines falling within
   * [today, soon], 'overdue' for those already past. Each alert writes a staff-side history event
   * (who should act, by when); the primary key makes a second sweep, or a second worker, a no-op.
   */
  async raiseAlerts(
    sql: Sql,
    kind: 'reminder' | 'overdue',
    range: { from: IsoDate | null; to: IsoDate },
    limit: number,
  ): Promise<RaisedAlert[]> {
    return this.raise(
      sql,
      'due',
      `select c.id, c.status, c.track, c.due_on, c.assignee_code, o.oversight,
              case when $3 = 'overdue' then '已超过' || w.what || '（' || c.due_on || '），已提请 ' || coalesce(o.oversight, '上级') || ' 督办'
                   else w.what || '将于 ' || c.due_on || ' 届满，请及时办理' end as note,
              jsonb_build_object('dueOn', c.due_on, 'oversight', o.oversight) as data
         from cases c
         -- The follow-up visit, telling a reporter the decision under Order 121, and the settlement stage's
         -- take-up and outcome periods are city policy, not law.
         cross join lateral (select case when c.status in ('closed', 'settling', 'negotiating', 'offered')
                                           or (c.status in ('case-opened', 'not-opened') and c.rule_set <> 'order20')
                                         then '本市工作规范期限' else '法定期限' end as what) w
         cross join lateral (
           select case when c.assignee_type = 'station'
                       then (select r.code from station s join regulator r on r.area_code = s.area_code and r.kind = 'market' and r.level = 'county'
                              where s.code = c.assignee_code limit 1)
                       when c.assignee_type = 'business'
                       then (select r.code from business b join regulator r on r.area_code = b.area_code and r.kind = 'market' and r.level = 'county'
                              where b.credit_code = c.assignee_code limit 1)
                       else (select code from regulator where kind = 'market' and level = 'city' limit 1) end as oversight) o
        where c.due_on is not null and c.due_on <= $2::date and ($1::date is null or c.due_on >= $1::date)
          and not exists (select 1 from clock_alert a
                           where a.case_id = c.id and a.clock = 'due' and a.status = c.status and a.due_on = c.due_on and a.kind = $3)
        order by c.due_on, c.id
        limit $4`,
      [range.from, range.to, kind, limit],
    );
  }

  /**
   * The same for the city bureau's designation deadline (Order 121 Art. 33; Order 20 Art. 30), only
   * while the designation is pending: the case waits at the city bureau (`designation_due` set by
   * routing, cleared by a designation or a hand-back) and nobody designated its handler yet. The
   * staff-side event names the city bureau as the unit to act; one alert per case, designation
   * deadline and kind, whatever the sweeps and workers.
   */
  async raiseDesignationAlerts(
    sql: Sql,
    kind: 'reminder' | 'overdue',
    range: { from: IsoDate | null; to: IsoDate },
    limit: number,
  ): Promise<RaisedAlert[]> {
    return this.raise(
      sql,
      'designation',
      `select c.id, c.status, c.track, c.designation_due as due_on, c.assignee_code, c.assignee_code as oversight,
              case when $3 = 'overdue' then '已超过市局指定处理机关的期限（' || c.designation_due || '），请尽快指定'
                   else '市局指定处理机关的期限将于 ' || c.designation_due || ' 届满，请及时指定' end as note,
              jsonb_build_object('clock', 'designation', 'dueOn', c.designation_due, 'oversight', c.assignee_code) as data
         from cases c
        where c.status = 'assigned' and c.designated_at is null and c.designation_due is not null
          and c.designation_due <= $2::date and ($1::date is null or c.designation_due >= $1::date)
          and not exists (select 1 from clock_alert a
                           where a.case_id = c.id and a.clock = 'designation' and a.status = c.status
                             and a.due_on = c.designation_due and a.kind = $3)
        order by c.designation_due, c.id
        limit $4`,
      [range.from, range.to, kind, limit],
    );
  }

  /**
   * One alert per case for the deadlines `due` selects (id, status, track, due_on, assignee_code,
   * oversight, note, data; $3 is the kind): the clock_alert row, whose key makes a second sweep or a
   * second worker a no-op, and a staff-side history event.
   */
  private raise(sql: Sql, clock: 'due' | 'designation', due: string, params: unknown[]): Promise<RaisedAlert[]> {
    return sql.query<RaisedAlert>(
      `with due as (${due}),
       a as (
         insert into clock_alert (case_id, clock, status, due_on, kind)
         select id, '${clock}', status, due_on, $3 from due
         on conflict do nothing
         returning case_id
       ),
       e as (
         insert into case_event (case_id, type, actor_type, unit_code, from_status, to_status, note, public, data)
         select due.id, $3, 'system', due.assignee_code, due.status, due.status, due.note, false, due.data
           from due join a on a.case_id = due.id
       )
       select due.id::text as "caseId", '${clock}' as clock, due.status, due.track, due.due_on as "dueOn", due.assignee_code as "assigneeCode", due.oversight
         from due join a on a.case_id = due.id`,
      params,
    );
  }

  async overdueCounts(today: IsoDate): Promise<OverdueCount[]> {
    return this.sql.query<OverdueCount>(`select status, track, count(*)::int as n from cases where due_on < $1 group by status, track`, [
      today,
    ]);
  }

  /** Cases whose designation is pending past its deadline. */
  async overdueDesignations(today: IsoDate): Promise<number> {
    const [{ n }] = await this.sql.query<{ n: number }>(
      `select count(*)::int as n from cases
        where status = 'assigned' and designated_at is null and designation_due < $1`,
      [today],
    );
    return n;
  }
}
