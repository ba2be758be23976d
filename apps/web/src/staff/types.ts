/** The JSON of the staff case API (libs/cases/src/handling/case-view.ts), as the console reads it. */

export type Track = 'complaint' | 'report';

export type CaseStatus =
  | 'received' | 'duplicate' | 'assigned' | 'accepted' | 'mediating' | 'paused' | 'resolved' | 'terminated'
  | 'refused' | 'transferred' | 'deciding' | 'case-opened' | 'not-opened' | 'closed' | 'withdrawn';

export type CaseAction =
  | 'accept' | 'refuse' | 'hand-back' | 'start-mediation' | 'pause-clock' | 'resume-clock' | 'resolve' | 'terminate'
  | 'open-enforcement' | 'decline-enforcement' | 'extend-decision' | 'report-violation' | 'close' | 'record-follow-up' | 'note';

export type ClockName = 'acceptance' | 'decision' | 'mediation' | 'termination-notice' | 'reporter-notice' | 'follow-up';

export type ConsumerView =
  | { hidden: true; name: null; phone: null }
  | { hidden: false; name: string; phone: string };

export interface CaseListItem {
  id: string;
  trackingNo: string;
  track: Track;
  status: CaseStatus;
  statusText: string;
  category: { code: string; name: string };
  respondentName: string;
  consumer: ConsumerView;
  receivedAt: string;
  dueOn: string | null;
  overdue: boolean;
  assignee: { type: 'station' | 'regulator'; code: string; name: string } | null;
  intakeChannel: string;
  flags?: unknown;
}

export interface CasePage {
  items: CaseListItem[];
  nextCursor: string | null;
}

export interface ReasonOption {
  code: string;
  text: { zh: string; en: string };
  basis: string;
}

export interface CaseClock {
  clock: ClockName;
  label: string;
  countsFrom: string;
  workingDays: number;
  dueOn: string;
  provisional: boolean;
  pausedOn: string | null;
  metOn: string | null;
  running: boolean;
  overdue: boolean;
  late: boolean;
}

export interface RoutingCandidate {
  type: 'station' | 'regulator';
  code: string;
  name: string;
  load: number | null;
  distanceKm: number | null;
  eligible: boolean;
  why: string;
}

export interface RoutingRound {
  round: number;
  rule: string;
  reason: string;
  assigneeType: 'station' | 'regulator';
  assigneeCode: string;
  transfer: boolean;
  candidates: RoutingCandidate[] | null;
  decidedAt: string;
}

export interface HistoryEvent {
  at: string;
  type: string;
  actor: { type: 'consumer' | 'staff' | 'system'; id: string | null; unitCode: string | null };
  from: CaseStatus | null;
  to: CaseStatus | null;
  action: CaseAction | null;
  reasonCode: string | null;
  note: string | null;
  public: boolean;
  data: {
    reason?: { kind: string; code: string; text: { zh: string; en: string }; basis: string };
    outcome?: { amountRecoveredFen?: number; agreement?: boolean; decision?: string };
    assignee?: { name?: string; code?: string };
    linkedReport?: { id: string; trackingNo: string };
    [key: string]: unknown;
  };
}

export interface LinkedCase {
  id: string;
  trackingNo: string;
  track: Track;
  status: CaseStatus | null;
  relation: 'linked' | 'duplicate' | 'duplicate-of' | string;
}

export interface ClaimantFlags {
  repeat: { trackingNos: string[] } | null;
  professional: {
    flagged: boolean;
    cases: number;
    respondents: number;
    similarity: number;
    thresholds: { cases: number; respondents: number; similarity: number };
  };
}

export type MaskedPerson =
  | { hidden: true; name: null; phone: null; address: null; idNumber: null; email: null; revealable: false }
  | { hidden: false; name: string; phone: string; address: string | null; idNumber: string | null; email: string | null; revealable: boolean };

export interface PersonalData {
  name: string;
  phone: string;
  address: string | null;
  idNumber: string | null;
  email: string | null;
}

export interface CaseDetail extends Omit<CaseListItem, 'consumer'> {
  ruleSet: { code: string };
  issueType: string | null;
  purchaseChannel: string | null;
  prepaid: boolean | null;
  consumer: MaskedPerson;
  respondent: {
    name: string;
    creditCode: string | null;
    address: string | null;
    areaCode: string | null;
    venueCode: string | null;
    online: boolean | null;
    platformName: string | null;
  };
  incidentDate: string | null;
  amount: string | number | null;
  description: string;
  demand: string;
  consentToPublish: boolean | null;
  handledByYou: boolean;
  clocks: CaseClock[];
  outcome: {
    reasonCode: string | null;
    amountRecovered: string | number | null;
    agreement: boolean | null;
    decision: 'opened' | 'not-opened' | null;
    acceptedAt: string | null;
    concludedAt: string | null;
    closedAt: string | null;
    followUpAt: string | null;
    rating: { rating: 'satisfied' | 'basically' | 'dissatisfied'; comment: string | null } | null;
  };
  claimant: ClaimantFlags | null;
  allowedActions: CaseAction[];
  reasonOptions: { refusal: ReasonOption[]; termination: ReasonOption[]; noCase: ReasonOption[] };
  routing: RoutingRound[];
  history: HistoryEvent[];
  linked: LinkedCase[];
  attachments: { id: string; name: string; mime: string; size: number; at: string }[];
}

export interface ActionResult {
  id: string;
  action: CaseAction;
  from: CaseStatus;
  status: CaseStatus;
  linkedReport?: { id: string; trackingNo: string };
  routingRound?: number;
}

export interface Category {
  code: string;
  name: string;
  group: 'service' | 'goods';
  regulatorCode: string | null;
}
