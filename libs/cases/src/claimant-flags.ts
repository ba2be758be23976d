import type { Art17Assessment, Art17Settings } from './art17.rules';
import { ART17_DEFAULTS, art17Factors } from './art17.rules';
import { textSimilarity } from './text-similarity';

/**
 * What the handler is shown about the complainant (docs/RULES.md, "Repeat and abusive filing"):
 * earlier cases against the same business, and the factors Order 121 Art. 17 lists for judging
 * whether a complaint is "not for household consumption" (Art. 16(3)), each with the evidence the
 * data holds or a plain statement that the data cannot show it. Nothing here refuses, delays or
 * routes a case: the handler judges. Pure: the facts are gathered by claimant.repository.ts.
 */
export interface ClaimantCase {
  id: string;
  trackingNo: string;
  track: string;
  respondentKey: string;
  categoryCode: string;
  issueType: string | null;
  description: string;
  consumerName: string;
  receivedAt: Date;
}

/** Another complainant's complaint: `complainant` tells complainants apart (the same number, the same phone) and nothing more. */
export interface OtherComplaint extends ClaimantCase {
  complainant: number;
}

export interface ClaimantFacts {
  /** The complainant's own cases (the same keyed phone hash), both tracks, over the lookback, this one included. */
  own: ClaimantCase[];
  /** Complaints giving the same address (keyed hash of the normalised address) over the lookback, this one included. */
  sameAddress: ClaimantCase[];
  /** Whether this case's address could be compared at all (given, precise enough, filed since addresses are hashed). */
  addressKnown: boolean;
  /** Other complainants' complaints within the short window around this one, against the same business or in the same category. */
  others: OtherComplaint[];
  /** Files attached to this case. */
  attachments: number;
}

export interface ClaimantThresholds {
  /** Complaints and reports in 12 months that make a possible professional claimant (default 20). */
  cases: number;
  /** Distinct respondents among them ("across many respondents"). */
  respondents: number;
  /** Average pairwise text similarity (0–1) that counts as template-like. */
  similarity: number;
}

const DEFAULT_THRESHOLDS: ClaimantThresholds = { cases: 20, respondents: 5, similarity: 0.5 };

export interface ClaimantFlags {
  /**
   * Earlier cases by the same complainant against the same respondent within 12 months (any
   * outcome). For a complaint, complaints only: a reporter's reports are not shown to a
   * complaint's handler (Order 121 Art. 37).
   */
  repeat: { trackingNos: string[] } | null;
  /** @deprecated The earlier heuristic (20 filings, 5 respondents, template-like text), kept for API clients; not law, no longer shown. */
  professional: { flagged: boolean; cases: number; respondents: number; similarity: number; thresholds: ClaimantThresholds };
  /** Order 121 Art. 17, for a complaint (Art. 16(3) is a ground for refusing complaints); null for a report. */
  art17: Art17Assessment | null;
}

/** The two halves of one "both" submission are one filing, not two. */
function sameFiling(a: ClaimantCase, b: ClaimantCase): boolean {
  return (
    a.description === b.description &&
    a.respondentKey === b.respondentKey &&
    Math.abs(a.receivedAt.getTime() - b.receivedAt.getTime()) < 1000
  );
}

export type { Art17Assessment, Art17Evidence, Art17Settings, Art17Status } from './art17.rules';
export { ART17_DEFAULTS } from './art17.rules';
export { textSimilarity } from './text-similarity';

/** `facts.own` is the complainant's cases over the last 12 months, this one included. */
export function claimantFlags(
  current: ClaimantCase,
  facts: ClaimantFacts,
  t: ClaimantThresholds = DEFAULT_THRESHOLDS,
  settings: Art17Settings = ART17_DEFAULTS,
): ClaimantFlags {
  const history = facts.own;
  const filings = history.filter((c, i) => !history.some((o, j) => j < i && sameFiling(o, c)));
  const shown = current.track === 'complaint' ? filings.filter((c) => c.track === 'complaint') : filings;
  const earlier = shown.filter((c) => c.id !== current.id && !sameFiling(c, current) && c.respondentKey === current.respondentKey);
  const respondents = new Set(filings.map((c) => c.respondentKey)).size;
  const similarity = filings.length >= 2 ? textSimilarity(filings.map((c) => c.description)) : 0;
  return {
    repeat: earlier.length ? { trackingNos: earlier.map((c) => c.trackingNo) } : null,
    professional: {
      flagged: filings.length >= t.cases && respondents >= t.respondents && similarity >= t.similarity,
      cases: filings.length,
      respondents,
      similarity,
      thresholds: t,
    },
    art17: current.track === 'complaint' ? art17Factors(current, facts, settings) : null,
  };
}
