import type { Lang } from '@weiquan/core';
import { fenToYuan, maskAddress, maskEmail, maskIdNumber, maskName, maskPhone } from '@weiquan/core';
import type { CaseAction } from '../case-state';
import { STATUS_TEXT } from '../case-status';
import type { ClaimantFlags } from '../claimant-flags';
import type { Clock } from '../deadline';
import { CLOCK_TEXT, runningClock } from '../deadline';
import type { CasePeriods } from '../rule-set';
import { clockBasis } from '../rule-set';
import type { CaseEventRow } from './case-file.repository';
import type { CaseListRow, CaseRow } from './cases.repository';
import { DUE_LABEL, dueClockOf } from './due-clock';
import { nextStep } from './next-step';
import { clockEnded } from './open-work';
import type { LinkedRow } from './reporter-confidentiality';
import { linksFor, withoutNumbers } from './reporter-confidentiality';

/**
 * How a case reads to staff. Pure: what is masked depends only on whether the reader handles it.
 * Reporter identity (Art. 33) is hidden from everyone but the handling unit.
 */
type Decrypt = (sealed: Buffer) => string;

export function firstClock(
  c: Pick<
    CaseRow,
    | 'track'
    | 'receivedOn'
    | 'acceptanceDue'
    | 'acceptanceDueProvisional'
    | 'firstClockMetOn'
    | 'decisionExtended'
    | 'firstClockCountsFrom'
    | 'firstClockDays'
    | 'firstClockPausedOn'
  >,
  rs: Pick<CasePeriods, 'acceptance' | 'decision' | 'decisionExtension'>,
): Clock {
  const complaint = c.track === 'complaint';
  const period = complaint ? rs.acceptance : rs.decision;
  return {
    clock: complaint ? 'acceptance' : 'decision',
    countsFrom: c.firstClockCountsFrom ?? c.receivedOn,
    days: c.firstClockDays ?? period.days + (!complaint && c.decisionExtended ? rs.decisionExtension.days : 0),
    count: period.count,
    dueOn: c.acceptanceDue ?? c.receivedOn,
    provisional: c.acceptanceDueProvisional,
    pausedOn: c.firstClockPausedOn,
    metOn: c.firstClockMetOn,
  };
}

function consumerView(c: CaseListRow, handler: boolean, decrypt: Decrypt) {
  if (c.track === 'report' && !handler) return { hidden: true as const, name: null, phone: null };
  return {
    hidden: false as const,
    name: handler ? c.consumerName : maskName(c.consumerName),
    phone: maskPhone(decrypt(c.consumerPhoneEnc)),
  };
}

/** `soonBy`: the last day of "due soon" (SOON_WORKING_DAYS working days from today, on the official calendar). */
export function caseListItem(c: CaseListRow, o: { today: string; soonBy: string; lang: Lang; handler: boolean; phone: Decrypt }) {
  const dueClock = dueClockOf(c);
  const overdue = c.dueOn !== null && c.dueOn < o.today;
  return {
    id: c.id,
    trackingNo: c.trackingNo,
    track: c.track,
    status: c.status,
    statusText: STATUS_TEXT[c.status]?.[o.lang] ?? c.status,
    category: { code: c.categoryCode, name: c.categoryName },
    respondentName: c.respondentName,
    consumer: consumerView(c, o.handler, o.phone),
    receivedAt: c.receivedAt,
    dueOn: c.dueOn,
    dueClock,
    dueLabel: dueClock ? DUE_LABEL[dueClock][o.lang] : null,
    overdue,
    dueSoon: !overdue && c.dueOn !== null && c.dueOn <= o.soonBy,
    assignee: c.assigneeCode ? { type: c.assigneeType, code: c.assigneeCode, name: c.assigneeName } : null,
    intakeChannel: c.intakeChannel,
    flags: c.flags,
  };
}

export function personalData(c: CaseRow, decrypt: Decrypt) {
  return {
    name: c.consumerName,
    phone: decrypt(c.consumerPhoneEnc),
    address: c.consumerAddressEnc ? decrypt(c.consumerAddressEnc) : null,
    idNumber: c.consumerIdNumberEnc ? decrypt(c.consumerIdNumberEnc) : null,
    email: c.consumerEmailEnc ? decrypt(c.consumerEmailEnc) : null,
  };
}

function maskedPersonalData(c: CaseRow, handler: boolean, decrypt: Decrypt) {
  const base = consumerView(c, handler, decrypt);
  if (base.hidden) return { ...base, address: null, idNumber: null, email: null, revealable: false };
  return {
    ...base,
    address: c.consumerAddressEnc ? maskAddress(decrypt(c.consumerAddressEnc)) : null,
    idNumber: c.consumerIdNumberEnc ? maskIdNumber(decrypt(c.consumerIdNumberEnc)) : null,
    email: c.consumerEmailEnc ? maskEmail(decrypt(c.consumerEmailEnc)) : null,
    /** GET /cases/{id}/personal-data shows it in full, to the handling unit, and records the view. */
    revealable: handler,
  };
}

type RoutingRow = {
  round: number;
  rule: string;
  reason: string;
  assigneeType: string;
  assigneeCode: string;
  transfer: boolean;
  candidates: unknown;
  decidedAt: Date;
};
type ReasonOption = { code: string; text: { zh: string; en: string }; basis: string };

export function caseDetail(
  c: CaseRow,
  o: {
    lang: Lang;
    today: string;
    soonBy: string;
    handler: boolean;
    clocks: Clock[];
    periods: CasePeriods;
    history: CaseEventRow[];
    routing: RoutingRow[];
    linked: LinkedRow[];
    /** The reader's acting unit (null for read-only roles): a linked report's progress is for its handler only. */
    unit: string | null;
    attachments: {
      id: string;
      name: string;
      mime: string;
      size: number;
      createdAt: Date;
      uploadedBy: string;
      sharedWithBusiness: boolean;
    }[];
    /** Enrolled businesses a name-only respondent may be (for the station to confirm). */
    businessMatches: { creditCode: string; name: string; exact: boolean }[];
    claimant: ClaimantFlags;
    allowedActions: CaseAction[];
    reasons: { refusal: ReasonOption[]; termination: ReasonOption[]; noCase: ReasonOption[] };
    phone: Decrypt;
  },
) {
  const lang = o.lang;
  const clocks = o.clocks
    .filter((k) => !(k.clock === 'acceptance' || k.clock === 'decision') || c.acceptanceDue !== null)
    .map((k) => {
      // Only the clock the case's state runs against (its due_on): a withdrawn case's mediation runs no more.
      const running = !k.metOn && !k.pausedOn && k.clock === runningClock(c.track, c.status);
      const ended = clockEnded(c.status, { metOn: k.metOn, running });
      return {
        clock: k.clock,
        label: CLOCK_TEXT[k.clock][lang],
        countsFrom: k.countsFrom,
        days: k.days,
        count: k.count,
        /** Kept for readers of the first version: the length when it is counted in working days. */
        workingDays: k.count === 'working' ? k.days : null,
        basis: clockBasis(k.clock, o.periods),
        dueOn: k.dueOn,
        provisional: k.provisional,
        pausedOn: k.pausedOn,
        metOn: k.metOn,
        running,
        ended,
        overdue: running && k.dueOn < o.today,
        /** Met after its day: counted late in the statistics. */
        late: k.metOn !== null && k.metOn > k.dueOn,
      };
    });
  const links = linksFor(c, o.linked, { handler: o.handler, unit: o.unit });
  return {
    ...caseListItem(c, { today: o.today, soonBy: o.soonBy, lang, handler: o.handler, phone: o.phone }),
    ruleSet: { code: c.ruleSet },
    stage: c.stage,
    settlement:
      c.stage === 'settlement'
        ? {
            takeUpDue: c.takeUpDue,
            dueDate: c.settlementDue,
            takenUpAt: c.settlementTakenUpAt,
            offer: c.offer
              ? {
                  remedy: c.offer.remedy,
                  amount: c.offer.amountFen === null ? null : fenToYuan(c.offer.amountFen),
                  message: c.offer.message,
                  at: c.offer.at,
                  response: c.offer.response ?? null,
                }
              : null,
            businessMatches: o.businessMatches,
          }
        : null,
    escalation: c.escalatedOn ? { on: c.escalatedOn, cause: c.escalationCause ?? '' } : null,
    issueType: c.issueType,
    purchaseChannel: c.purchaseChannel,
    prepaid: c.prepaid,
    consumer: maskedPersonalData(c, o.handler, o.phone),
    respondent: {
      name: c.respondentName,
      creditCode: c.respondentCreditCode,
      address: c.respondentAddress,
      areaCode: c.respondentAreaCode,
      venueCode: c.respondentVenueCode,
      online: c.respondentOnline,
      platformName: c.respondentPlatformName,
    },
    incidentDate: c.incidentDate,
    amount: c.amountFen === null ? null : fenToYuan(c.amountFen),
    description: c.description,
    demand: c.demand,
    consentToPublish: c.consentToPublish,
    handledByYou: o.handler,
    clocks,
    outcome: {
      reasonCode: c.outcomeReasonCode,
      amountRecovered: c.amountRecoveredFen === null ? null : fenToYuan(c.amountRecoveredFen),
      agreement: c.agreement,
      decision: c.decision,
      acceptedAt: c.acceptedAt,
      concludedAt: c.concludedAt,
      closedAt: c.closedAt,
      followUpAt: c.followUpAt,
      rating: c.rating ? { rating: c.rating, comment: c.ratingComment } : null,
    },
    // The reporter's other filings would identify them to staff who do not handle the report.
    claimant: c.track === 'report' && !o.handler ? null : o.claimant,
    allowedActions: o.allowedActions,
    nextAction: nextStep(c.status, o.allowedActions),
    reasonOptions: o.reasons,
    routing: o.routing,
    history: o.history.map((h) => ({
      at: h.at,
      type: h.type,
      actor: { type: h.actorType, id: h.actorId, unitCode: h.unitCode },
      from: h.fromStatus,
      to: h.toStatus,
      action: h.action,
      reasonCode: h.reasonCode,
      note: withoutNumbers(h.note, links.hiddenNumbers),
      public: h.public,
      data: withoutNumbers(h.data, links.hiddenNumbers),
    })),
    linked: links.shown,
    attachments: o.attachments.map((a) => ({
      id: a.id,
      name: a.name,
      mime: a.mime,
      size: a.size,
      at: a.createdAt,
      from: a.uploadedBy,
      sharedWithBusiness: a.sharedWithBusiness,
    })),
  };
}
