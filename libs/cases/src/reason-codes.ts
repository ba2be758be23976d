import type { Bilingual } from '@weiquan/core';
import type { RuleSet } from './rule-set';

/**
 * The grounds a handler may choose, each with its basis in the rule set the case is under. Order 20's
 * articles are cited from the published text; Order 121's numbering could not be verified here, so
 * its citations name the order and say so (data: correct them here when the text is confirmed).
 */
interface ReasonCode {
  code: string;
  text: Bilingual;
  /** Citation per rule set; a code without one does not exist under that rule set. */
  basis: Partial<Record<RuleSet['code'], string>>;
}

const O121 = '《市场监督管理投诉举报处理办法》（总局令第121号）相应条款（条号待核）';

const REFUSAL_REASONS: readonly ReasonCode[] = [
  {
    code: '1',
    text: {
      zh: '不属于市场监督管理部门职责，或本机关不具有处理权限',
      en: 'outside market-regulation duties, or this office has no authority',
    },
    basis: { order20: '第20号令第十五条第（一）项', order121: O121 },
  },
  {
    code: '2',
    text: {
      zh: '法院、仲裁机构、其他行政机关、消费者协会或依法成立的调解组织已受理或处理过同一争议',
      en: 'the same dispute is already accepted or handled by a court, arbitration, another department, the consumer association or a lawful mediation body',
    },
    basis: { order20: '第20号令第十五条第（二）项', order121: O121 },
  },
  {
    code: '3',
    text: {
      zh: '不是为生活消费需要，或不能证明与被投诉人之间存在消费者权益争议',
      en: 'not for household consumption, or no provable consumer dispute with the respondent',
    },
    basis: { order20: '第20号令第十五条第（三）项', order121: O121 },
  },
  {
    code: '4',
    text: {
      zh: '自知道或应当知道权益受到侵害之日起超过三年',
      en: 'more than 3 years since the complainant knew or should have known of the harm',
    },
    basis: { order20: '第20号令第十五条第（四）项', order121: O121 },
  },
  {
    code: '5',
    text: {
      zh: '未提供规定的材料（投诉人姓名、电话、地址，被投诉人名称、地址，具体诉求和事实；代理的授权委托书）',
      en: 'required materials missing (complainant name, phone, address; respondent name and address; request and facts; power of attorney for an agent)',
    },
    basis: { order20: '第20号令第十五条第（五）项', order121: O121 },
  },
  {
    code: '6',
    text: {
      zh: '提供虚假材料、冒用他人名义投诉或拒绝身份核验',
      en: "false materials, filing in someone else's name, or refusing identity verification",
    },
    basis: { order121: O121 },
  },
  {
    code: '7',
    text: { zh: '法律、法规、规章规定不予受理的其他情形', en: 'other grounds under law' },
    basis: { order20: '第20号令第十五条第（六）项', order121: O121 },
  },
];

const TERMINATION_REASONS: readonly ReasonCode[] = [
  {
    code: '1',
    text: { zh: '投诉人撤回投诉或双方自行和解', en: 'complaint withdrawn, or the parties settled by themselves' },
    basis: { order20: '第20号令第二十六条第（一）项', order121: O121 },
  },
  {
    code: '2',
    text: { zh: '对检测鉴定机构或费用承担无法协商一致', en: 'no agreement on the testing/appraisal body or who pays' },
    basis: { order20: '第20号令第二十六条第（二）项', order121: O121 },
  },
  {
    code: '3',
    text: {
      zh: '一方无正当理由不参加调解，或被投诉人明确拒绝调解',
      en: 'a party does not take part without good reason, or the respondent refuses mediation',
    },
    basis: { order20: '第20号令第二十六条第（三）项', order121: O121 },
  },
  {
    code: '4',
    text: { zh: '一方明确表示无法达成调解协议', en: 'a party states that no agreement is possible' },
    basis: { order20: '第20号令第二十六条第（四）项', order121: O121 },
  },
  {
    code: '5',
    text: { zh: '调解期限内未能达成调解协议', en: 'no agreement within the mediation period' },
    basis: { order20: '第20号令第二十六条第（五）项', order121: O121 },
  },
  {
    code: '6',
    text: { zh: '受理后发现存在不予受理情形', en: 'a refusal ground is found after acceptance' },
    basis: { order20: '第20号令第二十六条第（六）项', order121: O121 },
  },
  {
    code: '7',
    text: { zh: '法律、法规、规章规定应当终止调解的其他情形', en: 'other grounds under law' },
    basis: { order20: '第20号令第二十六条第（七）项', order121: O121 },
  },
];

/** Why a report does not become an enforcement case (不予立案). */
const NO_CASE_REASONS: readonly ReasonCode[] = [
  {
    code: '1',
    text: { zh: '经核查，未发现违法行为', en: 'no illegal conduct found on inspection' },
    basis: { order20: '《市场监督管理行政处罚程序规定》第二十条', order121: '《市场监督管理行政处罚程序规定》第二十条' },
  },
  {
    code: '2',
    text: { zh: '违法行为轻微并及时改正，没有造成危害后果', en: 'minor violation corrected promptly without harm' },
    basis: { order20: '《行政处罚法》第三十三条', order121: '《行政处罚法》第三十三条' },
  },
  {
    code: '3',
    text: { zh: '不属于本部门管辖', en: "not within this department's jurisdiction" },
    basis: { order20: '第20号令第三十一条', order121: O121 },
  },
  {
    code: '4',
    text: { zh: '违法行为已超过追责时效', en: 'the time limit for liability has passed' },
    basis: { order20: '《行政处罚法》第三十六条', order121: '《行政处罚法》第三十六条' },
  },
  {
    code: '5',
    text: { zh: '其他依法不予立案的情形', en: 'other grounds under law' },
    basis: { order20: '《市场监督管理行政处罚程序规定》第二十条', order121: '《市场监督管理行政处罚程序规定》第二十条' },
  },
];

export type ReasonKind = 'refusal' | 'termination' | 'no-case';

/** @public also read from the build by bench/lib/generate-cases.mjs */
export const REASONS: Record<ReasonKind, readonly ReasonCode[]> = {
  refusal: REFUSAL_REASONS,
  termination: TERMINATION_REASONS,
  'no-case': NO_CASE_REASONS,
};

/** The codes that exist under a rule set, with their citation there. */
export function reasonsUnder(kind: ReasonKind, ruleSet: RuleSet['code']): { code: string; text: Bilingual; basis: string }[] {
  return REASONS[kind].filter((r) => r.basis[ruleSet]).map((r) => ({ code: r.code, text: r.text, basis: r.basis[ruleSet]! }));
}

export function findReason(
  kind: ReasonKind,
  ruleSet: RuleSet['code'],
  code: string,
): { code: string; text: Bilingual; basis: string } | undefined {
  return reasonsUnder(kind, ruleSet).find((r) => r.code === code);
}
