import type { Interval, StaffUser } from '../api/types';
import type { Channel, Issue } from '../lib/case-dimensions';
import type { Filters } from './filters';

/**
 * Links from a figure to the cases behind it: the staff queue (/staff, staff/queue-filters.ts) with
 * the filters it understands: category, track, overdue, a respondent's name (q), every case or the
 * open ones (view), and the cuts of the dashboard: the business's area, the period received, the
 * purchase channel, prepaid or not, the issue type, the handling unit or venue, the respondent. The queue applies the
 * reader's own scope first, so a link never shows more than the reader may see.
 */
export interface CasesFilter {
  category?: string | null;
  track?: 'complaint' | 'report' | null;
  overdue?: boolean;
  q?: string;
  /** Finished cases too (the period's figures count them), or only the open work (the queue's default). */
  all?: boolean;
  area?: string | null;
  /** The cases received in these China days; such a list reads newest first (deadlines mean little for finished cases). */
  period?: { from: string; to: string };
  channel?: Channel;
  prepaid?: boolean;
  issue?: Issue;
  /** The unit that holds the cases now. */
  unit?: string;
  /** A venue: the cases its stations hold now. */
  venue?: string;
  /** The respondent, by its key (uscc:… or name:…, as the statistics group it). */
  respondent?: string;
}

export function casesLink(f: CasesFilter): string {
  const p = new URLSearchParams();
  if (f.all) p.set('view', 'all');
  if (f.period) p.set('sort', 'newest');
  if (f.category) p.set('category', f.category);
  if (f.track) p.set('track', f.track);
  if (f.overdue) p.set('due', 'overdue');
  if (f.q) p.set('q', f.q);
  if (f.area) p.set('area', f.area);
  if (f.period) {
    p.set('from', f.period.from);
    p.set('to', f.period.to);
  }
  if (f.channel) p.set('channel', f.channel);
  if (f.prepaid !== undefined) p.set('prepaid', String(f.prepaid));
  if (f.issue) p.set('issue', f.issue);
  if (f.unit) p.set('unit', f.unit);
  if (f.venue) p.set('venue', f.venue);
  if (f.respondent) p.set('respondent', f.respondent);
  const q = p.toString();
  return q ? `/staff?${q}` : '/staff';
}

/**
 * The cases behind a figure of the period: received in it, with the dashboard's category and track,
 * and its area and category where the figure was cut by them (`area: false` for figures cut by unit,
 * `category: false` for those the API does not cut by category).
 */
export function periodCases(f: Filters, cut: CasesFilter = {}, take: { area?: boolean; category?: boolean } = {}): string {
  return casesLink({
    all: true,
    period: { from: f.from, to: f.to },
    category: take.category === false ? null : f.category,
    track: f.track,
    area: take.area === false ? null : f.area,
    ...cut,
  });
}

/**
 * The China days of one point of a trend (a day, a week from its Monday, a month from its 1st), within
 * the period asked for: the first and last weeks or months of a period are cut by it.
 */
export function bucketDays(start: string, interval: Interval, within: { from: string; to: string }): { from: string; to: string } {
  const d = new Date(`${start}T00:00:00Z`);
  if (interval === 'week') d.setUTCDate(d.getUTCDate() + 6);
  if (interval === 'month') d.setUTCMonth(d.getUTCMonth() + 1, 0);
  const end = d.toISOString().slice(0, 10);
  return { from: start < within.from ? within.from : start, to: end > within.to ? within.to : end };
}

/** Whoever works cases for the city reads them in the queue (scoped to what they may see); a business's users do not. */
export function mayReadCases(user: StaffUser | null): boolean {
  return !!user && user.role !== 'business';
}
