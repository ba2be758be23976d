import { Injectable, Logger } from '@nestjs/common';
import { CalendarService, chinaDate } from '@weiquan/calendar';
import { AppConfig, JobQueue, Refreshing, routeBatches } from '@weiquan/core';
import { RoutingRepository } from './routing.repository';
import { decideRoute, DirectorySnapshot, jurisdictionArea, RoutingDecision } from './routing.rules';
import { RoutingMetrics } from './routing.metrics';

/** The directory changes rarely; loads are read fresh for every decision. */
const DIRECTORY_REFRESH_MS = 30_000;

/** Some cases of a batch were locked by another transaction; the job is retried (with backoff). */
export class CasesHeldError extends Error {
  constructor(readonly count: number) {
    super(`${count} case(s) of the batch were locked by another transaction; retrying`);
  }
}

export type RouteOutcome = { state: 'assigned'; decision: RoutingDecision } | { state: 'skipped'; why: string };

@Injectable()
export class RoutingService {
  private readonly logger = new Logger(RoutingService.name);
  private readonly snapshot = new Refreshing(DIRECTORY_REFRESH_MS, () => this.loadDirectory());

  constructor(
    private readonly repo: RoutingRepository,
    private readonly calendar: CalendarService,
    private readonly jobs: JobQueue,
    private readonly config: AppConfig,
    private readonly metrics: RoutingMetrics,
  ) {}

  private directory(): Promise<DirectorySnapshot> {
    return this.snapshot.get();
  }

  private async loadDirectory(): Promise<DirectorySnapshot> {
    const d = await this.repo.directory();
    const city = d.regulators.find((r) => r.kind === 'market' && r.level === 'city');
    if (!city) throw new Error('the directory has no city market-regulation bureau');
    return {
      cityAreas: new Set(d.areas.map((a) => a.code)),
      stations: d.stations.map((s) => ({ ...s, categories: new Set(s.categories), open: 0 })),
      regulators: d.regulators,
      categoryOwner: new Map(d.categories.filter((c) => c.regulatorCode).map((c) => [c.code, c.regulatorCode!])),
      platforms: d.platforms,
      cityBureau: city.code,
    };
  }

  /** Routes one round of one case (see routeMany). */
  async route(caseId: string, round: number): Promise<RouteOutcome> {
    const [outcome] = await this.routeMany([{ caseId, round }]);
    return outcome ?? { state: 'skipped', why: 'not waiting for routing (already routed, or another round)' };
  }

  /**
   * Routes a batch of cases: one query for the cases, one for the loads of every station they could
   * go to, the rules applied in memory (each assignment counted before the next decision, so a batch
   * spreads over stations as single decisions would), and one statement to apply them all.
   * Idempotent: cases already routed, or routed meanwhile by another worker, are skipped.
   */
  async routeMany(items: { caseId: string; round: number }[]): Promise<RouteOutcome[]> {
    const dir = await this.directory();
    const slaDue = (await this.calendar.due(chinaDate(new Date()), this.config.routing.stationAcceptDays)).date;
    const decided = await this.repo.transaction(async (sql) => {
      const cases = await this.repo.casesToRoute(sql, items);
      if (!cases.length) return [];
      const areas = new Set(cases.map((c) => jurisdictionArea(c, dir).areaCode));
      const venues = new Set(cases.map((c) => c.respondent.venueCode).filter(Boolean));
      const relevant = dir.stations.filter((s) => areas.has(s.areaCode) || (s.venueCode !== null && venues.has(s.venueCode)));
      const loads = await this.repo.lockLoads(
        sql,
        relevant.map((s) => s.code),
      );
      const stations = relevant.map((s) => ({ ...s, open: loads.get(s.code) ?? 0 }));
      const byCode = new Map(stations.map((s) => [s.code, s]));
      const batch = cases.map((c) => {
        const d = decideRoute(c, { ...dir, stations }, new Set(c.excluded));
        const chosen = d.assignee.type === 'station' ? byCode.get(d.assignee.code) : undefined;
        if (chosen) chosen.open++;
        return { c, d, stationSlaDue: chosen ? slaDue : null };
      });
      const applied = await this.repo.apply(sql, batch);
      return batch.map((b) => ({ ...b, applied: applied.has(b.c.id) }));
    });
    // A case another transaction held (SKIP LOCKED) is still waiting: fail the job so it is retried,
    // rather than completing it and leaving the case to the reconciler.
    const seen = new Set(decided.map((b) => b.c.id));
    const held = await this.repo.stillWaiting(items.filter((i) => !seen.has(i.caseId)));
    if (held.length) throw new CasesHeldError(held.length);
    return decided.map(({ d, applied }) => {
      if (!applied) return { state: 'skipped' as const, why: 'another worker routed it first' };
      this.metrics.decided(d.rule);
      return { state: 'assigned' as const, decision: d };
    });
  }

  /** Station assignments not accepted within the service level go to the area bureau. */
  async escalateLateStations(): Promise<number> {
    const dir = await this.directory();
    const late = await this.repo.lateAtStation(chinaDate(new Date()), 500);
    let moved = 0;
    for (const c of late) {
      const bureau =
        dir.regulators.find((r) => r.kind === 'market' && r.areaCode === c.areaCode) ??
        dir.regulators.find((r) => r.code === dir.cityBureau)!;
      const reason = `服务站 ${c.station} 未在 ${this.config.routing.stationAcceptDays} 个工作日内受理，升级由 ${bureau.name} 办理；法定受理时限仍自收到投诉之日起计算`;
      if (await this.repo.escalate(c, bureau, reason)) {
        moved++;
        this.metrics.decided('station-sla-escalation');
      }
    }
    if (moved) this.logger.log({ moved }, 'late station assignments escalated');
    return moved;
  }

  /**
   * Hands a case back from the unit it is assigned to; it is routed again with that unit excluded.
   * Returns the new routing round, or null when the case is not assigned to that unit (any more).
   */
  handBack(caseId: string, unitCode: string, reason: string, actorId: string | null = null): Promise<number | null> {
    return this.repo.handBack(caseId, unitCode, reason, actorId);
  }

  /** Enqueues again every case PostgreSQL says is waiting for routing longer than it should. */
  async reconcile(): Promise<number> {
    const due = await this.repo.unrouted(this.config.routing.reconcileAfterSeconds, 5_000);
    if (due.length) {
      await this.jobs.enqueueMany(routeBatches(due, String(Date.now())));
      this.logger.log({ cases: due.length }, 'unrouted cases re-enqueued');
    }
    return due.length;
  }
}
