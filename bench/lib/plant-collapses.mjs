// Planted collapses for the early-warning replay (bench/warnings-replay.mjs): which businesses the
// generator (generate-cases.mjs, option `collapses`) adds on top of its ordinary history, and the
// complaints each of them gets on which day. A plan depends only on the seed, the number of collapses
// and the period, never on the number of ordinary cases: the same collapses are planted at 100k and
// at 1M, so the two runs score the detector on the same outbreaks.
//
// - A collapse: a business in a prepaid-heavy category with a low ordinary rate (one complaint every
//   2–8 weeks) from the start of the history, then, from its collapse day, a burst of 8–40 complaints
//   over 3–20 days, mostly prepaid, mostly 'closure' or 'refund'. It starts with the members who find
//   the door locked (3–5 complaints in its first 4 days), then follows its shape: sudden (most in the
//   first days), build-up (word spreads: more each day), or steady. After it, nothing (the business
//   is gone). Collapse days fall after the replay's warm-up (window + baseline) and leave the burst
//   room before the end of the history.
// - A chain: a business with a steady high volume (7–21 complaints a week, the ordinary issue mix)
//   for the whole history. It must never alert: it is the false alert the bureau fears most.
// - Noise (every ordinary complaint, chains' too): 'closure' as a rare issue type (1 %).

/** Categories whose businesses sell prepaid cards (会员卡、储值卡、课时包) and so collapse with customers' money. */
export const COLLAPSE_CATEGORIES = [
  ['sports-fitness', 4],
  ['beauty', 5],
  ['education-training', 5],
  ['prepaid-card', 5],
  ['tcm-wellness', 2],
];
const CHAIN_CATEGORIES = [...COLLAPSE_CATEGORIES, ['catering', 6]];
/** Share of ordinary complaints filed as 'closure' (a shop shut for a holiday, a moved branch…). */
export const CLOSURE_NOISE = 0.01;
/** Days before the first collapse: the replay's warm-up (7 + 90) and a month of ordinary history. */
const FIRST_COLLAPSE_AFTER = 7 + 90 + 30;
const SHAPES = ['sudden', 'build-up', 'steady'];

/**
 * The plan: `subjects` (what was planted, for scoring) and `byDay` (day index → complaints to add that
 * day: { subject, prepaid, issueType }). `rand` is the plan's own PRNG; `makeBusiness(rand, cat, label)`
 * builds a business as the generator does (its name made unique by `label`); `ordinaryIssue(rand)`
 * draws an ordinary complaint's issue type.
 */
export function planCollapses({ collapses, fromDay, toDay, days, rand, makeBusiness, ordinaryIssue, prepaidShare }) {
  const subjects = [];
  const byDay = new Map();
  const add = (d, c) => {
    if (d < fromDay || d > toDay) return;
    (byDay.get(d) ?? byDay.set(d, []).get(d)).push(c);
  };
  const pick = (pairs) => {
    let x = rand() * pairs.reduce((s, p) => s + p[1], 0);
    for (const [v, w] of pairs) if ((x -= w) < 0) return v;
    return pairs[pairs.length - 1][0];
  };
  const ri = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const ordinary = (subject, cat) => ({ subject, prepaid: rand() < (prepaidShare[cat] ?? 0.05), issueType: ordinaryIssue(rand) });

  const lastStart = toDay - 27; // the longest burst (20 days) and its window fit before the end
  const firstStart = fromDay + FIRST_COLLAPSE_AFTER;
  for (let i = 0; i < collapses && lastStart > firstStart; i++) {
    const cat = pick(COLLAPSE_CATEGORIES);
    const business = makeBusiness(rand, cat, `${i + 1}号店`);
    const day = ri(firstStart, lastStart);
    const size = 8 + Math.floor(32 * rand() * rand()); // 8–40, most bursts small
    const length = ri(3, 20);
    const shape = SHAPES[Math.floor(rand() * SHAPES.length)];
    const subject = { kind: 'collapse', index: i + 1, category: cat, business, collapseDay: days[day], dayIndex: day, size, length, shape };
    subjects.push(subject);
    // Before: one complaint every 2–8 weeks, the category's ordinary mix.
    const gap = ri(14, 56);
    for (let d = fromDay + ri(0, gap); d < day; d += Math.max(1, Math.round(-gap * Math.log(1 - rand())))) add(d, ordinary(subject, cat));
    // The burst: discovery first, then the shape.
    const discovery = Math.min(size, ri(3, 5));
    const offsets = [];
    for (let k = 0; k < discovery; k++) offsets.push(k === 0 ? 0 : ri(0, 3));
    for (let k = discovery; k < size; k++) {
      const u = rand();
      const x = shape === 'sudden' ? u * u : shape === 'build-up' ? Math.sqrt(u) : u;
      offsets.push(Math.min(length - 1, Math.floor(x * length)));
    }
    for (const o of offsets) {
      const prepaid = cat === 'prepaid-card' || rand() < 0.85;
      const v = rand();
      const issueType = v < 0.5 ? 'closure' : v < 0.8 ? 'refund' : v < 0.9 ? 'contract' : null;
      add(day + o, { subject, prepaid, issueType });
    }
  }

  const chains = collapses > 0 ? Math.max(2, Math.round(collapses / 6)) : 0;
  for (let i = 0; i < chains; i++) {
    const cat = pick(CHAIN_CATEGORIES);
    const business = makeBusiness(rand, cat, `连锁${i + 1}店`);
    const perWeek = ri(7, 21);
    const subject = { kind: 'chain', index: i + 1, category: cat, business, perWeek };
    subjects.push(subject);
    for (let d = fromDay; d <= toDay; d++) for (let k = poisson(rand, perWeek / 7); k > 0; k--) add(d, ordinary(subject, cat));
  }
  return { subjects, byDay };
}

function poisson(rand, lambda) {
  const limit = Math.exp(-lambda);
  let k = 0;
  for (let p = rand(); p > limit; p *= rand()) k++;
  return k;
}
