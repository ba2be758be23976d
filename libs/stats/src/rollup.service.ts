import { Injectable, Logger } from '@nestjs/common';
import { chinaDate } from '@weiquan/calendar';
import type { Sql } from '@weiquan/core';
import { OpenRepository } from './open.repository';
import { OpenContribution, openDeltas, sameContribution } from './open.rules';
import { HOLDER_TYPED_EVENTS } from './case-counters.rules';
import { deltas } from './rollup.rules';
import { collect, RollupSums } from './rollup-sums';
import { RollupRepository } from './rollup.repository';
import type { PendingEvent, Rollup } from './rollup.repository';
import { watchedSubjects } from './watch-rollup.rules';
import { WatchRepository } from './watch.repository';

/** Events applied per transaction. */
const APPLY_BATCH = 5_000;
/** Events the rebuild reads at a time. */
const REBUILD_CHUNK = 20_000;
/**
 * Summed rows the rebuild holds before staging them. The history comes in id order, which is roughly
 * time order, so most keys of a flush are not seen again after it: at millions of cases, the staging
 * tables (and the fold's sort) are a fraction of the events. Measured with this bound: the 100k
 * rebuild runs within a 400 MB V8 heap, the 10M one peaked at ~800 MB RSS.
 */
const REBUILD_FLUSH_ROWS = 250_000;
/**
 * How long an id below the watermark that is not visible yet is waited for. Ids are drawn before
 * commit, so a transaction that commits late leaves a lower id behind events already applied; it is
 * recorded as a gap and applied when it appears. One never seen this long was rolled back.
 */
const GAP_TTL_SECONDS = 600;

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

  constructor(
    private readonly repo: RollupRepository,
    private readonly open: OpenRepository,
    private readonly watch: WatchRepository,
  ) {}

  /**
   * Applies pending events, a batch per transaction, until caught up or `maxBatches` ran; first
   * moves the overdue counts to today if the day has changed (`now`: the clock, for tests).
   */
  async applyPending(
    maxBatches = 20,
    batchSize = APPLY_BATCH,
    now = new Date(),
  ): Promise<{ events: number; batches: number; busy: boolean }> {
    let events = 0;
    const today = chinaDate(now);
    for (let batches = 0; batches < maxBatches;) {
      const done = await this.repo.transaction(async (sql) => {
        const after = await this.repo.lockWatermark(sql, false);
        if (after === null) return null;
        const asOf = await this.open.rollOverdue(sql, today);
        return this.applyBatch(sql, after, batchSize, asOf);
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
   * same rules as the aggregator (deltas, summed in memory up to `flushRows` rows), stages the day
   * and respondent rows, sums them set-based into the rollups, records the ids not visible as gaps,
   * then recomputes the open snapshot from the current cases. One transaction: readers see the old
   * figures until it commits.
   */
  async rebuild(chunk = REBUILD_CHUNK, now = new Date(), flushRows = REBUILD_FLUSH_ROWS): Promise<{ events: number; openCases: number }> {
    const result = await this.repo.transaction(async (sql) => {
      await this.repo.lockWatermark(sql, true);
      await this.repo.clearAll(sql);
      await this.repo.createStaging(sql);
      let after = '0';
      let events = 0;
      const sums = new RollupSums(['day']);
      const flush = async () => {
        const tables = sums.take(false);
        await this.repo.stage(sql, 'area', tables.get('area_day') ?? []);
        await this.repo.stage(sql, 'unit', tables.get('unit_day') ?? []);
        await this.repo.stage(sql, 'business', tables.get('business_day') ?? []);
        await this.repo.stage(sql, 'watch', tables.get('watch_day') ?? []);
        await this.repo.stage(sql, 'slice', tables.get('slice_day') ?? []);
        await this.repo.stage(sql, 'respondent', tables.get('respondent') ?? []);
      };
      for (;;) {
        const rows = await this.repo.historyAfter(sql, after, chunk, HOLDER_TYPED_EVENTS);
        if (!rows.length) break;
        // Detail rows only: the fold writes the grouping rows ('*') with GROUPING SETS.
        for (const e of rows) sums.add(deltas(e, e, 'detail'));
        if (sums.size >= flushRows) await flush();
        events += rows.length;
        after = rows[rows.length - 1].id;
        // A rebuild of millions of events takes minutes: say how far it is.
        if (events % (chunk * 50) < rows.length) this.logger.log({ events, lastEventId: after }, 'rebuild: history replayed so far');
      }
      await flush();
      await this.repo.foldStaging(sql);
      await this.repo.recordHoles(sql, after);
      await this.repo.advanceWatermark(sql, after);
      const openCases = await this.open.rebuildOpen(sql, chinaDate(now));
      this.logger.log({ events, openCases }, 'statistics rebuilt from the history');
      return { events, openCases };
    });
    await this.repo.analyze();
    return result;
  }

  private async applyBatch(
    sql: Sql,
    after: string,
    limit: number,
    overdueAsOf: string,
  ): Promise<{ events: number; last: string; more: boolean }> {
    const rows = await this.repo.pendingEvents(sql, after, limit, HOLDER_TYPED_EVENTS);
    const fresh = rows.filter((e) => BigInt(e.id) > BigInt(after));
    const filled = rows.filter((e) => BigInt(e.id) <= BigInt(after)).map((e) => e.id);
    const last = fresh.length ? fresh[fresh.length - 1].id : after;

    const increments = rows.flatMap((e) => deltas(e, e));
    const tables = collect(increments);
    for (const [name, list] of tables) {
      if (name === 'respondent') await this.repo.addToRespondents(sql, list);
      else {
        const [rollup, grain] = name.split('_') as [Rollup, 'day' | 'month'];
        await this.repo.addToRollup(sql, rollup, grain, list);
      }
    }
    if (rows.length) await this.refreshOpen(sql, rows, overdueAsOf);
    // What the early warning must look at again, committed with the counts it will read.
    await this.watch.markChanged(sql, uniqueSubjects(rows.flatMap((e) => watchedSubjects(e, e))));

    if (fresh.length)
      await this.repo.recordGaps(
        sql,
        after,
        last,
        fresh.map((e) => e.id),
      );
    await this.repo.settleGaps(sql, filled, GAP_TTL_SECONDS);
    if (last !== after) await this.repo.advanceWatermark(sql, last);
    return { events: rows.length, last, more: fresh.length >= limit };
  }

  /** The open snapshot of the cases a batch touched, as the exact difference from what they contributed before. */
  private async refreshOpen(sql: Sql, events: PendingEvent[], asOf: string): Promise<void> {
    const ids = [...new Set(events.map((e) => e.caseId))];
    const { now, before } = await this.open.openState(sql, ids);
    const nowBy = new Map(now.map((r) => [r.case_id, r]));
    const beforeBy = new Map(before.map((r) => [r.case_id, r]));
    const changes: { before?: OpenContribution; now?: OpenContribution }[] = [];
    const set: (OpenContribution & { case_id: string })[] = [];
    const removed: string[] = [];
    for (const id of ids) {
      const b = beforeBy.get(id);
      const n = nowBy.get(id);
      if (b && n && sameContribution(b, n)) continue;
      changes.push({ before: b, now: n });
      if (n) set.push(n);
      else if (b) removed.push(id);
    }
    await this.open.applyOpen(sql, openDeltas(changes, asOf), set, removed);
  }
}

function uniqueSubjects<S extends { kind: string; key: string }>(subjects: S[]): S[] {
  const seen = new Map<string, S>();
  for (const s of subjects) seen.set(`${s.kind}\u0001${s.key}`, s);
  // Sorted, so concurrent batches lock the same rows in the same order.
  return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, s]) => s);
}
