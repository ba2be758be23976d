import type { MigrationInterface, QueryRunner } from 'typeorm';
import type { CalendarOverrides } from '@weiquan/calendar';
import { addWorkingDays, chinaDate } from '@weiquan/calendar';
import { ruleSetOn } from './rule-set';

/** The city's default periods when this migration ran (SETTLEMENT_DAYS; the acceptance period is the law's). */
const SETTLEMENT_DAYS = 10;

/**
 * Two stages in one case (docs/RULES.md "Two stages"): a complaint is settled at the source with a
 * station's help (协商和解), or decided by the department with jurisdiction (投诉). Stations never
 * decided 受理 / 不予受理 in law, so the complaints they hold move to the settlement stage:
 *
 * - waiting for the station (`assigned`) → `settling`, with the take-up day it had;
 * - taken up (`accepted`, `mediating`, `paused`) → `negotiating`; their statutory clocks stop (none
 *   runs in the settlement stage) and the outcome period counts from today;
 * - mediated successfully (`resolved`) → `settled`, the amount recovered kept;
 * - mediation ended without agreement (`terminated`) → escalated: a formal complaint received by
 *   the department today, routed by the worker with the station excluded.
 *
 * Finished cases (closed, refused, withdrawn) keep their history as it happened. Each moved case
 * gets an internal history event saying what moved and why. Regulator-held cases stay formal.
 */
export class SettlementStage1763700001600 implements MigrationInterface {
  name = 'SettlementStage1763700001600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table cases
        add column stage                  text not null default 'formal' check (stage in ('settlement', 'formal')),
        add column settlement_due         date,
        add column settlement_taken_up_at timestamptz,
        add column offer                  jsonb,
        add column escalated_on           date,
        add column escalation_cause       text`);
    await q.query(`alter table cases rename column station_sla_due to take_up_due`);
    await q.query(`drop index cases_station_sla_idx`);
    // The settlement sweep: open settlement cases by their running deadline (clock_due).
    await q.query(`create index cases_settlement_due_idx on cases (clock_due) where status in ('settling', 'negotiating', 'offered')`);
    await q.query(`alter table cases drop column due_on`);
    await q.query(`
      alter table cases add column due_on date generated always as (
        case when status in ('received', 'assigned', 'deciding') and first_clock_paused_on is null then acceptance_due
             when status in ('accepted', 'mediating', 'terminated', 'closed', 'case-opened', 'not-opened',
                             'settling', 'negotiating', 'offered') then clock_due
        end) stored`);
    await q.query(`create index cases_unit_due_idx on cases (assignee_code, due_on) where due_on is not null`);
    await q.query(`create index cases_due_idx on cases (due_on) where due_on is not null`);

    const days = (await q.query(`select day::text as day, workday from calendar_override`)) as { day: string; workday: boolean }[];
    const years = (await q.query(`select year from calendar_year`)) as { year: number }[];
    const cal: CalendarOverrides = { days: new Map(days.map((d) => [d.day, d.workday])), years: new Set(years.map((y) => y.year)) };
    const today = chinaDate(new Date());
    const settlementDue = addWorkingDays(today, SETTLEMENT_DAYS, cal).date;
    const acceptance = addWorkingDays(today, ruleSetOn(today).acceptance.days, cal);

    const moved = `
      insert into case_event (case_id, type, actor_type, unit_code, from_status, to_status, note, public, data)
      select id, 'stage-migrated', 'system', assignee_code, old, status, $1, false, jsonb_build_object('stage', stage)
        from m`;
    const note = '服务站不具有受理、不予受理和行政调解的职权：本案转入协商和解阶段（docs/RULES.md「两个阶段」）';
    await q.query(
      `with m as (
         update cases c set stage = 'settlement', status = 'settling', acceptance_due = null, acceptance_due_provisional = false,
                settlement_due = $2::date, clock_due = coalesce(take_up_due, $2::date), updated_at = now()
           from (select id, status as old from cases where track = 'complaint' and assignee_type = 'station' and status = 'assigned' for update) o
          where c.id = o.id
         returning c.id, o.old, c.status, c.stage, c.assignee_code)
       ${moved}`,
      [note, settlementDue],
    );
    await q.query(
      `with m as (
         update cases c set stage = 'settlement', status = 'negotiating', settlement_taken_up_at = coalesce(accepted_at, now()),
                settlement_due = $2::date, clock_due = $2::date, updated_at = now()
           from (select id, status as old from cases
                  where track = 'complaint' and assignee_type = 'station' and status in ('accepted', 'mediating', 'paused') for update) o
          where c.id = o.id
         returning c.id, o.old, c.status, c.stage, c.assignee_code),
       k as (delete from case_clock k using m where k.case_id = m.id and k.met_on is null)
       ${moved}`,
      [note, settlementDue],
    );
    await q.query(
      `with m as (
         update cases c set stage = 'settlement', status = 'settled', closed_at = coalesce(closed_at, now()), clock_due = null, updated_at = now()
           from (select id, status as old from cases where track = 'complaint' and assignee_type = 'station' and status = 'resolved' for update) o
          where c.id = o.id
         returning c.id, o.old, c.status, c.stage, c.assignee_code),
       k as (delete from case_clock k using m where k.case_id = m.id and k.met_on is null)
       ${moved}`,
      [note],
    );
    // Mediation at a station that ended without agreement: the settlement failed, so the complaint is
    // now formal, received by the department today, and routed (outbox) with the station excluded.
    await q.query(
      `with m as (
         update cases c set stage = 'formal', status = 'received', routing_round = c.routing_round + 1,
                excluded_units = case when c.assignee_code = any(c.excluded_units) then c.excluded_units
                                      else array_append(c.excluded_units, c.assignee_code) end,
                assignee_type = null, assignee_code = null, take_up_due = null, clock_due = null,
                escalated_on = $2::date, escalation_cause = 'settlement-failed',
                acceptance_due = $3::date, acceptance_due_provisional = $4, first_clock_counts_from = $2::date,
                first_clock_days = null, first_clock_met_on = null, first_clock_paused_on = null, updated_at = now()
           from (select id, status as old, assignee_code as station from cases
                  where track = 'complaint' and assignee_type = 'station' and status = 'terminated' for update) o
          where c.id = o.id
         returning c.id, o.old, c.status, c.stage, o.station as assignee_code, c.routing_round),
       k as (delete from case_clock k using m where k.case_id = m.id and k.met_on is null),
       l as (update unit_load u set open_cases = greatest(open_cases - x.n, 0)
               from (select assignee_code, count(*) as n from m group by assignee_code) x where u.unit_code = x.assignee_code),
       o as (insert into outbox (topic, payload) select 'case.received', jsonb_build_object('caseId', id::text, 'round', routing_round) from m)
       ${moved}`,
      [note, today, acceptance.date, acceptance.provisional],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table cases drop column due_on`);
    await q.query(`
      alter table cases add column due_on date generated always as (
        case when status in ('received', 'assigned', 'deciding') and first_clock_paused_on is null then acceptance_due
             when status in ('accepted', 'mediating', 'terminated', 'closed', 'case-opened', 'not-opened') then clock_due
        end) stored`);
    await q.query(`create index cases_unit_due_idx on cases (assignee_code, due_on) where due_on is not null`);
    await q.query(`create index cases_due_idx on cases (due_on) where due_on is not null`);
    await q.query(`drop index cases_settlement_due_idx`);
    await q.query(`alter table cases rename column take_up_due to station_sla_due`);
    await q.query(`create index cases_station_sla_idx on cases (station_sla_due) where status = 'assigned' and assignee_type = 'station'`);
    await q.query(
      `alter table cases drop column stage, drop column settlement_due, drop column settlement_taken_up_at, drop column offer,
         drop column escalated_on, drop column escalation_cause`,
    );
  }
}
