import type { Alert, AlertEvent, CaseStatus } from '../../api/types';
import type { Pair, T } from '../../lib/words';
import { pick } from '../../lib/words';

/** What the early-warning pages say about an alert, in words (never its codes). */

export type AlertStatus = Alert['status'];
export const ALERT_STATUSES: readonly AlertStatus[] = ['new', 'acknowledged', 'acted', 'dismissed'];

export const ALERT_STATUS_LABEL: Record<AlertStatus, Pair> = {
  new: ['新预警', 'New'],
  acknowledged: ['已确认', 'Acknowledged'],
  acted: ['已处置', 'Acted on'],
  dismissed: ['已排除', 'Dismissed'],
};

export const ALERT_STATUS_COLOR: Record<AlertStatus, string> = {
  new: 'red',
  acknowledged: 'orange',
  acted: 'green',
  dismissed: 'default',
};

/**
 * A preset tag's text made dark enough for AA contrast on its tint (antd's orange is 3.3:1, its green
 * and blue under 4.5:1); inline, because the drawer renders outside the console's styles.
 */
const TAG_TEXT: Record<string, string> = { red: '#a8071a', orange: '#ad4e00', green: '#237804', blue: '#0958d9' };
export const tagStyle = (color: string) => ({ marginInlineEnd: 0, ...(TAG_TEXT[color] ? { color: TAG_TEXT[color] } : {}) });

const EVENT_LABEL: Record<AlertEvent['type'], Pair> = {
  opened: ['产生预警', 'Alert raised'],
  updated: ['证据更新', 'Evidence updated'],
  acknowledged: ['确认（核实中）', 'Acknowledged'],
  acted: ['已处置', 'Acted on'],
  dismissed: ['排除', 'Dismissed'],
};

/** A baseline count per week, one decimal ("—" when there is no baseline yet). */
export function weekly(count: number, baselineDays: number): string {
  if (baselineDays <= 0) return '—';
  return (Math.round(((count * 7) / baselineDays) * 10) / 10).toString();
}

/** What an action on the alert left in its history ("共同投诉 GT…", "消费提示：…"). */
export function eventResult(e: AlertEvent, t: T): string | null {
  const d = e.data as { jointNo?: unknown; title?: unknown };
  if (typeof d.jointNo === 'string') return t(`共同投诉 ${d.jointNo}`, `Joint complaint ${d.jointNo}`);
  if (typeof d.title === 'string') return t(`发布消费提示“${d.title}”`, `Consumer warning "${d.title}" published`);
  return null;
}

export const eventLabel = (t: T, e: AlertEvent) => pick(t, EVENT_LABEL[e.type], e.type);

/** A complaint that can no longer join a joint complaint (libs/cases joint-case.rules.ts NOT_JOINABLE). */
export const NOT_JOINABLE: readonly CaseStatus[] = [
  'settled',
  'duplicate',
  'refused',
  'transferred',
  'closed',
  'withdrawn',
  'resolved',
  'terminated',
];

/** How the complainant consented to a joint complaint (libs/cases CONSENT_METHODS). */
export type ConsentMethod = 'written' | 'phone' | 'in-person' | 'online';
export const CONSENT_LABEL: Record<ConsentMethod, Pair> = {
  written: ['书面', 'In writing'],
  phone: ['电话', 'By phone'],
  'in-person': ['当面', 'In person'],
  online: ['线上', 'Online'],
};
/** Consent given by voice leaves no trace of its own: the note says who consented, and when. */
export const CONSENT_NEEDS_NOTE: readonly ConsentMethod[] = ['phone', 'in-person'];

/** The queue's URL for the alert's complaints (staff/queue-filters.ts reads it): every status, newest first. */
export function casesLink(a: Alert): string {
  const p = new URLSearchParams({ view: 'all', sort: 'newest', track: a.cases.track });
  if (a.cases.respondent) p.set('respondent', a.cases.respondent);
  if (a.cases.areaCode) p.set('area', a.cases.areaCode);
  if (a.cases.categoryCode) p.set('category', a.cases.categoryCode);
  p.set('from', a.cases.receivedFrom);
  p.set('to', a.cases.receivedTo);
  return `/staff?${p.toString()}`;
}

/** The API query (GET /cases) for the alert's complaints. */
export function casesQuery(a: Alert, limit: number): string {
  const p = new URLSearchParams({ view: 'all', sort: 'newest', limit: String(limit), track: a.cases.track });
  for (const k of ['respondent', 'areaCode', 'categoryCode', 'receivedFrom', 'receivedTo'] as const) {
    const v = a.cases[k];
    if (v) p.set(k, v);
  }
  return p.toString();
}
