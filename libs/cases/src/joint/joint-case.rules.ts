import type { Bilingual, FieldProblem } from '@weiquan/core';
import type { CaseStatus } from '../case-status';
import { STATUS_TEXT } from '../case-status';
import { luhnDigit } from '../tracking-number';
import { FINISHED_STATUSES } from '../handling/open-work';

/**
 * Whether complaints may be handled as one joint complaint (共同投诉, Order 121 Art. 12): two or more
 * complainants, the same dispute, the same business, their consent, handled by the market regulator.
 * Pure: the service reads the cases (locked) and the actor, this decides; no Nest, no I/O.
 *
 * What a person judges and the system only records: that the disputes are "the same" (the respondent
 * is compared, the facts are not), and the complainants' written election of representatives.
 */

export const CONSENT_METHODS = ['written', 'phone', 'in-person', 'online'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

/** Consent given by voice leaves no trace of its own: the note must say who consented, and when. */
const CONSENT_NEEDS_NOTE: readonly ConsentMethod[] = ['phone', 'in-person'];

/** Art. 12: the complainants may elect two representatives. */
const MAX_REPRESENTATIVES = 2;
const MIN_MEMBERS = 2;
/** One group is one dispute heard together; more than this is a batch, not a joint complaint the API takes at once. */
export const MAX_MEMBERS = 200;

/**
 * Not joinable: finished (open-work.ts), and also mediation already concluded (resolved, terminated),
 * where only the closing step is left and nothing would be handled jointly any more.
 */
const NOT_JOINABLE: readonly CaseStatus[] = [...FINISHED_STATUSES, 'resolved', 'terminated'];

interface JointMemberInput {
  caseId: string;
  consentMethod?: string | null;
  consentNote?: string | null;
  /** ISO instant the consent was given; the recording time when absent. */
  consentAt?: string | null;
}

export interface JointCaseInput {
  members: JointMemberInput[];
  /** Case ids of the members whose complainants were elected representatives. */
  representatives?: string[] | null;
}

/** A member case as read (locked) for the decision. */
export interface JointCandidate {
  id: string;
  trackingNo: string;
  track: 'complaint' | 'report';
  status: CaseStatus;
  respondentKey: string;
  respondentName: string;
  respondentAreaCode: string;
  /** The area is one of the city's (the city bureau's jurisdiction). */
  inCity: boolean;
  /** The joint number of the joint case it is already in. */
  jointNo: string | null;
}

export interface JointActor {
  role: string;
  unit: {
    type: string;
    code: string;
    kind: 'market' | 'sector' | null;
    level: 'city' | 'county' | 'province' | null;
    areaCode: string | null;
  } | null;
}

export type JointDecision =
  | { ok: true; respondentKey: string; respondentName: string }
  | { ok: false; status: 400 | 403 | 409; message: Bilingual; fields?: FieldProblem[] };

const no = (status: 400 | 403 | 409, zh: string, en: string, fields?: FieldProblem[]): JointDecision => ({
  ok: false,
  status,
  message: { zh, en },
  ...(fields ? { fields } : {}),
});

/** Only market-regulation staff of a county or the city bureau handle complaints jointly (Art. 12, 13). */
export function actorMayGroup(a: JointActor): boolean {
  const u = a.unit;
  return (
    a.role === 'regulator-staff' &&
    u?.type === 'regulator' &&
    u.kind === 'market' &&
    (u.level === 'city' || (u.level === 'county' && !!u.areaCode))
  );
}

/** The problems of the request itself (counts, consent, representatives), each naming its field. */
function inputProblems(input: JointCaseInput, now: Date, label: (caseId: string) => string = (id) => id): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const members = input.members ?? [];
  if (members.length < MIN_MEMBERS)
    problems.push({
      field: 'members',
      message: { zh: `共同投诉至少包括 ${MIN_MEMBERS} 件投诉`, en: `a joint complaint needs at least ${MIN_MEMBERS} complaints` },
    });
  if (members.length > MAX_MEMBERS)
    problems.push({ field: 'members', message: { zh: `一次最多 ${MAX_MEMBERS} 件`, en: `at most ${MAX_MEMBERS} at once` } });
  const seen = new Set<string>();
  members.forEach((m, i) => {
    const at = `members.${i}`;
    const who = label(m.caseId);
    if (seen.has(m.caseId))
      problems.push({ field: `${at}.caseId`, message: { zh: '同一案件列出了两次', en: 'the same case is listed twice' } });
    seen.add(m.caseId);
    const method = m.consentMethod;
    if (!method || !(CONSENT_METHODS as readonly string[]).includes(method)) {
      problems.push({
        field: `${at}.consentMethod`,
        message: {
          zh: `未记录投诉 ${who} 的投诉人同意按共同投诉处理及其方式（${CONSENT_METHODS.join('、')}）`,
          en: `the consent of the complainant of ${who} to a joint complaint is not recorded (${CONSENT_METHODS.join(', ')})`,
        },
      });
    } else if (CONSENT_NEEDS_NOTE.includes(method as ConsentMethod) && !m.consentNote?.trim()) {
      problems.push({
        field: `${at}.consentNote`,
        message: {
          zh: `投诉 ${who} 的投诉人系电话或当面同意的，请写明由谁、于何时表示同意`,
          en: `the consent for ${who} was given by phone or in person: the note must say who consented and when`,
        },
      });
    }
    if (m.consentAt && Number.isNaN(new Date(m.consentAt).getTime()))
      problems.push({ field: `${at}.consentAt`, message: { zh: '同意时间无效', en: 'not a valid time' } });
    else if (m.consentAt && new Date(m.consentAt).getTime() > now.getTime() + 60_000)
      problems.push({ field: `${at}.consentAt`, message: { zh: '同意时间不能晚于现在', en: 'consent cannot be given in the future' } });
  });
  const reps = input.representatives ?? [];
  if (reps.length > MAX_REPRESENTATIVES)
    problems.push({
      field: 'representatives',
      message: {
        zh: `投诉人最多推选 ${MAX_REPRESENTATIVES} 名代表人（第十二条）`,
        en: `the complainants elect at most ${MAX_REPRESENTATIVES} representatives (Art. 12)`,
      },
    });
  if (new Set(reps).size !== reps.length)
    problems.push({ field: 'representatives', message: { zh: '代表人重复', en: 'a representative is listed twice' } });
  reps.forEach((r, i) => {
    if (!seen.has(r))
      problems.push({
        field: `representatives.${i}`,
        message: { zh: '代表人须是本共同投诉的投诉人之一', en: 'a representative must be one of the complainants of this group' },
      });
  });
  return problems;
}

/**
 * The decision on the cases as read: in order, the actor (403), the request (400), unknown cases
 * (400), jurisdiction (403, before anything about the cases is said), reports and other respondents
 * (400), finished or already joined cases (409). Each message names the case concerned.
 */
export function decideJointCase(actor: JointActor, input: JointCaseInput, found: JointCandidate[], now: Date): JointDecision {
  if (!actorMayGroup(actor))
    return no(
      403,
      '只有有管辖权的市场监督管理部门（被投诉人所在地县级局或市局）的工作人员可以按共同投诉处理',
      "only staff of a market regulator with jurisdiction (the respondent's county bureau, or the city bureau) may handle complaints jointly",
    );
  const numbers = new Map(found.map((c) => [c.id, c.trackingNo]));
  const problems = inputProblems(input, now, (id) => numbers.get(id) ?? id);
  if (problems.length) return { ok: false, status: 400, message: problemsText(problems), fields: problems };

  const byId = new Map(found.map((c) => [c.id, c]));
  const missing = input.members.map((m, i) => ({ m, i })).filter(({ m }) => !byId.has(m.caseId));
  if (missing.length) {
    const fields = missing.map(({ i }) => ({ field: `members.${i}.caseId`, message: { zh: '没有该案件', en: 'no such case' } }));
    return { ok: false, status: 400, message: problemsText(fields), fields };
  }
  const cases = input.members.map((m) => byId.get(m.caseId)!);

  const u = actor.unit!;
  const outside = cases.filter((c) => (u.level === 'city' ? !c.inCity : c.respondentAreaCode !== u.areaCode));
  if (outside.length)
    return no(
      403,
      `本单位对以下投诉的被投诉人没有管辖权：${nos(outside)}`,
      `your unit has no jurisdiction over the respondent of ${nos(outside)}`,
    );

  const reports = cases.filter((c) => c.track !== 'complaint');
  if (reports.length)
    return no(
      400,
      `举报不能按共同投诉处理：${nos(reports)}`,
      `reports cannot be part of a joint complaint: ${nos(reports)}`,
      fieldsOf(input, reports, { zh: '这是举报，不是投诉', en: 'this is a report, not a complaint' }),
    );

  const first = cases[0];
  const others = cases.filter((c) => c.respondentKey !== first.respondentKey);
  if (others.length)
    return no(
      400,
      `共同投诉须针对同一经营者：${nos(others)} 的被投诉人不是 ${first.respondentName}`,
      `a joint complaint is against one business: the respondent of ${nos(others)} is not ${first.respondentName}`,
      fieldsOf(input, others, { zh: '被投诉人不同', en: 'another respondent' }),
    );

  const finished = cases.filter((c) => NOT_JOINABLE.includes(c.status));
  if (finished.length)
    return no(
      409,
      `以下投诉已办结或调解已结束，不能再按共同投诉处理：${finished.map((c) => `${c.trackingNo}（${STATUS_TEXT[c.status].zh}）`).join('、')}`,
      `these complaints are finished or their mediation has ended: ${finished.map((c) => `${c.trackingNo} (${STATUS_TEXT[c.status].en})`).join(', ')}`,
    );

  const joined = cases.filter((c) => c.jointNo !== null);
  if (joined.length)
    return no(
      409,
      `以下投诉已在其他共同投诉中：${joined.map((c) => `${c.trackingNo}（${c.jointNo}）`).join('、')}`,
      `these complaints are already in a joint complaint: ${joined.map((c) => `${c.trackingNo} (${c.jointNo})`).join(', ')}`,
    );

  return { ok: true, respondentKey: first.respondentKey, respondentName: first.respondentName };
}

/**
 * A joint number a person can read out, in the style of tracking numbers: 'GT' (共同), the day, a
 * serial, and a Luhn check digit over the digits, e.g. GT + 261204 + 000017 + 6 → "GT2612040000176".
 */
export function makeJointNo(createdOn: string, serial: number | string): string {
  const body = createdOn.slice(2, 4) + createdOn.slice(5, 7) + createdOn.slice(8, 10) + String(serial).padStart(6, '0');
  return `GT${body}${luhnDigit(body)}`;
}

/** The consumers to notify: one per distinct phone (hash), each with their member cases in order. */
export function byConsumer<T extends { id: string; phoneHash: string }>(members: T[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const m of [...members].sort((a, b) => Number(a.id) - Number(b.id))) {
    const g = groups.get(m.phoneHash);
    if (g) g.push(m);
    else groups.set(m.phoneHash, [m]);
  }
  return [...groups.values()];
}

function nos(cases: JointCandidate[]): string {
  return cases.map((c) => c.trackingNo).join(', ');
}

function fieldsOf(input: JointCaseInput, cases: JointCandidate[], message: Bilingual): FieldProblem[] {
  const ids = new Set(cases.map((c) => c.id));
  return input.members.flatMap((m, i) => (ids.has(m.caseId) ? [{ field: `members.${i}.caseId`, message }] : []));
}

function problemsText(fields: FieldProblem[]): Bilingual {
  return {
    zh: `请求有 ${fields.length} 处错误：${fields.map((f) => `${f.field}：${f.message.zh}`).join('；')}`,
    en: `${fields.length} problem(s): ${fields.map((f) => `${f.field}: ${f.message.en}`).join('; ')}`,
  };
}
