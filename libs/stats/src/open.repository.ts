import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Sql } from '@weiquan/core';
import { DataSource } from 'typeorm';
import { groupingOf, OPEN_GROUPED, OPEN_GROUPINGS, OpenColumnRead, OpenContribution, OpenDelta, openRead } from './open.rules';
import { FINISHED_STATUSES } from '@weiquan/cases/handling/open-work';
import { ALL, NO_CHANNEL } from './stat-event';
import type { AreaSlice } from './stats.repository';

/** The contribution of each open case to stat_open, as it stands in the cases table now. */
const OPEN_CONTRIBUTION = `
  select c.id as case_id, coalesce(c.assignee_code, '') as unit_code, c.respondent_area_code as area_code, c.category_code, c.track,
         coalesce(c.purchase_channel, '${NO_CHANNEL}') as channel, c.prepaid, coalesce(c.due_on, 'infinity'::date) as due_on
    from cases c
   where c.status <> all('{${FINISHED_STATUSES.join(',')}}'::text[])`;

const KEY_COLUMNS = ['unit_code', 'area_code', 'category_code', 'track', 'channel', 'prepaid'];
const OPEN_KEY = KEY_COLUMNS.join(', ');
/** SQL: row `a` of stat_open has the key of row `b`. */
const sameKey = (a: string, b: string) =>
  `(${KEY_COLUMNS.map((k) => `${a}.${k}`).join(', ')}) = (${KEY_COLUMNS.map((k) => `${b}.${k}`).join(', ')})`;

/**
 * stat_open's rows from the contributions in `source` (stat_open_case rows): every grouping of
 * OPEN_GROUPINGS, a grouped-out column holding '*'; `overdueBefore` is the SQL of the day overdue counts from.
 */
function openRowsFrom(source: string, overdueBefore: string): string {
  const value = (c: string) => `case when grouping(${c}) = 1 then '${ALL}' else ${c} end as ${c}`;
  const sets = OPEN_GROUPINGS.map((kept) => `(${[...kept, 'track', 'channel', 'prepaid'].join(', ')})`);
  return `select ${value('unit_code')}, ${value('area_code')}, ${value('category_code')}, track, channel, prepaid,
                 count(*) as open, count(*) filter (where due_on < ${overdueBefore}) as overdue
            from (${source}) s
           group by grouping sets (${sets.join(', ')})`;
}

/** A case's contribution to the open snapshot, as stat_open_case holds it. */
export type CaseContribution = OpenContribution & { case_id: string };

/** Open and overdue counts (bigint sums, as text) of one key: a unit, or null for all. */
export interface OpenCountRow {
  key: string | null;
  open: string;
  overdue: string;
}

/** Every query of the open snapshot (stat_open, stat_open_case, the day overdue counts are as of). */
@Injectable()
export class OpenRepository {
  private readonly sql: Sql;

  constructor(@InjectDataSource() db: DataSource) {
    this.sql = db;
  }

  /** What the given cases contribute to the open snapshot now (open cases only), and what they contributed last time. */
  async openState(sql: Sql, caseIds: string[]): Promise<{ now: CaseContribution[]; before: CaseContribution[] }> {
    const now = await sql.query<CaseContribution>(
      `select x.case_id::text, x.unit_code, x.area_code, x.category_code, x.track, x.channel, x.prepaid, x.due_on::text
                                   from (${OPEN_CONTRIBUTION} and c.id = any($1::bigint[])) x`,
      [caseIds],
    );
    const before = await sql.query<CaseContribution>(
      `select case_id::text, unit_code, area_code, category_code, track, channel, prepaid, due_on::text
                                      from stat_open_case where case_id = any($1::bigint[])`,
      [caseIds],
    );
    return { now, before };
  }

  /** Applies differences to the snapshot (rows reaching 0 are removed) and records each case's new contribution. */
  async applyOpen(sql: Sql, deltas: OpenDelta[], set: CaseContribution[], removed: string[]): Promise<void> {
    if (deltas.length) {
      // A row gaining cases may be new (insert); a row losing them exists, and an insert of a
      // negative count would fail the table's check before the conflict is seen: two statements.
      const rows = `select * from jsonb_to_recordset($1::jsonb) as x(unit_code text, area_code text, category_code text, track text, channel text, prepaid boolean, open bigint, overdue bigint)`;
      await sql.query(
        `insert into stat_open (${OPEN_KEY}, open, overdue) select ${OPEN_KEY}, open, overdue from (${rows}) x where open > 0
         on conflict (${OPEN_KEY}) do update set open = stat_open.open + excluded.open, overdue = stat_open.overdue + excluded.overdue`,
        [JSON.stringify(deltas.filter((d) => d.open > 0))],
      );
      const shrinking = deltas.filter((d) => d.open <= 0);
      if (shrinking.length) {
        await sql.query(
          `update stat_open o set open = o.open + x.open, overdue = o.overdue + x.overdue from (${rows}) x where ${sameKey('o', 'x')}`,
          [JSON.stringify(shrinking)],
        );
        await sql.query(`delete from stat_open where open = 0`);
      }
    }
    if (removed.length) await sql.query(`delete from stat_open_case where case_id = any($1::bigint[])`, [removed]);
    if (set.length) {
      await sql.query(
        `insert into stat_open_case (case_id, unit_code, area_code, category_code, track, channel, prepaid, due_on)
         select * from jsonb_to_recordset($1::jsonb) as x(case_id bigint, unit_code text, area_code text, category_code text, track text, channel text, prepaid boolean, due_on date)
         on conflict (case_id) do update set unit_code = excluded.unit_code, area_code = excluded.area_code, category_code = excluded.category_code,
           track = excluded.track, channel = excluded.channel, prepaid = excluded.prepaid, due_on = excluded.due_on`,
        [JSON.stringify(set)],
      );
    }
  }

  /**
   * Moves the overdue counts forward to `today` (the watermark row is locked by the caller): the
   * cases due since the last move become overdue. Answers the day overdue counts are as of.
   */
  async rollOverdue(sql: Sql, today: string): Promise<string> {
    const [{ asOf }] = await sql.query<{ asOf: string }>(`select open_as_of::text as "asOf" from stat_watermark where id = 1`);
    if (asOf >= today) return asOf;
    await sql.query(
      `update stat_open o set overdue = o.overdue + m.overdue
         from (${openRowsFrom(`select * from stat_open_case where due_on >= $1::date and due_on < $2::date`, '$2::date')}) m
        where ${sameKey('o', 'm')}`,
      [asOf, today],
    );
    await sql.query(`update stat_watermark set open_as_of = $1 where id = 1`, [today]);
    return today;
  }

  /** The open snapshot recomputed from the current cases, set-based, overdue as of `today`. */
  async rebuildOpen(sql: Sql, today: string): Promise<number> {
    await sql.query(
      `insert into stat_open_case (case_id, unit_code, area_code, category_code, track, channel, prepaid, due_on) ${OPEN_CONTRIBUTION}`,
    );
    await sql.query(`insert into stat_open (${OPEN_KEY}, open, overdue) ${openRowsFrom('select * from stat_open_case', '$1::date')}`, [
      today,
    ]);
    await sql.query(`update stat_watermark set open_as_of = $1 where id = 1`, [today]);
    const [{ n }] = await sql.query<{ n: number }>(`select count(*)::int as n from stat_open_case`);
    return n;
  }

  /**
   * Open and overdue cases on `today`, overall or one row per unit (`perUnit`), from the rows
   * `openRead` picks: their counts, corrected by the cases due between the day the counts are as of
   * and `today` (none once the aggregator has moved the counts to today). One statement, so counts
   * and day agree.
   */
  openCounts(s: AreaSlice & { units: string[] | null; byUnit: boolean }, today: string, perUnit: boolean): Promise<OpenCountRow[]> {
    const params: unknown[] = [today];
    const p = (v: unknown) => `$${params.push(v)}`;
    const column = (col: string, read: OpenColumnRead) => {
      if ('eq' in read) return `${col} = ${p(read.eq)}`;
      if ('any' in read) return `${col} = any(${p(read.any)}::text[])`;
      return read.assignedOnly ? `${col} not in ('${ALL}', '')` : `${col} <> '${ALL}'`;
    };
    const read = openRead({ ...s, byUnit: s.byUnit || perUnit });
    const slice: string[] = [];
    if (s.track) slice.push(`track = ${p(s.track)}`);
    if (s.channel) slice.push(`channel = ${p(s.channel)}`);
    if (s.prepaid !== null) slice.push(`prepaid = ${p(s.prepaid)}`);
    const cond = Object.fromEntries(OPEN_GROUPED.map((c) => [c, column(c, read[c])]));
    const rows = [...OPEN_GROUPED.map((c) => cond[c]), ...slice];
    // The cases behind those rows: stat_open_case holds real values only, so a '*' read takes them all.
    const cases = [...groupingOf(read).map((c) => cond[c]), ...slice];
    const key = perUnit ? 'unit_code' : 'null::text';
    return this.sql.query<OpenCountRow>(
      `with w as (select open_as_of from stat_watermark where id = 1),
       counted as (
         select ${key} as key, sum(open) as open, sum(overdue) as overdue from stat_open where ${rows.join(' and ')} group by 1
       ),
       moved as (
         select ${key} as key, sum(case when c.due_on < $1::date then 1 else -1 end) as n
           from stat_open_case c, w
          where c.due_on >= least(w.open_as_of, $1::date) and c.due_on < greatest(w.open_as_of, $1::date) and ${cases.length ? cases.join(' and ') : 'true'}
          group by 1
       )
       select counted.key, counted.open::text as open, (counted.overdue + coalesce(moved.n, 0))::text as overdue
         from counted left join moved on moved.key is not distinct from counted.key`,
      params,
    );
  }
}
