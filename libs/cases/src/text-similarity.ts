/** How alike complaint texts are: character bigrams compared by Jaccard similarity. */

/** Character bigrams of a text with spaces and punctuation removed. */
export function bigrams(text: string): Set<string> {
  const chars = [...text.normalize('NFKC').replace(/[\s\p{P}\p{S}]+/gu, '')];
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i] + chars[i + 1]);
  return grams;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
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
