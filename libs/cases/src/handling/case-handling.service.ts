import { Inject, Injectable } from '@nestjs/common';
import { CalendarService, chinaDate, workingDaysBetween } from '@weiquan/calendar';
import type { CalendarOverrides, IsoDate } from '@weiquan/calendar';
import { AppConfig, fenToYuan, invalid, Lang, LocalizedException, PersonalDataCipher } from '@weiquan/core';
import type { StaffPrincipal } from '@weiquan/identity';
import { NotificationWriter } from '@weiquan/notifications';
import { HandBackRefusedError, RoutingService } from '@weiquan/routing';
import { ActionInput, allowedActions, CaseAction, CaseFacts, decideAction, unitMayTake } from '../case-state';
import { REMEDY_TEXT } from '../settlement.rules';
import { SettlementService } from '../settlement/settlement.service';
import { BusinessPartyService } from '../settlement/business-party.service';
import { decideWithdrawal } from '../withdrawal.rules';
import { CaseStatus } from '../case-status';
import { ART17_DEFAULTS, claimantFlags } from '../claimant-flags';
import { Clock } from '../deadline';
import { reasonsUnder } from '../reason-codes';
import { casePeriods, ruleSet } from '../rule-set';
import type { CasePeriods, RuleSetCode } from '../rule-set';
import { actingUnit, readScope } from './case-scope';
import { mergeInto } from './case-merge';
import { ClaimantRepository } from './claimant.repository';
import { caseDetail, firstClock, personalData } from './case-view';
import { CaseFileRepository } from './case-file.repository';
import { CaseRow, CasesRepository } from './cases.repository';
import { LinkedReportRepository } from './linked-report.repository';
import { transitionWrite } from './transition-write';
import { SOON_WORKING_DAYS } from './open-work';
import { lockConflictAsMovedAway, movedAway, notAllowed, notYours } from './case-action.errors';
import { JointCasesService } from '../joint/joint-cases.service';

const NOT_FOUND = () => new LocalizedException(404, { zh: '未找到该案件', en: 'no such case' });

/** Staff handling of cases: the queue, the case file, and actions through the state machine. */
@Injectable()
export class CaseHandlingService {
  constructor(
    private readonly repo: CasesRepository,
    private readonly file: CaseFileRepository,
    private readonly calendar: CalendarService,
    private readonly routing: RoutingService,
    private readonly notifications: NotificationWriter,
    private readonly cipher: PersonalDataCipher,
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly claimants: ClaimantRepository,
    private readonly settlement: SettlementService,
    private readonly party: BusinessPartyService,
    private readonly linkedReports: LinkedReportRepository,
    private readonly joint: JointCasesService,
  ) {}

  /** The periods a case runs: its rule set's, and the city's policy where the law sets none. */
  private periods(code: string): CasePeriods {
    return casePeriods(ruleSet(code as RuleSetCode), this.config.cityPolicy);
  }

  async detail(p: StaffPrincipal, id: string, lang: Lang) {
    const c = await this.readable(p, id);
    const handler = c.assigneeCode !== null && c.assigneeCode === actingUnit(p);
    const settlementAtStation = c.stage === 'settlement' && c.assigneeType === 'station' && handler;
    const today = chinaDate(new Date());
    const [clocks, history, routing, linked, attachments, claimant, businessMatches, soon, jointCase] = await Promise.all([
      this.repo.clocks(c.id),
      this.file.history(c.id),
      this.file.routing(c.id),
      this.file.linked(c),
      this.file.attachments(c.id),
      this.claimant(c),
      settlementAtStation ? this.file.businessMatches(c) : Promise.resolve([]),
      this.calendar.due(today, SOON_WORKING_DAYS),
      this.joint.ofCase(c.id),
    ]);
    const facts = this.facts(c, clocks);
    // A unit the city bureau designated (final), and the city bureau itself, cannot hand a case back.
    const mayHandBack = handler && (await this.routing.mayHandBack(routing));
    const detail = caseDetail(c, {
      lang,
      today,
      soonBy: soon.date,
      handler,
      clocks: [firstClock(c, facts.ruleSet), ...clocks],
      periods: facts.ruleSet,
      history,
      routing,
      linked,
      unit: actingUnit(p),
      attachments,
      claimant,
      businessMatches,
      allowedActions: handler
        ? allowedActions(facts).filter(
            (a) =>
              (a !== 'hand-back' || mayHandBack) &&
              (a !== 'refer-to-business' || businessMatches.length > 0) &&
              a !== 'step-in' &&
              (!p.unit || unitMayTake(p.unit.type, a)),
          )
        : // The venue's station may step in on its tenant's settlement case.
          c.assigneeType === 'business' && p.unit?.type === 'station'
          ? allowedActions(facts).filter((a) => a === 'step-in')
          : [],
      reasons: {
        refusal: reasonsUnder('refusal', facts.ruleSet.code),
        termination: reasonsUnder('termination', facts.ruleSet.code),
        noCase: reasonsUnder('no-case', facts.ruleSet.code),
      },
      phone: (b) => this.cipher.decrypt(b),
    });
    // Order 121 Art. 12: the joint complaint it is handled in, and its representatives.
    return { ...detail, jointCase };
  }

  /** The consumer's personal data in full: for the handling unit only, and every view recorded. */
  async personalData(p: StaffPrincipal, id: string) {
    const c = await this.readable(p, id);
    const unit = actingUnit(p);
    if (!unit || c.assigneeCode !== unit) {
      throw new LocalizedException(403, {
        zh: '只有承办单位可以查看完整的个人信息',
        en: 'only the handling unit may see personal data in full',
      });
    }
    const full = personalData(c, (b) => this.cipher.decrypt(b));
    await this.file.auditPersonalDataView(
      c.id,
      { userId: p.userId, username: p.username, unitCode: unit },
      Object.keys(full).filter((k) => full[k as keyof typeof full] !== null),
    );
    return full;
  }

  async act(p: StaffPrincipal, id: string, input: ActionInput) {
    const c = await this.readable(p, id);
    const unit = actingUnit(p);
    // Steps of a party that does not hold the case: the venue's station stepping in, the business's statement.
    if (unit && (input.action === 'step-in' || input.action === 'statement')) return this.partyStep(p, c, input);
    if (!unit || c.assigneeCode !== unit) {
      throw new LocalizedException(403, {
        zh: '您的角色或单位只能查阅此案件，不能办理',
        en: 'your role or unit may read this case but not act on it',
      });
    }
    if (p.unit && !unitMayTake(p.unit.type, input.action)) throw notYours(p.unit.type, input.action);
    if (input.action === 'hand-back') return this.handBack(p, unit, c, input);
    if (input.action === 'refer-to-business') return this.refer(p, c, input);
    if (p.unit?.type === 'business' && input.action === 'record-offer' && !input.response)
      throw invalid([
        {
          field: 'response',
          message: { zh: '请选择答复：全部同意（full）或部分同意（partial）', en: 'say whether you agree in full or in part' },
        },
      ]);

    const today = chinaDate(new Date());
    const cal = await this.calendar.overrides();
    // Read before the transaction (the calendar may need a connection of its own).
    const formal = input.action === 'settlement-failed' ? await this.settlement.formalStart() : null;
    const done = await this.repo
      .transaction(async (sql) => {
        const locked = await this.repo.lockAssigned(sql, id, unit);
        if (!locked) throw movedAway();
        const clocks = await this.repo.clocks(id, sql);
        const facts = this.facts(locked, clocks);
        const decision = decideAction(facts, input);
        if (!decision.ok && decision.kind === 'not-allowed') throw notAllowed(input.action, locked.status, forUnit(p, decision.allowed));
        if (!decision.ok) throw invalid(decision.problems);
        const t = decision.transition;

        const actor = { type: 'staff', userId: p.userId, unitCode: unit } as const;
        const write = transitionWrite(locked, t, facts, clocks, today, cal, actor, input.note?.trim() || null);
        let linkedReport: { id: string; trackingNo: string } | undefined;
        if (t.effect === 'open-linked-report') {
          linkedReport = await this.linkedReports.open(sql, locked, today, cal, input.note!.trim());
          write.eventData.linkedReport = linkedReport;
        }
        if (t.effect === 'merge') {
          const note = input.note!.trim();
          const into = await mergeInto(sql, locked, { mergeInto: t.mergeInto!, periods: facts.ruleSet, cal, actor, note });
          write.set.duplicateOfId = into.id;
          Object.assign(write.eventData, { mergedInto: into.trackingNo, duplicateOf: into.id, decisionDue: into.decisionDue });
        }
        const answer = p.unit?.type === 'business' ? businessAnswer(locked, today, cal) : undefined;
        if (answer) write.eventData.by = 'business';
        if (answer && t.action === 'record-offer') write.eventData.answer = answer;
        if (t.effect === 'escalate') {
          const cause = answer ? 'business-declined' : 'settlement-failed';
          const escalated = await this.settlement.escalateIn(
            sql,
            { id, from: t.from },
            cause,
            formal!,
            actor,
            write.note,
            answer ? { answer } : {},
          );
          if (!escalated) throw movedAway();
          return { t, linkedReport };
        }
        if (!(await this.repo.applyTransition(sql, write))) throw movedAway();
        if (t.notify === 'offer') {
          await this.notifications.write(sql, {
            caseId: locked.id,
            kind: 'offer',
            params: {
              unitName: locked.assigneeName ?? undefined,
              remedy: REMEDY_TEXT[t.offer!.remedy].zh,
              amountYuan: t.offer!.amountFen !== null ? fenToYuan(t.offer!.amountFen) : undefined,
              business: locked.assigneeType === 'business' || undefined,
            },
            // A revised offer is a new message.
            dedupeKey: write.set.offer!.at,
          });
        } else if (t.notify) {
          await this.notifications.write(sql, {
            caseId: locked.id,
            kind: t.notify,
            params: {
              reason: t.reason?.text.zh,
              basis: t.reason?.basis,
              amountYuan: t.outcome?.amountRecoveredFen !== undefined ? fenToYuan(t.outcome.amountRecoveredFen) : undefined,
              unitName: locked.assigneeName ?? undefined,
              decision: t.outcome?.decision ?? (locked.decision as 'opened' | 'not-opened' | null) ?? undefined,
            },
          });
        }
        return { t, linkedReport };
      })
      .catch(lockConflictAsMovedAway);
    return {
      id,
      action: done.t.action,
      from: done.t.from,
      status: done.t.to,
      ...(done.linkedReport ? { linkedReport: done.linkedReport } : {}),
    };
  }

  /**
   * The consumer withdraws a complaint in mediation (`ConsumerCaseService.withdraw`): mediation ends on
   * termination ground 1, written like a staff termination (the notice to both parties starts), and the
   * handler then closes it. False if the case is no longer in `from` or no longer in mediation.
   */
  async withdrawnInMediation(id: string, from: CaseStatus, note: string | null): Promise<boolean> {
    const today = chinaDate(new Date());
    const cal = await this.calendar.overrides();
    return this.repo.transaction(async (sql) => {
      const locked = await this.repo.lock(sql, id);
      if (!locked?.assigneeCode || locked.status !== from) return false;
      const clocks = await this.repo.clocks(id, sql);
      const facts = this.facts(locked, clocks);
      const t = decideWithdrawal(facts);
      if (!t) return false;
      // The event counts for the unit holding the case, as a staff termination would (statistics).
      const actor = { type: 'consumer', userId: null, unitCode: locked.assigneeCode } as const;
      const write = transitionWrite(locked, t, facts, clocks, today, cal, actor, note);
      write.eventData.withdrawnByConsumer = true;
      return this.repo.applyTransition(sql, write);
    });
  }

  private async handBack(p: StaffPrincipal, unit: string, c: CaseRow, input: ActionInput) {
    const facts = this.facts(c, []);
    const decision = decideAction(facts, input);
    if (!decision.ok && decision.kind === 'not-allowed') throw notAllowed(input.action, c.status, forUnit(p, decision.allowed));
    if (!decision.ok) throw invalid(decision.problems);
    const round = await this.routing.handBack(c.id, unit, input.note!.trim(), p.userId).catch((err: unknown) => {
      if (!(err instanceof HandBackRefusedError)) throw err;
      const allowed = forUnit(p, allowedActions(facts)).filter((a) => a !== 'hand-back');
      throw new LocalizedException(409, err.text, [], { allowed });
    });
    if (round === null) throw movedAway();
    return { id: c.id, action: 'hand-back', from: c.status, status: 'received', routingRound: round };
  }

  /**
   * A step by a party that does not hold the case, decided by the state machine like any action:
   * the venue's station stepping in on its tenant's settlement case, the business's statement to
   * the department in the formal stage.
   */
  private async partyStep(p: StaffPrincipal, c: CaseRow, input: ActionInput) {
    if (p.unit && !unitMayTake(p.unit.type, input.action)) throw notYours(p.unit.type, input.action);
    const decision = decideAction(this.facts(c, []), input);
    if (!decision.ok && decision.kind === 'not-allowed') throw notAllowed(input.action, c.status, forUnit(p, decision.allowed));
    if (!decision.ok) throw invalid(decision.problems);
    const t = decision.transition;
    const done = t.effect === 'step-in' ? await this.party.stepIn(p, c, t) : await this.party.statement(p, c, input.note!.trim());
    if (!done) throw movedAway();
    return { id: c.id, action: t.action, from: t.from, status: t.to };
  }

  /** The station passes the case to the enrolled business it confirmed (the name-only respondent is that business). */
  private async refer(p: StaffPrincipal, c: CaseRow, input: ActionInput) {
    const decision = decideAction(this.facts(c, []), input);
    if (!decision.ok && decision.kind === 'not-allowed') throw notAllowed(input.action, c.status, forUnit(p, decision.allowed));
    if (!decision.ok) throw invalid(decision.problems);
    const code = input.targetUnit?.trim().toUpperCase() ?? '';
    const business = code ? (await this.file.businessMatches(c)).find((b) => b.creditCode === code) : undefined;
    if (!business)
      throw invalid([
        {
          field: 'targetUnit',
          message: {
            zh: '请选择案件详情中提示的、与被投诉人名称相符的在线纠纷解决企业（统一社会信用代码）',
            en: 'choose one of the enrolled businesses the case file suggests for this respondent (its credit code)',
          },
        },
      ]);
    const done = await this.party.refer(p, c, decision.transition, { code: business.creditCode, name: business.name });
    if (!done) throw movedAway();
    return { id: c.id, action: 'refer-to-business', from: c.status, status: 'settling' };
  }

  private async readable(p: StaffPrincipal, id: string): Promise<CaseRow> {
    if (!/^\d{1,18}$/.test(id)) throw NOT_FOUND();
    const c = await this.repo.find(readScope(p), id);
    if (!c) throw NOT_FOUND();
    return c;
  }

  private facts(c: CaseRow, clocks: Clock[]): CaseFacts {
    return {
      track: c.track,
      status: c.status,
      ruleSet: this.periods(c.ruleSet),
      referral: c.intakeChannel === 'referral',
      decisionExtended: c.decisionExtended,
      decisionPaused: c.firstClockPausedOn !== null,
      followUpDone: c.followUpAt !== null || clocks.some((k) => k.clock === 'follow-up' && k.metOn !== null),
      running: clocks.filter((k) => !k.metOn).map((k) => k.clock),
    };
  }

  /** Claimant flags and Order 121 Art. 17 factors (claimant-flags.ts): shown to the handler, never acted on. */
  private async claimant(c: CaseRow) {
    const since = new Date(Date.now() - ART17_DEFAULTS.lookbackDays * 86_400_000);
    const facts = await this.claimants.facts(c.id, { since, shortDays: ART17_DEFAULTS.shortDays });
    return claimantFlags(
      {
        id: c.id,
        trackingNo: c.trackingNo,
        track: c.track,
        respondentKey: c.respondentKey,
        categoryCode: c.categoryCode,
        issueType: c.issueType,
        description: c.description,
        consumerName: c.consumerName,
        receivedAt: c.receivedAt,
      },
      facts,
    );
  }
}

/** The actions the state allows that this person's kind of unit may take (what a 409 lists). */
function forUnit(p: StaffPrincipal, actions: CaseAction[]): CaseAction[] {
  const type = p.unit?.type;
  return type ? actions.filter((a) => unitMayTake(type, a)) : actions;
}

/** A business's answer: working days from the day it received the case, and whether it is its first. */
function businessAnswer(c: CaseRow, today: IsoDate, cal: CalendarOverrides) {
  const since = c.assignedAt ? chinaDate(c.assignedAt) : c.receivedOn;
  return { workingDays: workingDaysBetween(since, today, cal), first: c.offer === null };
}
