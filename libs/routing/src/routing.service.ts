import { Injectable, Logger } from '@nestjs/common';
import { CalendarService, chinaDate } from '@weiquan/calendar';
import { AppConfig, JobQueue } from '@weiquan/core';
import { CaseToRoute, RoutingRepository } from './routing.repository';
import { decideRoute, DirectorySnapshot, jurisdictionArea, RoutingDecision } from './routing.rules';
import { RoutingMetrics } from './routing.metrics';

/** The directory changes rarely; loads are read fresh for every decision. */
const DIRECTORY_REFRESH_MS = 30_000;

export type RouteOutcome = { state: 'assigned'; decision: RoutingDecision } | { state: 'skipped'; why: string };

@Injectable()
export class RoutingService {
  private readonly logger = new Logger(RoutingService.name);
  private cached?: { at: number; snapshot: Promise<DirectorySnapshot> };

  constructor(
    private readonly repo: RoutingRepository,
    private readonly calendar: CalendarService,
    private readonly jobs: JobQueue,
    private readonly config: AppConfig,
    private readonly metrics: RoutingMetrics,
  ) {}

  private directory(): Promise<DirectorySnapshot> {
    if (!this.cached || Date.now() - this.cached.at > DIRECTORY_REFRESH_MS) {
      const snapshot = this.loadDirectory();
      this.cached = { at: Date.now(), snapshot };
      snapshot.catch(() => (this.cached = undefined));
    }
    return this.cached.snapshot;
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

  /** The snapshot with the current load of the stations this case could go to. */
  private async withLoads(c: CaseToRoute, dir: DirectorySnapshot): Promise<DirectorySnapshot> {
    const { areaCode } = jurisdictionArea(c, dir);
    const relevant = dir.stations.filter((s) => s.areaCode === areaCode || (c.respondent.venueCode && s.venueCode === c.respondent.venueCode));
    const loads = await this.repo.loads(relevant.map((s) => s.code));
    return { ...dir, stations: relevant.map((s) => ({ ...s, open: loads.get(s.code) ?? 0 })) };
  }

  /** Routes one round of one case. Idempotent: a case already routed (or a later round) is skipped. */
  async route(caseId: string, round: number): Promise<RouteOutcome> {
    const c = await this.repo.caseToRoute(caseId);
    if (!c) return { state: 'skipped', why: 'no such case' };
    if (c.status !== 'received' || c.round !== round) return { state: 'skipped', why: `already routed (${c.status}, round ${c.round})` };
    const decision = decideRoute(c, await this.withLoads(c, await this.directory()), new Set(c.excluded));
    const slaDue = decision.assignee.type === 'station' ? (await this.calendar.due(chinaDate(new Date()), this.config.routing.stationAcceptDays)).date : null;
    if (!(await this.repo.apply(c, decision, slaDue))) return { state: 'skipped', why: 'another worker routed it first' };
    this.metrics.decided(decision.rule);
    return { state: 'assigned', decision };
  }

  /** Station assignments not accepted within the service level go to the area bureau. */
  async escalateLateStations(): Promise<number> {
    const dir = await this.directory();
    const late = await this.repo.lateAtStation(chinaDate(new Date()), 500);
    let moved = 0;
    for (const c of late) {
      const bureau = dir.regulators.find((r) => r.kind === 'market' && r.areaCode === c.areaCode) ?? dir.regulators.find((r) => r.code === dir.cityBureau)!;
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
      await this.jobs.enqueueMany(due.map((d) => ({ name: 'routing.route-case' as const, payload: d })));
      this.logger.log({ cases: due.length }, 'unrouted cases re-enqueued');
    }
    return due.length;
  }
}
