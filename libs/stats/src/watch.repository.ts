import { Injectable } from '@nestjs/common';
import type { Sql } from '@weiquan/core';
import { ALL } from './stat-event';
import type { WatchCounts, WatchedSubject } from './watch-rollup.rules';

/** A subject's counts over a window and its baseline. */
export interface WatchedCounts {
  kind: 'business' | 'slice';
  key: string;
  window: WatchCounts;
  baseline: WatchCounts;
}

interface CountRow {
  key: string;
  part: 'window' | 'baseline';
  complaints: string;
  prepaid: string;
  signal: string;
  prepaid_signal: string;
}

const toCounts = (r: CountRow | undefined): WatchCounts => ({
  complaints: Number(r?.complaints ?? 0),
  prepaid: Number(r?.prepaid ?? 0),
  signal: Number(r?.signal ?? 0),
  prepaidSignal: Number(r?.prepaid_signal ?? 0),
});

/**
 * What the early warning reads and drains (watch-rollup.rules.ts): the subjects whose counts moved,
 * and their counts over a window and a baseline, from the rollups only (a few rows per subject,
 * whatever the size of the history).
 */
@Injectable()
export class WatchRepository {
  /** Notes subjects whose counts moved, in the aggregator's transaction. */
  async markChanged(sql: Sql, subjects: readonly WatchedSubject[]): Promise<void> {
    if (!subjects.length) return;
    await sql.query(
      `insert into stat_watch_changed (kind, subject_key)
       select k, s from unnest($1::text[], $2::text[]) as x(k, s)
       on conflict (kind, subject_key) do update set changed_at = now()`,
      [subjects.map((s) => s.kind), subjects.map((s) => s.key)],
    );
  }

  /**
   * Takes up to `limit` changed subjects, in the caller's transaction: they are gone when it commits
   * and back when it rolls back; a second detector skips the ones taken.
   */
  takeChanged(sql: Sql, limit: number): Promise<WatchedSubject[]> {
    return sql.query<WatchedSubject>(
      `with t as (select kind, subject_key from stat_watch_changed order by changed_at limit $1 for update skip locked)
       delete from stat_watch_changed w using t where w.kind = t.kind and w.subject_key = t.subject_key
       returning w.kind, w.subject_key as key`,
      [limit],
    );
  }

  /** Changed subjects not yet evaluated (for health and tests). */
  async changedCount(sql: Sql): Promise<number> {
    const [r] = await sql.query<{ n: string }>(`select count(*)::text as n from stat_watch_changed`);
    return Number(r.n);
  }

  /** Respondents' complaints over the window and the baseline (inclusive ISO dates). */
  async businessCounts(sql: Sql, keys: readonly string[], window: DayRange, baseline: DayRange): Promise<Map<string, WatchedCounts>> {
    if (!keys.length) return new Map();
    const rows = await sql.query<CountRow>(
      `select respondent_key as key, case when day >= $2 then 'window' else 'baseline' end as part,
              sum(complaints)::text as complaints, sum(prepaid)::text as prepaid,
              sum(signal)::text as signal, sum(prepaid_signal)::text as prepaid_signal
         from stat_watch_day
        where respondent_key = any($1::text[]) and day between $4 and $3
        group by 1, 2`,
      [keys, window.from, window.to, baseline.from],
    );
    return assemble('business', keys, rows);
  }

  /** Area × category slices' complaints over the window and the baseline (stat_slice_day: one row a slice and day). */
  async sliceCounts(
    sql: Sql,
    slices: readonly { areaCode: string; categoryCode: string }[],
    window: DayRange,
    baseline: DayRange,
  ): Promise<Map<string, WatchedCounts>> {
    if (!slices.length) return new Map();
    const rows = await sql.query<CountRow>(
      // LATERAL: one primary-key range per slice. As a join, the planner misjudges unnest's rows and
      // scans the whole table, which grows with the history (bench:warnings, docs/PERFORMANCE.md).
      `select s.a || '|' || s.c as key, case when d.day >= $3 then 'window' else 'baseline' end as part,
              sum(d.complaints)::text as complaints, sum(d.prepaid)::text as prepaid,
              sum(d.signal)::text as signal, sum(d.prepaid_signal)::text as prepaid_signal
         from unnest($1::text[], $2::text[]) as s(a, c)
         cross join lateral (
           select day, complaints, prepaid, signal, prepaid_signal from stat_slice_day
            where area_code = s.a and category_code = s.c and day between $5 and $4
            offset 0
         ) d
        group by 1, 2`,
      [slices.map((s) => s.areaCode), slices.map((s) => s.categoryCode), window.from, window.to, baseline.from],
    );
    return assemble(
      'slice',
      slices.map((s) => `${s.areaCode}|${s.categoryCode}`),
      rows,
    );
  }

  /** The first day the statistics hold (null before the first case): a baseline cannot reach before it. */
  async historyStart(sql: Sql): Promise<string | null> {
    const [r] = await sql.query<{ day: string | null }>(
      `select min(day)::text as day from stat_area_day where area_code = '${ALL}' and category_code = '${ALL}'`,
    );
    return r?.day ?? null;
  }

  /** A respondent's name and area as last seen by the rollups, and its credit code when it has one. */
  async respondents(sql: Sql, keys: readonly string[]): Promise<Map<string, { name: string; areaCode: string }>> {
    if (!keys.length) return new Map();
    const rows = await sql.query<{ key: string; name: string; areaCode: string }>(
      `select distinct on (respondent_key) respondent_key as key, respondent_name as name, area_code as "areaCode"
         from stat_respondent_month
        where unit_code = '${ALL}' and respondent_key = any($1::text[])
        order by respondent_key, month desc`,
      [keys],
    );
    return new Map(rows.map((r) => [r.key, { name: r.name, areaCode: r.areaCode }]));
  }
}

export interface DayRange {
  from: string;
  to: string;
}

function assemble(kind: 'business' | 'slice', keys: readonly string[], rows: CountRow[]): Map<string, WatchedCounts> {
  const out = new Map<string, WatchedCounts>();
  for (const key of keys) {
    const w = rows.find((r) => r.key === key && r.part === 'window');
    const b = rows.find((r) => r.key === key && r.part === 'baseline');
    out.set(key, { kind, key, window: toCounts(w), baseline: toCounts(b) });
  }
  return out;
}
