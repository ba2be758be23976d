#!/usr/bin/env node
// npm run warnings:replay — the early-warning detector (消费预警, libs/warnings/src/alerts/early-warning.rules.ts)
// replayed over a generated history with planted collapses, to tune its thresholds on data.
//
//   npm run warnings:replay -- --cases 1000000 --collapses 30 --seed 7 [--thresholds path.json]
//     --from 2024-01-01 --to 2026-11-20   the history (the generator's defaults)
//     --thresholds FILE   a partial override, as EARLY_WARNING_THRESHOLDS takes it (withOverrides; checked
//                         with thresholdProblems like at boot)
//     --json              the result as JSON on stdout (the test reads it), nothing else
//     --no-build          use dist/ as it is (otherwise the server is rebuilt if its sources changed)
//
// The history is the one `npm run data:generate -- --count N --seed S --collapses C` loads into a fresh
// database (bench/lib/generate-cases.mjs, run in memory: no database), streamed case by case in the
// order of receipt. Complaints only (a "both" filing makes one complaint), keyed as intake keys them
// (its compiled respondentKey: the credit code, else the normalised name); a slice is the business's
// area × the category. Each day, as the worker would, every subject with a complaint that day is
// evaluated with the compiled `detect()` on the window and baseline `watchPeriods()` gives, and
// `alertDecision()` says whether an alert opens; an alert is taken as acted on the day it fires, so
// the subject is then quiet for `quietDays`. Evaluation starts once a full baseline exists (window +
// baseline days into the history: before that every busy business would look new).
// Scoring: an alert on a planted collapse's business (either key) from its collapse day to the end of
// its burst plus a window detects it; an alert on its slice in that time is put down to it; every
// other alert is false (the planted chains' among them: steady high volume must not alert).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureBuild, ensureDependencies, ROOT } from '../scripts/lib/prepare.mjs';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '1000000' },
    collapses: { type: 'string', default: '30' },
    seed: { type: 'string', default: '7' },
    from: { type: 'string', default: '2024-01-01' },
    to: { type: 'string', default: '2026-11-20' },
    thresholds: { type: 'string' },
    json: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
  },
});
if (!values['no-build']) {
  ensureDependencies();
  ensureBuild(['server']);
}
const require = createRequire(import.meta.url);
const built = (path) => require(join(ROOT, 'dist', path));
const rules = built('libs/warnings/src/alerts/early-warning.rules.js');
const { respondentKey } = built('libs/complaints/src/intake/identity.rules.js');
const { generateCases } = await import('./lib/generate-cases.mjs');

const thresholds = (() => {
  if (!values.thresholds) return rules.DEFAULT_THRESHOLDS;
  const override = JSON.parse(readFileSync(values.thresholds, 'utf8'));
  const t = rules.withOverrides(override);
  // A misspelt name is refused, not silently ignored (where the built rule has that check).
  const problems = [...(rules.unknownThresholds?.(override) ?? []), ...rules.thresholdProblems(t)];
  if (problems.length) {
    process.stderr.write(`阈值有误 / bad thresholds in ${values.thresholds}:\n${problems.map((p) => `  ${p}\n`).join('')}`);
    process.exit(2);
  }
  return t;
})();

const DAY_MS = 86_400_000;
const dayNo = (iso) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const isoOf = (n) => new Date(n * DAY_MS).toISOString().slice(0, 10);
const evalFrom = dayNo(values.from) + thresholds.windowDays + thresholds.baselineDays - 1;

/** A subject's per-day counts (the rollup rows), oldest first; older than the baseline pruned. */
class Subject {
  constructor(kind, id) {
    this.kind = kind;
    this.id = id;
    this.days = []; // { day, counts }
    this.latest = null; // the latest alert, as alertDecision takes it
  }
  add(day, c) {
    const last = this.days[this.days.length - 1];
    if (last && last.day === day) last.counts = rules.addCounts(last.counts, c);
    else this.days.push({ day, counts: c });
  }
  sum(from, to) {
    let s = rules.NO_COUNTS;
    for (const e of this.days) if (e.day >= from && e.day <= to) s = rules.addCounts(s, e.counts);
    return s;
  }
}
const subjects = { business: new Map(), slice: new Map() };
const subjectOf = (kind, id) => subjects[kind].get(id) ?? subjects[kind].set(id, new Subject(kind, id)).get(id);

const alerts = []; // { kind, id, day, findings }
let evaluations = 0;
let touched = new Set();
let today = null;

/** The worker's pass for one day: each subject with a complaint that day, evaluated and maybe alerted. */
function evaluateDay(day) {
  const iso = isoOf(day);
  const p = rules.watchPeriods(iso, thresholds);
  const [wFrom, wTo, bFrom, bTo] = [p.window.from, p.window.to, p.baseline.from, p.baseline.to].map(dayNo);
  for (const s of touched) {
    while (s.days.length && s.days[0].day < bFrom) s.days.shift();
    if (day < evalFrom) continue;
    evaluations++;
    const d = rules.detect(s.kind, s.sum(wFrom, wTo), s.sum(bFrom, bTo), thresholds);
    if (!d || rules.alertDecision(s.latest, iso, thresholds) !== 'open') continue;
    alerts.push({ kind: s.kind, id: s.id, day, findings: d.findings });
    s.latest = { status: 'acted', closedOn: iso };
  }
  touched = new Set();
}

// Planted businesses: key → subject; each collapse's burst complaints per day (for "filed by then").
const plantedByKey = new Map();
const collapseSlices = new Map(); // `${area}|${category}` → collapses
const keyCache = new WeakMap(); // business → [key with its credit code, key by name] as intake computes them

const t0 = performance.now();
let complaints = 0;
const generated = await generateCases(null, {
  count: Number(values.cases),
  seed: Number(values.seed),
  collapses: Number(values.collapses),
  from: values.from,
  to: values.to,
  log: () => undefined,
  onPlanted(planted) {
    for (const p of planted) {
      const subject = { ...p, day: p.collapseDay ? dayNo(p.collapseDay) : null, filed: new Map(), alerts: [], sliceAlerts: [] };
      for (const k of p.keys) plantedByKey.set(k, subject);
      if (p.kind === 'collapse') {
        const sk = `${p.area}|${p.category}`;
        (collapseSlices.get(sk) ?? collapseSlices.set(sk, []).get(sk)).push(subject);
      }
    }
  },
  onCase(track, sub, iso) {
    if (track !== 'complaint') return;
    const day = dayNo(iso);
    if (day !== today) {
      if (today !== null) evaluateDay(today);
      today = day;
    }
    complaints++;
    let keys = keyCache.get(sub.b);
    if (!keys) keyCache.set(sub.b, (keys = [sub.b.uscc ? respondentKey(sub.b.name, sub.b.uscc) : null, respondentKey(sub.b.name, null)]));
    const key = sub.creditCode ? keys[0] : keys[1];
    const c = rules.countsOf(sub.prepaid, sub.issueType);
    const b = subjectOf('business', key);
    b.add(day, c);
    touched.add(b);
    if (!sub.b.outside) {
      const sl = subjectOf('slice', `${sub.b.area}|${sub.cat}`);
      sl.add(day, c);
      touched.add(sl);
    }
    const planted = plantedByKey.get(key);
    if (planted?.day !== null && planted?.day <= day) planted.filed.set(day, (planted.filed.get(day) ?? 0) + 1);
  },
});
if (today !== null) evaluateDay(today);
const seconds = (performance.now() - t0) / 1000;
const peakRssMb = process.resourceUsage().maxRSS / 1024;

// ---------------------------------------------------------------------------------------------
// Scoring

const burstEnd = (c) => c.day + c.length - 1 + thresholds.windowDays;
const falseAlerts = { business: [], slice: [] };
for (const a of alerts) {
  if (a.kind === 'business') {
    const p = plantedByKey.get(a.id);
    if (p?.kind === 'collapse' && a.day >= p.day && a.day <= burstEnd(p)) p.alerts.push(a);
    else falseAlerts.business.push({ ...a, chain: p?.kind === 'chain', collapseBefore: p?.kind === 'collapse' });
  } else {
    const c = (collapseSlices.get(a.id) ?? []).find((x) => a.day >= x.day && a.day <= burstEnd(x));
    if (c) c.sliceAlerts.push(a);
    else falseAlerts.slice.push(a);
  }
}
const collapses = [...plantedByKey.values()]
  .filter((p, i, all) => p.kind === 'collapse' && all.indexOf(p) === i)
  .sort((a, b) => a.index - b.index)
  .map((p) => {
    const first = p.alerts.sort((a, b) => a.day - b.day)[0] ?? null;
    let filedByAlert = 0;
    let filed = 0;
    for (const [d, n] of p.filed) {
      filed += n;
      if (first && d <= first.day) filedByAlert += n;
    }
    return {
      index: p.index,
      name: p.name,
      category: p.category,
      shape: p.shape,
      size: p.size,
      length: p.length,
      filed,
      collapseDay: p.collapseDay,
      alertDay: first ? isoOf(first.day) : null,
      delayDays: first ? first.day - p.day : null,
      filedByAlert: first ? filedByAlert : null,
      measures: first ? first.findings.map((f) => f.measure) : [],
      sliceAlertDay: p.sliceAlerts.length ? isoOf(Math.min(...p.sliceAlerts.map((a) => a.day))) : null,
    };
  });
const months = new Map();
for (const kind of ['business', 'slice'])
  for (const a of falseAlerts[kind]) {
    const m = isoOf(a.day).slice(0, 7);
    const row = months.get(m) ?? months.set(m, { business: 0, slice: 0 }).get(m);
    row[kind]++;
  }
const evalMonths = (dayNo(values.to) - evalFrom + 1) / (365.25 / 12);
const result = {
  cases: generated.cases,
  complaints,
  seed: Number(values.seed),
  period: { from: values.from, to: values.to, evaluatedFrom: isoOf(evalFrom), months: Math.round(evalMonths * 10) / 10 },
  thresholds,
  subjects: { business: subjects.business.size, slice: subjects.slice.size },
  evaluations,
  alerts: alerts.length,
  collapses,
  missed: collapses.filter((c) => c.alertDay === null).map((c) => c.index),
  falseAlerts: {
    business: falseAlerts.business.length,
    chain: falseAlerts.business.filter((a) => a.chain).length,
    collapseBusinessOutsideBurst: falseAlerts.business.filter((a) => a.collapseBefore).length,
    slice: falseAlerts.slice.length,
    perMonth: {
      business: Math.round((falseAlerts.business.length / evalMonths) * 10) / 10,
      slice: Math.round((falseAlerts.slice.length / evalMonths) * 10) / 10,
    },
    byMonth: Object.fromEntries([...months].sort()),
    examples: falseAlerts.business.slice(0, 5).map((a) => ({ id: a.id, day: isoOf(a.day), findings: a.findings })),
  },
  seconds: Math.round(seconds * 10) / 10,
  peakRssMb: Math.round(peakRssMb),
};

if (values.json) {
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} else {
  printReport(result);
}

function printReport(r) {
  const out = (s = '') => process.stdout.write(`${s}\n`);
  const pad = (s, n) => String(s).padEnd(n);
  out(
    `消费预警回放 / early-warning replay — ${r.cases.toLocaleString('en')} cases (${r.complaints.toLocaleString('en')} complaints), seed ${r.seed}`,
  );
  out(`  历史 / history ${r.period.from}..${r.period.to}; 评估自 / evaluated from ${r.period.evaluatedFrom} (${r.period.months} months)`);
  out(`  阈值 / thresholds${values.thresholds ? ` (${values.thresholds})` : ' (DEFAULT_THRESHOLDS)'}: ${JSON.stringify(r.thresholds)}`);
  out(
    `  主体 / subjects: ${r.subjects.business.toLocaleString('en')} businesses, ${r.subjects.slice.toLocaleString('en')} slices; ${r.evaluations.toLocaleString('en')} evaluations, ${r.alerts} alerts`,
  );
  out();
  out('植入的倒闭 / planted collapses');
  out(
    `  ${pad('#', 4)}${pad('倒闭日 collapse', 17)}${pad('首次预警 alert', 16)}${pad('延迟 delay', 12)}${pad('已投诉 filed', 14)}shape, category, measures`,
  );
  for (const c of r.collapses)
    out(
      `  ${pad(c.index, 4)}${pad(c.collapseDay, 17)}${pad(c.alertDay ?? '未预警 missed', 16)}${pad(c.delayDays === null ? '—' : `${c.delayDays} d`, 12)}${pad(c.alertDay ? `${c.filedByAlert} / ${c.filed}` : `— / ${c.filed}`, 14)}${c.shape} ${c.size}/${c.length} d, ${c.category}${c.measures.length ? `, ${c.measures.join('+')}` : ''}${c.sliceAlertDay ? `; slice ${c.sliceAlertDay}` : ''}`,
    );
  const delays = r.collapses
    .map((c) => c.delayDays)
    .filter((d) => d !== null)
    .sort((a, b) => a - b);
  if (delays.length)
    out(
      `  延迟 / delay: median ${delays[Math.floor((delays.length - 1) / 2)]} d, max ${delays[delays.length - 1]} d; within 7 days: ${delays.filter((d) => d <= 7).length} / ${r.collapses.length}`,
    );
  out(`  漏报 / missed: ${r.missed.length}${r.missed.length ? ` (#${r.missed.join(', #')})` : ''} of ${r.collapses.length}`);
  out();
  const f = r.falseAlerts;
  out('误报 / false alerts');
  out(
    `  经营者 / businesses: ${f.business} (${f.perMonth.business} a month; of which planted chains ${f.chain}, a collapsing business before its collapse ${f.collapseBusinessOutsideBurst})`,
  );
  out(`  品类×区域 / slices: ${f.slice} (${f.perMonth.slice} a month)`);
  const rows = Object.entries(f.byMonth);
  if (rows.length) out(`  每月 / per month (business/slice): ${rows.map(([m, v]) => `${m} ${v.business}/${v.slice}`).join(', ')}`);
  for (const e of f.examples)
    out(`    e.g. ${e.day} ${e.id}: ${e.findings.map((x) => `${x.measure} ${x.count} (weighted ${x.weighted}, bar ${x.bar})`).join('; ')}`);
  out();
  out(`用时 / run time ${r.seconds} s (generation + replay, one pass), 峰值内存 / peak memory ${r.peakRssMb} MB (max RSS)`);
}
