import type { IsoDate } from '@weiquan/calendar';

/**
 * The rule set in force on the day a case is received: its day counts and the article each refers
 * to. Data, not constants spread over the code; a case keeps its rule set for life.
 */
export interface RuleSet {
  code: 'order20' | 'order121';
  name: string;
  effectiveFrom: IsoDate;
  days: {
    acceptance: number;
    mediation: number;
    terminationNotice: number;
    enforcementDecision: number;
    enforcementExtension: number;
    reporterNotice: number;
    followUp: number | null;
  };
}

/** @public also read from the build by bench/lib/generate-cases.mjs */
export const RULE_SETS: readonly RuleSet[] = [
  {
    code: 'order20',
    name: '《市场监督管理投诉举报处理暂行办法》（总局令第20号）',
    effectiveFrom: '2020-01-01',
    days: {
      acceptance: 7,
      mediation: 45,
      terminationNotice: 7,
      enforcementDecision: 15,
      enforcementExtension: 15,
      reporterNotice: 5,
      followUp: null,
    },
  },
  {
    code: 'order121',
    name: '《市场监督管理投诉举报处理办法》（总局令第121号）',
    effectiveFrom: '2026-04-15',
    days: {
      acceptance: 7,
      mediation: 45,
      terminationNotice: 7,
      enforcementDecision: 15,
      enforcementExtension: 15,
      reporterNotice: 5,
      followUp: 10,
    },
  },
];

export function ruleSetOn(receivedOn: IsoDate, sets: readonly RuleSet[] = RULE_SETS): RuleSet {
  const inForce = sets.filter((s) => s.effectiveFrom <= receivedOn).sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
  if (!inForce.length) throw new Error(`no rule set in force on ${receivedOn}`);
  return inForce[0];
}

export function ruleSet(code: RuleSet['code']): RuleSet {
  return RULE_SETS.find((s) => s.code === code)!;
}
