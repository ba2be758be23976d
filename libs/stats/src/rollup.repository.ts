import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { copyText, pgTransaction, PgSql, Sql } from '@weiquan/core';
import { DataSource } from 'typeorm';
import { BUSINESS_COUNTERS } from './business-rollup.rules';
import type { Grain } from './period';
import { ALL, CaseAttributes, COUNTERS, RESPONDENT_COUNTERS, StatEvent } from './stat-event';
import { WATCH_COUNTERS } from './watch-rollup.rules';

export type PendingEvent = StatEvent & { caseId: string } & CaseAttributes;

/** One row of a rollup upsert: its key columns and counters, named as the table's columns. */
export type RollupRow = Record<string, string | number | boolean>;

/** The rollups the aggregator adds to (the respondent rollup is monthly, with a name; the watch rollup has days only). */
export type Rollup = 'area' | 'unit' | 'business' | 'watch' | 'slice';

const TABLE_KEYS: Record<Rollup, [string, string][]> = {
  area: [
    ['area_code', 'text'],
    ['category_code', 'text'],
    ['track', 'text'],
    ['channel', 'text'],
    ['prepaid', 'boolean'],
    ['issue_type', 'text'],
  ],
  unit: [
    ['category_code', 'text'],
    ['unit_code', 'text'],
    ['track', 'text'],
  ],
  business: [['credit_code', 'text']],
  watch: [['respondent_key', 'text']],
  slice: [
    ['area_code', 'text'],
    ['category_code', 'text'],
  ],
};
const TABLE_COUNTERS: Record<Rollup, readonly string[]> = {
  area: COUNTERS,
  unit: COUNTERS,
  business: BUSINESS_COUNTERS,
  watch: WATCH_COUNTERS,
  slice: WATCH_COUNTERS,
};

/**
 * Events (from `source`, with the parameters $1, $2) with their case's immutable attributes and, for
 * events that carry no unit or whose holder's type matters ($3: HOLDER_TYPED_EVENTS), the unit holding
 * the case when they happened and its type: the latest routing event before them in the history (a
 * station passing the case to a business, and a station stepping in for one, move it too). An
 * escalation `not-delivered` comes with the accepted offer it reopens (`settledBefore`).
 */
function withCase(source: string): string {
  return `with ev as (${source})
    select ev.id::text as id, ev.case_id::text as "caseId", to_char(ev.at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as day,
           ev.type, ev.unit_code as "unitCode", ev.data, h.holder as "holderUnit",
           c.track, c.category_code as "categoryCode", c.respondent_area_code as "areaCode", c.purchase_channel as channel,
           c.prepaid, c.issue_type as "issueType", c.respondent_key as "respondentKey", c.respondent_name as "respondentName",
           h.holder_type as "holderType", s.settled as "settledBefore"
      from ev
      join cases c on c.id = ev.case_id
      left join lateral (
        select case when p.type = 'handed-back' then null else p.data->'assignee'->>'code' end as holder,
               case when p.type = 'handed-back' then null else p.data->'assignee'->>'type' end as holder_type
          from case_event p
         where ev.type = any($3::text[]) and p.case_id = ev.case_id and p.id < ev.id
           and p.type in ('assigned', 'escalated', 'transferred', 'handed-back', 'referred-to-business', 'stepped-in')
         order by p.id desc limit 1
      ) h on true
      left join lateral (
        select jsonb_build_object('id', p.id::text, 'day', to_char(p.at at time zone 'Asia/Shanghai', 'YYYY-MM-DD'),
                                  'unitCode', p.unit_code, 'data', p.data) as settled
          from case_event p
         where ev.type = 'escalated' and ev.data->>'cause' = 'not-delivered'
           and p.case_id = ev.case_id and p.id < ev.id and p.type = 'accept-offer'
         order by p.id desc limit 1
      ) s on true
     order by ev.id`;
}

/** The rebuild's staging tables (temporary, dropped at commit): the day rows and the respondent rows as replayed, unsummed. */
const STAGING = {
  area: 'rebuild_area_day',
  unit: 'rebuild_unit_day',
  business: 'rebuild_business_day',
  watch: 'rebuild_watch_day',
  slice: 'rebuild_slice_day',
  respondent: 'rebuild_respondent_month',
} as const;

/**
 * The physical order the rebuild writes the area and unit rollups in: the order a period read takes
 * them. Unit reads take one category ('*' or one) and a period for every unit (the league table) or
 * a few; area reads take one area ('*' or one) and a period for one category or every category.
 * Measured at 1M cases: the league table's edge days touched 3,266 pages in hash order, 173 so.
 */
const ROLLUP_ORDER = {
  area: (grain: Grain) => `area_code, ${grain}, category_code, track, channel, prepaid, issue_type`,
  unit: (grain: Grain) => `category_code, ${grain}, unit_code, track`,
  business: (grain: Grain) => `${grain}, credit_code`,
};

/** The tables a rebuild empties and analyses (and the rebuild test compares). */
export const ROLLUP_TABLES = [
  'stat_area_day',
  'stat_area_month',
  'stat_unit_day',
  'stat_unit_month',
  'stat_respondent_month',
  'stat_business_day',
  'stat_business_month',
  'stat_watch_day',
  'stat_slice_day',
  'stat_open',
  'stat_open_case',
];

/**
 * The aggregator's queries: the events after the watermark and the rollup upserts, and the
 * rebuild's staging and fold. The /stats reads are StatsRepository's; the open snapshot's, OpenRepository's.
 */
@Injectable()
export class RollupRepository {
  private readonly sql: Sql;

  constructor(@InjectDataSource() private readonly db: DataSource) {
    this.sql = db;
  }

  transaction<T>(work: (sql: PgSql) => Promise<T>): Promise<T> {
    return pgTransaction(this.db, work);
  }

  // ---- the aggregator ----

  /**
   * The watermark, locked for this transaction: one aggregator at a time. With `wait` false another
   * holder means "busy" (null); the rebuild waits for it.
   */
  async lockWatermark(sql: Sql, wait: boolean): Promise<string | null> {
    const [row] = await sql.query<{ id: string }>(
      `select last_event_id::text as id from stat_watermark where id = 1 for update${wait ? '' : ' skip locked'}`,
    );
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
    return sql.query<PendingEvent>(
      withCase(`(select * from case_event where id > $1 order by id limit $2)
                union all
                (select e.* from stat_gap g join case_event e on e.id = g.event_id)`),
      [after, limit, holderEvents],
    );
  }

  /** The history after an id, in id order, each event with what pendingEvents gives it (the rebuild's read). */
  historyAfter(sql: Sql, after: string, limit: number, holderEvents: readonly string[]): Promise<PendingEvent[]> {
    return sql.query<PendingEvent>(withCase(`select * from case_event where id > $1 order by id limit $2`), [after, limit, holderEvents]);
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
    await sql.query(`delete from stat_gap where event_id = any($1::bigint[]) or seen_at < now() - make_interval(secs => $2)`, [
      filled,
      ttlSeconds,
    ]);
  }

  /** Adds counters to a rollup table, one statement for the whole batch. */
  async addToRollup(sql: Sql, rollup: Rollup, grain: Grain, rows: RollupRow[]): Promise<void> {
    if (!rows.length) return;
    const table = `stat_${rollup}_${grain}`;
    const keys: [string, string][] = [...TABLE_KEYS[rollup], [grain, 'date']];
    await this.upsert(sql, table, keys, TABLE_COUNTERS[rollup], rows, '');
  }

  async addToRespondents(sql: Sql, rows: RollupRow[]): Promise<void> {
    if (!rows.length) return;
    const keys: [string, string][] = [
      ['unit_code', 'text'],
      ['respondent_key', 'text'],
      ['month', 'date'],
    ];
    const extra: [string, string][] = [
      ['respondent_name', 'text'],
      ['area_code', 'text'],
      ['name_event_id', 'bigint'],
    ];
    // The display name is the latest event's, whatever order batches arrive in (gaps fill late).
    const later = `excluded.name_event_id > stat_respondent_month.name_event_id`;
    await this.upsert(
      sql,
      'stat_respondent_month',
      [...keys, ...extra],
      RESPONDENT_COUNTERS,
      rows,
      `, respondent_name = case when ${later} then excluded.respondent_name else stat_respondent_month.respondent_name end,
         area_code = case when ${later} then excluded.area_code else stat_respondent_month.area_code end,
         name_event_id = greatest(stat_respondent_month.name_event_id, excluded.name_event_id)`,
      keys.map(([k]) => k),
    );
  }

  private async upsert(
    sql: Sql,
    table: string,
    cols: [string, string][],
    counters: readonly string[],
    rows: RollupRow[],
    extraSet: string,
    conflict = cols.map(([k]) => k),
  ): Promise<void> {
    const all = [...cols.map(([k]) => k), ...counters];
    const types = [...cols.map(([k, t]) => `${k} ${t}`), ...counters.map((c) => `${c} bigint`)];
    await sql.query(
      `insert into ${table} (${all.join(', ')})
       select ${all.join(', ')} from jsonb_to_recordset($1::jsonb) as x(${types.join(', ')})
       on conflict (${conflict.join(', ')}) do update set ${counters.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', ')}${extraSet}`,
      [JSON.stringify(rows.map((r) => Object.fromEntries(all.map((k) => [k, r[k] ?? 0]))))],
    );
  }

  /** Empties every rollup, the snapshot and the gaps, and puts the watermark back to the start (rebuild). */
  /**
   * Fresh planner statistics for the rollups after a rebuild: without them (autovacuum may be off or
   * late) the planner guesses a handful of rows per month and sorts a year of rollups on disk.
   */
  async analyze(): Promise<void> {
    for (const t of ROLLUP_TABLES) await this.sql.query(`analyze ${t}`);
  }

  async clearAll(sql: Sql): Promise<void> {
    // DELETE, not TRUNCATE: readers keep the old figures until the rebuild commits instead of waiting on a lock.
    for (const t of [...ROLLUP_TABLES, 'stat_gap']) {
      await sql.query(`delete from ${t}`);
    }
    await this.advanceWatermark(sql, '0');
  }

  // ---- the rebuild ----

  /** Empty staging tables shaped like the day and respondent rollups, without their keys (rows repeat). */
  async createStaging(sql: Sql): Promise<void> {
    await sql.query(`create temp table ${STAGING.area} (like stat_area_day) on commit drop`);
    await sql.query(`create temp table ${STAGING.unit} (like stat_unit_day) on commit drop`);
    await sql.query(`create temp table ${STAGING.business} (like stat_business_day) on commit drop`);
    await sql.query(`create temp table ${STAGING.watch} (like stat_watch_day) on commit drop`);
    await sql.query(`create temp table ${STAGING.slice} (like stat_slice_day) on commit drop`);
    await sql.query(`create temp table ${STAGING.respondent} (like stat_respondent_month) on commit drop`);
  }

  /** Appends rows to a staging table with COPY (the rebuild stages millions of rows). */
  async stage(sql: PgSql, table: keyof typeof STAGING, rows: RollupRow[]): Promise<void> {
    if (!rows.length) return;
    const cols =
      table === 'respondent'
        ? ['unit_code', 'respondent_key', 'month', 'respondent_name', 'area_code', 'name_event_id', ...RESPONDENT_COUNTERS]
        : [...TABLE_KEYS[table].map(([k]) => k), 'day', ...TABLE_COUNTERS[table]];
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
    // At millions of cases the staged rows are gigabytes: sorting them 4 MB (the default) at a time
    // takes many merge passes. This is one maintenance session, for the rest of its transaction.
    await sql.query(`set local work_mem = '256MB'`);
    // Rows are written in the order reads take them (ROLLUP_ORDER), as the aggregator's appends
    // (day by day) leave them: a period's rows on a few pages, not one page per row.
    // The detail rows and their grouping rows ('*': every area, every category) in one pass.
    const detail = 'day, track, channel, prepaid, issue_type';
    await sql.query(`insert into stat_area_day (area_code, category_code, ${detail}, ${COUNTERS.join(', ')})
                     select coalesce(area_code, '${ALL}') as area_code, coalesce(category_code, '${ALL}') as category_code, ${detail},
                            ${sums(COUNTERS)}
                       from ${STAGING.area}
                      group by grouping sets ((area_code, category_code, ${detail}), (area_code, ${detail}),
                                              (category_code, ${detail}), (${detail}))
                      order by ${ROLLUP_ORDER.area('day')}`);
    await sql.query(`insert into stat_unit_day (category_code, unit_code, day, track, ${COUNTERS.join(', ')})
                     select coalesce(category_code, '${ALL}') as category_code, unit_code, day, track, ${sums(COUNTERS)}
                       from ${STAGING.unit}
                      group by grouping sets ((category_code, unit_code, day, track), (unit_code, day, track))
                      order by ${ROLLUP_ORDER.unit('day')}`);
    await sql.query(`insert into stat_business_day (credit_code, day, ${BUSINESS_COUNTERS.join(', ')})
                     select credit_code, day, ${sums(BUSINESS_COUNTERS)} from ${STAGING.business}
                      group by credit_code, day order by ${ROLLUP_ORDER.business('day')}`);
    await sql.query(`insert into stat_watch_day (respondent_key, day, ${WATCH_COUNTERS.join(', ')})
                     select respondent_key, day, ${sums(WATCH_COUNTERS)} from ${STAGING.watch}
                      group by respondent_key, day`);
    await sql.query(`insert into stat_slice_day (area_code, category_code, day, ${WATCH_COUNTERS.join(', ')})
                     select area_code, category_code, day, ${sums(WATCH_COUNTERS)} from ${STAGING.slice}
                      group by area_code, category_code, day`);
    for (const rollup of ['area', 'unit', 'business'] as const) {
      const keys = TABLE_KEYS[rollup].map(([k]) => k).join(', ');
      const counters = TABLE_COUNTERS[rollup];
      await sql.query(`insert into stat_${rollup}_month (${keys}, month, ${counters.join(', ')})
                       select ${keys}, date_trunc('month', day)::date as month, ${sums(counters)} from stat_${rollup}_day
                        group by ${keys}, date_trunc('month', day)
                        order by ${ROLLUP_ORDER[rollup]('month')}`);
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
}
