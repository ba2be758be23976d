import type { CaseStatus, Track } from '../api/types';
import type { Channel, Issue } from '../lib/case-dimensions';
import { CHANNELS, ISSUES } from '../lib/case-dimensions';
import { ALL_STATUSES } from './common';

/** The queue's filters, as the URL holds them (a refresh or a shared link shows the same queue), and the API query they make. */

const PAGE = 20;
/** "Due soon" is the API's: within 2 working days on the official calendar (libs/cases SOON_WORKING_DAYS). */
const SOON_DAYS = 2;

export type Due = 'all' | 'overdue' | 'soon';
/** With no status chosen: the open work (the default), or every case. */
type View = 'open' | 'all';
/** Nearest deadline first (the default: what to do next), or the newest first. */
export type Sort = 'due' | 'newest';

export interface Filters {
  status: CaseStatus[];
  view: View;
  sort: Sort;
  category: string | undefined;
  track: Track | undefined;
  due: Due;
  q: string;
  /** The cuts a dashboard figure opens the queue with (shown as removable chips: QueueParts.tsx CutChips). */
  cut: Cut;
}

/**
 * The business's area, the period received, the purchase channel, prepaid or not, the issue type, the
 * handling unit or venue, the respondent (an early-warning alert's business: its key, uscc:… or name:…).
 */
export interface Cut {
  area?: string;
  from?: string;
  to?: string;
  channel?: Channel;
  prepaid?: boolean;
  issue?: Issue;
  unit?: string;
  /** A venue: the cases its stations hold now (the dashboard's per-venue table). */
  venue?: string;
  respondent?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const AREA = /^\d{6}$/;
const UNIT = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;
/** The API's respondent key (libs/cases case-list.query.ts RESPONDENT_KEY). */
const RESPONDENT = /^(uscc:[0-9A-Z]{18}|name:\P{Cc}{1,200})$/u;

/**
 * Each part of a cut: its name in the page's URL (dashboard/drill.ts writes the same for its links),
 * its name in the API's query, and the values it can take (a value that cannot be one is left out,
 * as a wrong track or status is).
 */
const CUT_PARAMS: Record<keyof Cut, { url: string; api: string; ok: (v: string) => boolean }> = {
  area: { url: 'area', api: 'areaCode', ok: (v) => AREA.test(v) },
  from: { url: 'from', api: 'receivedFrom', ok: (v) => DAY.test(v) },
  to: { url: 'to', api: 'receivedTo', ok: (v) => DAY.test(v) },
  channel: { url: 'channel', api: 'channel', ok: (v) => (CHANNELS as readonly string[]).includes(v) },
  prepaid: { url: 'prepaid', api: 'prepaid', ok: (v) => v === 'true' || v === 'false' },
  issue: { url: 'issue', api: 'issueType', ok: (v) => (ISSUES as readonly string[]).includes(v) },
  unit: { url: 'unit', api: 'unit', ok: (v) => UNIT.test(v) },
  venue: { url: 'venue', api: 'venue', ok: (v) => UNIT.test(v) },
  respondent: { url: 'respondent', api: 'respondent', ok: (v) => RESPONDENT.test(v) },
};
const CUT_KEYS = Object.keys(CUT_PARAMS) as (keyof Cut)[];

function readCut(p: URLSearchParams): Cut {
  const cut: Record<string, string | boolean> = {};
  for (const key of CUT_KEYS) {
    const v = p.get(CUT_PARAMS[key].url) ?? '';
    if (CUT_PARAMS[key].ok(v)) cut[key] = key === 'prepaid' ? v === 'true' : v;
  }
  return cut;
}

/** The cut into a query: the page's URL names, or the API's. */
function writeCut(c: Cut, p: URLSearchParams, names: 'url' | 'api' = 'url'): void {
  for (const key of CUT_KEYS) if (c[key] !== undefined) p.set(CUT_PARAMS[key][names], String(c[key]));
}

export function hasCut(c: Cut): boolean {
  return Object.values(c).some((v) => v !== undefined);
}

export function readFilters(p: URLSearchParams): Filters {
  const status = (p.get('status') ?? '').split(',').filter((s): s is CaseStatus => (ALL_STATUSES as string[]).includes(s));
  const track = p.get('track');
  const due = p.get('due');
  return {
    status,
    view: p.get('view') === 'all' ? 'all' : 'open',
    sort: p.get('sort') === 'newest' ? 'newest' : 'due',
    category: p.get('category') || undefined,
    track: track === 'complaint' || track === 'report' ? track : undefined,
    due: due === 'overdue' || due === 'soon' ? due : 'all',
    q: p.get('q') ?? '',
    cut: readCut(p),
  };
}

export function writeFilters(f: Filters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.status.length) p.set('status', f.status.join(','));
  else if (f.view === 'all') p.set('view', 'all');
  if (f.sort === 'newest') p.set('sort', 'newest');
  if (f.category) p.set('category', f.category);
  if (f.track) p.set('track', f.track);
  if (f.due !== 'all') p.set('due', f.due);
  if (f.q.trim()) p.set('q', f.q.trim());
  writeCut(f.cut, p);
  return p;
}

/** The API query for the filters (and a cursor for the next page). A chosen status reaches finished cases too. */
export function apiQuery(f: Filters, cursor?: string): string {
  const p = new URLSearchParams({ limit: String(PAGE), sort: f.sort });
  if (f.status.length) p.set('status', f.status.join(','));
  else if (f.view === 'open') p.set('view', 'open');
  cutQuery(f, p);
  // Every page of the list carries the same cut: the cursor only says where the last one ended.
  if (cursor) p.set('cursor', cursor);
  return p.toString();
}

/** The API query of every filter but the status and the view: the status counts' (GET /cases/counts). */
export function cutQuery(f: Filters, p = new URLSearchParams()): URLSearchParams {
  if (f.category) p.set('categoryCode', f.category);
  if (f.track) p.set('track', f.track);
  if (f.due === 'overdue') p.set('overdue', 'true');
  if (f.due === 'soon') p.set('dueWithinDays', String(SOON_DAYS));
  if (f.q.trim()) p.set('q', f.q.trim());
  writeCut(f.cut, p, 'api');
  return p;
}

/** Anything narrower than the default view (the open work, any deadline, no search). */
export function narrowed(f: Filters): boolean {
  return f.status.length > 0 || f.view === 'all' || !!f.category || !!f.track || f.due !== 'all' || !!f.q || hasCut(f.cut);
}

/**
 * The queue as last shown (its order, as ids, and its filters), for the case file's "下一件" (next
 * case) and its way back to the same queue: kept for the tab (sessionStorage).
 */
const ORDER_KEY = 'weiquan.queue-order';

export interface QueueMemory {
  ids: string[];
  /** The queue's URL query ("?status=…"), or "". */
  search: string;
}

export function rememberQueue(q: QueueMemory): void {
  try {
    sessionStorage.setItem(ORDER_KEY, JSON.stringify(q));
  } catch {
    // Storage full or refused: the case file falls back to the queue's first page.
  }
}

export function rememberedQueue(): QueueMemory {
  try {
    const v = JSON.parse(sessionStorage.getItem(ORDER_KEY) ?? '{}') as Partial<QueueMemory>;
    return {
      ids: Array.isArray(v.ids) ? v.ids.filter((x): x is string => typeof x === 'string') : [],
      search: typeof v.search === 'string' && (v.search === '' || v.search.startsWith('?')) ? v.search : '',
    };
  } catch {
    return { ids: [], search: '' };
  }
}

/** The case after `id` in the queue as last shown; past its end (or not in it), the first of the open work not yet passed. */
export async function nextCaseAfter(id: string, firstPage: () => Promise<string[]>): Promise<string | null> {
  const { ids } = rememberedQueue();
  const at = ids.indexOf(id);
  if (at >= 0 && at + 1 < ids.length) return ids[at + 1];
  const passed = new Set(at >= 0 ? ids.slice(0, at + 1) : [id]);
  return (await firstPage()).find((x) => !passed.has(x)) ?? null;
}
