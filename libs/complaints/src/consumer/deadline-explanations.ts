import { PERIOD_OF, RULE_SETS } from '@weiquan/cases';
import type { CasePeriods, ClockName, Period } from '@weiquan/cases';

/**
 * One plain sentence per deadline the consumer sees, in Chinese and English: what the deadline is and
 * what sets it. A statutory clock names its articles (from the case's rule set, rule-set.ts); a city
 * policy says it is one and never cites a law for it (docs/RULES.md, "City policy in one place").
 * Pure: no Nest, no I/O.
 */
export interface DeadlineExplanation {
  basis: 'law' | 'policy';
  zh: string;
  en: string;
}

/** The city's settlement-stage periods (config SETTLEMENT_*), as the case's deadlines were set with them. */
export interface SettlementPeriods {
  takeUpDays: number;
  days: number;
  reopenDays: number;
}

const DIGITS = '〇一二三四五六七八九';

/** 一 … 九十九 as a number (article and item numbers). */
export function chineseNumber(s: string): number {
  if (!s.includes('十')) return DIGITS.indexOf(s);
  const [tens, ones] = s.split('十');
  return (tens ? DIGITS.indexOf(tens) : 1) * 10 + (ones ? DIGITS.indexOf(ones) : 0);
}

/** 总局令第121号 → 《市场监督管理投诉举报处理办法》, from the rule sets' own names. */
const TITLES: [string, string][] = RULE_SETS.map((rs) => {
  const m = /^(《[^》]+》)（(总局令第\d+号)）$/.exec(rs.name);
  if (!m) throw new Error(`rule set ${rs.code}: name "${rs.name}" is not 《title》（总局令第N号）`);
  return [m[2], m[1]];
});

/** A citation as a consumer reads it: the regulation by its title, not its order number. */
export function citationZh(citation: string): string {
  return TITLES.reduce((text, [order, title]) => text.split(order).join(title), citation);
}

/** The same citation in English: SAMR Order 121 Art. 23(5), Art. 45. */
export function citationEn(citation: string): string {
  return citation
    .replace(/总局令第(\d+)号/g, 'SAMR Order $1 ')
    .replace(/《市场监督管理行政处罚程序规定》/g, 'Administrative Penalty Procedure Provisions ')
    .replace(/第([〇一二三四五六七八九十]+)条/g, (_, n: string) => `Art. ${chineseNumber(n)}`)
    .replace(/第（([〇一二三四五六七八九十]+)）项/g, (_, n: string) => `(${chineseNumber(n)})`)
    .replace(/、/g, ', ')
    .replace(/，/g, '; ')
    .replace(/\s+/g, ' ')
    .trim();
}

const daysZh = (p: Period) => `${p.days} ${p.count === 'working' ? '个工作日' : '日'}`;
const daysEn = (p: Period) => `${p.days} ${p.count === 'working' ? 'working days' : 'days'}`;

/** What each clock is, with its period (null: a city policy turned off since the clock started). */
const CLOCK_BODY: Record<ClockName, (p: Period | null, all: CasePeriods) => { zh: string; en: string }> = {
  acceptance: (p) => ({
    zh: `市场监管部门应自收到您的投诉之日起${p ? ` ${daysZh(p)}内` : ''}决定是否受理并告知您`,
    en: `the department must decide${p ? ` within ${daysEn(p)} of receiving your complaint` : ''} whether to accept it, and tell you`,
  }),
  decision: (p, all) => ({
    zh:
      `市场监管部门应自收到举报之日起${p ? ` ${daysZh(p)}内` : ''}核查并决定是否立案，` +
      `经批准可延长 ${daysZh(all.decisionExtension)}，检验、检测、鉴定时间不计入`,
    en:
      `the department must check the report and decide whether to open an enforcement case${p ? ` within ${daysEn(p)} of receiving it` : ''}, ` +
      `extendable by ${daysEn(all.decisionExtension)} with approval; testing and appraisal time does not count`,
  }),
  mediation: (p) => ({
    zh: `自投诉受理之日起${p ? ` ${daysZh(p)}内` : ''}未达成调解协议的，市场监管部门终止调解，检测、鉴定时间不计入`,
    en: `if no mediation agreement is reached${p ? ` within ${daysEn(p)} of acceptance` : ''}, the department ends mediation; testing and appraisal time does not count`,
  }),
  'termination-notice': (p) => ({
    zh: `市场监管部门决定终止调解后，应${p ? `在 ${daysZh(p)}内` : ''}告知您和经营者`,
    en: `once the department decides to end mediation, it tells you and the business${p ? ` within ${daysEn(p)}` : ''}`,
  }),
  'reporter-notice': (p) => ({
    zh: `市场监管部门作出是否立案的决定后，${p ? `在 ${daysZh(p)}内` : ''}告知实名举报人`,
    en: `after deciding whether to open an enforcement case, the department tells a real-name reporter${p ? ` within ${daysEn(p)}` : ''}`,
  }),
  'follow-up': (p) => ({
    zh: `投诉办结后，承办单位${p ? `在 ${daysZh(p)}内` : ''}回访您，了解办理情况`,
    en: `after the complaint is closed, the handling unit contacts you${p ? ` within ${daysEn(p)}` : ''} to ask how it went`,
  }),
};

function policy(body: { zh: string; en: string }): DeadlineExplanation {
  return { basis: 'policy', zh: `本市政策（非法定期限）：${body.zh}。`, en: `City policy, not a legal deadline: ${body.en}.` };
}

/** A statutory or city-policy clock of the case, with the periods of the case's rule set. */
export function clockExplanation(clock: ClockName, periods: CasePeriods): DeadlineExplanation {
  const period = PERIOD_OF[clock](periods);
  const body = CLOCK_BODY[clock](period, periods);
  if (period?.basis.kind !== 'law') return policy(body);
  const cite = period.basis.citation;
  return {
    basis: 'law',
    zh: `法定期限：${body.zh}（${citationZh(cite)}）。`,
    en: `Legal deadline: ${body.en} (${citationEn(cite)}).`,
  };
}

/** The deadlines of the settlement stage, all city policy: no statutory clock runs before the formal complaint. */
export function settlementExplanation(
  deadline: 'take-up' | 'outcome' | 'not-delivered',
  holder: 'station' | 'business' | null,
  s: SettlementPeriods,
): DeadlineExplanation {
  const formal = { zh: '转为向市场监管部门正式投诉', en: 'becomes a formal complaint to the department' };
  switch (deadline) {
    case 'take-up':
      return policy({
        zh: `服务站应在收到您的投诉后 ${s.takeUpDays} 个工作日内接手并与您联系，逾期未接手的自动${formal.zh}`,
        en: `the station takes up your complaint and contacts you within ${s.takeUpDays} working days of receiving it; if it does not, the case ${formal.en}`,
      });
    case 'outcome':
      return holder === 'business'
        ? policy({
            zh: `被投诉经营者应在收到您的投诉后 ${s.days} 个工作日内答复，到期未和解的自动${formal.zh}`,
            en: `the business answers within ${s.days} working days of receiving your complaint; if it is not settled by then, the case ${formal.en}`,
          })
        : policy({
            zh: `服务站在收到您的投诉后 ${s.days} 个工作日内协助您与经营者协商，到期未和解的自动${formal.zh}`,
            en: `the station helps you and the business agree within ${s.days} working days of receiving your complaint; if it is not settled by then, the case ${formal.en}`,
          });
    case 'not-delivered':
      return policy({
        zh: `接受和解方案后 ${s.reopenDays} 日内，经营者未履行方案的，您可以在线反映，案件将${formal.zh}`,
        en: `within ${s.reopenDays} days of accepting the offer, if the business has not delivered it, you can say so online and the case ${formal.en}`,
      });
  }
}
