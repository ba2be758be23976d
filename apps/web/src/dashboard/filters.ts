import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { Interval } from '../api/types';

/** The dashboard's filters, kept in the URL query so a view can be bookmarked and shared. */
export interface Filters {
  from: string;
  to: string;
  area: string | null;
  category: string | null;
  track: 'complaint' | 'report' | null;
  interval: Interval;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Today in China time: the API counts events on the Asia/Shanghai calendar day, whatever the browser's zone. */
export function chinaToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  );
}

/** Whole days from `from` to `to`, both included. */
export function daysIn(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The longest period each interval may draw (the API's limits: 366 days by day, five years by week). */
export const INTERVAL_MAX_DAYS: Record<Interval, number> = { day: 366, week: 366 * 5, month: Infinity };

/**
 * The filters a URL query asks for. A missing or malformed period is this year up to today; the period
 * ends today at the latest (a bookmarked or typed future end is cut, as the API cuts it), and a start
 * after that end falls back to the end's 1 January.
 */
export function readFilters(params: URLSearchParams, today: string): Filters {
  const asked = params.get('to') ?? '';
  const to = DATE.test(asked) && asked < today ? asked : today;
  const start = params.get('from') ?? '';
  const from = DATE.test(start) && start <= to ? start : `${to.slice(0, 4)}-01-01`;
  const track = params.get('track');
  const interval = params.get('interval');
  return {
    from,
    to,
    area: params.get('area') || null,
    category: params.get('category') || null,
    track: track === 'complaint' || track === 'report' ? track : null,
    interval: interval === 'day' || interval === 'week' ? interval : 'month',
  };
}

export function useFilters(): { filters: Filters; set: (patch: Partial<Filters>) => void; reset: () => void; periodSet: boolean } {
  const [params, setParams] = useSearchParams();
  const today = chinaToday();
  const filters = useMemo<Filters>(() => readFilters(params, today), [params, today]);

  const set = useCallback(
    (patch: Partial<Filters>) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(patch)) {
            if (v === null || v === undefined || v === '' || (k === 'interval' && v === 'month')) next.delete(k);
            else next.set(k, String(v));
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  const reset = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);
  const periodSet = Boolean(params.get('from') || params.get('to'));
  return { filters, set, reset, periodSet };
}

/**
 * The query string of a /stats request. Not every request takes every filter: figures cut by unit
 * (the league table, a unit-scoped role) take no area, respondent hotspots neither area nor
 * category (the API answers 400 naming the field), so each caller says which it sends.
 */
export function statsQuery(
  f: Filters,
  extra: Record<string, string | number | undefined> = {},
  take: { area?: boolean; category?: boolean } = {},
): string {
  const q = new URLSearchParams({ from: f.from, to: f.to });
  if (f.area && take.area !== false) q.set('areaCode', f.area);
  if (f.category && take.category !== false) q.set('categoryCode', f.category);
  if (f.track) q.set('track', f.track);
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) q.set(k, String(v));
  return q.toString();
}

/** The headline figures' request (the page asks for it first: prime.ts). */
export function summaryPath(f: Filters): string {
  return `/stats/summary?${statsQuery(f)}`;
}
