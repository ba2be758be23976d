import { Injectable, Logger } from '@nestjs/common';
import { CalendarService, chinaDate, workingDaysBetween } from '@weiquan/calendar';
import { ESCALATION_TEXT } from '@weiquan/cases/settlement.rules';
import type { EscalationCause } from '@weiquan/cases/settlement.rules';
import { AppConfig, JobQueue, LocalizedException, Refreshing, routeBatches } from '@weiquan/core';
import type { Sql } from '@weiquan/core';
import { NotificationWriter } from '@weiquan/notifications';
import { nationalAreaName } from './national-area-names';
import { RoutingRepository } from './routing.repository';
import type { CaseToRoute } from './routing.repository';
import { AssignmentRepository } from '@weiquan/cases/lifecycle/assignment.repository';
import type { RoutedCase as Routed } from '@weiquan/cases/lifecycle/assignment.repository';
import { deskDecision, formalReceipt } from './routing-outcomes';
import { decideDesignation, DESIGNATION_WORKING_DAYS, handBackBlocked } from './designation.rules';
import { stationsConsidered } from './jurisdiction.rules';
import { decideRoute } from './routing.rules';
import type { DirectorySnapshot, RoutingDecision } from './routing.types';
import { RoutingMetrics } from './routing.metrics';

/** A routed case of a batch, with what routing knows of it. */
type RoutedCase = Routed<CaseToRoute, RoutingDecision>;

/** The directory changes rarely; loads are read fresh for every decision. */
const DIRECTORY_REFRESH_MS = 30_000;

/**
 * Some cases of a batch are held: locked by another transaction, or a counter filing whose station
 * is being recorded. The job is retried (with backoff).
 */
export class CasesHeldError extends Error {
  constructor(readonly count: number) {
    super(`${count} case(s) of the batch are held (locked by another transaction, or a counter filing being recorded); retrying`);
  }
}

export type RouteOutcome = { state: 'assigned'; decision: RoutingDecision } | { state: 'skipped'; why: string };

/** Why a complaint became formal, in the consumer's notice (the settlement rules' causes, and routing's own). */
const FORMAL_BECAUSE = {
  ...Object.fromEntries(Object.entries(ESCALATION_TEXT).map(([k, v]) => [k, v.zh])),
  'no-station': '目前没有可以协助您协商和解的服务站',
} as Record<EscalationCause | 'no-station', string>;

/** Why a unit may not hand a case back (409). */
const HAND_BACK_REFUSED = {
  designated: {
    zh: '该案件由市市场监督管理局指定处理，指定为最终决定，承办单位不能退回，只能依法办理',
    en: 'the city bureau designated this unit to handle the case; the designation is final: it cannot be handed back',
  },
  'city-bureau': {
    zh: '市市场监督管理局是统一接收投诉举报的机构，不能退回：请指定处理机关或自行办理',
    en: 'the city bureau is the intake desk every hand-back goes to: designate the handler or handle it',
  },
} as const;

export class HandBackRefusedError extends LocalizedException {
  constructor(readonly why: keyof typeof HAND_BACK_REFUSED) {
    super(409, HAND_BACK_REFUSED[why]);
  }
}

@Injectable()
export class RoutingService {
  private readonly logger = new Logger(RoutingService.name);
  private readonly snapshot = new Refreshing(DIRECTORY_REFRESH_MS, () => this.loadDirectory());

  constructor(
    private readonly repo: RoutingRepository,
    private readonly assignments: AssignmentRepository,
    private readonly calendar: CalendarService,
    private readonly jobs: JobQueue,
    private readonly config: AppConfig,
    private readonly metrics: RoutingMetrics,
    private readonly notifications: NotificationWriter,
  ) {}

  directory(): Promise<DirectorySnapshot> {
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
      areaName: nationalAreaName,
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
   * spreads over stations as single decisions would), and one statement to apply them all. A case
   * no unit of the city has authority for is decided by the city bureau's intake desk in the same
   * transaction, with its notification (transactional outbox).
   * Idempotent: cases already routed, or routed meanwhile by another worker, are skipped.
   */
  async routeMany(items: { caseId: string; round: number }[]): Promise<RouteOutcome[]> {
    const dir = await this.directory();
    const today = chinaDate(new Date());
    const settlement = {
      takeUpDue: (await this.calendar.due(today, this.config.settlement.takeUpDays)).date,
      due: (await this.calendar.due(today, this.config.settlement.days)).date,
    };
    const designationDue = (await this.calendar.due(today, DESIGNATION_WORKING_DAYS)).date;
    const cal = await this.calendar.overrides();
    const decided = await this.repo.transaction(async (sql) => {
      const cases = await this.repo.casesToRoute(sql, items);
      if (!cases.length) return [];
      // Settlement cases no station can take become formal; their acceptance clock is computed first
      // (on the calendar read before the transaction: nothing here waits for another connection).
      const formalFrom = new Map(cases.filter((x) => x.stage === 'settlement').map((c) => [c.id, formalReceipt(c, today, cal)]));
      const relevant = stationsConsidered(cases, dir);
      const loads = await this.assignments.lockLoads(
        sql,
        relevant.map((s) => s.code),
      );
      const stations = relevant.map((s) => ({ ...s, open: loads.get(s.code) ?? 0 }));
      const byCode = new Map(stations.map((s) => [s.code, s]));
      const businesses = await this.repo.businesses(
        cases.map((c) => c.respondent.creditCode),
        sql,
      );
      const batch: RoutedCase[] = cases.map((c) => {
        const d = decideRoute(c, { ...dir, stations, businesses }, new Set(c.excluded));
        const chosen = d.assignee.type === 'station' ? byCode.get(d.assignee.code) : undefined;
        if (chosen) chosen.open++;
        const formal = c.stage === 'settlement' && d.stage === 'formal' ? formalFrom.get(c.id)! : null;
        const desk = d.noAuthority
          ? deskDecision(
              { ...c, firstDue: formal?.acceptanceDue ?? c.firstDue },
              d,
              today,
              workingDaysBetween(formal?.countsFrom ?? c.receivedOn, today, cal),
            )
          : null;
        return {
          c,
          d,
          status: desk ? (c.track === 'report' ? 'closed' : 'refused') : d.stage === 'settlement' ? 'settling' : 'assigned',
          // A business has the outcome day only: answering is its taking up.
          settlement: chosen ? settlement : d.assignee.type === 'business' ? { takeUpDue: null, due: settlement.due } : null,
          formal,
          designationDue: d.designation ? designationDue : null,
          desk,
        };
      });
      const applied = await this.assignments.apply(sql, batch, today);
      for (const b of batch.filter((x) => applied.has(x.c.id) && !x.desk)) await this.tellWhoHelps(sql, b, dir);
      for (const b of batch) {
        if (!b.desk || !applied.has(b.c.id) || b.c.referral) continue;
        const [decision] = b.desk.events;
        const reason = decision.data.reason as { text: { zh: string }; basis: string } | undefined;
        await this.notifications.write(sql, {
          caseId: b.c.id,
          kind: b.c.track === 'report' ? 'report-decision' : 'refused',
          params: {
            reason: [reason?.text.zh, decision.note].filter(Boolean).join('。'),
            basis: reason?.basis,
            decision: b.c.track === 'report' ? 'not-opened' : undefined,
          },
        });
      }
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

  /**
   * The consumer's notice after routing, in the settlement stage (which station helps, by when, how to
   * reach it) and when a complaint has just become formal (where it went, by when the department
   * decides on acceptance). Once per case and kind (the writer's key): a re-route after a
   * department's hand-back tells nothing again.
   */
  private async tellWhoHelps(sql: Sql, b: RoutedCase, dir: DirectorySnapshot): Promise<void> {
    const { c, d } = b;
    if (c.track !== 'complaint') return;
    if (b.status === 'settling' && d.assignee.type === 'business') {
      await this.notifications.write(sql, {
        caseId: c.id,
        kind: 'settlement-assigned',
        dedupeKey: String(c.round),
        params: { unitName: d.assignee.name, dueDate: b.settlement!.due, business: true },
      });
      return;
    }
    if (b.status === 'settling') {
      const s = dir.stations.find((x) => x.code === d.assignee.code);
      await this.notifications.write(sql, {
        caseId: c.id,
        kind: 'settlement-assigned',
        // Another station after a hand-back is news: one notice per routing round.
        dedupeKey: String(c.round),
        params: {
          unitName: d.assignee.name,
          takeUpDate: b.settlement!.takeUpDue ?? undefined,
          dueDate: b.settlement!.due,
          phone: s?.phone ?? undefined,
          address: s?.address,
        },
      });
      return;
    }
    const cause = (c.escalationCause ?? (b.formal ? 'no-station' : null)) as keyof typeof FORMAL_BECAUSE | null;
    if (!cause) return;
    await this.notifications.write(sql, {
      caseId: c.id,
      kind: 'escalated',
      params: { reason: FORMAL_BECAUSE[cause], unitName: d.assignee.name, dueDate: b.formal?.acceptanceDue ?? c.firstDue ?? undefined },
    });
  }

  /**
   * Whether a station could help settle a complaint like this now (the filing page's recommendation):
   * the settlement rules on the directory with the stations' current loads. An estimate: routing
   * decides when the complaint is filed.
   */
  async settlementOptions(q: {
    categoryCode: string;
    areaCode: string;
    venueCode?: string;
    online?: boolean;
    platformName?: string;
    creditCode?: string;
  }) {
    const dir = await this.directory();
    const respondent = {
      creditCode: q.creditCode ?? null,
      areaCode: q.areaCode,
      venueCode: q.venueCode ?? null,
      online: q.online ?? false,
      platformName: q.platformName?.trim() || null,
      lat: null,
      lng: null,
    };
    const c = { track: 'complaint' as const, stage: 'settlement' as const, categoryCode: q.categoryCode, respondent };
    const loads = await this.repo.loads(stationsConsidered([c], dir).map((s) => s.code));
    const businesses = await this.repo.businesses([q.creditCode]);
    const d = decideRoute(c, { ...dir, businesses, stations: dir.stations.map((s) => ({ ...s, open: loads.get(s.code) ?? 0 })) });
    const helper = d.stage === 'settlement' && d.assignee.type !== 'regulator' ? d.assignee.type : null;
    return {
      available: helper !== null,
      helper: helper ? { code: d.assignee.code, name: d.assignee.name, type: helper } : null,
      recommended: helper ? ('settlement' as const) : ('formal' as const),
      settlementDays: this.config.settlement.days,
    };
  }

  /**
   * Hands a case back from the unit it is assigned to (the unit reports back to the city bureau's
   * intake desk); it is routed again with that unit excluded. Returns the new routing round, or null
   * when the case is not assigned to that unit (any more). Throws HandBackRefusedError (409) when
   * the city bureau designated the unit (final), or for the city bureau itself.
   */
  async handBack(caseId: string, unitCode: string, reason: string, actorId: string | null = null): Promise<number | null> {
    const dir = await this.directory();
    const r = await this.assignments.handBack(caseId, unitCode, reason, actorId, dir.cityBureau);
    if (r === null) return null;
    if (r.state === 'refused') throw new HandBackRefusedError(r.why);
    return r.round;
  }

  /**
   * Whether the unit holding a case may hand it back (for the actions a case file offers): not once
   * the city bureau designated it, and never the city bureau.
   */
  async mayHandBack(decisions: readonly { rule: string; assigneeCode: string }[]): Promise<boolean> {
    return !handBackBlocked(decisions, (await this.directory()).cityBureau);
  }

  /**
   * The city bureau designates the handler of a case waiting for it (a disputed jurisdiction, or
   * no eligible unit left): the decision is recorded like any routing round and is final.
   */
  async designate(
    staff: { userId: string; unitCode: string | null },
    caseId: string,
    unitCode: string,
    note: string,
  ): Promise<{ id: string; round: number; assignee: { type: 'station' | 'regulator'; code: string; name: string } }> {
    const dir = await this.directory();
    if (staff.unitCode !== dir.cityBureau)
      throw new LocalizedException(403, {
        zh: '只有市市场监督管理局可以指定处理机关',
        en: 'only the city market-regulation bureau designates the handler',
      });
    return this.repo.transaction(async (sql) => {
      const c = await this.repo.lockForDesignation(sql, caseId);
      if (!c || c.assigneeCode !== dir.cityBureau) throw new LocalizedException(404, { zh: '未找到该案件', en: 'no such case' });
      if (c.status !== 'assigned' || c.designated || c.designationDue === null)
        throw new LocalizedException(409, {
          zh: '该案件不在等待市局指定处理机关的状态（已指定、已办理或不属于管辖争议）',
          en: 'the case is not waiting for the city bureau to designate its handler (designated already, handled, or not disputed)',
        });
      const outcome = decideDesignation(c, dir, unitCode, new Set(c.excluded), note);
      if (!outcome.ok) throw new LocalizedException(400, outcome.problem, [{ field: 'unitCode', message: outcome.problem }]);
      await this.assignments.designate(
        sql,
        { id: c.id, round: c.round, from: dir.cityBureau },
        { ...outcome.assignee, reason: outcome.reason, candidates: outcome.candidates },
        { userId: staff.userId, note },
      );
      this.metrics.decided('designated');
      return { id: c.id, round: c.round + 1, assignee: outcome.assignee };
    });
  }

  /**
   * Staff entered these cases: their unit is recorded, and a counter filing is routed at once (it
   * stays with the station that took it, if that station can handle it).
   */
  async takenBy(trackingNos: string[], unitCode: string): Promise<void> {
    // The cases are committed already: a failure here must not fail the intake. Unrecorded, a counter
    // filing is routed by the worker like any other after a short wait; unrouted, the worker routes it.
    try {
      const counter = await this.assignments.recordIntakeUnit(trackingNos, unitCode);
      if (counter.length) await this.routeMany(counter);
    } catch (err) {
      this.logger.warn({ err, trackingNos, unitCode }, 'intake unit not recorded or counter filing not routed now; the worker routes it');
    }
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
