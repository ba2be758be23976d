import type { StaffUser } from '../api/types';

/**
 * Links from a figure to the cases behind it: the staff queue (/staff, staff/queue-filters.ts) with
 * the filters it understands: category, track, overdue, a respondent's name (q), and every case or
 * the open ones (view). It has no period, area, unit, purchase channel, prepaid or issue type
 * filter: figures cut by those link to nothing, and a link says the queue is not cut by the period.
 */
export interface CasesFilter {
  category?: string | null;
  track?: 'complaint' | 'report' | null;
  overdue?: boolean;
  q?: string;
  /** Finished cases too (the period's figures count them), or only the open work (the queue's default). */
  all?: boolean;
}

export function casesLink(f: CasesFilter): string {
  const p = new URLSearchParams();
  if (f.all) p.set('view', 'all');
  if (f.category) p.set('category', f.category);
  if (f.track) p.set('track', f.track);
  if (f.overdue) p.set('due', 'overdue');
  if (f.q) p.set('q', f.q);
  const q = p.toString();
  return q ? `/staff?${q}` : '/staff';
}

/** Whoever works cases for the city reads them in the queue (scoped to what they may see); a business's users do not. */
export function mayReadCases(user: StaffUser | null): boolean {
  return !!user && user.role !== 'business';
}
