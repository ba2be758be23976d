import { Inject, Injectable, Logger } from '@nestjs/common';
import { CalendarService, chinaDate } from '@weiquan/calendar';
import { AppConfig, fenToYuan } from '@weiquan/core';
import type { Sql } from '@weiquan/core';
import { NotificationWriter } from '@weiquan/notifications';
import type { CaseStatus } from '../case-status';
import { casePeriods, ruleSet, ruleSetOn } from '../rule-set';
import type { RuleSetCode } from '../rule-set';
import { decideAcceptOffer, lapsed, mayEscalate, mayReopen } from '../settlement.rules';
import type { EscalationCause } from '../settlement.rules';
import { CasesRepository } from '../handling/cases.repository';
import { transitionWrite } from '../handling/transition-write';
import { FormalStart, SettlementRepository } from './settlement.repository';

/** Why a consumer's settlement move did not happen (the controller answers 409 with it). */
export type SettlementRefusal = 'not-in-settlement' | 'no-offer' | 'moved';

/**
 * The settlement stage's moves that are not a station's action: the consumer accepts the offer or
 * leaves for the formal complaint, a station gives up, and the sweep escalates cases whose city
 * deadline passed. Every escalation starts the formal stage on its day: the department receives
 * the complaint then, and its acceptance clock counts from there (docs/RULES.md "Two stages").
 */
@Injectable()
export class SettlementService {
  private readonly logger = new Logger(SettlementService.name);

  constructor(
    private readonly repo: SettlementRepository,
    private readonly cases: CasesRepository,
    private readonly calendar: CalendarService,
    private readonly notifications: NotificationWriter,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /**
   * The formal stage starting today: the rule set in force and the acceptance deadline. Computed
   * before a transaction opens: the calendar may have to be read again, which needs a connection of
   * its own, and a pool whose every connection waits in a transaction for it would stall.
   */
  async formalStart(): Promise<FormalStart> {
    const today = chinaDate(new Date());
    const rules = ruleSetOn(today);
    const due = await this.calendar.due(today, rules.acceptance.days);
    return { on: today, ruleSet: rules.code, acceptanceDue: due.date, provisional: due.provisional };
  }

  /** Escalation inside the caller's transaction (a station's `settlement-failed`), from a `formalStart` taken before it. */
  escalateIn(
    sql: Sql,
    c: { id: string; from: CaseStatus },
    cause: EscalationCause,
    start: FormalStart,
    actor: { type: 'consumer' | 'staff' | 'system'; userId: string | null },
    note: string | null,
    extra: Record<string, unknown> = {},
  ): Promise<boolean> {
    return this.repo.escalate(sql, c, cause, start, actor, note, extra);
  }

  /** The consumer leaves the settlement stage (at any time while it is open), or rejects the offer. */
  async escalateByConsumer(
    c: { id: string; status: CaseStatus },
    reason: string | null,
  ): Promise<{ ok: true } | { ok: false; why: SettlementRefusal }> {
    if (!mayEscalate(c.status)) return { ok: false, why: 'not-in-settlement' };
    const cause: EscalationCause = c.status === 'offered' ? 'offer-rejected' : 'consumer';
    const start = await this.formalStart();
    const done = await this.cases.transaction((sql) =>
      this.escalateIn(sql, { id: c.id, from: c.status }, cause, start, { type: 'consumer', userId: null }, reason),
    );
    return done ? { ok: true } : { ok: false, why: 'moved' };
  }

  /**
   * The consumer says the business did not deliver the offer they accepted (within the city's
   * `SETTLEMENT_REOPEN_DAYS`): the settlement is undone and the case becomes a formal complaint.
   */
  async reopenNotDelivered(
    c: { id: string; status: CaseStatus; concludedAt: Date | null },
    reason: string,
  ): Promise<{ ok: true } | { ok: false; why: SettlementRefusal }> {
    const today = chinaDate(new Date());
    const settledOn = c.concludedAt ? chinaDate(c.concludedAt) : null;
    if (!mayReopen(c.status, settledOn, today, this.config.settlement.reopenDays)) return { ok: false, why: 'not-in-settlement' };
    const start = await this.formalStart();
    const done = await this.cases.transaction((sql) =>
      this.escalateIn(sql, { id: c.id, from: c.status }, 'not-delivered', start, { type: 'consumer', userId: null }, reason),
    );
    return done ? { ok: true } : { ok: false, why: 'moved' };
  }

  /**
   * The consumer accepts the business's offer: the case is settled at the source and closed, the
   * offered amount recorded as recovered, the station's place released and the consumer told.
   */
  async acceptOffer(id: string): Promise<{ ok: true; amountRecoveredFen: number } | { ok: false; why: SettlementRefusal }> {
    const today = chinaDate(new Date());
    const cal = await this.calendar.overrides();
    return this.cases.transaction(async (sql) => {
      const c = await this.cases.lock(sql, id);
      if (!c || !c.assigneeCode) return { ok: false as const, why: 'moved' as const };
      const t = decideAcceptOffer(c.status, c.offer);
      if (!t)
        return {
          ok: false as const,
          why: c.status === 'negotiating' || c.status === 'settling' ? ('no-offer' as const) : ('not-in-settlement' as const),
        };
      const periods = casePeriods(ruleSet(c.ruleSet as RuleSetCode), this.config.cityPolicy);
      const facts = {
        track: c.track,
        status: c.status,
        ruleSet: periods,
        referral: false,
        decisionExtended: false,
        decisionPaused: false,
        followUpDone: false,
        running: [],
      };
      // The event counts for the station holding the case (statistics), acted by the consumer.
      const write = transitionWrite(c, t, facts, [], today, cal, { type: 'consumer', userId: null, unitCode: c.assigneeCode }, null);
      write.eventData.settledAtSource = true;
      if (!(await this.cases.applyTransition(sql, write))) return { ok: false as const, why: 'moved' as const };
      const amount = t.outcome!.amountRecoveredFen!;
      await this.notifications.write(sql, {
        caseId: c.id,
        kind: 'settled',
        params: { amountYuan: amount > 0 ? fenToYuan(amount) : undefined },
      });
      return { ok: true as const, amountRecoveredFen: amount };
    });
  }

  /**
   * Settlement cases whose take-up or outcome deadline (city policy) passed become formal complaints
   * by themselves; the consumer is told where the complaint went once the worker has routed it.
   * Read from PostgreSQL each run, so a lost job or a flushed Redis delays an escalation by one run
   * at most, and two workers running it escalate each case once (the write is guarded by status).
   */
  async escalateLapsed(): Promise<number> {
    const today = chinaDate(new Date());
    const start = await this.formalStart();
    let moved = 0;
    for (const c of await this.repo.lapsed(today, 500)) {
      const cause = lapsed(c, today);
      if (!cause) continue;
      const done = await this.cases.transaction((sql) =>
        this.escalateIn(sql, { id: c.id, from: c.status }, cause, start, { type: 'system', userId: null }, null),
      );
      if (done) moved++;
    }
    if (moved) this.logger.log({ moved }, 'settlement cases past their deadline escalated to the formal stage');
    return moved;
  }
}
