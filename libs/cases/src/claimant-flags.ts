/**
 * Repeat and possible professional claimants (docs/RULES.md, "Repeat and abusive filing": Order 121's ban on seeking improper gain):
 * flags for the handler, with the evidence, never a refusal. Pure: the claimant's cases are passed in.
 */
export interface ClaimantCase {
  id: string;
  trackingNo: string;
  track: string;
  respondentKey: string;
  description: string;
  receivedAt: Date;
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
  /** Earlier cases by the same complainant against the same respondent within 12 months. */
  repeat: { trackingNos: string[] } | null;
  /** All three signs at once; the evidence is shown whichever way it falls. */
  professional: { flagged: boolean; cases: number; respondents: number; similarity: number; thresholds: ClaimantThresholds };
}

/** Character bigrams of a text with spaces and punctuation removed. */
function bigrams(text: string): Set<string> {
  const chars = [...text.normalize('NFKC').replace(/[\s\p{P}\p{S}]+/gu, '')];
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i] + chars[i + 1]);
  return grams;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (!a.size && !b.size) return 1;
  let shared = 0;
  for (const g of a) if (b.has(g)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Mean pairwise similarity of up to `sample` texts (the newest): how template-like they are. */
export function textSimilarity(texts: string[], sample = 30): number {
  const grams = texts.slice(0, sample).map(bigrams);
  let sum = 0;
  let pairs = 0;
  for (let i = 0; i < grams.length; i++) {
    for (let j = i + 1; j < grams.length; j++) {
      sum += jaccard(grams[i], grams[j]);
      pairs++;
    }
  }
  return pairs ? Math.round((sum / pairs) * 100) / 100 : 0;
}

/** The two halves of one "both" submission are one filing, not two. */
function sameFiling(a: ClaimantCase, b: ClaimantCase): boolean {
  return (
    a.description === b.description &&
    a.respondentKey === b.respondentKey &&
    Math.abs(a.receivedAt.getTime() - b.receivedAt.getTime()) < 1000
  );
}

/** `history` is the complainant's cases over the last 12 months, including this one. */
export function claimantFlags(current: ClaimantCase, history: ClaimantCase[], t: ClaimantThresholds = DEFAULT_THRESHOLDS): ClaimantFlags {
  const filings = history.filter((c, i) => !history.some((o, j) => j < i && sameFiling(o, c)));
  const earlier = filings.filter((c) => c.id !== current.id && !sameFiling(c, current) && c.respondentKey === current.respondentKey);
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
  };
}
