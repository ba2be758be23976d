import type { Bilingual, FieldProblem } from '@weiquan/core';
import { isRealDay } from '@weiquan/cases/handling/queue-filter.rules';
import { isValidIdNumber, normaliseMobile } from '@weiquan/complaints/intake/identity.rules';
import type { StaffPrincipal } from '@weiquan/identity';

/**
 * Consumer warnings (消费预警和风险提示, Order 121 Art. 38): who may publish one and where, the days
 * it may run, that it names no consumer, and whether it is in force on a day. Pure: the service
 * passes today's China date in.
 */

/** A warning runs at most this many days after its first (the bureau renews one that still holds). */
export const MAX_DAYS = 180;

/** Where a publisher may publish: the city bureau anywhere (or the whole city), a county bureau in its own area. */
export type PublishScope = { kind: 'city' } | { kind: 'area'; areaCode: string };

/** Only market regulators' staff publish: the city bureau for any area, a county bureau for its own; nobody else. */
export function publishScope(p: StaffPrincipal): PublishScope | null {
  const u = p.unit;
  if (p.role !== 'regulator-staff' || u?.type !== 'regulator' || u.kind !== 'market') return null;
  if (u.level === 'city') return { kind: 'city' };
  if (u.level === 'county' && u.areaCode) return { kind: 'area', areaCode: u.areaCode };
  return null;
}

/** Whether the scope covers a warning for `areaCode` (null: the whole city). */
export function mayPublishFor(scope: PublishScope, areaCode: string | null): boolean {
  return scope.kind === 'city' || areaCode === scope.areaCode;
}

export const NOT_ALLOWED: Bilingual = {
  zh: '无权发布消费提示：需要市或区县市场监督管理局的工作人员',
  en: 'not allowed to publish consumer warnings: requires staff of the city or a county market-regulation bureau',
};

export function outsideArea(scope: PublishScope): Bilingual {
  const area = scope.kind === 'area' ? scope.areaCode : '';
  return {
    zh: `区县市场监管局只能发布本辖区（${area}）的消费提示，全市范围的由市局发布`,
    en: `a county bureau publishes warnings for its own area (${area}) only; city-wide ones are the city bureau's`,
  };
}

/** Which warnings a member of staff sees in the bureau's list: city-level roles and units all, a county unit or station its area's and the city's. */
export type ListScope = { kind: 'all' } | { kind: 'area'; areaCode: string };

export function listScope(p: StaffPrincipal): ListScope | null {
  if (p.role === 'business') return null;
  if (p.role === 'admin' || p.role === 'city-analyst') return { kind: 'all' };
  const u = p.unit;
  if (u?.type === 'regulator' && u.level !== 'county') return { kind: 'all' };
  return u?.areaCode ? { kind: 'area', areaCode: u.areaCode } : null;
}

/** One day after another, in YYYY-MM-DD (calendar arithmetic: no time zone enters). */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The warning's period: real days, not starting before today (China), ending on or after its start and within MAX_DAYS of it. */
export function dateProblems(startsOn: unknown, endsOn: unknown, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const notADay = { zh: '应为存在的日期 YYYY-MM-DD', en: 'must be a real date YYYY-MM-DD' };
  if (!isRealDay(startsOn)) problems.push({ field: 'startsOn', message: notADay });
  else if (startsOn < today)
    problems.push({ field: 'startsOn', message: { zh: `不能早于今天（${today}）`, en: `must not be before today (${today})` } });
  if (!isRealDay(endsOn)) problems.push({ field: 'endsOn', message: notADay });
  else if (isRealDay(startsOn)) {
    if (endsOn < startsOn) problems.push({ field: 'endsOn', message: { zh: '不能早于开始日期', en: 'must not be before startsOn' } });
    else if (endsOn > addDays(startsOn, MAX_DAYS))
      problems.push({
        field: 'endsOn',
        message: { zh: `有效期最长 ${MAX_DAYS} 天（至迟 ${addDays(startsOn, MAX_DAYS)}）`, en: `at most ${MAX_DAYS} days after startsOn` },
      });
  }
  return problems;
}

export type PersonalDataKind = 'mobile' | 'id-number';

/** A run of digits that could be a mobile number: optional +86, 11 digits with spaces or dashes between. */
const MOBILE_CANDIDATE = /(?<![\d+])(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d){8}(?!\d)/g;
/** 18 characters of an identity number, possibly grouped 6-8-4 by spaces or dashes. */
const ID_CANDIDATE = /(?<![\dA-Za-z])\d{6}[\s-]?\d{8}[\s-]?\d{3}[\dXx](?![\dA-Za-z])/g;

/**
 * The consumers' personal data a text carries: mainland mobile numbers and resident identity numbers,
 * by the same checks intake applies to them (normaliseMobile, isValidIdNumber). Full-width digits
 * count as digits. A landline or the 12315 hotline is not a mobile number.
 */
export function findPersonalData(text: string): PersonalDataKind[] {
  const found = new Set<PersonalDataKind>();
  // Identity numbers first, blanked out once found: a grouped one ("110105 19491231 002X") holds an
  // 11-digit run that would pass for a mobile number.
  const rest = text.normalize('NFKC').replace(ID_CANDIDATE, (m) => {
    if (!isValidIdNumber(m.replace(/[\s-]/g, ''))) return m;
    found.add('id-number');
    return ' ';
  });
  const mobile = [...rest.matchAll(MOBILE_CANDIDATE)].some((m) => normaliseMobile(m[0]) !== null);
  return mobile ? ['mobile', ...found] : [...found];
}

const KIND_TEXT: Record<PersonalDataKind, Bilingual> = {
  mobile: { zh: '手机号码', en: 'a mobile number' },
  'id-number': { zh: '身份证号码', en: 'an identity card number' },
};

/** A warning is public: its title and body must name no consumer (no mobile number, no identity number). */
export function personalDataProblems(texts: { title?: unknown; body?: unknown }): FieldProblem[] {
  return (['title', 'body'] as const).flatMap((field) => {
    const v = texts[field];
    const kinds = typeof v === 'string' ? findPersonalData(v) : [];
    return kinds.length
      ? [
          {
            field,
            message: {
              zh: `公开内容不得包含个人信息（${kinds.map((k) => KIND_TEXT[k].zh).join('、')}）`,
              en: `public text must not contain personal data (${kinds.map((k) => KIND_TEXT[k].en).join(', ')})`,
            },
          },
        ]
      : [];
  });
}

/** What the bureau's list calls a warning on a day. */
export type WarningStatus = 'active' | 'scheduled' | 'ended' | 'withdrawn';

export interface WarningPeriod {
  startsOn: string;
  endsOn: string;
  withdrawnAt: Date | string | null;
}

export function warningStatus(w: WarningPeriod, today: string): WarningStatus {
  if (w.withdrawnAt) return 'withdrawn';
  if (today < w.startsOn) return 'scheduled';
  if (today > w.endsOn) return 'ended';
  return 'active';
}

/** Whether the public sees the warning on that day (both ends included). */
export function isActiveOn(w: WarningPeriod, day: string): boolean {
  return warningStatus(w, day) === 'active';
}

/** Why a warning may not be withdrawn (409), or null: only an active or scheduled one ends early. */
export function withdrawRefusal(status: WarningStatus): Bilingual | null {
  if (status === 'withdrawn') return { zh: '该消费提示已撤回', en: 'the warning is withdrawn already' };
  if (status === 'ended') return { zh: '该消费提示已过有效期，无需撤回', en: 'the warning has ended already' };
  return null;
}
