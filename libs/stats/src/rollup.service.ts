import { Injectable, Logger } from '@nestjs/common';
import type { Sql } from '@weiquan/core';
import { deltas, HOLDER_EVENTS, Increment } from './rollup.rules';
import { OpenKey, PendingEvent, RollupRow, StatsRepository } from './stats.repository';

/** Events applied per transaction. */
export const APPLY_BATCH = 5_000;
/** Events the rebuild reads and stages at a time (its memory is about this many events' rows). */
export const REBUILD_CHUNK = 20_000;
/**
 * How long an id below the watermark that is not visible yet is waited for. Ids are drawn before
 * commit, so a transaction that commits late leaves a lower id behind events already applied; it is
 * recorded as a gap and applied when it appears. One never seen this long was rolled back.
 */
export const GAP_TTL_SECONDS = 600;

const OPEN_FIELDS = ['unit_code', 'area_code', 'category_code', 'track', 'channel', 'prepaid', 'due_on'] as const;

/**
 * Maintains the rollups from the case history: reads the events after the watermark (and the gaps
 * below it that have committed since), applies their deltas with one upsert per table, refreshes the
 * open snapshot of the cases they touched, and moves the watermark, all in one transaction. The state
 * is in PostgreSQL, so it is idempotent and survives a Redis flush; the locked watermark row keeps two
 * workers from applying the same batch.
 */
@Injectable()
export class RollupService {
  private readonly logger = new Logger(RollupService.name);

  constructor(private readonly repo: StatsRepository) {}

  /** Applies pending events, a batch per transaction, until caught up or `maxBatches` ran. */
  async applyPending(maxBatches = 20, batchSize = APPLY_BATCH): Promise<{ events: number; batches: number; busy: boolean }> {
    let events = 0;
    for (let batches = 0; batches < maxBatches; ) {
      const done = await this.repo.transaction(async (sql) => {
        const after = await this.repo.lockWatermark(sql, false);
        if (after === null) return null;
        return this.applyBatch(sql, after, batchSize, true);
      });
      if (done === null) return { events, batches, busy: true };
      batches++;
      events += done.events;
      if (!done.more) return { events, batches, busy: false };
    }
    return { events, batches: maxBatches, busy: false };
  }

  /**
   * Recomputes everything from the history: empties the rollups, replays every event through the
   * same rules as the aggregator (deltas, summed per chunk), stages the day and respondent rows, sums
   * them set-based into the rollups, records the ids not visible as gaps, then recomputes the open
   * snapshot from the current cases. One transaction: readers see the old figures until it commits.
   */
  async rebuild(chunk = REBUILD_CHUNK): Promise<{ events: number; openCases: number }> {
    const result = await this.repo.transaction(async (sql) => {
      await this.repo.lockWatermark(sql, true);
      await this.repo.clearAll(sql);
      await this.repo.createStaging(sql);
      let after = '0';
      let events = 0;
      for (;;) {
        const rows = await this.repo.historyAfter(sql, after, chunk, HOLDER_EVENTS);
        if (!rows.length) break;
        const tables = collect(rows.flatMap((e) => deltas(e, e)), ['day']);
        await this.repo.stage(sql, 'area', tables.get('area_day') ?? []);
        await this.repo.stage(sql, 'unit', tables.get('unit_day') ?? []);
        await this.repo.stage(sql, 'respondent', tables.get('respondent') ?? []);
        events += rows.length;
        after = rows[rows.length - 1].id;
      }
      await this.repo.foldStaging(sql);
      await this.repo.recordHoles(sql, after);
      await this.repo.advanceWatermark(sql, after);
      const openCases = await this.repo.rebuildOpen(sql);
      this.logger.log({ events, openCases }, 'statistics rebuilt from the history');
      return { events, openCases };
    });
    await this.repo.analyze();
    return result;
  }

  private async applyBatch(sql: Sql, after: string, limit: number, snapshot: boolean): Promise<{ events: number; last: string; more: boolean }> {
    const rows = await this.repo.pendingEvents(sql, after, limit, HOLDER_EVENTS);
    const fresh = rows.filter((e) => BigInt(e.id) > BigInt(after));
    const filled = rows.filter((e) => BigInt(e.id) <= BigInt(after)).map((e) => e.id);
    const last = fresh.length ? fresh[fresh.length - 1].id : after;

    const increments = rows.flatMap((e) => deltas(e, e));
    const tables = collect(increments);
    for (const [name, list] of tables) {
      if (name === 'respondent') await this.repo.addToRespondents(sql, list);
      else {
        const [rollup, grain] = name.split('_') as ['area' | 'unit', 'day' | 'month'];
        await this.repo.addToRollup(sql, rollup, grain, list);
      }
    }
    if (snapshot && rows.length) await this.refreshOpen(sql, rows);

    if (fresh.length) await this.repo.recordGaps(sql, after, last, fresh.map((e) => e.id));
    await this.repo.settleGaps(sql, filled, GAP_TTL_SECONDS);
    if (last !== after) await this.repo.advanceWatermark(sql, last);
    return { events: rows.length, last, more: fresh.length >= limit };
  }

  /** The open snapshot of the cases a batch touched, as the exact difference from what they contributed before. */
  private async refreshOpen(sql: Sql, events: PendingEvent[]): Promise<void> {
    const ids = [...new Set(events.map((e) => e.caseId))];
    const { now, before } = await this.repo.openState(sql, ids);
    const keyOf = (k: OpenKey) => JSON.stringify(OPEN_FIELDS.map((f) => k[f]));
    const nowBy = new Map(now.map((r) => [r.case_id, r]));
    const beforeBy = new Map(before.map((r) => [r.case_id, r]));
    const changes = new Map<string, OpenKey & { n: number }>();
    const bump = (k: OpenKey, n: number) => {
      const key = keyOf(k);
      const c = changes.get(key) ?? { ...pick(k), n: 0 };
      c.n += n;
      changes.set(key, c);
    };
    const set: (OpenKey & { case_id: string })[] = [];
    const removed: string[] = [];
    for (const id of ids) {
      const b = beforeBy.get(id);
      const n = nowBy.get(id);
      if (b && n && keyOf(b) === keyOf(n)) continue;
      if (b) bump(b, -1);
      if (n) {
        bump(n, +1);
        set.push(n);
      } else if (b) removed.push(id);
    }
    await this.repo.applyOpen(sql, [...changes.values()].filter((c) => c.n !== 0), set, removed);
  }
}

function pick(k: OpenKey): OpenKey {
  return Object.fromEntries(OPEN_FIELDS.map((f) => [f, k[f]])) as unknown as OpenKey;
}

/** Increments summed per table and key: day and month tables from the same increments (or only the grains asked for). */
export function collect(increments: Increment[], grains: readonly ('day' | 'month')[] = ['day', 'month']): Map<string, RollupRow[]> {
  const tables = new Map<string, Map<string, RollupRow>>();
  const add = (table: string, key: RollupRow, counters: Record<string, number | undefined>, name?: { text: string; areaCode: string; eventId: string }) => {
    const rows = tables.get(table) ?? new Map<string, RollupRow>();
    tables.set(table, rows);
    const id = JSON.stringify(key);
    const row = rows.get(id) ?? { ...key };
    for (const [c, v] of Object.entries(counters)) if (v) row[c] = Number(row[c] ?? 0) + v;
    if (name && (row.name_event_id === undefined || BigInt(name.eventId) > BigInt(row.name_event_id as string))) {
      Object.assign(row, { respondent_name: name.text, area_code: name.areaCode, name_event_id: name.eventId });
    }
    rows.set(id, row);
  };
  for (const inc of increments) {
    if (inc.rollup === 'respondent') {
      add('respondent', { unit_code: inc.key.unitCode, respondent_key: inc.key.respondentKey, month: inc.key.month }, inc.counters, inc.name);
      continue;
    }
    const month = `${inc.key.day.slice(0, 7)}-01`;
    const key: RollupRow =
      inc.rollup === 'area'
        ? { area_code: inc.key.areaCode, category_code: inc.key.categoryCode, track: inc.key.track, channel: inc.key.channel, prepaid: inc.key.prepaid }
        : { category_code: inc.key.categoryCode, unit_code: inc.key.unitCode, track: inc.key.track };
    if (grains.includes('day')) add(`${inc.rollup}_day`, { ...key, day: inc.key.day }, inc.counters);
    if (grains.includes('month')) add(`${inc.rollup}_month`, { ...key, month }, inc.counters);
  }
  // Sorted by key: every batch writes rows in the same order.
  return new Map([...tables].map(([t, rows]) => [t, [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r)]));
}
