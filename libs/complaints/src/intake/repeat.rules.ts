/**
 * When a new filing is not handled again but linked to an earlier case (docs/RULES.md, "Repeat and
 * abusive filing"). Pure: intake.service.ts computes the keys, intake.repository.ts applies the
 * same rule in its one statement (the statuses below are its parameters).
 *
 * - `while-open` (*system rule*; complaints, and reports under Order 20, which has no repeat rule of
 *   its own): the same complainant (keyed hash of the phone), respondent, category and track is a
 *   duplicate only while the first case is still open. A refused, withdrawn, transferred, concluded
 *   or closed case never makes a later filing a duplicate: a refiling (say, with the materials that
 *   were missing) is a new complaint, on its own 7-working-day clock. No time window.
 * - `art35` (Order 121 Art. 35; reports received from 2026-04-15): the same reporter reporting the
 *   same alleged facts about the same respondent again is not handled again, whatever became of the
 *   first report and however long ago it was, except that a withdrawn report was never handled.
 *   "The same facts" is decided mechanically only when it is unmistakable: the same description
 *   (compared without spacing, punctuation, width or case) and the same incident date. A report that
 *   adds or changes facts is received and routed; its handler sees the earlier reports
 *   (claimant flags) and may merge them (Art. 35: 可以合并处理).
 */

export type RepeatRule = 'while-open' | 'art35';

/** Statuses in which a case is still being handled: it holds its matter under `while-open`. */
export const OPEN_STATUSES = [
  'received',
  'settling',
  'negotiating',
  'offered',
  'assigned',
  'accepted',
  'mediating',
  'paused',
  'deciding',
] as const;

/** Statuses that release a matter under `art35`: a report the reporter withdrew was never handled. */
export const ART35_RELEASED_BY = ['withdrawn'] as const;

/** Which rule decides whether a filing repeats an earlier one. */
export function repeatRule(track: 'complaint' | 'report', ruleSet: string): RepeatRule {
  return track === 'report' && ruleSet !== 'order20' ? 'art35' : 'while-open';
}

/** Whether the case holding a matter still holds it, given its status now (the repository's condition, as a function). */
export function holdsMatter(rule: RepeatRule, status: string): boolean {
  return rule === 'art35'
    ? !(ART35_RELEASED_BY as readonly string[]).includes(status)
    : (OPEN_STATUSES as readonly string[]).includes(status);
}

/** A description as compared for "the same facts": width folded, lower case, no spacing, punctuation or symbols. */
export function factsText(description: string): string {
  return description
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

export interface RepeatSubject {
  track: 'complaint' | 'report';
  ruleSet: string;
  respondentKey: string;
  categoryCode: string;
  incidentDate: string;
  description: string;
}

/**
 * What, besides the complainant's keyed phone hash, makes two filings one matter under their rule.
 * `while-open` keeps the key intake has always used (respondent, category, track), so claims made
 * before this rule still match.
 */
export function repeatKeyText(s: RepeatSubject): { rule: RepeatRule; text: string } {
  const rule = repeatRule(s.track, s.ruleSet);
  return rule === 'art35'
    ? { rule, text: `art35|${s.respondentKey}|${s.incidentDate}|${factsText(s.description)}` }
    : { rule, text: `${s.respondentKey}|${s.categoryCode}|${s.track}` };
}
