import type { IsoDate } from '@weiquan/calendar';
import type { ClockName } from './case-state';

/**
 * The rule set in force on the day a case is received, as data: each period's length, how its days
 * are counted, and the article that sets it. A case keeps its rule set for life. docs/RULES.md
 * "Clocks of the formal stage" is the same table in prose.
 */
export type RuleSetCode = 'order20' | 'order121';

/** Working days (工作日) or calendar days (日) that end on the next working day (Order 121 Art. 45). */
export type DayCount = 'working' | 'calendar';

/** Why a period exists: an article of law, or the city's own policy (never presented as law). */
export type Basis = { kind: 'law'; citation: string } | { kind: 'policy'; text: string };

export interface Period {
  days: number;
  count: DayCount;
  basis: Basis;
}

export interface RuleSet {
  code: RuleSetCode;
  name: string;
  effectiveFrom: IsoDate;
  /** Decide 受理 / 不予受理 and tell the complainant. */
  acceptance: Period;
  /** Mediation, from 受理; testing and appraisal time does not count. */
  mediation: Period;
  /** Tell both parties that mediation was terminated. */
  terminationNotice: Period;
  /** Report: check the lead and decide 立案 (处罚程序规定 Art. 18); testing time does not count. */
  decision: Period;
  /** The one extension of the 立案 decision, with approval. */
  decisionExtension: Period;
  /** Tell a real-name reporter the 立案 decision, where the law sets a period; null where it sets none. */
  reporterNotice: Period | null;
}

const law = (citation: string): Basis => ({ kind: 'law', citation });
const PROCEDURE_18 = '《市场监督管理行政处罚程序规定》第十八条';

export const RULE_SETS: readonly RuleSet[] = [
  {
    code: 'order20',
    name: '《市场监督管理投诉举报处理暂行办法》（总局令第20号）',
    effectiveFrom: '2020-01-01',
    acceptance: { days: 7, count: 'working', basis: law('总局令第20号第十四条') },
    mediation: { days: 45, count: 'working', basis: law('总局令第20号第二十一条第（五）项') },
    terminationNotice: { days: 7, count: 'working', basis: law('总局令第20号第二十一条') },
    decision: { days: 15, count: 'working', basis: law(`总局令第20号第三十一条，${PROCEDURE_18}`) },
    decisionExtension: { days: 15, count: 'working', basis: law(`总局令第20号第三十一条，${PROCEDURE_18}`) },
    reporterNotice: { days: 5, count: 'working', basis: law('总局令第20号第三十一条') },
  },
  {
    code: 'order121',
    name: '《市场监督管理投诉举报处理办法》（总局令第121号）',
    effectiveFrom: '2026-04-15',
    acceptance: { days: 7, count: 'working', basis: law('总局令第121号第十五条') },
    mediation: { days: 60, count: 'calendar', basis: law('总局令第121号第二十三条第（五）项、第四十五条') },
    terminationNotice: { days: 7, count: 'working', basis: law('总局令第121号第二十三条') },
    decision: { days: 15, count: 'working', basis: law(`总局令第121号第三十五条，${PROCEDURE_18}`) },
    decisionExtension: { days: 15, count: 'working', basis: law(`总局令第121号第三十五条，${PROCEDURE_18}`) },
    // Art. 36: only where other law requires the reporter to be told; no period of its own.
    reporterNotice: null,
  },
];

/**
 * The city's own periods (config `REPORTER_NOTICE_DAYS`, `FOLLOW_UP_DAYS`; 0 turns one off). They
 * apply where the law sets no period, and every page that shows them says they are city policy.
 */
export interface CityPolicy {
  /** Working days to tell a real-name reporter whether a case was opened (Order 121 has no period). */
  reporterNoticeDays: number;
  /** Working days after closing to visit the consumer (回访; Order 121 Art. 26 makes it optional). */
  followUpDays: number;
}

export const DEFAULT_CITY_POLICY: CityPolicy = { reporterNoticeDays: 5, followUpDays: 10 };

const POLICY_TEXT = '聊城市工作规范（非法定期限）';

/** The periods a case actually runs: its rule set's, and the city's where the law sets none. */
export interface CasePeriods extends Omit<RuleSet, 'reporterNotice'> {
  reporterNotice: Period | null;
  followUp: Period | null;
}

export function casePeriods(rs: RuleSet, policy: CityPolicy = DEFAULT_CITY_POLICY): CasePeriods {
  const byPolicy = (days: number): Period | null =>
    days > 0 ? { days, count: 'working', basis: { kind: 'policy', text: POLICY_TEXT } } : null;
  return {
    ...rs,
    reporterNotice: rs.reporterNotice ?? byPolicy(policy.reporterNoticeDays),
    followUp: byPolicy(policy.followUpDays),
  };
}

/** How a basis reads for a person: the article, or that it is the city's policy. */
export function basisText(b: Basis): string {
  return b.kind === 'law' ? b.citation : b.text;
}

export function ruleSetOn(receivedOn: IsoDate, sets: readonly RuleSet[] = RULE_SETS): RuleSet {
  const inForce = sets.filter((s) => s.effectiveFrom <= receivedOn).sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
  if (!inForce.length) throw new Error(`no rule set in force on ${receivedOn}`);
  return inForce[0];
}

export function ruleSet(code: RuleSetCode): RuleSet {
  const found = RULE_SETS.find((s) => s.code === code);
  if (!found) throw new Error(`unknown rule set "${String(code)}"`);
  return found;
}

/** The period each clock runs (null: none, e.g. a policy period turned off). */
export const PERIOD_OF: Readonly<Record<ClockName, (p: CasePeriods) => Period | null>> = {
  acceptance: (p) => p.acceptance,
  decision: (p) => p.decision,
  mediation: (p) => p.mediation,
  'termination-notice': (p) => p.terminationNotice,
  'reporter-notice': (p) => p.reporterNotice,
  'follow-up': (p) => p.followUp,
};

/** Where a clock comes from: its article, or the city's policy (shown as such, never as law). */
export function clockBasis(clock: ClockName, periods: CasePeriods): { kind: 'law' | 'policy'; text: string } | null {
  const period = PERIOD_OF[clock](periods);
  return period ? { kind: period.basis.kind, text: basisText(period.basis) } : null;
}
