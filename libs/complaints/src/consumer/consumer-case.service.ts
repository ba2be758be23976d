import { Inject, Injectable } from '@nestjs/common';
import {
  canRate,
  canWithdraw,
  casePeriods,
  CaseHandlingService,
  CasePeriods,
  CaseStatus,
  ClockName,
  CLOCK_TEXT,
  normaliseTrackingNo,
  ruleSet,
  REMEDY_TEXT,
  reopenUntil,
  RuleSetCode,
  runningClock,
  SettlementService,
  STATUS_TEXT,
  withdrawalTerminates,
} from '@weiquan/cases';
import { ConsumerStepsRepository } from '@weiquan/cases/lifecycle/consumer-steps.repository';
import { chinaDate } from '@weiquan/calendar';
import { AppConfig, fenToYuan, Lang, LocalizedException } from '@weiquan/core';
import { timingSafeEqual } from 'node:crypto';
import { IntakeService } from '../intake/intake.service';
import { AccessAttempts } from './access-attempts';
import { CaseAttachments } from './case-attachments';
import type { UploadedFileInput, UploadTarget } from './sealed-uploads';
import { CaseForConsumer, ConsumerCaseRepository } from './consumer-case.repository';
import { clockExplanation, settlementExplanation } from './deadline-explanations';
import type { SettlementPeriods } from './deadline-explanations';
import { handlingUnit } from './handling-unit';
import { dataText, eventText } from './timeline';

/** Nothing more can be added to a case closed by the department, settled at the source, or withdrawn. */
const FINISHED = ['closed', 'settled', 'withdrawn'];

const NOT_FOUND = () =>
  new LocalizedException(404, { zh: '未找到该查询编号，或查询码不正确', en: 'no case with that tracking number and access code' });

/** The consumer's side of a case, keyed by tracking number and access code (no account). */
@Injectable()
export class ConsumerCaseService {
  constructor(
    private readonly repo: ConsumerCaseRepository,
    private readonly intake: IntakeService,
    private readonly files: CaseAttachments,
    private readonly attempts: AccessAttempts,
    private readonly handling: CaseHandlingService,
    private readonly settlement: SettlementService,
    private readonly steps: ConsumerStepsRepository,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /**
   * A wrong code and an unknown number answer the same, so neither can be probed; a number that took
   * too many wrong codes answers that way to every code for a while (AccessAttempts).
   */
  private async open(trackingNo: string, accessCode: string | undefined): Promise<CaseForConsumer> {
    const no = normaliseTrackingNo(trackingNo);
    const [c, shut] = no ? await Promise.all([this.repo.byTrackingNo(no), this.attempts.shut(no)]) : [null, false];
    const expected = c ? c.accessCodeHash : Buffer.alloc(32);
    const given = this.intake.accessCodeHash(no ?? '', accessCode?.trim() ?? '');
    const right = !!c && !!accessCode && timingSafeEqual(Buffer.from(expected), given);
    if (c && !right) await this.attempts.wrong(c.trackingNo);
    if (!c || !right || shut) throw NOT_FOUND();
    return c;
  }

  /**
   * What the running deadline (`due_on`) is: a clock of the formal stage, or in the settlement stage
   * the station's take-up day until it is taken up, then the outcome day (both city policy).
   */
  private runningExplanation(c: CaseForConsumer, periods: CasePeriods) {
    const clock = runningClock(c.track, c.status as CaseStatus);
    if (clock) return clockExplanation(clock, periods);
    const holder = c.assigneeType === 'station' || c.assigneeType === 'business' ? c.assigneeType : null;
    const takeUp = c.status === 'settling' && c.takeUpDue !== null && c.takeUpDue === c.dueOn;
    return settlementExplanation(takeUp ? 'take-up' : 'outcome', holder, this.config.settlement);
  }

  async status(trackingNo: string, accessCode: string | undefined, lang: Lang) {
    const c = await this.open(trackingNo, accessCode);
    const [events, clocks] = await Promise.all([this.repo.publicEvents(c.id), this.repo.clocks(c.id)]);
    const refs = await this.repo.trackingNos(events.map((e) => dataText(e.data.duplicateOf)).filter(Boolean));
    const attachments = await this.files.list(c.id);
    // Each deadline with what it is and what sets it: the case's rule set, or the city's policy.
    const periods = casePeriods(ruleSet(c.ruleSet as RuleSetCode), this.config.cityPolicy);
    const explain = (clock: ClockName) => clockExplanation(clock, periods);
    const first = c.track === 'complaint' ? 'acceptance' : 'decision';
    return {
      trackingNo: c.trackingNo,
      track: c.track,
      status: c.status,
      statusText: STATUS_TEXT[c.status as CaseStatus]?.[lang] ?? c.status,
      category: { code: c.categoryCode, name: c.categoryName },
      respondentName: c.respondentName,
      receivedAt: c.receivedAt,
      assignee: c.assigneeCode ? { code: c.assigneeCode, name: c.assigneeName, type: c.assigneeType } : null,
      handlingUnit: handlingUnit({
        type: c.assigneeType,
        code: c.assigneeCode,
        name: c.assigneeName,
        phone: c.assigneeType === 'station' ? c.stationPhone : c.regulatorPhone,
        address: c.assigneeType === 'station' ? c.stationAddress : c.regulatorAddress,
      }),
      /** The running deadline, if any; each clock with its due day, and when it was met or paused. */
      dueDate: c.dueOn,
      dueDateExplanation: c.dueOn ? this.runningExplanation(c, periods) : null,
      deadlines: [
        ...(c.acceptanceDue
          ? [
              {
                kind: first,
                text: CLOCK_TEXT[first][lang],
                explanation: explain(first),
                dueDate: c.acceptanceDue,
                provisional: c.acceptanceDueProvisional,
                metOn: c.firstClockMetOn,
                pausedOn: c.firstClockPausedOn,
              },
            ]
          : []),
        ...clocks.map((k) => {
          const explanation = explain(k.clock as ClockName);
          return {
            kind: k.clock,
            text: `${CLOCK_TEXT[k.clock as ClockName]?.[lang] ?? k.clock}${explanation.basis === 'policy' ? POLICY_NOTE[lang] : ''}`,
            explanation,
            dueDate: k.dueOn,
            provisional: k.provisional,
            metOn: k.metOn,
            pausedOn: k.pausedOn,
          };
        }),
      ],
      stage: c.stage,
      settlement: settlementView(c, lang, this.config.settlement),
      linkedTrackingNo: c.linkedTrackingNo,
      duplicateOfTrackingNo: c.duplicateOfTrackingNo,
      rating: c.rating ? { rating: c.rating, comment: c.ratingComment } : null,
      attachments: attachments.map((a) => ({
        id: a.id,
        name: a.name,
        mime: a.mime,
        size: a.size,
        at: a.createdAt,
        from: a.uploadedBy,
        sharedWithBusiness: a.sharedWithBusiness,
      })),
      timeline: events.map((e) => ({
        at: e.at,
        type: e.type,
        // A duplicate that lost a simultaneous claim learnt its original just after its event was written.
        text: eventText(e, lang, {
          track: c.track,
          trackingNoOf: (id) => refs.get(id) ?? c.duplicateOfTrackingNo ?? undefined,
        }),
      })),
    };
  }

  /** The consumer accepts the business's offer: settled at the source, closed. */
  async acceptOffer(trackingNo: string, accessCode: string | undefined): Promise<{ status: 'settled'; amountRecovered: string }> {
    const c = await this.open(trackingNo, accessCode);
    const r = await this.settlement.acceptOffer(c.id);
    if (!r.ok) throw settlementRefused(r.why, c.status);
    return { status: 'settled', amountRecovered: fenToYuan(r.amountRecoveredFen) };
  }

  /**
   * The consumer leaves the settlement stage for a formal complaint to the department (at any time
   * while it is open; rejecting the offer is the same step). The worker routes it by jurisdiction.
   */
  async escalate(
    trackingNo: string,
    accessCode: string | undefined,
    reason: string | undefined,
  ): Promise<{ status: 'received'; stage: 'formal' }> {
    const c = await this.open(trackingNo, accessCode);
    const r = await this.settlement.escalateByConsumer({ id: c.id, status: c.status as CaseStatus }, reason?.trim() || null);
    if (!r.ok) throw settlementRefused(r.why, c.status);
    return { status: 'received', stage: 'formal' };
  }

  /**
   * The consumer says the business did not deliver the offer they accepted, within the city's period:
   * the case reopens as a formal complaint to the department.
   */
  async notDelivered(trackingNo: string, accessCode: string | undefined, reason: string): Promise<{ status: 'received'; stage: 'formal' }> {
    const c = await this.open(trackingNo, accessCode);
    const r = await this.settlement.reopenNotDelivered(
      { id: c.id, status: c.status as CaseStatus, concludedAt: c.concludedAt },
      reason.trim(),
    );
    if (!r.ok)
      throw r.why === 'moved'
        ? settlementRefused('moved', c.status)
        : new LocalizedException(409, {
            zh: `只有接受和解方案后 ${this.config.settlement.reopenDays} 日内可以反映经营者未履行`,
            en: `you can say the offer was not delivered only within ${this.config.settlement.reopenDays} days of accepting it`,
          });
    return { status: 'received', stage: 'formal' };
  }

  /**
   * Before 受理 the case is withdrawn; during mediation a withdrawal terminates it on ground 1
   * (Order 121 Art. 23(1); Order 20 Art. 21(1)), written by case handling like a staff termination.
   */
  async withdraw(trackingNo: string, accessCode: string | undefined, reason: string | undefined): Promise<{ status: string }> {
    const c = await this.open(trackingNo, accessCode);
    if (!canWithdraw(c.status as CaseStatus)) {
      throw new LocalizedException(409, {
        zh: `当前状态（${STATUS_TEXT[c.status as CaseStatus]?.zh ?? c.status}）不能撤回`,
        en: `cannot be withdrawn in its current state (${c.status})`,
      });
    }
    const terminates = withdrawalTerminates(c.track, c.status as CaseStatus);
    const done = terminates
      ? await this.handling.withdrawnInMediation(c.id, c.status as CaseStatus, reason?.trim() || null)
      : await this.withdrawn(c, reason);
    if (!done)
      throw new LocalizedException(409, {
        zh: '案件状态刚刚发生变化，请刷新后重试',
        en: 'the case changed meanwhile; reload and try again',
      });
    return { status: terminates ? 'terminated' : 'withdrawn' };
  }

  private withdrawn(c: CaseForConsumer, reason: string | undefined): Promise<boolean> {
    return this.repo.transaction(async (tx) => {
      const changed = await this.steps.transition(tx, {
        id: c.id,
        from: c.status,
        to: 'withdrawn',
        type: 'withdrawn',
        note: reason ?? null,
      });
      if (changed) await this.repo.releaseMatter(tx, c.id);
      return changed;
    });
  }

  async supplement(trackingNo: string, accessCode: string | undefined, text: string): Promise<{ added: true }> {
    const c = await this.open(trackingNo, accessCode);
    if (FINISHED.includes(c.status)) {
      throw new LocalizedException(409, { zh: '案件已结束，不能再补充材料', en: 'the case is finished; nothing can be added' });
    }
    await this.repo.transaction((tx) => this.steps.addEvent(tx, c.id, 'supplement', text));
    return { added: true };
  }

  /** The case a consumer's upload goes to and how many more files it takes: asked before the upload is read. */
  async attachable(trackingNo: string, accessCode: string | undefined): Promise<UploadTarget> {
    const c = await this.open(trackingNo, accessCode);
    if (FINISHED.includes(c.status)) {
      throw new LocalizedException(409, { zh: '案件已结束，不能再上传附件', en: 'the case is finished; nothing can be attached' });
    }
    return this.files.uploadTarget(c.id);
  }

  /** Records the files the upload guard let in (see attachable). */
  attach(caseId: string, files: UploadedFileInput[], sharedWithBusiness = false) {
    return this.files.add(caseId, files, { by: 'consumer', sharedWithBusiness });
  }

  download(trackingNo: string, accessCode: string | undefined, attachmentId: string) {
    return this.open(trackingNo, accessCode).then((c) => this.files.open(c.id, attachmentId));
  }

  async rate(trackingNo: string, accessCode: string | undefined, rating: string, comment: string | undefined) {
    const c = await this.open(trackingNo, accessCode);
    if (!canRate(c.status as CaseStatus, c.track)) {
      throw new LocalizedException(409, { zh: '投诉办结后才能评价', en: 'a complaint can be rated once it is closed' });
    }
    const done = await this.repo.transaction(async (tx) => {
      const ok = await this.steps.rate(tx, c.id, rating, comment ?? null);
      if (ok) await this.steps.addEvent(tx, c.id, 'rated', null, { rating });
      return ok;
    });
    if (!done) throw new LocalizedException(409, { zh: '已经评价过了', en: 'already rated' });
    return { rating, comment: comment ?? null };
  }
}

const POLICY_NOTE: Record<Lang, string> = { zh: '（本市工作规范，非法定期限）', en: ' (city policy, not a legal deadline)' };

/** The settlement stage as the consumer sees it: who helps (a station, or the business itself), by when, and the offer. */
function settlementView(c: CaseForConsumer, lang: Lang, periods: SettlementPeriods) {
  if (c.stage !== 'settlement') return null;
  const holder = c.assigneeCode && (c.assigneeType === 'station' || c.assigneeType === 'business') ? c.assigneeType : null;
  const settledOn = c.status === 'settled' && c.concludedAt ? chinaDate(c.concludedAt) : null;
  const reopenDays = periods.reopenDays;
  const takeUpDueDate = c.status === 'settling' ? c.takeUpDue : null;
  const notDeliveredUntil =
    settledOn && reopenDays > 0 && chinaDate(new Date()) <= reopenUntil(settledOn, reopenDays) ? reopenUntil(settledOn, reopenDays) : null;
  return {
    handler: holder
      ? {
          code: c.assigneeCode!,
          name: c.assigneeName ?? c.assigneeCode!,
          type: holder,
          phone: holder === 'station' ? c.stationPhone : null,
          address: holder === 'station' ? c.stationAddress : null,
        }
      : null,
    takeUpDueDate,
    takeUpDueDateExplanation: takeUpDueDate ? settlementExplanation('take-up', holder, periods) : null,
    dueDate: c.settlementDue,
    dueDateExplanation: c.settlementDue ? settlementExplanation('outcome', holder, periods) : null,
    offer: c.offer
      ? {
          remedy: c.offer.remedy,
          remedyText: REMEDY_TEXT[c.offer.remedy][lang],
          amount: c.offer.amountFen === null ? null : fenToYuan(c.offer.amountFen),
          message: c.offer.message,
          at: c.offer.at,
          response: c.offer.response ?? null,
        }
      : null,
    /** After accepting: the last day to say the business did not deliver (city policy), while it is open. */
    notDeliveredUntil,
    notDeliveredUntilExplanation: notDeliveredUntil ? settlementExplanation('not-delivered', holder, periods) : null,
  };
}

function settlementRefused(why: 'not-in-settlement' | 'no-offer' | 'moved', status: string) {
  const st = STATUS_TEXT[status as CaseStatus];
  switch (why) {
    case 'no-offer':
      return new LocalizedException(409, {
        zh: '商家尚未提出和解方案，暂时没有可以接受的方案；您也可以随时转为正式投诉',
        en: 'the business has made no offer yet; you may still complain formally at any time',
      });
    case 'moved':
      return new LocalizedException(409, {
        zh: '案件状态刚刚发生变化，请刷新后重试',
        en: 'the case changed meanwhile; reload and try again',
      });
    default:
      return new LocalizedException(409, {
        zh: `案件已不在协商和解阶段（当前：${st?.zh ?? status}）`,
        en: `the case is no longer in the settlement stage (now: ${st?.en ?? status})`,
      });
  }
}
