/**
 * What the statistics read from a case's history: the events (with what each needs to be counted)
 * and the case's immutable attributes, and the counters of the rollups they add to. The rules that
 * count them are case-counters.rules.ts (one event's counters) and rollup.rules.ts (its rows).
 */

/** The counters of the area and unit rollups (one bigint column each). */
export const COUNTERS = [
  'received',
  'duplicates',
  'assigned',
  'transferred',
  'handed_back',
  'withdrawn',
  'accepted',
  'refused',
  'acceptance_decided',
  'acceptance_on_time',
  'resolved',
  'agreements',
  'recovered_fen',
  'terminated',
  'concluded',
  'handling_days',
  'complaints_closed',
  'reports_closed',
  'follow_ups',
  'rated',
  'rated_satisfied',
  'rated_basically',
  'reports_opened',
  'reports_not_opened',
  'reporter_notice_due',
  'reporter_notice_on_time',
  // The settlement stage (协商和解, docs/METRICS.md "Settlement at the source").
  'settlement_assigned',
  'settled',
  'settled_fen',
  'settle_days',
  'escalated',
] as const;
export type Counter = (typeof COUNTERS)[number];
export type Counters = Record<Counter, number>;

/** The counters of the respondent rollup (hotspots). */
export const RESPONDENT_COUNTERS = [
  'complaints',
  'reports',
  'accepted',
  'refused',
  'resolved',
  'terminated',
  'withdrawn',
  'recovered_fen',
  'reports_opened',
  'settled',
] as const;
export type RespondentCounter = (typeof RESPONDENT_COUNTERS)[number];

/** The value that stands for "all" in a rollup key column (the grouping rows). */
export const ALL = '*';
/** A case whose consumer gave no purchase channel. */
export const NO_CHANNEL = 'unknown';
export const CHANNELS = ['offline', 'online', 'livestream', NO_CHANNEL] as const;
/** A case whose consumer named no issue type (and the history before the area rollup kept it: StatsIssueType1763700002200). */
export const NO_ISSUE = 'unknown';

export interface StatEvent {
  id: string;
  /** The China-time calendar day the event happened on (YYYY-MM-DD). */
  day: string;
  type: string;
  /** The acting unit (staff actions, hand-backs). */
  unitCode: string | null;
  data: Record<string, unknown>;
  /** For HOLDER_EVENTS: the unit the case was assigned to at the time, from the history (null if none). */
  holderUnit?: string | null;
  /** For HOLDER_TYPED_EVENTS: the type of that unit ('station', 'regulator', 'business'; null if none). */
  holderType?: string | null;
  /**
   * For an escalation with cause `not-delivered`: the `accept-offer` event it reopens (the latest
   * before it in the case's history), whose settlement it takes back. Null if there is none.
   */
  settledBefore?: { id: string; day: string; unitCode: string | null; data: Record<string, unknown> } | null;
}

export interface CaseAttributes {
  track: 'complaint' | 'report';
  categoryCode: string;
  areaCode: string;
  channel: string | null;
  prepaid: boolean;
  /** What the complaint is about (intake's issue types), null when not given. */
  issueType: string | null;
  /** `uscc:<code>` when the credit code is known, else `name:<normalised name>` (intake's respondentKey). */
  respondentKey: string;
  respondentName: string;
}
