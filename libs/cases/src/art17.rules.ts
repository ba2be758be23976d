import type { Bilingual } from '@weiquan/core/i18n/language';
import { maskName } from '@weiquan/core/privacy/mask';
import type { ClaimantCase, ClaimantFacts, OtherComplaint } from './claimant-flags';
import { bigrams, jaccard } from './text-similarity';

/**
 * Order 121 Art. 17, factor by factor, for one complaint: the evidence the data holds for each, or a
 * plain statement that it cannot show it. The handler judges Art. 16(3); nothing here acts on it.
 */

/**
 * *System defaults*, not law: Art. 17 names the factors but no numbers, and lets a city-level
 * department refine them. Evidence is shown whichever way it falls; a threshold only marks it.
 */
export interface Art17Settings {
  /** How far back the complainant's own filings, phone and address are looked at. */
  lookbackDays: number;
  /** "短期内": the window around this complaint for factor (2). */
  shortDays: number;
  /** (2) the complainant's complaints in the window against one business / in one category / of one issue, this one included. */
  sameBusiness: number;
  sameCategory: number;
  sameIssue: number;
  /** (2) other complainants whose complaint in the same category reads almost the same (similarity ≥ `similarity`). */
  similarTexts: number;
  similarity: number;
  /** (4) different names using this phone number / this address (this complaint's included). */
  peopleOnPhone: number;
  peopleAtAddress: number;
}

export const ART17_DEFAULTS: Art17Settings = {
  lookbackDays: 365,
  shortDays: 30,
  sameBusiness: 3,
  sameCategory: 5,
  sameIssue: 5,
  similarTexts: 2,
  similarity: 0.8,
  peopleOnPhone: 2,
  peopleAtAddress: 3,
};

/** One line of evidence: what was counted, how many, and the complaints it rests on. */
export interface Art17Evidence {
  what:
    | 'same-business'
    | 'same-category'
    | 'same-issue'
    | 'others-same-business'
    | 'others-same-business-issue'
    | 'others-similar-text'
    | 'people-on-phone'
    | 'people-at-address';
  text: Bilingual;
  count: number;
  /** The system default that marks it (null: shown for context only). */
  threshold: number | null;
  reached: boolean;
  /** The complaints counted (besides this one), newest first, at most 20. */
  trackingNos: string[];
  /** Factor (4): the names, masked (张*), this complaint's first. */
  names: string[];
}

export type Art17Status = 'noted' | 'not-noted' | 'not-in-data' | 'for-handler';

export interface Art17Factor {
  /** The item of Art. 17. */
  item: 1 | 2 | 3 | 4 | 5;
  title: Bilingual;
  /** noted: evidence reached a default; not-noted: it did not; not-in-data: the data cannot show it; for-handler: only the handler can judge it. */
  status: Art17Status;
  note: Bilingual;
  evidence: Art17Evidence[];
}

export interface Art17Assessment {
  basis: string;
  purpose: Bilingual;
  /** Some factor is noted: worth the handler's look, never a decision. */
  noted: boolean;
  settings: Art17Settings;
  factors: Art17Factor[];
}

const DAY_MS = 86_400_000;
const MAX_LISTED = 20;
const BASIS = '《市场监督管理投诉举报处理办法》第十七条';

/** People are told apart by name as written, spacing and width aside. */
function personKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/** Issue types that name an issue ("other" does not). */
function namedIssue(issue: string | null): string | null {
  return issue && issue !== 'other' ? issue : null;
}

function evidence(
  what: Art17Evidence['what'],
  text: Bilingual,
  count: number,
  threshold: number | null,
  cases: ClaimantCase[],
  names: string[] = [],
): Art17Evidence {
  const listed = [...cases].sort((a, b) => b.receivedAt.getTime() - a.receivedAt.getTime()).slice(0, MAX_LISTED);
  return {
    what,
    text,
    count,
    threshold,
    reached: threshold !== null && count >= threshold,
    trackingNos: listed.map((c) => c.trackingNo),
    names,
  };
}

/** Distinct people among `cases` (this complaint's name first), and the cases filed under another name than this one's. */
function people(current: ClaimantCase, cases: ClaimantCase[]): { names: string[]; otherNames: ClaimantCase[] } {
  const names = new Map<string, string>([[personKey(current.consumerName), maskName(current.consumerName)]]);
  for (const c of cases) if (!names.has(personKey(c.consumerName))) names.set(personKey(c.consumerName), maskName(c.consumerName));
  return { names: [...names.values()], otherNames: cases.filter((c) => personKey(c.consumerName) !== personKey(current.consumerName)) };
}

/** Order 121 Art. 17, factor by factor, for one complaint. */
export function art17Factors(current: ClaimantCase, facts: ClaimantFacts, s: Art17Settings = ART17_DEFAULTS): Art17Assessment {
  const complaints = (cs: ClaimantCase[]) => cs.filter((c) => c.track === 'complaint');
  const near = (c: ClaimantCase) => Math.abs(c.receivedAt.getTime() - current.receivedAt.getTime()) <= s.shortDays * DAY_MS;
  const issue = namedIssue(current.issueType);

  // (2) The complainant's complaints around this one (this one included, even if the facts missed it).
  const own = facts.own.some((c) => c.id === current.id) ? facts.own : [current, ...facts.own];
  const mine = complaints(own).filter(near);
  const others = (cs: ClaimantCase[]) => cs.filter((c) => c.id !== current.id);
  const byBusiness = mine.filter((c) => c.respondentKey === current.respondentKey);
  const byCategory = mine.filter((c) => c.categoryCode === current.categoryCode);
  const byIssue = issue ? mine.filter((c) => namedIssue(c.issueType) === issue) : [];
  // (2) Other complainants around this one.
  const theirs = facts.others.filter(near);
  const distinct = (cs: OtherComplaint[]) => new Set(cs.map((c) => c.complainant)).size;
  const againstBusiness = theirs.filter((c) => c.respondentKey === current.respondentKey);
  const againstBusinessIssue = issue ? againstBusiness.filter((c) => namedIssue(c.issueType) === issue) : [];
  const mineGrams = bigrams(current.description);
  const alike = theirs.filter((c) => c.categoryCode === current.categoryCode && jaccard(mineGrams, bigrams(c.description)) >= s.similarity);

  const window = { zh: `${s.shortDays} 日内`, en: `within ${s.shortDays} days` };
  const factor2: Art17Evidence[] = [
    evidence(
      'same-business',
      {
        zh: `本投诉人${window.zh}对同一经营者的投诉（含本件）`,
        en: `this complainant's complaints against the same business ${window.en} (this one included)`,
      },
      byBusiness.length,
      s.sameBusiness,
      others(byBusiness),
    ),
    evidence(
      'same-category',
      {
        zh: `本投诉人${window.zh}同一类商品或服务的投诉（含本件）`,
        en: `this complainant's complaints about the same kind of goods or services ${window.en} (this one included)`,
      },
      byCategory.length,
      s.sameCategory,
      others(byCategory),
    ),
    ...(issue
      ? [
          evidence(
            'same-issue',
            {
              zh: `本投诉人${window.zh}同一类问题的投诉（含本件）`,
              en: `this complainant's complaints about the same kind of issue ${window.en} (this one included)`,
            },
            byIssue.length,
            s.sameIssue,
            others(byIssue),
          ),
        ]
      : []),
    evidence(
      'others-same-business',
      {
        zh: `${window.zh}投诉同一经营者的其他投诉人（仅供参考：多人投诉往往说明经营者确有问题）`,
        en: `other complainants against the same business ${window.en} (context only: many complaints often mean a real problem)`,
      },
      distinct(againstBusiness),
      null,
      againstBusiness,
    ),
    ...(issue
      ? [
          evidence(
            'others-same-business-issue',
            {
              zh: `${window.zh}就同一类问题投诉同一经营者的其他投诉人（仅供参考）`,
              en: `other complainants against the same business about the same kind of issue ${window.en} (context only)`,
            },
            distinct(againstBusinessIssue),
            null,
            againstBusinessIssue,
          ),
        ]
      : []),
    evidence(
      'others-similar-text',
      {
        zh: `${window.zh}同一类商品或服务中，投诉文字与本件几乎相同的其他投诉人（相似度 ≥ ${s.similarity}）`,
        en: `other complainants ${window.en}, same kind of goods or services, whose complaint reads almost the same as this one (similarity ≥ ${s.similarity})`,
      },
      distinct(alike),
      s.similarTexts,
      alike,
    ),
  ];

  // (4) Several people using this phone number or this address (complaints only).
  const onPhone = people(current, complaints(own));
  const atAddress = people(current, complaints(facts.sameAddress));
  const factor4: Art17Evidence[] = [
    evidence(
      'people-on-phone',
      {
        zh: `${s.lookbackDays} 日内使用本件手机号码投诉的不同姓名（含本件）`,
        en: `different names complaining with this phone number in ${s.lookbackDays} days (this one included)`,
      },
      onPhone.names.length,
      s.peopleOnPhone,
      onPhone.otherNames,
      onPhone.names,
    ),
    facts.addressKnown
      ? evidence(
          'people-at-address',
          {
            zh: `${s.lookbackDays} 日内使用本件通讯地址投诉的不同姓名（含本件）`,
            en: `different names complaining with this address in ${s.lookbackDays} days (this one included)`,
          },
          atAddress.names.length,
          s.peopleAtAddress,
          atAddress.otherNames,
          atAddress.names,
        )
      : evidence(
          'people-at-address',
          {
            zh: '本件未填写通讯地址、地址过于笼统，或提交时尚未比对地址：无法比对',
            en: 'no address given, too vague, or filed before addresses were compared: cannot be compared',
          },
          0,
          null,
          [],
        ),
  ];

  const judged = (ev: Art17Evidence[]): Art17Status => (ev.some((e) => e.reached) ? 'noted' : 'not-noted');
  const factors: Art17Factor[] = [
    {
      item: 1,
      title: {
        zh: '购买商品的数量、次数、频率等与商品保质期或者通常消费习惯明显不符',
        en: 'quantity, number or frequency of purchases clearly out of line with shelf life or normal consumption',
      },
      status: 'not-in-data',
      note: {
        zh: '投诉登记的内容不含购买数量、购买次数或商品保质期，无法从数据判断；请结合购物凭证判断。',
        en: 'The filing records no quantity, number of purchases or shelf life: this cannot be judged from the data. Check the receipts.',
      },
      evidence: [],
    },
    {
      item: 2,
      title: {
        zh: '同一投诉人短期内对同一经营者、同一类商品或者服务、同一类问题大量投诉，或者不同投诉人恶意串通集中投诉',
        en: 'one complainant filing many complaints against the same business, kind of goods or services or issue in a short time, or several complainants colluding',
      },
      status: judged(factor2),
      note: {
        zh: `"短期"取 ${s.shortDays} 日、各项阈值为系统默认值，不是法定标准。是否恶意串通无法从数据判断：系统只在不同投诉人的投诉文字几乎相同时提示${issue ? '' : '；本件未选择问题类型，未按问题比较'}。`,
        en: `"A short time" is taken as ${s.shortDays} days and each threshold is a system default, not law. Collusion cannot be judged from the data: the system marks only near-identical texts from different complainants${issue ? '' : '; this complaint names no issue type, so issues were not compared'}.`,
      },
      evidence: factor2,
    },
    {
      item: 3,
      title: {
        zh: '不能证明存在已实际购买商品或者接受服务、自身合法权益已实际受到侵害等真实消费关系或者消费者权益争议',
        en: 'no proof of a real purchase or service, or of actual harm: no real consumer relationship or dispute shown',
      },
      status: 'for-handler',
      note: {
        zh: `须由承办人审查发票、订单、聊天记录等凭证判断，系统不作判断。本件有附件 ${facts.attachments} 个。`,
        en: `Only the handler can judge this from the receipts, orders, messages and the like; the system does not. This case has ${facts.attachments} attachment(s).`,
      },
      evidence: [],
    },
    {
      item: 4,
      title: {
        zh: '多人使用同一手机号码、通讯地址等联系方式投诉',
        en: 'several people complaining with the same phone number, address or other contact details',
      },
      status: judged(factor4),
      note: {
        zh: '按姓名区分不同的人（家庭成员可能共用电话、地址）；阈值为系统默认值，不是法定标准。',
        en: 'People are told apart by name (family members may share a phone or an address); thresholds are system defaults, not law.',
      },
      evidence: factor4,
    },
    {
      item: 5,
      title: { zh: '其他根据实际需要可以考虑的因素', en: 'other factors the case calls for' },
      status: 'for-handler',
      note: { zh: '由承办人根据实际情况考虑。', en: 'For the handler to consider.' },
      evidence: [],
    },
  ];
  return {
    basis: BASIS,
    purpose: {
      zh: '以下为《市场监督管理投诉举报处理办法》第十七条所列因素，供承办人判断本投诉是否属于第十六条第（三）项情形；系统不据此作出任何决定。',
      en: "The factors of Order 121 Art. 17, for the handler's judgement of whether Art. 16(3) applies to this complaint; the system decides nothing on them.",
    },
    noted: factors.some((f) => f.status === 'noted'),
    settings: s,
    factors,
  };
}
