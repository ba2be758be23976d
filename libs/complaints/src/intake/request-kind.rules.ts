import type { Bilingual } from '@weiquan/core/i18n/language';

/**
 * Requests that are not complaints or reports (Order 121 Art. 44; Order 20 Art. 39): a
 * consultation, a request for government information, an application for administrative
 * reconsideration, or a report to the discipline inspection and supervision authorities made in
 * the form of a complaint or report is not handled under the rules; the department may tell the
 * person where to make it. Intake makes no case of them and says where they go. Only what the
 * filer says the request is (`kind`) decides it: nothing is guessed from the text.
 */

/** What a filing can be: a case (complaint, report, both). */
export const CASE_KINDS = ['complaint', 'report', 'both'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/** What a filer may say it is that is not a case (Art. 44). */
export const ELSEWHERE_KINDS = [
  'consultation',
  'information-disclosure',
  'administrative-reconsideration',
  'discipline-inspection',
] as const;
export type ElsewhereKind = (typeof ELSEWHERE_KINDS)[number];

export const REQUEST_KINDS = [...CASE_KINDS, ...ELSEWHERE_KINDS] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export function isCaseKind(kind: string): kind is CaseKind {
  return (CASE_KINDS as readonly string[]).includes(kind);
}

export function isElsewhereKind(kind: unknown): kind is ElsewhereKind {
  return typeof kind === 'string' && (ELSEWHERE_KINDS as readonly string[]).includes(kind);
}

/** What it is, and where it goes instead. Plain words; no address or link that is not public and stable. */
const ELSEWHERE: Record<ElsewhereKind, { what: Bilingual; where: Bilingual }> = {
  consultation: {
    what: { zh: '咨询', en: 'A question (consultation)' },
    where: {
      zh: '咨询请拨打 12315 热线，或登录全国12315平台（www.12315.cn）。',
      en: 'For a question, call the 12315 hotline or use the national 12315 platform (www.12315.cn).',
    },
  },
  'information-disclosure': {
    what: { zh: '政府信息公开申请', en: 'A request for government information' },
    where: {
      zh: '请依照《中华人民共和国政府信息公开条例》，向制作或者保存该信息的行政机关（例如聊城市市场监督管理局）提出政府信息公开申请；申请方式见该机关门户网站的"政府信息公开"栏目。',
      en: 'Apply under the Regulations on the Disclosure of Government Information to the authority that made or holds the information (for example the Liaocheng Market Regulation Bureau); how to apply is on the government information disclosure (政府信息公开) page of its website.',
    },
  },
  'administrative-reconsideration': {
    what: { zh: '行政复议申请', en: 'An application for administrative reconsideration' },
    where: {
      zh: '对市场监督管理部门作出的行政行为不服的，请依照《中华人民共和国行政复议法》向该部门的本级人民政府申请行政复议（对聊城市市场监督管理局的，向聊城市人民政府；对区县市场监督管理局的，向该区县人民政府），一般应当自知道该行政行为之日起六十日内提出；也可以依法提起行政诉讼。',
      en: "To challenge an act of a market-regulation department, apply for administrative reconsideration under the Administrative Reconsideration Law to the people's government at that department's level (for the Liaocheng bureau, the Liaocheng Municipal People's Government; for a county or district bureau, that county's or district's government), as a rule within 60 days of learning of the act; or bring an administrative lawsuit.",
    },
  },
  'discipline-inspection': {
    what: { zh: '纪检监察检举控告', en: 'A report or accusation about public officials' },
    where: {
      zh: '对公职人员违纪、违法问题的检举控告，请向纪检监察机关提出（聊城市或者区县纪委监委），也可以拨打 12388 或者登录 12388 举报网站（www.12388.gov.cn）。',
      en: 'Reports or accusations about public officials go to the discipline inspection and supervision authorities (the Liaocheng or county/district commissions), by phone at 12388 or at www.12388.gov.cn.',
    },
  },
};

export interface Pointer {
  kind: ElsewhereKind;
  /** The article that says so, under the rule set of the day. */
  basis: string;
  /** The whole answer: what it is, that no case is made, where to go. */
  message: Bilingual;
  where: Bilingual;
}

/** Where a request that is not a complaint or report goes (ruleSet: the rule set of the day it is made). */
export function pointerFor(kind: ElsewhereKind, ruleSet: string): Pointer {
  const { what, where } = ELSEWHERE[kind];
  const basis = ruleSet === 'order20' ? '《市场监督管理投诉举报处理暂行办法》第三十九条' : '《市场监督管理投诉举报处理办法》第四十四条';
  const basisEn = ruleSet === 'order20' ? 'SAMR Order No. 20, Art. 39' : 'SAMR Order No. 121, Art. 44';
  return {
    kind,
    basis,
    where,
    message: {
      zh: `${what.zh}不属于投诉举报，本系统不作为投诉举报登记（${basis}）。${where.zh}本系统只受理对经营者的消费投诉和违法行为举报。`,
      en: `${what.en} is not a complaint or report, so it is not registered here (${basisEn}). ${where.en} This system takes consumer complaints about businesses and reports of their violations only.`,
    },
  };
}
