import { chinaDate } from '@weiquan/calendar';
import type { IsoDate } from '@weiquan/calendar';
import { STATUS_TEXT } from '../case-status';
import type { CaseStatus } from '../case-status';

/**
 * The email a unit gets of its clock alerts, at most one a day: its cases due soon, those it missed,
 * and those missed by the units it oversees. Staff find a case by its tracking number (查询编号);
 * nothing about the consumer is in it. Pure.
 */

export type UnitAlertKind = 'reminder' | 'overdue' | 'escalated';

/** One case in a unit's email. */
export interface UnitAlertLine {
  kind: UnitAlertKind;
  trackingNo: string;
  status: CaseStatus;
  dueOn: IsoDate;
  /** 'designation': the city bureau's deadline to designate the handler, not the case's own. */
  clock: 'due' | 'designation';
  /** For an escalation, the unit holding the case (its name), null if none holds it now. */
  holder: string | null;
}

/** Listed per group; the rest are counted (the staff queue lists them all). */
export const UNIT_EMAIL_LIST_LIMIT = 100;

const GROUPS: { kind: UnitAlertKind; zh: string; en: string; enShort: string }[] = [
  { kind: 'reminder', zh: '即将到期', en: 'Due soon', enShort: 'due soon' },
  { kind: 'overdue', zh: '已超期', en: 'Overdue', enShort: 'overdue' },
  { kind: 'escalated', zh: '下级单位超期（已升级）', en: 'Overdue at units you oversee (escalated to you)', enShort: 'escalated' },
];

/** The day's key of a unit's email: the calendar day in China, so two sweeps of one day write one email. */
export function unitAlertDedupeKey(now: Date): IsoDate {
  return chinaDate(now);
}

/** `link`: the staff console's queue (its open work, nearest deadline first), when the site's address is known. */
export function unitAlertEmail(
  unitName: string,
  day: IsoDate,
  lines: readonly UnitAlertLine[],
  link: string | null = null,
): { subject: string; text: string } {
  const groups = GROUPS.map((g) => ({
    ...g,
    lines: lines
      .filter((l) => l.kind === g.kind)
      .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.trackingNo.localeCompare(b.trackingNo)),
  })).filter((g) => g.lines.length > 0);
  const counts = groups.map((g) => `${g.zh} ${g.lines.length} 件`).join('，');
  const countsEn = groups.map((g) => `${g.enShort} ${g.lines.length}`).join(', ');
  const subject = `【聊城市消费维权】${day} 办理期限提醒：${counts} / Case deadline alerts: ${countsEn}`;

  const zh = [
    `${unitName}：`,
    '',
    `截至 ${day}，以下案件的办理期限需要关注（共 ${lines.length} 件）。请登录消费维权工作台，在待办案件中按查询编号查看并办理。`,
    ...(link ? [`工作台：${link}`] : []),
    ...groups.flatMap((g) => [
      '',
      `【${g.zh}】${g.lines.length} 件`,
      ...listed(g.lines, zhLine, (n) => `  ……另有 ${n} 件，请在工作台查看`),
    ]),
    '',
    '本邮件由聊城市消费维权投诉举报处理系统自动发送，请勿回复。邮件只列查询编号，不含当事人信息。',
  ];
  const en = [
    `To ${unitName}:`,
    '',
    `As of ${day}, the deadlines of these cases need attention (${lines.length} in all). Sign in to the staff console and find each one in the case queue by its tracking number.`,
    ...(link ? [`Staff console: ${link}`] : []),
    ...groups.flatMap((g) => [
      '',
      `${g.en}: ${g.lines.length}`,
      ...listed(g.lines, enLine, (n) => `  … and ${n} more: see the staff console`),
    ]),
    '',
    "Sent automatically by Liaocheng's consumer complaint system; please do not reply. Only tracking numbers are listed, nothing about the consumers.",
  ];
  return { subject, text: [...zh, '', '——', '', ...en, ''].join('\n') };
}

function listed(lines: UnitAlertLine[], line: (l: UnitAlertLine) => string, more: (n: number) => string): string[] {
  const shown = lines.slice(0, UNIT_EMAIL_LIST_LIMIT).map(line);
  return lines.length > shown.length ? [...shown, more(lines.length - shown.length)] : shown;
}

function zhLine(l: UnitAlertLine): string {
  const due = l.clock === 'designation' ? `指定处理机关期限：${l.dueOn}` : `期限：${l.dueOn}`;
  const holder = l.kind === 'escalated' ? `；承办单位：${l.holder ?? '暂无'}` : '';
  return `  查询编号 ${l.trackingNo}；状态：${STATUS_TEXT[l.status].zh}；${due}${holder}`;
}

function enLine(l: UnitAlertLine): string {
  const due = l.clock === 'designation' ? `designation due ${l.dueOn}` : `due ${l.dueOn}`;
  const holder = l.kind === 'escalated' ? `; held by ${l.holder ?? 'no unit'}` : '';
  return `  ${l.trackingNo}: ${STATUS_TEXT[l.status].en}; ${due}${holder}`;
}

/** The sweep's units with an alert email among those it told, and those whose email of the day it wrote. */
export interface UnitEmailOutcome {
  withEmail: ReadonlySet<string>;
  emailed: ReadonlySet<string>;
}

/** What a unit's console line says of its email (null: email is not configured). Never "sent": the worker sends. */
export function unitEmailNote(unit: string, outcome: UnitEmailOutcome | null): string {
  if (!outcome) return '邮件未配置 / email not configured';
  if (outcome.emailed.has(unit)) return '今日邮件已写入待发送 / the day’s email queued';
  if (!outcome.withEmail.has(unit)) return '无提醒邮箱 / no alert email';
  return '今日邮件已写过，新提醒并入下一封 / the day’s email was written already: these go in the next';
}
