import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { copyText, pgTransaction, PgSql, Sql } from '@weiquan/core';
import { DataSource } from 'typeorm';
import { OPEN_GROUPINGS, OpenColumnRead, OpenContribution, OpenDelta, openRead } from './open.rules';
import type { Grain } from './period';
import { ALL, CaseAttributes, COUNTERS, FINISHED_STATUSES, NO_CHANNEL, RESPONDENT_COUNTERS, StatEvent } from './rollup.rules';

export type PendingEvent = StatEvent & { caseId: string } & CaseAttributes;

/** One row of a rollup upsert: its key columns and counters, named as the table's columns. */
export type RollupRow = Record<string, string | number | boolean>;

/** A slice of the area rollups: null means every value (the '*' grouping rows). */
export interface AreaSlice { area: string | null; category: string | null; track: string | null; channel: string | null; prepaid: boolean | null }
/** A slice of the unit rollups: `units` null means every unit. */
export interface UnitSlice { units: string[] | null; category: string | null; track: string | null }
export type GroupBy = 'none' | 'bucket' | 'area' | 'category' | 'unit';
export type SumRow = { key: string | null } & Record<string, string | null>;

const TABLE_KEYS: Record<'area' | 'unit', [string, string][]> = {
  area: [['area_code', 'text'], ['category_code', 'text'], ['track', 'text'], ['channel', 'text'], ['prepaid', 'boolean']],
  unit: [['category_code', 'text'], ['unit_code', 'text'], ['track', 'text']],
};

const SUMS = COUNTERS.map((c) => `sum(${c})::text as ${c}`).join(', ');

/** The contribution of each open case to stat_open, as it stands in the cases table now. */
const OPEN_CONTRIBUTION = `
  select c.id as case_id, coalesce(c.assignee_code, '') as unit_code, c.respondent_area_code as area_code, c.category_code, c.track,
         coalesce(c.purchase_channel, '${NO_CHANNEL}') as channel, c.prepaid, coalesce(c.due_on, 'infinity'::date) as due_on
    from cases c
   where c.status <> all('{${FINISHED_STATUSES.join(',')}}'::text[])`;

/**
 * Events (from `source`, with the parameters $1, $2) with their case's immutable attributes and, for
 * events that carry no unit ($3: HOLDER_EVENTS), the unit holding the case when they happened: the
 * latest routing event before them in the history.
 */
function withCase(source: string): string {
  return `with ev as (${source})
    select ev.id::text as id, ev.case_id::text as "caseId", to_char(ev.at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as day,
           ev.type, ev.unit_code as "unitCode", ev.data, h.holder as "holderUnit",
           c.track, c.category_code as "categoryCode", c.respondent_area_code as "areaCode", c.purchase_channel as channel,
           c.prepaid, c.respondent_key as "respondentKey", c.respondent_name as "respondentName"
      from ev
      join cases c on c.id = ev.case_id
      left join lateral (
        select case when p.type = 'handed-back' then null else p.data->'assignee'->>'code' end as holder
          from case_event p
         where ev.type = any($3::text[]) and p.case_id = ev.case_id and p.id < ev.id
           and p.type in ('assigned', 'escalated', 'transferred', 'handed-back')
         order by p.id desc limit 1
      ) h on true
     order by ev.id`;
}

const OPEN_KEY = 'unit_code, area_code, category_code, track, channel, prepaid';

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

/** The rebuild's staging tables (temporary, dropped at commit): the day rows and the respondent rows as replayed, unsummed. */
const STAGING = { area: 'rebuild_area_day', unit: 'rebuild_unit_day', respondent: 'rebuild_respondent_month' } as const;

/** Every query of statistics: the aggregator's reads and upserts, and the /stats reads (rollups only). */
const ROLLUP_TABLES = ['stat_area_day', 'stat_area_month', 'stat_unit_day', 'stat_unit_month', 'stat_respondent_month', 'stat_open', 'stat_open_case'];

@Injectable()
export class StatsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (sql: PgSql) => Promise<T>): Promise<T> {
    return pgTransaction(this.db, work);
  }

  // ---- the aggregator ----

  /**
   * The watermark, locked for this transaction: one aggregator at a time. With `wait` false another
   * holder means "busy" (null); the rebuild waits for it.
   */
  async lockWatermark(sql: Sql, wait: boolean): Promise<string | null> {
    const [row] = await sql.query(`select last_event_id::text as id from stat_watermark where id = 1 for update${wait ? '' : ' skip locked'}`);
    return row?.id ?? null;
  }

  async advanceWatermark(sql: Sql, lastEventId: string): Promise<void> {
    await sql.query(`update stat_watermark set last_event_id = $1, updated_at = now() where id = 1`, [lastEventId]);
  }

  /**
   * The next events after the watermark in id order, and those of the recorded gaps that have been
   * committed since, each with its case's immutable attributes and, for events that carry no unit,
   * the unit holding the case when it happened (the latest routing event before it in the history).
   */
  pendingEvents(sql: Sql, after: string, limit: number, holderEvents: readonly string[]): Promise<PendingEvent[]> {
    return sql.query(
      withCase(`(select * from case_event where id > $1 order by id limit $2)
                union all
                (select e.* from stat_gap g join case_event e on e.id = g.event_id)`),
      [after, limit, holderEvents],
    );
  }

  /** The history after an id, in id order, each event with what pendingEvents gives it (the rebuild's read). */
  historyAfter(sql: Sql, after: string, limit: number, holderEvents: readonly string[]): Promise<PendingEvent[]> {
    return sql.query(withCase(`select * from case_event where id > $1 order by id limit $2`), [after, limit, holderEvents]);
  }

  /** Ids in (after, last] not visible now: a transaction that took them has not committed (or rolled back). */
  async recordGaps(sql: Sql, after: string, last: string, seen: string[]): Promise<void> {
    await sql.query(
      `insert into stat_gap (event_id)
       select g from generate_series($1::bigint + 1, $2::bigint) g where g <> all($3::bigint[])
       on conflict do nothing`,
      [after, last, seen],
    );
  }

  /** Forgets gaps filled now, and those older than `ttlSeconds` (rolled back: their ids never appear). */
  async settleGaps(sql: Sql, filled: string[], ttlSeconds: number): Promise<void> {
    await sql.query(`delete from stat_gap where event_id = any($1::bigint[]) or seen_at < now() - make_interval(secs => $2)`, [filled, ttlSeconds]);
  }

  /** Adds counters to a rollup table, one statement for the whole batch. */
  async addToRollup(sql: Sql, rollup: 'area' | 'unit', grain: Grain, rows: RollupRow[]): Promise<void> {
    if (!rows.length) return;
    const table = `stat_${rollup}_${grain}`;
    const keys: [string, string][] = [...TABLE_KEYS[rollup], [grain, 'date']];
    await this.upsert(sql, table, keys, COUNTERS, rows, '');
  }

  async addToRespondents(sql: Sql, rows: RollupRow[]): Promise<void> {
    if (!rows.length) return;
    const keys: [string, string][] = [['unit_code', 'text'], ['respondent_key', 'text'], ['month', 'date']];
    const extra: [string, string][] = [['respondent_name', 'text'], ['area_code', 'text'], ['name_event_id', 'bigint']];
    // The display name is the latest event's, whatever order batches arrive in (gaps fill late).
    const later = `excluded.name_event_id > stat_respondent_month.name_event_id`;
    await this.upsert(sql, 'stat_respondent_month', [...keys, ...extra], RESPONDENT_COUNTERS, rows,
      `, respondent_name = case when ${later} then excluded.respondent_name else stat_respondent_month.respondent_name end,
         area_code = case when ${later} then excluded.area_code else stat_respondent_month.area_code end,
         name_event_id = greatest(stat_respondent_month.name_event_id, excluded.name_event_id)`,
      keys.map(([k]) => k));
  }

  private async upsert(sql: Sql, table: string, cols: [string, string][], counters: readonly string[], rows: RollupRow[], extraSet: string, conflict = cols.map(([k]) => k)): Promise<void> {
    const all = [...cols.map(([k]) => k), ...counters];
    const types = [...cols.map(([k, t]) => `${k} ${t}`), ...counters.map((c) => `${c} bigint`)];
    await sql.query(
      `insert into ${table} (${all.join(', ')})
       select ${all.join(', ')} from jsonb_to_recordset($1::jsonb) as x(${types.join(', ')})
       on conflict (${conflict.join(', ')}) do update set ${counters.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', ')}${extraSet}`,
      [JSON.stringify(rows.map((r) => Object.fromEntries(all.map((k) => [k, r[k] ?? 0]))))],
    );
  }

  /** What the given cases contribute to the open snapshot now (open cases only), and what they contributed last time. */
  async openState(sql: Sql, caseIds: string[]): Promise<{ now: (OpenContribution & { case_id: string })[]; before: (OpenContribution & { case_id: string })[] }> {
    const now = await sql.query(`select x.case_id::text, x.unit_code, x.area_code, x.category_code, x.track, x.channel, x.prepaid, x.due_on::text
                                   from (${OPEN_CONTRIBUTION} and c.id = any($1::bigint[])) x`, [caseIds]);
    const before = await sql.query(`select case_id::text, unit_code, area_code, category_code, track, channel, prepaid, due_on::text
                                      from stat_open_case where case_id = any($1::bigint[])`, [caseIds]);
    return { now, before };
  }

  /** Applies differences to the snapshot (rows reaching 0 are removed) and records each case's new contribution. */
  async applyOpen(sql: Sql, deltas: OpenDelta[], set: (OpenContribution & { case_id: string })[], removed: string[]): Promise<void> {
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
          `update stat_open o set open = o.open + x.open, overdue = o.overdue + x.overdue from (${rows}) x
            where (o.unit_code, o.area_code, o.category_code, o.track, o.channel, o.prepaid) = (x.unit_code, x.area_code, x.category_code, x.track, x.channel, x.prepaid)`,
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
    const [{ asOf }] = await sql.query(`select open_as_of::text as "asOf" from stat_watermark where id = 1`);
    if (asOf >= today) return asOf;
    await sql.query(
      `update stat_open o set overdue = o.overdue + m.overdue
         from (${openRowsFrom(`select * from stat_open_case where due_on >= $1::date and due_on < $2::date`, '$2::date')}) m
        where (o.unit_code, o.area_code, o.category_code, o.track, o.channel, o.prepaid) = (m.unit_code, m.area_code, m.category_code, m.track, m.channel, m.prepaid)`,
      [asOf, today],
    );
    await sql.query(`update stat_watermark set open_as_of = $1 where id = 1`, [today]);
    return today;
  }

  /** Empties every rollup, the snapshot and the gaps, and puts the watermark back to the start (rebuild). */
  /**
   * Fresh planner statistics for the rollups after a rebuild: without them (autovacuum may be off or
   * late) the planner guesses a handful of rows per month and sorts a year of rollups on disk.
   */
  async analyze(): Promise<void> {
    for (const t of ROLLUP_TABLES) await this.db.query(`analyze ${t}`);
  }

  async clearAll(sql: Sql): Promise<void> {
    // DELETE, not TRUNCATE: readers keep the old figures until the rebuild commits instead of waiting on a lock.
    for (const t of [...ROLLUP_TABLES, 'stat_gap']) {
      await sql.query(`delete from ${t}`);
    }
    await this.advanceWatermark(sql, '0');
  }

  /** The open snapshot recomputed from the current cases, set-based, overdue as of `today`. */
  async rebuildOpen(sql: Sql, today: string): Promise<number> {
    await sql.query(`insert into stat_open_case (case_id, unit_code, area_code, category_code, track, channel, prepaid, due_on) ${OPEN_CONTRIBUTION}`);
    await sql.query(`insert into stat_open (${OPEN_KEY}, open, overdue) ${openRowsFrom('select * from stat_open_case', '$1::date')}`, [today]);
    await sql.query(`update stat_watermark set open_as_of = $1 where id = 1`, [today]);
    const [{ n }] = await sql.query(`select count(*)::int as n from stat_open_case`);
    return n;
  }

  // ---- the rebuild ----

  /** Empty staging tables shaped like the day and respondent rollups, without their keys (rows repeat). */
  async createStaging(sql: Sql): Promise<void> {
    await sql.query(`create temp table ${STAGING.area} (like stat_area_day) on commit drop`);
    await sql.query(`create temp table ${STAGING.unit} (like stat_unit_day) on commit drop`);
    await sql.query(`create temp table ${STAGING.respondent} (like stat_respondent_month) on commit drop`);
  }

  /** Appends rows to a staging table with COPY (the rebuild stages millions of rows). */
  async stage(sql: PgSql, table: keyof typeof STAGING, rows: RollupRow[]): Promise<void> {
    if (!rows.length) return;
    const cols =
      table === 'respondent'
        ? ['unit_code', 'respondent_key', 'month', 'respondent_name', 'area_code', 'name_event_id', ...RESPONDENT_COUNTERS]
        : [...TABLE_KEYS[table].map(([k]) => k), 'day', ...COUNTERS];
    // A counter an increment did not touch is absent from its row: 0.
    await sql.copyFrom(`copy ${STAGING[table]} (${cols.join(', ')}) from stdin`, copyText(rows, cols, 0));
  }

  /**
   * The rollups from the staged rows, set-based: day rows summed by key, month rows summed from the
   * day rows (a month is the sum of its days by construction), respondent rows summed with the name
   * of the latest event counted.
   */
  async foldStaging(sql: Sql): Promise<void> {
    const sums = (cs: readonly string[]) => cs.map((c) => `sum(${c})`).join(', ');
    // The detail rows and their grouping rows ('*': every area, every category) in one pass.
    await sql.query(`insert into stat_area_day (area_code, category_code, day, track, channel, prepaid, ${COUNTERS.join(', ')})
                     select coalesce(area_code, '${ALL}'), coalesce(category_code, '${ALL}'), day, track, channel, prepaid, ${sums(COUNTERS)}
                       from ${STAGING.area}
                      group by grouping sets ((area_code, category_code, day, track, channel, prepaid), (area_code, day, track, channel, prepaid),
                                              (category_code, day, track, channel, prepaid), (day, track, channel, prepaid))`);
    await sql.query(`insert into stat_unit_day (category_code, unit_code, day, track, ${COUNTERS.join(', ')})
                     select coalesce(category_code, '${ALL}'), unit_code, day, track, ${sums(COUNTERS)}
                       from ${STAGING.unit}
                      group by grouping sets ((category_code, unit_code, day, track), (unit_code, day, track))`);
    for (const rollup of ['area', 'unit'] as const) {
      const keys = TABLE_KEYS[rollup].map(([k]) => k).join(', ');
      await sql.query(`insert into stat_${rollup}_month (${keys}, month, ${COUNTERS.join(', ')})
                       select ${keys}, date_trunc('month', day)::date, ${sums(COUNTERS)} from stat_${rollup}_day group by ${keys}, date_trunc('month', day)`);
    }
    await sql.query(`insert into stat_respondent_month (unit_code, respondent_key, month, respondent_name, area_code, name_event_id, ${RESPONDENT_COUNTERS.join(', ')})
                     select unit_code, respondent_key, month,
                            (array_agg(respondent_name order by name_event_id desc))[1], (array_agg(area_code order by name_event_id desc))[1], max(name_event_id),
                            ${sums(RESPONDENT_COUNTERS)}
                       from ${STAGING.respondent} group by unit_code, respondent_key, month`);
  }

  /**
   * Ids up to `last` that the history does not hold (yet): recorded as gaps, as the aggregator does,
   * in one pass over the primary key instead of one comparison per id.
   */
  async recordHoles(sql: Sql, last: string): Promise<void> {
    await sql.query(
      `insert into stat_gap (event_id)
       select g from (
         select id, lag(id, 1, 0::bigint) over (order by id) as prev from case_event where id <= $1
       ) h, generate_series(h.prev + 1, h.id - 1) g
       where h.id > h.prev + 1
       on conflict do nothing`,
      [last],
    );
  }

  // ---- the reads (rollups and the directory only) ----

  /** Summed counters of the area rollup over [from, to] of one grain, for a slice, grouped as asked. */
  sumArea(grain: Grain, from: string, to: string, s: AreaSlice, groupBy: Exclude<GroupBy, 'unit'>): Promise<SumRow[]> {
    const params: unknown[] = [from, to];
    const p = (v: unknown) => `$${params.push(v)}`;
    const conds = [`${grain} between $1 and $2`];
    conds.push(groupBy === 'area' && s.area === null ? `area_code <> '${ALL}'` : `area_code = ${p(s.area ?? ALL)}`);
    conds.push(groupBy === 'category' && s.category === null ? `category_code <> '${ALL}'` : `category_code = ${p(s.category ?? ALL)}`);
    if (s.track) conds.push(`track = ${p(s.track)}`);
    if (s.channel) conds.push(`channel = ${p(s.channel)}`);
    if (s.prepaid !== null) conds.push(`prepaid = ${p(s.prepaid)}`);
    const key = { none: 'null', bucket: `${grain}::text`, area: 'area_code', category: 'category_code' }[groupBy];
    return this.db.query(`select ${key} as key, ${SUMS} from stat_area_${grain} where ${conds.join(' and ')} group by 1`, params);
  }

  /** Summed counters of the unit rollup over [from, to] of one grain. */
  sumUnit(grain: Grain, from: string, to: string, s: UnitSlice, groupBy: Exclude<GroupBy, 'area'>): Promise<SumRow[]> {
    const params: unknown[] = [from, to];
    const p = (v: unknown) => `$${params.push(v)}`;
    const conds = [`${grain} between $1 and $2`];
    conds.push(groupBy === 'category' && s.category === null ? `category_code <> '${ALL}'` : `category_code = ${p(s.category ?? ALL)}`);
    if (s.units) conds.push(`unit_code = any(${p(s.units)}::text[])`);
    if (s.track) conds.push(`track = ${p(s.track)}`);
    const key = { none: 'null', bucket: `${grain}::text`, unit: 'unit_code', category: 'category_code' }[groupBy];
    return this.db.query(`select ${key} as key, ${SUMS} from stat_unit_${grain} where ${conds.join(' and ')} group by 1`, params);
  }

  /**
   * Open and overdue cases on `today`, overall or one row per unit (`perUnit`), from the rows
   * `openRead` picks: their counts, corrected by the cases due between the day the counts are as of
   * and `today` (none once the aggregator has moved the counts to today). One statement, so counts
   * and day agree.
   */
  openCounts(s: AreaSlice & { units: string[] | null; byUnit: boolean }, today: string, perUnit: boolean): Promise<{ key: string | null; open: string; overdue: string }[]> {
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
    const rows = [column('unit_code', read.unit_code), column('area_code', read.area_code), column('category_code', read.category_code), ...slice];
    // The cases behind those rows: stat_open_case holds real values only, so a '*' read takes them all.
    const cases = [
      ...(['unit_code', 'area_code', 'category_code'] as const).flatMap((c) => ('eq' in read[c] && (read[c] as { eq: string }).eq === ALL ? [] : [column(c, read[c])])),
      ...slice,
    ];
    const key = perUnit ? 'unit_code' : 'null::text';
    return this.db.query(
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

  /**
   * The most complained-about respondents over whole months: candidates are each month's top
   * `candidates` (read from the rank index), then their exact sums over the period are ranked.
   */
  respondentHotspots(q: { units: string[]; from: string; to: string; measure: 'complaints' | 'reports' | 'received'; candidates: number; limit: number }): Promise<Record<string, string>[]> {
    const measure = q.measure === 'received' ? 'sum(r.complaints) + sum(r.reports)' : `sum(r.${q.measure})`;
    const sums = RESPONDENT_COUNTERS.map((c) => `sum(r.${c})::text as ${c}`).join(', ');
    return this.db.query(
      `with cand as (
         select distinct t.respondent_key
           from unnest($1::text[]) u(code)
           cross join generate_series($2::date, $3::date, interval '1 month') m(month)
           cross join lateral (
             select respondent_key from stat_respondent_month r
              where r.unit_code = u.code and r.month = m.month::date
              order by (r.complaints + r.reports) desc limit $4
           ) t
       ),
       s as (
         select r.respondent_key, ${sums}, (array_agg(r.respondent_name order by r.name_event_id desc))[1] as name,
                (array_agg(r.area_code order by r.name_event_id desc))[1] as area_code, ${measure} as measure
           from stat_respondent_month r join cand using (respondent_key)
          where r.unit_code = any($1::text[]) and r.month between $2 and $3
          group by r.respondent_key
       )
       select * from s where measure > 0 order by measure desc, respondent_key limit $5`,
      [q.units, q.from, q.to, q.candidates, q.limit],
    );
  }

  /** The stations of an area: what a county bureau oversees besides its own cases. */
  async stationsIn(areaCode: string): Promise<string[]> {
    const rows: { code: string }[] = await this.db.query(`select code from station where area_code = $1 order by code`, [areaCode]);
    return rows.map((r) => r.code);
  }

  async categoryExists(code: string): Promise<boolean> {
    return (await this.db.query(`select 1 from category where code = $1`, [code])).length > 0;
  }

  async units(codes: string[] | null): Promise<{ code: string; name: string; type: 'station' | 'regulator'; areaCode: string | null }[]> {
    return this.db.query(
      `select code, name, type, "areaCode" from (
         select code, name, 'station' as type, area_code as "areaCode" from station
         union all
         select code, name, 'regulator', area_code from regulator
       ) u where $1::text[] is null or code = any($1::text[])`,
      [codes],
    );
  }

  async names(kind: 'area' | 'category', codes: string[]): Promise<Map<string, string>> {
    const rows: { code: string; name: string }[] = await this.db.query(`select code, name from ${kind} where code = any($1::text[])`, [codes]);
    return new Map(rows.map((r) => [r.code, r.name]));
  }
}
