import type { Bilingual } from '@weiquan/core';
import type { RuleSetCode } from './rule-set';

/**
 * The grounds a handler may choose, with their text and their article and item under each rule set
 * (docs/RULES.md "不予受理 grounds", "终止调解 grounds", "不予立案 grounds"). A code keeps its meaning
 * across rule sets (history and statistics refer to codes); what it cites, and sometimes its exact
 * wording, differs by rule set. A code without an entry for a rule set does not exist under it.
 * Grounds are listed in the order of the items of each article.
 */
export interface Ground {
  /** The item's number in its article: the order the grounds are offered in. */
  item: number;
  text: Bilingual;
  /** Article and item, as a person reads them (依据). */
  basis: string;
}

export interface ReasonCode {
  code: string;
  under: Partial<Record<RuleSetCode, Ground>>;
}

const item = (n: number) => `第（${'一二三四五六七八九十'[n - 1]}）项`;
const o20 = (article: string, n: number) => `总局令第20号第${article}条${item(n)}`;
const o121 = (article: string, n: number) => `总局令第121号第${article}条${item(n)}`;
const same = (text: Bilingual, g20: [string, number] | null, g121: [string, number] | null): ReasonCode['under'] => ({
  ...(g20 ? { order20: { item: g20[1], text, basis: o20(...g20) } } : {}),
  ...(g121 ? { order121: { item: g121[1], text, basis: o121(...g121) } } : {}),
});

const REFUSE_20 = '十五';
const REFUSE_121 = '十六';

/** 不予受理: Order 20 Art. 15, Order 121 Art. 16. */
const REFUSAL_REASONS: readonly ReasonCode[] = [
  {
    code: '1',
    under: same(
      {
        zh: '投诉事项不属于市场监督管理部门职责，或者本机关不具有处理权限',
        en: 'outside market-regulation duties, or this office has no authority',
      },
      [REFUSE_20, 1],
      [REFUSE_121, 1],
    ),
  },
  {
    code: '2',
    under: {
      order20: {
        item: 2,
        basis: o20(REFUSE_20, 2),
        text: {
          zh: '法院、仲裁机构、市场监督管理部门或者其他行政机关、消费者协会或者依法成立的其他调解组织已经受理或者处理过同一争议',
          en: 'a court, arbitration body, a department, the consumer association or another lawful mediation body has already accepted or handled the same dispute',
        },
      },
      order121: {
        item: 2,
        basis: o121(REFUSE_121, 2),
        text: {
          zh: '法院、仲裁机构、市场监督管理部门或者其他行政机关、消费者协会已经受理或者处理过同一争议',
          en: 'a court, arbitration body, a department or the consumer association has already accepted or handled the same dispute',
        },
      },
    },
  },
  {
    code: '3',
    under: same(
      {
        zh: '不是为生活消费需要购买、使用商品或者接受服务，或者不能证明与被投诉人之间存在消费者权益争议',
        en: 'not bought or used for household consumption, or no provable consumer dispute with the respondent',
      },
      [REFUSE_20, 3],
      [REFUSE_121, 3],
    ),
  },
  {
    code: '4',
    under: same(
      {
        zh: '自知道或者应当知道权益受到被投诉人侵害之日起超过三年',
        en: 'more than 3 years since the complainant knew or should have known of the harm',
      },
      [REFUSE_20, 4],
      [REFUSE_121, 4],
    ),
  },
  {
    code: '5',
    under: {
      order20: {
        item: 5,
        basis: o20(REFUSE_20, 5),
        text: {
          zh: '未提供规定的材料（投诉人姓名、电话、通讯地址，被投诉人名称、地址，具体投诉请求和争议事实；委托代理的授权委托书原件和受托人身份证明）',
          en: 'required materials missing (complainant name, phone, address; respondent name and address; request and facts; for an agent, the original power of attorney and the agent’s ID)',
        },
      },
      order121: {
        item: 5,
        basis: o121(REFUSE_121, 5),
        text: {
          zh: '未提供规定的材料（投诉人真实身份信息，被投诉人名称、地址，具体投诉请求和争议事实；委托代理的授权委托书原件和受托人身份证明），或者提供虚假材料',
          en: 'required materials missing (complainant identity; respondent name and address; request and facts; for an agent, the original power of attorney and the agent’s ID), or false materials',
        },
      },
    },
  },
  {
    code: '6',
    under: same(
      {
        zh: '冒用他人名义投诉，或者拒不配合核验真实身份信息',
        en: 'filed in someone else’s name, or refused to have the complainant’s identity verified',
      },
      null,
      [REFUSE_121, 6],
    ),
  },
  {
    code: '7',
    under: same(
      { zh: '法律、法规、规章规定不予受理的其他情形', en: 'other grounds under laws and regulations' },
      [REFUSE_20, 6],
      [REFUSE_121, 7],
    ),
  },
];

const END_20 = '二十一';
const END_121 = '二十三';

/** 终止调解: Order 20 Art. 21, Order 121 Art. 23. */
const TERMINATION_REASONS: readonly ReasonCode[] = [
  {
    code: '1',
    under: same(
      { zh: '投诉人撤回投诉或者双方自行和解', en: 'the complaint was withdrawn, or the parties settled by themselves' },
      [END_20, 1],
      [END_121, 1],
    ),
  },
  {
    code: '2',
    under: {
      order20: {
        item: 2,
        basis: o20(END_20, 2),
        text: {
          zh: '对检定、检验、检测、鉴定的技术机构或者费用承担无法协商一致',
          en: 'no agreement on the testing or appraisal body, or on who pays for it',
        },
      },
      order121: {
        item: 4,
        basis: o121(END_121, 4),
        text: { zh: '对鉴定、检测费用承担无法协商一致', en: 'no agreement on who pays for testing or appraisal' },
      },
    },
  },
  {
    code: '3',
    under: {
      order20: {
        item: 3,
        basis: o20(END_20, 3),
        text: {
          zh: '投诉人或者被投诉人无正当理由不参加调解，或者被投诉人明确拒绝调解',
          en: 'a party does not take part without good reason, or the respondent refuses mediation',
        },
      },
      order121: {
        item: 2,
        basis: o121(END_121, 2),
        text: {
          zh: '投诉人、被投诉人无正当理由不参加调解，或者明确拒绝调解',
          en: 'a party does not take part without good reason, or refuses mediation',
        },
      },
    },
  },
  {
    code: '4',
    under: same(
      { zh: '经组织调解，投诉人或者被投诉人明确表示无法达成调解协议', en: 'after mediation, a party states that no agreement is possible' },
      [END_20, 4],
      [END_121, 3],
    ),
  },
  {
    code: '5',
    under: {
      order20: {
        item: 5,
        basis: o20(END_20, 5),
        text: { zh: '自受理之日起四十五个工作日内未能达成调解协议', en: 'no agreement within 45 working days of acceptance' },
      },
      order121: {
        item: 5,
        basis: o121(END_121, 5),
        text: { zh: '自受理之日起六十日内未能达成调解协议', en: 'no agreement within 60 days of acceptance' },
      },
    },
  },
  {
    code: '6',
    under: {
      order20: {
        item: 6,
        basis: o20(END_20, 6),
        text: { zh: '受理后发现存在不予受理情形', en: 'a ground for refusal was found after acceptance' },
      },
      order121: {
        item: 6,
        basis: o121(END_121, 6),
        text: {
          zh: '受理后发现存在不予受理情形，或者投诉人涉嫌骗取赔偿、敲诈勒索（第四十二条）',
          en: 'a ground for refusal was found after acceptance, or the complainant is suspected of fraud or extortion (Art. 42)',
        },
      },
    },
  },
  {
    code: '8',
    under: same({ zh: '投诉人、被投诉人死亡或者主体资格灭失', en: 'a party died or ceased to exist' }, null, [END_121, 7]),
  },
  {
    code: '7',
    under: same(
      { zh: '法律、法规、规章规定应当终止调解的其他情形', en: 'other grounds under laws and regulations' },
      [END_20, 7],
      [END_121, 8],
    ),
  },
];

const PROCEDURE = '《市场监督管理行政处罚程序规定》';
/** `n` orders the grounds: Art. 19's items first (1–4), then Art. 20's (11–14). */
const both = (text: Bilingual, basis20: string, basis121: string, n: number): ReasonCode['under'] => ({
  order20: { item: n, text, basis: basis20 },
  order121: { item: n, text, basis: basis121 },
});

/**
 * 不予立案: a report is handled under the administrative-penalty procedure (Order 20 Art. 31, Order
 * 121 Art. 35); a case is opened when every condition of its Art. 19 holds, and may be left unopened
 * in the cases of its Art. 20.
 */
const NO_CASE_REASONS: readonly ReasonCode[] = [
  {
    code: '1',
    under: both(
      { zh: '经核查，没有证据初步证明存在违法行为', en: 'on checking, no evidence that points to a violation' },
      `${PROCEDURE}第十九条第（一）项`,
      `${PROCEDURE}第十九条第（一）项`,
      1,
    ),
  },
  {
    code: '2',
    under: both(
      { zh: '违法行为轻微并及时改正，没有造成危害后果', en: 'a minor violation, promptly corrected, that caused no harm' },
      `${PROCEDURE}第二十条第（一）项`,
      `${PROCEDURE}第二十条第（一）项`,
      11,
    ),
  },
  {
    code: '3',
    under: both(
      {
        zh: '不属于本部门管辖（已告知举报人向有处理权限的部门提出）',
        en: 'not within this department’s jurisdiction (the reporter is told where to report)',
      },
      `${PROCEDURE}第十九条第（三）项；总局令第20号第二十九条`,
      `${PROCEDURE}第十九条第（三）项；总局令第121号第三十四条`,
      3,
    ),
  },
  {
    code: '4',
    under: both(
      { zh: '已超过给予行政处罚的法定期限', en: 'the time limit for imposing a penalty has passed' },
      `${PROCEDURE}第十九条第（四）项`,
      `${PROCEDURE}第十九条第（四）项`,
      4,
    ),
  },
  {
    code: '5',
    under: both(
      { zh: '依法可以不予立案的其他情形', en: 'other cases in which the law allows no case to be opened' },
      `${PROCEDURE}第二十条第（四）项`,
      `${PROCEDURE}第二十条第（四）项`,
      14,
    ),
  },
];

export type ReasonKind = 'refusal' | 'termination' | 'no-case';

export const REASONS: Record<ReasonKind, readonly ReasonCode[]> = {
  refusal: REFUSAL_REASONS,
  termination: TERMINATION_REASONS,
  'no-case': NO_CASE_REASONS,
};

export interface Reason {
  code: string;
  text: Bilingual;
  basis: string;
}

/** The codes that exist under a rule set, in the order of the article's items, with their citation there. */
export function reasonsUnder(kind: ReasonKind, ruleSet: RuleSetCode): Reason[] {
  return REASONS[kind]
    .flatMap((r) => {
      const g = r.under[ruleSet];
      return g ? [{ order: g.item, reason: { code: r.code, text: g.text, basis: g.basis } }] : [];
    })
    .sort((a, b) => a.order - b.order)
    .map((r) => r.reason);
}

export function findReason(kind: ReasonKind, ruleSet: RuleSetCode, code: string): Reason | undefined {
  return reasonsUnder(kind, ruleSet).find((r) => r.code === code);
}
