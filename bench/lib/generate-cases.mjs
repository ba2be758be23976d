#!/usr/bin/env node
// Synthetic cases for benchmarks: N complaints and reports with the rows the real system would have
// written for them — the case, its whole history (`case_event`, with the `data` the handlers write),
// its round-0 routing decision and its workflow clocks — loaded with COPY.
//
//   import { generateCases } from './bench/lib/generate-cases.mjs';
//   await generateCases(databaseUrl, { count, seed, from: '2024-01-01', to: '2026-11-20', dataKey });
//
//   npm run data:generate -- --count 100000 [--database-url URL] [--seed 1] [--from 2024-01-01] [--to 2026-11-20] [--collapses N]
//     The database must already be migrated and seeded (`npm run cli -- setup`, or what bench/lib.mjs does).
//     Without --database-url it uses DATABASE_URL, else the system `npm start` runs (data/runtime.json);
//     DATA_KEY comes from the environment, else data/secrets.json: personal data is encrypted with it,
//     so the API of that system can read it. Afterwards it runs `stats:rebuild` if the CLI has it
//     (and VACUUM ANALYZE of the stat_* tables); --no-rebuild skips that. --drop-indexes auto|true|false
//     (see generateCases). GENERATE_DEBUG=1 prints the COPY seconds per table.
//     Loading takes locks on cases/case_event for its (single) transaction: not for a system in use.
//
// Measured on the 2-core sandbox: ~7,000–10,000 cases/s, ~60,000–84,000 rows/s overall (1M cases =
// 8.4M rows in 100–140 s); 10M took 42 min, and ~38 GB with its rollups (2026-11-22). The synthetic
// volume is far above Liaocheng's, so unit loads (unit_load, recounted at the end) exceed station
// capacities: routing history is not replayed against capacity.
//
// Distributions (per case unless said otherwise): areas weighted by population (东昌府区 heaviest, ~3 %
// of businesses outside the city → transferred), categories weighted as 12315 volumes are, 85 %
// complaints / 15 % reports (~3 % of cases are the two halves of a "both" submission, linked),
// purchase channel 60/30/10 offline/online/livestream, ~12 % prepaid, respondents Zipf-like from
// ~N/20 businesses per category pool (~40 % with a valid USCC), routed roughly as routing.rules.ts
// does: ~80 % of complaints are filed for settlement (协商和解) and go to a station (the venue's, else
// one of the area covering the category), else — and the ~20 % filed formally — to the sector
// regulator or the area bureau; reports to the sector regulator or the area bureau; telecom and
// outside-city → transfer.
// Settlement at a station: ~56 % settled at the source (taken up, an offer recorded, the consumer
// accepts it, within the city's 2 + 10 working days), ~37 % escalated (offer rejected, the station
// gives up, the consumer's choice, take-up or settlement period lapsed) and then routed (round 1) to
// the department as a formal complaint received that day, ~7 % withdrawn; recent ones still open.
// Formal complaints: ~70 % accepted then resolved / terminated (or still mediating), ~10 % refused,
// ~5 % withdrawn, ~15 % still open (recent ones far more often); ~60 % of closed (or settled)
// complaints rated (80/15/5), most closed Order-121 complaints followed up. Reports: ~40 % opened,
// ~50 % not opened, the rest open. Dates follow the working-day calendar (chinese-days, as the system computes them);
// ~3 % of acceptances are late. Nothing happens after `to`: a case whose next step would fall after
// it stays where it is.
//
// The same seed (and the same directory and DATA_KEY) gives the same rows: the PRNG is seeded, and so
// are the IVs of the placeholder ciphertexts (one ciphertext per distinct phone / address value).
//
// Planted collapses (option `collapses`, `--collapses N`; bench/lib/plant-collapses.mjs): N prepaid
// businesses that collapse (a burst of 'closure'/'refund' complaints), a few steady high-volume chains,
// and 'closure' as a rare issue type of ordinary complaints, for the early-warning replay. Without the
// option the rows are exactly those of before (the plan and the noise draw from PRNG streams of their
// own; the ordinary stream is only shifted by the planted cases themselves). The result's `planted`
// lists the planted businesses, their respondent keys and collapse days.
//
// In memory (`generateCases(null, { onCase })`, what bench/warnings-replay.mjs does): no database; the
// directory is read from seeds/ (what `setup` loads), ids start at 1, nothing is encrypted or written,
// and `onCase(track, submission, dayIso)` is called for every case in the order of receipt. The cases
// are the ones a load into a freshly set-up database with the same options writes.
//
// pg-copy-streams is not a dependency: COPY … FROM STDIN is driven through pg's documented
// "submittable" query interface (class CopyIn below), which is all that package does.
import { createCipheriv, createHmac, hkdfSync } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { CLOSURE_NOISE, planCollapses } from './plant-collapses.mjs';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const require = createRequire(import.meta.url);

function built(path) {
  const file = join(ROOT, 'dist', path);
  if (!existsSync(file)) throw new Error(`${file} is missing: build the server first (npm run build:server)`);
  return require(file);
}

// ---------------------------------------------------------------------------------------------
// PRNG

function mulberry32(a) {
  return function next() {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function hash32(...parts) {
  let h = 0x811c9dc5;
  for (const p of parts) {
    const s = String(p);
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
    h = Math.imul(h ^ 0x7f, 16777619);
  }
  return h >>> 0;
}

/** Weighted choice from [item, weight][]: returns a sampler. */
function weighted(pairs, rand) {
  const items = pairs.map((p) => p[0]);
  const cdf = [];
  let sum = 0;
  for (const [, w] of pairs) cdf.push((sum += w));
  return () => {
    const x = rand() * sum;
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return items[lo];
  };
}

// ---------------------------------------------------------------------------------------------
// Domain constants (weights are judgement, not data)

/** Relative case volume per area: population, with 东昌府区 (the city proper) weighted up for commerce. */
const AREA_WEIGHT = {
  371502: 30,
  371503: 8,
  371521: 10,
  371522: 11,
  371524: 5,
  371525: 9,
  371526: 6,
  371581: 10,
  371571: 4,
  371572: 4,
  371573: 3,
};
/** Counties outside the city where online sellers are (a complaint about them is transferred out). */
const OUTSIDE_AREAS = [
  ['370102', '济南市历下区'],
  ['330106', '杭州市西湖区'],
  ['440305', '深圳市南山区'],
  ['110105', '北京市朝阳区'],
  ['320508', '苏州市姑苏区'],
];
const CATEGORY_WEIGHT = {
  catering: 12,
  accommodation: 2,
  household: 2,
  'elderly-care': 1,
  childcare: 0.5,
  'culture-entertainment': 2,
  tourism: 2,
  'sports-fitness': 4,
  'education-training': 5,
  property: 3,
  rental: 1.5,
  renovation: 3,
  medical: 2,
  rehabilitation: 0.5,
  'tcm-wellness': 1,
  beauty: 5,
  digital: 3,
  telecom: 3,
  finance: 1,
  insurance: 1,
  taxi: 1,
  'driving-school': 1,
  express: 2,
  recycling: 0.5,
  'prepaid-card': 5,
  'auto-repair': 2,
  food: 8,
  appliances: 6,
  vehicles: 4,
  electronics: 7,
  clothing: 6,
  'daily-goods': 5,
  cosmetics: 3,
  furniture: 3,
};
const PREPAID_SHARE = {
  'prepaid-card': 1,
  beauty: 0.35,
  'sports-fitness': 0.45,
  'education-training': 0.35,
  'tcm-wellness': 0.25,
  catering: 0.06,
};
const ISSUE_TYPES = [
  'quality',
  'price-marking',
  'measurement',
  'contract',
  'after-sales',
  'false-advertising',
  'safety',
  'refund',
  'personal-information',
  'other',
];
const PLATFORMS = ['淘宝', '京东', '拼多多', '抖音', '快手', '美团', '唯品会'];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎';
const GIVEN = '伟芳娜敏静丽强磊洋艳勇军杰娟涛明超秀霞平刚桂英华玉兰建国志红文斌鹏飞欣怡子涵浩然雨轩';
const SHOP_WORDS = [
  '鑫源',
  '金鼎',
  '宏达',
  '万家',
  '福瑞',
  '恒通',
  '佳和',
  '东昌',
  '水城',
  '运河',
  '光岳',
  '凤凰',
  '阳光',
  '新世纪',
  '华联',
  '百信',
  '利民',
  '嘉禾',
  '盛世',
  '永泰',
  '同德',
  '顺发',
  '安康',
  '旺角',
];
const SHOP_SUFFIX = {
  catering: ['餐饮店', '饭店', '火锅店', '烧烤店', '快餐店'],
  accommodation: ['酒店', '宾馆', '快捷酒店'],
  household: ['家政服务有限公司'],
  'elderly-care': ['养老院', '康养中心'],
  childcare: ['托育中心'],
  'culture-entertainment': ['KTV', '影城', '剧本杀馆'],
  tourism: ['旅行社有限公司', '景区'],
  'sports-fitness': ['健身俱乐部', '游泳馆', '瑜伽馆'],
  'education-training': ['教育培训学校', '艺术培训中心'],
  property: ['物业管理有限公司'],
  rental: ['房屋租赁中介'],
  renovation: ['装饰工程有限公司'],
  medical: ['口腔诊所', '医院'],
  rehabilitation: ['康复中心'],
  'tcm-wellness': ['养生馆', '足疗店'],
  beauty: ['美容美发店', '美容院'],
  digital: ['网络科技有限公司'],
  telecom: ['通信营业厅'],
  finance: ['小额贷款有限公司'],
  insurance: ['保险代理有限公司'],
  taxi: ['出租汽车有限公司'],
  'driving-school': ['驾驶员培训学校'],
  express: ['快递服务站'],
  recycling: ['回收有限公司'],
  'prepaid-card': ['会员店', '洗车店', '理发店'],
  'auto-repair': ['汽车维修中心'],
  food: ['超市', '食品店', '生鲜店'],
  appliances: ['家电商场', '电器城'],
  vehicles: ['汽车销售服务有限公司'],
  electronics: ['手机店', '数码城'],
  clothing: ['服装店', '鞋店'],
  'daily-goods': ['百货商店', '便利店'],
  cosmetics: ['化妆品店'],
  furniture: ['家具城', '建材商行'],
};
const STORIES = [
  ['购买的商品存在质量问题，要求退换货被商家拒绝，协商未果。', '退货退款'],
  ['办理会员卡充值后商家停业，卡内余额无法使用，联系经营者无回应。', '退还卡内余额'],
  ['商家宣传与实际不符，存在虚假宣传，要求退款被拒。', '退款并赔偿'],
  ['售后服务多次维修仍未解决问题，商家拒绝更换。', '更换或退货'],
  ['消费时被多收费用，明码标价与实际结算价格不一致。', '退还多收款项'],
  ['合同约定的服务未按约履行，商家以各种理由推脱。', '继续履行合同或退款'],
  ['就餐后出现身体不适，怀疑食品不卫生，商家不认可。', '赔偿医疗费用'],
  ['网购商品与描述严重不符，卖家拒绝七日无理由退货。', '退货退款'],
];
const PERSONAL_ADDRESSES = [
  '山东省聊城市东昌府区柳园街道',
  '山东省聊城市东昌府区古楼街道',
  '山东省聊城市茌平区振兴街道',
  '山东省聊城市阳谷县博济桥街道',
  '山东省聊城市莘县燕塔街道',
  '山东省聊城市临清市青年路街道',
  '山东省聊城市冠县清泉街道',
  '山东省聊城市高唐县鱼丘湖街道',
];
const PHONE_PREFIXES = [
  '38',
  '39',
  '35',
  '36',
  '37',
  '50',
  '51',
  '52',
  '58',
  '59',
  '86',
  '87',
  '88',
  '89',
  '33',
  '53',
  '80',
  '81',
  '82',
  '77',
];
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const RATINGS = [
  ['satisfied', 80],
  ['basically', 15],
  ['dissatisfied', 5],
];
const TERMINATION_WEIGHTS = [
  ['1', 20],
  ['2', 5],
  ['3', 30],
  ['4', 20],
  ['5', 15],
  ['6', 5],
  ['7', 5],
];
const REFUSAL_WEIGHTS = [
  ['1', 25],
  ['2', 10],
  ['3', 25],
  ['4', 5],
  ['5', 25],
  ['6', 3],
  ['7', 7],
];
const NO_CASE_WEIGHTS = [
  ['1', 55],
  ['2', 20],
  ['3', 10],
  ['4', 5],
  ['5', 10],
];
const HOLDING = ['assigned', 'accepted', 'mediating', 'paused', 'deciding', 'settling', 'negotiating', 'offered'];
/** The city's settlement periods (working days; SETTLEMENT_TAKE_UP_DAYS, SETTLEMENT_DAYS defaults). */
const SETTLEMENT_TAKE_UP_DAYS = 2;
const SETTLEMENT_DAYS = 10;
/** What the station writes to the consumer with each kind of offer. */
const OFFER_MESSAGES = {
  refund: '商家同意退款',
  compensation: '商家同意赔偿',
  exchange: '商家同意换货',
  repair: '商家同意免费维修',
  apology: '商家书面赔礼道歉',
  other: '商家提出其他和解方案',
};

// ---------------------------------------------------------------------------------------------
// COPY … FROM STDIN through pg's submittable interface

class CopyIn {
  constructor(text, chunks) {
    this.text = text;
    this.chunks = chunks;
    this.error = null;
    this.rowCount = 0;
    this.promise = new Promise((res, rej) => {
      this.resolve = res;
      this.reject = rej;
    });
  }
  submit(connection) {
    connection.query(this.text);
  }
  async handleCopyInResponse(connection) {
    const stream = connection.stream;
    try {
      for (const chunk of this.chunks) {
        if (this.error) return;
        const body = Buffer.from(chunk, 'utf8');
        const head = Buffer.allocUnsafe(5);
        head[0] = 0x64; // 'd' CopyData
        head.writeInt32BE(body.length + 4, 1);
        stream.write(head);
        if (!stream.write(body)) await new Promise((r) => stream.once('drain', r));
      }
      if (!this.error) connection.endCopyFrom();
    } catch (err) {
      this.error ??= err;
      connection.sendCopyFail(String(err.message));
    }
  }
  handleCommandComplete(msg) {
    this.rowCount = Number(/(\d+)$/.exec(msg.text ?? '')?.[1] ?? 0);
  }
  handleError(err) {
    this.error = err;
  }
  handleReadyForQuery() {
    if (this.error) this.reject(this.error);
    else this.resolve(this.rowCount);
    this.callback?.(this.error, this.rowCount);
  }
  handleRowDescription() {}
  handleDataRow() {}
  handleEmptyQuery() {}
  handlePortalSuspended() {}
  handleCopyData() {}
}

async function copyRows(client, table, columns, chunks) {
  const q = new CopyIn(`copy ${table} (${columns.join(', ')}) from stdin`, chunks);
  client.query(q);
  return q.promise;
}

/** Text values in COPY's text format. */
const NEEDS_ESC = /[\\\t\n\r]/;
function esc(s) {
  if (s === null || s === undefined) return '\\N';
  s = String(s);
  return NEEDS_ESC.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : s;
}
const N = '\\N';
const bytea = (buf) => `\\\\x${buf.toString('hex')}`;
const bool = (b) => (b ? 't' : 'f');

/** Accumulates COPY lines into ~1 MB chunks. */
class Lines {
  constructor() {
    this.chunks = [];
    this.cur = [];
    this.size = 0;
    this.count = 0;
  }
  push(line) {
    this.cur.push(line);
    this.size += line.length;
    this.count++;
    if (this.size > 400_000) this.flush();
  }
  flush() {
    if (this.cur.length) this.chunks.push(this.cur.join('\n') + '\n');
    this.cur = [];
    this.size = 0;
  }
  take() {
    this.flush();
    const c = this.chunks;
    this.chunks = [];
    return c;
  }
}

/** What an in-memory run writes instead: nothing. */
class NoLines {
  constructor() {
    this.count = 0;
  }
  push() {
    this.count++;
  }
  take() {
    return [];
  }
}

/** The directory as `setup` seeds it, in readDirectory's shape and order (for runs without a database). */
function seedDirectory() {
  const seed = (file) => JSON.parse(readFileSync(join(ROOT, 'seeds', file), 'utf8'));
  const areas = seed('areas.json').areas.map((a) => ({ code: a.code, name: a.name }));
  const categories = seed('categories.json').categories.map((c) => ({
    code: c.code,
    name: c.name,
    regulatorCode: c.regulatorCode ?? null,
  }));
  const regulators = seed('regulators.json')
    .regulators.filter((r) => r.active !== false)
    .map((r) => ({ code: r.code, name: r.name, kind: r.kind, level: r.level, areaCode: r.areaCode ?? null }));
  const stations = seed('stations.json')
    .stations.filter((s) => s.active !== false)
    .map((s) => ({
      code: s.code,
      name: s.name,
      areaCode: s.areaCode,
      venueCode: s.venueCode ?? null,
      capacity: s.capacity,
      categories: [...(s.categories ?? [])].sort(),
    }))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const venues = seed('venues.json')
    .venues.map((v) => ({ code: v.code, name: v.name, areaCode: v.areaCode }))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { areas, categories, regulators, stations, venues };
}

// ---------------------------------------------------------------------------------------------
// Calendar: day indexes, working days exactly as libs/calendar computes them (no overrides)

function makeCalendar(fromIso, toIso) {
  const { isWorkingDay, packageCovers } = built('libs/calendar/src/working-days.js');
  const start = Date.UTC(+fromIso.slice(0, 4), +fromIso.slice(5, 7) - 1, +fromIso.slice(8, 10)) - 20 * 86400000;
  const end = Date.UTC(+toIso.slice(0, 4), +toIso.slice(5, 7) - 1, +toIso.slice(8, 10)) + 500 * 86400000;
  const days = [];
  const work = [];
  const cum = []; // working days with index ≤ i
  const wpos = []; // index of the k-th working day
  const provisional = [];
  let c = 0;
  for (let t = start, i = 0; t <= end; t += 86400000, i++) {
    const iso = new Date(t).toISOString().slice(0, 10);
    const w = isWorkingDay(iso);
    days.push(iso);
    work.push(w);
    if (w) {
      wpos.push(i);
      c++;
    }
    cum.push(c);
    provisional.push(!packageCovers(+iso.slice(0, 4)));
  }
  const index = (iso) => days.indexOf(iso);
  return {
    days,
    work,
    provisional,
    index,
    /** addWorkingDays: the n-th working day after day i (n = 0: the day itself). */
    addWD: (i, n) => (n === 0 ? i : wpos[cum[i] + n - 1]),
    /** workingDaysBetween(from, to): from exclusive, to inclusive. */
    between: (a, b) => (b > a ? cum[b] - cum[a] : 0),
    weekday: (i) => new Date(`${days[i]}T00:00:00Z`).getUTCDay(),
  };
}

// ---------------------------------------------------------------------------------------------

const TOD = Array.from(
  { length: 86400 },
  (_, s) =>
    `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`,
);

function usccFor(areaCode, rand) {
  let body = '91' + areaCode.padEnd(6, '0').slice(0, 6);
  for (let i = 0; i < 9; i++) body += USCC_CHARS[Math.floor(rand() * 31)];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(body[i]) * USCC_WEIGHTS[i];
  return body + USCC_CHARS[(31 - (sum % 31)) % 31];
}

function respondentKey(name, creditCode) {
  if (creditCode) return `uscc:${creditCode}`;
  return `name:${name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '')}`;
}

async function readDirectory(client) {
  const areas = (await client.query(`select code, name from area order by sort_order, code`)).rows;
  const categories = (await client.query(`select code, name, regulator_code as "regulatorCode" from category order by sort_order, code`))
    .rows;
  const regulators = (await client.query(`select code, name, kind, level, area_code as "areaCode" from regulator where active`)).rows;
  const stations = (
    await client.query(
      `select s.code, s.name, s.area_code as "areaCode", s.venue_code as "venueCode", s.capacity,
              coalesce(array_agg(sc.category_code order by sc.category_code) filter (where sc.category_code is not null), '{}') as categories
         from station s left join station_category sc on sc.station_code = s.code where s.active group by s.code order by s.code`,
    )
  ).rows;
  const venues = (await client.query(`select code, name, area_code as "areaCode" from venue order by code`)).rows;
  if (!areas.length || !categories.length || !regulators.length)
    throw new Error('the directory is empty: run `setup` (migrate + seed) on this database first');
  return { areas, categories, regulators, stations, venues };
}

/**
 * Loads `count` synthetic cases into a migrated, seeded database. Returns counts and timings.
 * Options: seed, from, to (YYYY-MM-DD), dataKey (base64 DATA_KEY, as the API is given), batch,
 * dropIndexes ('auto' | true | false: drop the secondary indexes of cases, case_event and
 * routing_decision and the foreign keys of the four loaded tables for the load, and rebuild and
 * re-validate them after, in the same transaction; 'auto' does so for loads of 50,000 cases or more
 * that are at least as big as what the database already holds), log (function), collapses (number of
 * planted collapses, default 0: see the header). With `databaseUrl` null: in memory, `onCase` called
 * for each case (see the header); dataKey is then not needed. `onPlanted(planted)` is told the planted
 * businesses before the first case.
 */
export async function generateCases(databaseUrl, opts = {}) {
  const count = Number(opts.count ?? 100_000);
  const seed = Number(opts.seed ?? 1);
  const fromIso = opts.from ?? '2024-01-01';
  const toIso = opts.to ?? '2026-11-20';
  const batchSize = Number(opts.batch ?? 20_000);
  const log = opts.log ?? ((m) => process.stdout.write(`${m}\n`));
  const inMemory = databaseUrl === null;
  const collapses = Number(opts.collapses ?? 0);
  if (!opts.dataKey && !inMemory) throw new Error('dataKey (the DATA_KEY the API runs with, base64) is required');
  const dataKey = inMemory ? Buffer.alloc(32) : Buffer.from(opts.dataKey, 'base64');
  if (dataKey.length !== 32) throw new Error('dataKey must be 32 bytes, base64');
  const encKey = Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'weiquan:pii:enc:v1', 32));
  const macKey = Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'weiquan:pii:mac:v1', 32));
  // In memory nothing is written: no ciphertexts, no keyed hashes (neither draws from the case stream).
  const hmac = inMemory
    ? () => Buffer.alloc(0)
    : (purpose, value) => createHmac('sha256', macKey).update(purpose).update('\0').update(value).digest();
  const ivRand = mulberry32(hash32(seed, 'iv'));
  const encrypt = (plain) => {
    if (inMemory) return Buffer.alloc(0);
    const iv = Buffer.allocUnsafe(12);
    for (let i = 0; i < 12; i += 4) iv.writeUInt32LE((ivRand() * 4294967296) >>> 0, i);
    const cipher = createCipheriv('aes-256-gcm', encKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.of(1), iv, cipher.getAuthTag(), body]);
  };

  const { makeTrackingNo } = built('libs/cases/src/tracking-number.js');
  const { REASONS } = built('libs/cases/src/reason-codes.js');
  const { RULE_SETS } = built('libs/cases/src/rule-set.js');
  const cal = makeCalendar(fromIso, toIso);
  const fromDay = cal.index(fromIso);
  const toDay = cal.index(toIso);
  if (fromDay < 0 || toDay < fromDay) throw new Error(`bad period ${fromIso}..${toIso}`);
  const order121From = cal.index(RULE_SETS.find((r) => r.code === 'order121').effectiveFrom);
  const { casePeriods } = built('libs/cases/src/rule-set.js');
  // Day counts only: the generator spreads events over days, it does not compute deadlines.
  const ruleDays = Object.fromEntries(
    RULE_SETS.map((r) => {
      const p = casePeriods(r);
      return [
        r.code,
        {
          acceptance: p.acceptance.days,
          mediation: p.mediation.days,
          terminationNotice: p.terminationNotice.days,
          enforcementDecision: p.decision.days,
          enforcementExtension: p.decisionExtension.days,
          reporterNotice: p.reporterNotice?.days ?? 5,
          followUp: p.followUp?.days ?? null,
        },
      ];
    }),
  );

  const client = inMemory ? null : new pg.Client({ connectionString: databaseUrl, application_name: 'generate-cases' });
  await client?.connect();
  const t0 = performance.now();
  const stats = { cases: 0, events: 0, decisions: 0, clocks: 0 };
  try {
    const dir = client ? await readDirectory(client) : seedDirectory();
    const rand = mulberry32(hash32(seed, 'cases'));
    const regByCode = new Map(dir.regulators.map((r) => [r.code, r]));
    const cityBureau = dir.regulators.find((r) => r.kind === 'market' && r.level === 'city');
    const areaBureau = new Map(dir.regulators.filter((r) => r.kind === 'market' && r.areaCode).map((r) => [r.areaCode, r]));
    const cityAreas = dir.areas.map((a) => a.code);
    const areaName = new Map(dir.areas.map((a) => [a.code, a.name]));
    for (const [code, name] of OUTSIDE_AREAS) areaName.set(code, name);
    const venuesByArea = new Map();
    for (const v of dir.venues) (venuesByArea.get(v.areaCode) ?? venuesByArea.set(v.areaCode, []).get(v.areaCode)).push(v);
    const stationAtVenue = new Map();
    for (const s of dir.stations)
      if (s.venueCode) (stationAtVenue.get(s.venueCode) ?? stationAtVenue.set(s.venueCode, []).get(s.venueCode)).push(s);
    const coveringInArea = new Map(); // `${area}|${category}` → stations
    for (const s of dir.stations)
      for (const c of s.categories) {
        const k = `${s.areaCode}|${c}`;
        (coveringInArea.get(k) ?? coveringInArea.set(k, []).get(k)).push(s);
      }
    // A business's area, drawn from the business's own stream (so it does not depend on draw order).
    const areaPairs = cityAreas.map((c) => [c, AREA_WEIGHT[c] ?? 3]);
    const areaTotal = areaPairs.reduce((s, p) => s + p[1], 0);
    const weightedArea = (r) => {
      let x = r() * areaTotal;
      for (const [c, w] of areaPairs) if ((x -= w) < 0) return c;
      return areaPairs[areaPairs.length - 1][0];
    };
    const catIndex = new Map(dir.categories.map((c, i) => [c.code, i]));
    const pickCategory = weighted(
      dir.categories.map((c) => [c.code, CATEGORY_WEIGHT[c.code] ?? 1]),
      rand,
    );
    const pickChannel = weighted(
      [
        ['offline', 60],
        ['online', 30],
        ['livestream', 10],
      ],
      rand,
    );
    const pickIntake = weighted(
      [
        ['web', 75],
        ['phone', 15],
        ['counter', 7],
        ['letter', 3],
      ],
      rand,
    );
    const pickRating = weighted(RATINGS, rand);
    const pickTermination = weighted(TERMINATION_WEIGHTS, rand);
    const pickRefusal = weighted(REFUSAL_WEIGHTS, rand);
    const pickNoCase = weighted(NO_CASE_WEIGHTS, rand);
    const reasonOf = (kind, ruleSet, code) => {
      const r = REASONS[kind].find((x) => x.code === code && x.under[ruleSet]) ?? REASONS[kind].find((x) => x.under[ruleSet]);
      return { kind, code: r.code, text: r.under[ruleSet].text, basis: r.under[ruleSet].basis };
    };
    const ri = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));

    // Respondents: one Zipf-ranked pool per category, ~count/20 businesses in all.
    const totalWeight = dir.categories.reduce((s, c) => s + (CATEGORY_WEIGHT[c.code] ?? 1), 0);
    const pools = dir.categories.map((c) => {
      const size = Math.max(3, Math.round(((count / 20) * (CATEGORY_WEIGHT[c.code] ?? 1)) / totalWeight));
      const cdf = new Float64Array(size);
      let sum = 0;
      for (let k = 0; k < size; k++) cdf[k] = sum += 1 / Math.pow(k + 1, 1.05);
      return { code: c.code, size, cdf, sum, cache: new Map() };
    });
    const business = (catCode) => {
      const pool = pools[catIndex.get(catCode)];
      const x = rand() * pool.sum;
      let lo = 0;
      let hi = pool.size - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (pool.cdf[mid] > x) hi = mid;
        else lo = mid + 1;
      }
      let b = pool.cache.get(lo);
      if (!b) {
        const r = mulberry32(hash32(seed, catCode, lo));
        const outside = r() < 0.03;
        const [area, outsideName] = outside ? OUTSIDE_AREAS[Math.floor(r() * OUTSIDE_AREAS.length)] : [weightedArea(r), null];
        const venues = venuesByArea.get(area) ?? [];
        const venue = !outside && venues.length && r() < 0.35 ? venues[Math.floor(r() * venues.length)] : null;
        const suffixes = SHOP_SUFFIX[catCode] ?? ['商行', '有限公司'];
        const place = outside ? outsideName.replace(/^.+?市/, '') : (areaName.get(area) ?? '').replace(/^聊城市/, '');
        const word = SHOP_WORDS[Math.floor(r() * SHOP_WORDS.length)] + (lo >= SHOP_WORDS.length ? String(lo) : '');
        const name = `${outside ? outsideName.slice(0, 3) : '聊城市'}${place}${venue ? venue.name : ''}${word}${suffixes[Math.floor(r() * suffixes.length)]}`;
        const uscc = r() < 0.4 ? usccFor(area, r) : null;
        b = {
          name,
          area,
          venueCode: venue?.code ?? null,
          uscc,
          keyUscc: uscc ? respondentKey(name, uscc) : null,
          keyName: respondentKey(name, null),
          address: `${outside ? outsideName : `山东省聊城市${place}`}${venue ? venue.name : `${['东昌', '振兴', '建设', '花园', '人民', '光明'][Math.floor(r() * 6)]}路${1 + Math.floor(r() * 400)}号`}`,
          outside,
        };
        pool.cache.set(lo, b);
      }
      return b;
    };

    /** A planted business (plant-collapses.mjs): in the city, its name made unique by `label`. */
    const plantedBusiness = (r, catCode, label) => {
      const area = weightedArea(r);
      const venues = venuesByArea.get(area) ?? [];
      const venue = venues.length && r() < 0.35 ? venues[Math.floor(r() * venues.length)] : null;
      const suffixes = SHOP_SUFFIX[catCode] ?? ['商行', '有限公司'];
      const place = (areaName.get(area) ?? '').replace(/^聊城市/, '');
      const name = `聊城市${place}${venue ? venue.name : ''}${SHOP_WORDS[Math.floor(r() * SHOP_WORDS.length)]}${suffixes[Math.floor(r() * suffixes.length)]}${label}`;
      const uscc = r() < 0.6 ? usccFor(area, r) : null;
      return {
        name,
        area,
        venueCode: venue?.code ?? null,
        uscc,
        keyUscc: uscc ? respondentKey(name, uscc) : null,
        keyName: respondentKey(name, null),
        address: `山东省聊城市${place}${venue ? venue.name : `${['东昌', '振兴', '建设', '花园', '人民', '光明'][Math.floor(r() * 6)]}路${1 + Math.floor(r() * 400)}号`}`,
        outside: false,
      };
    };

    // Consumers: a pool of phones (a few people complain more than once); one ciphertext per phone.
    const phonePool = Math.max(1000, Math.min(2_000_000, Math.round(count * 0.8)));
    const phoneCache = new Array(phonePool);
    const consumer = (idx) => {
      let c = phoneCache[idx];
      if (!c) {
        const rest = String((((idx / PHONE_PREFIXES.length) | 0) * 2654435761 + seed) % 100_000_000).padStart(8, '0');
        const phone = `1${PHONE_PREFIXES[idx % PHONE_PREFIXES.length]}${rest}`;
        const h = hash32(seed, 'name', idx);
        c = phoneCache[idx] = {
          enc: bytea(encrypt(phone)),
          hash: bytea(hmac('phone', phone)),
          tail: phone.slice(-4),
          name:
            SURNAMES[h % SURNAMES.length] +
            GIVEN[(h >>> 8) % GIVEN.length] +
            ((h >>> 16) % 3 === 0 ? GIVEN[(h >>> 20) % GIVEN.length] : ''),
        };
      }
      return c;
    };
    const addressCache = PERSONAL_ADDRESSES.flatMap((a) =>
      Array.from({ length: 8 }, (_, i) => bytea(encrypt(`${a}${((i * 37) % 120) + 1}号院${(i % 12) + 1}号楼`))),
    );

    // Received days: volume grows ~35 %/year, lower at weekends and Spring Festival, peaks on 3·15 and after Double 11.
    const dayWeights = [];
    let dwSum = 0;
    for (let d = fromDay; d <= toDay; d++) {
      const iso = cal.days[d];
      const md = iso.slice(5);
      let w = 1 + 0.35 * ((d - fromDay) / 365);
      const wd = cal.weekday(d);
      if (wd === 0 || wd === 6) w *= 0.75;
      if (!cal.work[d] && wd !== 0 && wd !== 6) w *= 0.6; // public holidays
      if (md >= '03-14' && md <= '03-16') w *= 2;
      if (md >= '11-11' && md <= '11-20') w *= 1.4;
      dayWeights.push(w);
      dwSum += w;
    }
    // Exact allocation of `count` cases to days (cumulative rounding), so the total is exact.
    const perDay = [];
    let acc = 0;
    let given = 0;
    for (const w of dayWeights) {
      acc += (w / dwSum) * count;
      const upto = Math.round(acc);
      perDay.push(upto - given);
      given = upto;
    }

    // Ids, serials: continue after whatever the database holds (the bench database holds nothing).
    const [{ caseId0, eventId0, decisionId0, serial0 }] = inMemory
      ? [{ caseId0: 1, eventId0: 1, decisionId0: 1, serial0: 1 }]
      : (
          await client.query(`select greatest((select coalesce(max(id), 0) from cases), (select case when is_called then last_value else 0 end from cases_id_seq)) + 1 as "caseId0",
                                 greatest((select coalesce(max(id), 0) from case_event), (select case when is_called then last_value else 0 end from case_event_id_seq)) + 1 as "eventId0",
                                 greatest((select coalesce(max(id), 0) from routing_decision), (select case when is_called then last_value else 0 end from routing_decision_id_seq)) + 1 as "decisionId0",
                                 nextval('tracking_no_seq') as "serial0"`)
        ).rows;
    let caseId = Number(caseId0);
    let eventId = Number(eventId0);
    let decisionId = Number(decisionId0);
    let serial = Number(serial0);

    // ------------------------------------------------------------------------------------------
    // One case's life, written as rows.
    const caseLines = inMemory ? new NoLines() : new Lines();
    const eventLines = inMemory ? new NoLines() : new Lines();
    const decisionLines = inMemory ? new NoLines() : new Lines();
    const clockLines = inMemory ? new NoLines() : new Lines();

    const ts = (d, s) => `${cal.days[d]} ${TOD[s]}+08`;
    const event = (id, d, s, type, actorType, actorId, unit, from, to, action, reasonCode, note, pub, data) => {
      eventLines.push(
        `${eventId++}\t${id}\t${ts(d, s)}\t${type}\t${actorType}\t${actorId ?? N}\t${unit ?? N}\t${from ?? N}\t${to ?? N}\t${action ?? N}\t${reasonCode ?? N}\t${note === null ? N : esc(note)}\t${bool(pub)}\t${esc(JSON.stringify(data))}`,
      );
      stats.events++;
    };
    /** A staff action at office hours, `wd` working days after (d, s). */
    const later = (d, s, wd) => {
      const day = cal.addWD(d, wd);
      let sec = 30600 + Math.floor(rand() * 32400);
      if (day === d && sec <= s) sec = Math.min(86399, s + 60 + Math.floor(rand() * 1200));
      return [day, sec];
    };
    /** A consumer's step, `days` calendar days after (d, s), at any waking hour. */
    const laterCal = (d, s, days) => {
      const day = d + days;
      let sec = 28800 + Math.floor(rand() * 50400);
      if (day === d && sec <= s) sec = Math.min(86399, s + 60 + Math.floor(rand() * 3600));
      return [day, sec];
    };

    /**
     * Round 0, roughly as routing.rules.ts decides: a transfer out; a report to its regulator; a
     * complaint filed for settlement to a station (the venue's, else one of the area covering the
     * category), else formally to the sector regulator or the area bureau; a complaint filed formally
     * to a regulator (stations never take the formal complaint).
     */
    function route(track, cat, b, settlement) {
      const owner = regByCode.get(dir.categories[catIndex.get(cat)].regulatorCode);
      const transfer = (why) => ({
        rule: 'transfer-out',
        type: 'regulator',
        unit: cityBureau,
        transfer: true,
        reason: why,
        candidates: [cand('regulator', cityBureau, '市局受理窗口负责移送', true)],
      });
      if (b.outside)
        return transfer(`被投诉（举报）经营者位于本市以外（区划代码 ${b.area}），由 ${cityBureau.name} 移送其所在地市场监管部门`);
      if (owner && owner.level === 'province') return transfer(`该品类由 ${owner.name} 主管，由 ${cityBureau.name} 移送`);
      if (track === 'report') {
        if (owner)
          return {
            rule: 'report-sector',
            type: 'regulator',
            unit: owner,
            reason: `举报只由监管部门办理；该品类由 ${owner.name} 主管`,
            candidates: [cand('regulator', owner, '品类主管部门', true)],
          };
        const bureau = areaBureau.get(b.area) ?? cityBureau;
        return {
          rule: 'report-area-bureau',
          type: 'regulator',
          unit: bureau,
          reason: `举报只由监管部门办理，由违法行为发生地 ${bureau.name} 办理`,
          candidates: [cand('regulator', bureau, '违法行为发生地市场监管局', true)],
        };
      }
      if (settlement) {
        if (b.venueCode) {
          const s = (stationAtVenue.get(b.venueCode) ?? []).find((x) => x.categories.includes(cat));
          if (s)
            return {
              rule: 'venue-station',
              type: 'station',
              unit: s,
              reason: `经营者位于「${s.name.replace(/消费维权服务站$/, '')}」，由场所内的 ${s.name} 就地化解（源头解决）`,
              candidates: [cand('station', s, '经营者所在场所的服务站', true, true)],
            };
        }
        const covering = (coveringInArea.get(`${b.area}|${cat}`) ?? []).filter((s) => s.venueCode !== b.venueCode);
        if (covering.length) {
          const s = covering[Math.floor(rand() * covering.length)];
          const load = Math.round(rand() * 80) / 100;
          const others = covering.length - 1;
          return {
            rule: 'area-station',
            type: 'station',
            unit: s,
            reason: `分派给本区县受理该品类、负荷最低的服务站 ${s.name}（负荷 ${Math.round(load * 100)}%${others > 0 ? `，另有 ${others} 个候选` : ''}）`,
            candidates: [
              cand('station', s, '本区县受理该品类的服务站', true, load),
              ...covering
                .filter((x) => x !== s)
                .slice(0, 2)
                .map((x) => cand('station', x, '本区县受理该品类的服务站', true, Math.min(1, load + 0.05))),
            ],
          };
        }
      }
      return { ...formalUnit(cat, b.area), direct: settlement };
    }
    /** The department that takes a formal complaint: the sector regulator of the category, else the area bureau. */
    function formalUnit(cat, area) {
      const owner = regByCode.get(dir.categories[catIndex.get(cat)].regulatorCode);
      if (owner)
        return {
          rule: 'sector-regulator',
          type: 'regulator',
          unit: owner,
          reason: `该品类由行业主管部门 ${owner.name} 办理`,
          candidates: [cand('regulator', owner, '品类主管部门', true)],
        };
      const bureau = areaBureau.get(area) ?? cityBureau;
      return {
        rule: 'area-bureau',
        type: 'regulator',
        unit: bureau,
        reason: `依法由经营者所在地的市场监管部门 ${bureau.name} 处理`,
        candidates: [cand('regulator', bureau, '区县市场监管局', true)],
      };
    }
    function cand(type, u, why, eligible, load = null) {
      return {
        type,
        code: u.code,
        name: u.name,
        load: type === 'station' ? (load === true ? Math.round(rand() * 80) / 100 : load) : null,
        distanceKm: null,
        eligible,
        why,
      };
    }

    /** Writes one case (and its history) received on day `rd` at second `rs`. */
    function writeCase(id, track, sub, rd, rs, linkedId) {
      let rule = rd >= order121From ? 'order121' : 'order20';
      let days = ruleDays[rule];
      const rt = route(track, sub.cat, sub.b, track === 'complaint' && sub.path === 'settlement');
      let unitType = rt.type;
      let unitCode = rt.unit.code;
      let actor = `gen:${unitCode}`;
      const station = rt.type === 'station' ? unitCode : null;
      // The first statutory clock (acceptance, or the report's decision); none runs in the settlement stage.
      let firstDue = station ? null : cal.addWD(rd, track === 'complaint' ? days.acceptance : days.enforcementDecision);
      // When the department received it: the filing day, or the day a settlement case was escalated.
      let countsFrom = rd;
      // Routing: a few seconds after receipt.
      const ad = rd;
      const as = Math.min(86399, rs + 1 + Math.floor(rand() * 20));
      const status0 = rt.transfer ? 'transferred' : station ? 'settling' : 'assigned';

      let status = status0;
      let stage = station ? 'settlement' : 'formal';
      let firstMet = null;
      let acceptedAt = null;
      let concludedAt = null;
      let closedAt = null;
      let followUpAt = null;
      let outcomeReason = null;
      let recovered = null;
      let agreement = null;
      let decision = null;
      let rating = null;
      let ratedAt = null;
      let lastD = ad;
      let lastS = as;
      let round = 0;
      // The settlement stage (city policy periods, from the routing day).
      let takeUpDue = station ? cal.addWD(ad, SETTLEMENT_TAKE_UP_DAYS) : null;
      const settlementDue = station ? cal.addWD(ad, SETTLEMENT_DAYS) : null;
      let takenUpAt = null;
      let offer = null;
      let escalatedOn = null;
      let escalationCause = null;
      const clocks = new Map(); // name → {countsFrom, days, due, met}

      event(id, rd, rs, 'received', 'system', null, null, null, 'received', null, null, null, true, {});
      const assignee = { type: rt.type, code: unitCode, name: rt.unit.name };
      event(
        id,
        ad,
        as,
        rt.transfer ? 'transferred' : 'assigned',
        'system',
        null,
        null,
        'received',
        status0,
        null,
        rt.rule,
        rt.reason,
        true,
        rt.transfer
          ? { assignee }
          : {
              assignee,
              stage,
              // A complaint filed for settlement that no station could take goes formal at once.
              ...(rt.direct
                ? {
                    formal: {
                      countsFrom: cal.days[rd],
                      acceptanceDue: cal.days[firstDue],
                      provisional: cal.provisional[firstDue],
                      escalated: false,
                    },
                  }
                : {}),
            },
      );
      decisionLines.push(
        `${decisionId++}\t${id}\t0\t${rt.rule}\t${esc(rt.reason)}\t${rt.type}\t${unitCode}\t${bool(rt.transfer)}\t${esc(JSON.stringify(rt.candidates))}\t${ts(ad, as)}`,
      );
      stats.decisions++;

      /** Runs one staff action if it falls within the period; false (and nothing written) if not. */
      const act = (at, action, to, extra = {}) => {
        const [d, s] = at;
        if (d > toDay) return false;
        const data = { ...extra.data };
        if (extra.reason) data.reason = extra.reason;
        if (extra.outcome) data.outcome = extra.outcome;
        const ops = extra.clocks ?? [];
        if (ops.length) data.clocks = ops;
        const met = [];
        for (const op of ops) {
          if (op.op === 'meet') {
            if (op.clock === 'acceptance' || op.clock === 'decision') {
              firstMet = d;
              met.push({ clock: op.clock, dueOn: cal.days[firstDue], metOn: cal.days[d], onTime: d <= firstDue });
            } else {
              const k = clocks.get(op.clock);
              k.met = d;
              met.push({ clock: op.clock, dueOn: cal.days[k.due], metOn: cal.days[d], onTime: d <= k.due });
            }
          } else if (op.op === 'start') {
            clocks.set(op.clock, { countsFrom: d, days: op.days, due: cal.addWD(d, op.days), met: null });
          }
        }
        if (met.length) data.met = met;
        if (extra.concluding) data.handlingWorkingDays = cal.between(countsFrom, d);
        event(
          id,
          d,
          s,
          action,
          'staff',
          actor,
          unitCode,
          status,
          to,
          action,
          extra.reason?.code ?? null,
          extra.note ?? null,
          extra.public ?? true,
          data,
        );
        if (action === 'accept') acceptedAt = at;
        if (extra.concluding) concludedAt = at;
        if (action === 'close') closedAt = at;
        if (action === 'record-follow-up') followUpAt = at;
        if (extra.reason) outcomeReason = extra.reason.code;
        status = to;
        lastD = d;
        lastS = s;
        return true;
      };
      /** A consumer's step (withdrawal, rating, accepting an offer: the latter counts for the station holding the case). */
      const consumerStep = (at, type, to, note, data = {}, unit = null) => {
        const [d, s] = at;
        if (d > toDay) return false;
        event(id, d, s, type, 'consumer', null, unit, to ? status : null, to, null, null, note, true, data);
        if (to) status = to;
        lastD = d;
        lastS = s;
        return true;
      };
      const rate = () => {
        if (rand() < 0.6) {
          const at = laterCal(lastD, lastS, ri(0, 7));
          if (at[0] <= toDay) {
            rating = pickRating();
            ratedAt = at;
            consumerStep(at, 'rated', null, null, { rating });
          }
        }
      };

      /**
       * The case leaves the settlement stage (`by` the consumer, the station or the sweep) and is
       * routed again at once (round 1) to the department, which receives it that day: its acceptance
       * clock and the handling days count from there, under the rule set of that day.
       */
      const escalate = (at, cause, by) => {
        const [d, s] = at;
        if (d > toDay) return false;
        rule = d >= order121From ? 'order121' : 'order20';
        days = ruleDays[rule];
        firstDue = cal.addWD(d, days.acceptance);
        event(id, d, s, 'escalated', by, by === 'staff' ? actor : null, station, status, 'received', 'escalate', cause, null, true, {
          cause,
          stage: 'formal',
          from: station,
          acceptanceDue: cal.days[firstDue],
          ...(offer ? { offer } : {}),
        });
        stage = 'formal';
        escalatedOn = d;
        escalationCause = cause;
        countsFrom = d;
        takeUpDue = null;
        round = 1;
        const f = formalUnit(sub.cat, sub.b.area);
        const rs1 = Math.min(86399, s + 1 + Math.floor(rand() * 20));
        unitType = 'regulator';
        unitCode = f.unit.code;
        actor = `gen:${unitCode}`;
        event(id, d, rs1, 'assigned', 'system', null, null, 'received', 'assigned', null, f.rule, f.reason, true, {
          assignee: { type: 'regulator', code: unitCode, name: f.unit.name },
          stage: 'formal',
        });
        decisionLines.push(
          `${decisionId++}\t${id}\t1\t${f.rule}\t${esc(f.reason)}\tregulator\t${unitCode}\tf\t${esc(JSON.stringify(f.candidates))}\t${ts(d, rs1)}`,
        );
        stats.decisions++;
        status = 'assigned';
        lastD = d;
        lastS = rs1;
        return true;
      };

      /**
       * The settlement stage at the station: taken up, an offer recorded, the consumer accepts it
       * (settled at the source) or the case is escalated (the consumer's choice, the offer rejected,
       * the station giving up, the take-up or the settlement period passed); a few are withdrawn.
       */
      const settle = () => {
        const age = toDay - rd;
        const pOpen = 0.01 + 0.7 * Math.exp(-age / 10);
        const fate =
          rand() < pOpen
            ? 'open'
            : weightedStop(rand(), [
                ['settled', 56],
                ['escalate', 37],
                ['withdraw', 7],
              ]);
        const stopAt =
          fate === 'open'
            ? weightedStop(rand(), [
                ['settling', 30],
                ['negotiating', 45],
                ['offered', 25],
              ])
            : null;
        const cause =
          fate === 'escalate'
            ? weightedStop(rand(), [
                ['consumer', 22],
                ['offer-rejected', 30],
                ['settlement-failed', 25],
                ['take-up-lapsed', 10],
                ['deadline-lapsed', 13],
              ])
            : null;
        // The sweep: early on the day after the deadline.
        const sweep = (due) => [due + 1, 300 + Math.floor(rand() * 3000)];
        if (fate === 'withdraw' && rand() < 0.4)
          return consumerStep(laterCal(ad, as, ri(0, 2)), 'withdrawn', 'withdrawn', rand() < 0.5 ? '已与商家自行和解' : null);
        if (cause === 'take-up-lapsed') return escalate(sweep(takeUpDue), cause, 'system');
        if (cause === 'consumer' && rand() < 0.5) return escalate(laterCal(ad, as, ri(0, 1)), cause, 'consumer');
        if (stopAt === 'settling') return;
        if (!act(later(ad, as, ri(0, SETTLEMENT_TAKE_UP_DAYS)), 'take-up', 'negotiating')) return;
        takenUpAt = [lastD, lastS];
        const room = () => cal.between(lastD, settlementDue);
        if (fate === 'withdraw') return consumerStep(laterCal(lastD, lastS, ri(1, 6)), 'withdrawn', 'withdrawn', null);
        if (cause === 'consumer') return escalate(laterCal(lastD, lastS, ri(1, 6)), cause, 'consumer');
        if (cause === 'settlement-failed' && rand() < 0.6) return escalate(later(lastD, lastS, room() ? ri(1, room()) : 0), cause, 'staff');
        if (cause === 'deadline-lapsed') return escalate(sweep(settlementDue), cause, 'system');
        if (stopAt === 'negotiating') return;
        const remedy = weightedStop(rand(), [
          ['refund', 55],
          ['compensation', 15],
          ['exchange', 10],
          ['repair', 8],
          ['apology', 7],
          ['other', 5],
        ]);
        const amountFen =
          remedy === 'refund' || remedy === 'compensation'
            ? sub.amountFen !== null
              ? Math.max(100, Math.min(500_000, Math.round(sub.amountFen * (0.3 + 0.7 * rand()))))
              : ri(1000, 200_000)
            : null;
        const made = { remedy, amountFen, message: OFFER_MESSAGES[remedy] };
        if (!act(later(lastD, lastS, ri(0, Math.min(5, room()))), 'record-offer', 'offered', { note: made.message, data: { offer: made } }))
          return;
        offer = { ...made, at: new Date(`${ts(lastD, lastS).replace(' ', 'T').replace('+08', '+08:00')}`).toISOString() };
        if (cause === 'settlement-failed') return escalate(later(lastD, lastS, Math.min(1, room())), cause, 'staff');
        if (stopAt === 'offered') return;
        if (cause === 'offer-rejected') return escalate(laterCal(lastD, lastS, ri(0, 3)), cause, 'consumer');
        // Accepted by the consumer within the settlement period: settled at the source, closed.
        const at = laterCal(lastD, lastS, Math.min(ri(0, 2), settlementDue - lastD));
        const fen = amountFen ?? 0;
        if (
          consumerStep(
            at,
            'accept-offer',
            'settled',
            null,
            { outcome: { amountRecoveredFen: fen }, settledAtSource: true, handlingWorkingDays: cal.between(rd, at[0]) },
            station,
          )
        ) {
          recovered = fen;
          concludedAt = closedAt = at;
          rate();
        }
      };

      /** The formal complaint at its department, from the assignment at (lastD, lastS). */
      const formalComplaint = () => {
        const [sd, ss] = [lastD, lastS];
        const age = toDay - countsFrom;
        const u = rand();
        const pOpen = 0.025 + 0.6 * Math.exp(-age / 120);
        const fate =
          u < pOpen
            ? 'open'
            : (u - pOpen) / (1 - pOpen) < 0.118
              ? 'refuse'
              : (u - pOpen) / (1 - pOpen) < 0.177
                ? 'withdraw'
                : rand() < 0.68
                  ? 'resolve'
                  : 'terminate';
        const stopAt =
          fate === 'open'
            ? weightedStop(rand(), [
                ['assigned', 35],
                ['accepted', 10],
                ['mediating', 55],
              ])
            : null;
        const acceptWd =
          rand() < 0.03
            ? ri(days.acceptance + 1, days.acceptance + 7)
            : weightedStop(rand(), [
                [1, 30],
                [2, 25],
                [3, 18],
                [4, 12],
                [5, 8],
                [6, 5],
                [7, 2],
              ]);
        if (fate === 'withdraw' && rand() < 0.5) {
          consumerStep(laterCal(sd, ss, ri(0, 4)), 'withdrawn', 'withdrawn', rand() < 0.5 ? '已与商家自行和解' : null);
        } else if (fate === 'refuse') {
          act(later(countsFrom, ss, acceptWd), 'refuse', 'refused', {
            reason: reasonOf('refusal', rule, pickRefusal()),
            clocks: [{ op: 'meet', clock: 'acceptance' }],
            concluding: true,
          });
        } else if (stopAt !== 'assigned') {
          const ok = act(later(countsFrom, ss, acceptWd), 'accept', 'accepted', {
            clocks: [
              { op: 'meet', clock: 'acceptance' },
              { op: 'start', clock: 'mediation', days: days.mediation },
            ],
          });
          if (
            ok &&
            stopAt !== 'accepted' &&
            act(later(lastD, lastS, rand() < 0.6 ? 0 : ri(1, 3)), 'start-mediation', 'mediating') &&
            stopAt !== 'mediating'
          ) {
            const medStart = clocks.get('mediation').countsFrom;
            const endAt = rand() < 0.02 ? later(medStart, 0, ri(days.mediation + 1, days.mediation + 10)) : later(lastD, lastS, ri(2, 35));
            if (fate === 'withdraw') {
              consumerStep(laterCal(lastD, lastS, ri(1, 20)), 'withdrawn', 'withdrawn', null);
            } else if (fate === 'resolve') {
              const amountFen = sub.amountFen;
              recovered =
                rand() < 0.12
                  ? 0
                  : Math.min(500_000, amountFen !== null ? Math.round(amountFen * (0.3 + 0.7 * rand())) : ri(1000, 200_000));
              agreement = rand() < 0.7;
              if (
                act(endAt, 'resolve', 'resolved', {
                  outcome: { amountRecoveredFen: recovered, agreement },
                  clocks: [{ op: 'meet', clock: 'mediation' }],
                  concluding: true,
                })
              ) {
                if (rand() < 0.99)
                  act(later(lastD, lastS, ri(0, 4)), 'close', 'closed', {
                    clocks: days.followUp ? [{ op: 'start', clock: 'follow-up', days: days.followUp }] : [],
                  });
              } else {
                recovered = null;
                agreement = null;
              }
            } else {
              if (
                act(endAt, 'terminate', 'terminated', {
                  reason: reasonOf('termination', rule, pickTermination()),
                  clocks: [
                    { op: 'meet', clock: 'mediation' },
                    { op: 'start', clock: 'termination-notice', days: days.terminationNotice },
                  ],
                  concluding: true,
                })
              ) {
                if (rand() < 0.99)
                  act(
                    later(
                      lastD,
                      lastS,
                      rand() < 0.96 ? ri(1, days.terminationNotice) : ri(days.terminationNotice + 1, days.terminationNotice + 4),
                    ),
                    'close',
                    'closed',
                    {
                      clocks: [
                        { op: 'meet', clock: 'termination-notice' },
                        ...(days.followUp ? [{ op: 'start', clock: 'follow-up', days: days.followUp }] : []),
                      ],
                    },
                  );
              }
            }
            if (status === 'closed') {
              if (days.followUp && rand() < 0.92) {
                act(
                  later(lastD, lastS, rand() < 0.95 ? ri(1, days.followUp) : ri(days.followUp + 1, days.followUp + 5)),
                  'record-follow-up',
                  'closed',
                  { clocks: [{ op: 'meet', clock: 'follow-up' }], note: '已电话回访，消费者表示知悉处理结果' },
                );
              }
              rate();
            }
          }
        }
      };

      if (!rt.transfer) {
        if (track === 'complaint') {
          if (station) settle();
          if (status === 'assigned') formalComplaint();
        } else {
          const age = toDay - rd;
          const u = rand();
          const pOpen = 0.02 + 0.4 * Math.exp(-age / 120);
          const fate = u < pOpen ? 'open' : rand() < 0.444 ? 'open-enforcement' : 'decline-enforcement';
          const stopAt = fate === 'open' ? (rand() < 0.4 ? 'assigned' : 'deciding') : null;
          const viaAccept = stopAt === 'deciding' || (stopAt === null && rand() < 0.7);
          let ok = true;
          if (stopAt !== 'assigned' && viaAccept) ok = act(later(ad, as, ri(1, 5)), 'accept', 'deciding');
          if (ok && stopAt === null) {
            const late = rand() < 0.03;
            const at = late
              ? later(rd, 0, ri(days.enforcementDecision + 1, days.enforcementDecision + 6))
              : later(lastD, lastS, ri(viaAccept ? 1 : 2, viaAccept ? 9 : 13));
            const at2 = at[0] < lastD || (at[0] === lastD && at[1] <= lastS) ? later(lastD, lastS, 1) : at;
            const opened = fate === 'open-enforcement';
            decision = opened ? 'opened' : 'not-opened';
            if (
              act(at2, fate, opened ? 'case-opened' : 'not-opened', {
                reason: opened ? undefined : reasonOf('no-case', rule, pickNoCase()),
                outcome: { decision },
                clocks: [
                  { op: 'meet', clock: 'decision' },
                  { op: 'start', clock: 'reporter-notice', days: days.reporterNotice },
                ],
                concluding: true,
              })
            ) {
              if (rand() < 0.98)
                act(
                  later(lastD, lastS, rand() < 0.95 ? ri(1, days.reporterNotice) : ri(days.reporterNotice + 1, days.reporterNotice + 3)),
                  'close',
                  'closed',
                  { clocks: [{ op: 'meet', clock: 'reporter-notice' }] },
                );
            } else decision = null;
          }
        }
      }

      // Workflow clocks: every one the history started; the earliest still running is the case's clock_due.
      let clockDue = null;
      for (const [name, k] of clocks) {
        clockLines.push(
          `${id}\t${name}\t${cal.days[k.countsFrom]}\t${k.days}\t${cal.days[k.due]}\t${bool(cal.provisional[k.due])}\t${N}\t${k.met === null ? N : cal.days[k.met]}`,
        );
        stats.clocks++;
        if (k.met === null && (clockDue === null || k.due < clockDue)) clockDue = k.due;
      }
      // In the settlement stage the city's periods run instead: take-up while waiting, then the outcome.
      if (status === 'settling') clockDue = takeUpDue;
      else if (status === 'negotiating' || status === 'offered') clockDue = settlementDue;
      const c = sub.consumer;
      const trackingNo = makeTrackingNo(cal.days[rd], serial++);
      const accessHash = bytea(hmac('access-code', `${trackingNo}:${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`));
      caseLines.push(
        [
          id,
          trackingNo,
          accessHash,
          track,
          status,
          rule,
          sub.cat,
          sub.issueType ?? N,
          sub.channel,
          bool(sub.prepaid),
          sub.intake,
          c.name,
          c.enc,
          c.hash,
          c.tail,
          sub.addressEnc ?? N,
          esc(sub.b.name),
          esc(sub.key),
          sub.creditCode ?? N,
          esc(sub.b.address),
          sub.b.area,
          sub.b.venueCode ?? N,
          bool(sub.online),
          sub.platform ?? N,
          cal.days[sub.incidentDay],
          sub.amountFen ?? N,
          sub.story[0],
          sub.story[1],
          bool(sub.consent),
          ts(rd, rs),
          cal.days[rd],
          firstDue === null ? N : cal.days[firstDue],
          bool(firstDue !== null && cal.provisional[firstDue]),
          linkedId ?? N,
          rating ?? N,
          N,
          ratedAt ? ts(ratedAt[0], ratedAt[1]) : N,
          ts(rd, rs),
          ts(lastD, lastS),
          unitType,
          unitCode,
          ts(ad, as),
          takeUpDue === null ? N : cal.days[takeUpDue],
          firstMet === null ? N : cal.days[firstMet],
          clockDue === null ? N : cal.days[clockDue],
          outcomeReason ?? N,
          recovered ?? N,
          agreement === null ? N : bool(agreement),
          decision ?? N,
          acceptedAt ? ts(...acceptedAt) : N,
          concludedAt ? ts(...concludedAt) : N,
          closedAt ? ts(...closedAt) : N,
          followUpAt ? ts(...followUpAt) : N,
          stage,
          settlementDue === null ? N : cal.days[settlementDue],
          takenUpAt ? ts(...takenUpAt) : N,
          offer ? esc(JSON.stringify(offer)) : N,
          escalatedOn === null ? N : cal.days[escalatedOn],
          escalationCause ?? N,
          round,
          escalatedOn === null ? N : cal.days[escalatedOn],
        ].join('\t'),
      );
      stats.cases++;
      return status;
    }
    function weightedStop(x, pairs) {
      const total = pairs.reduce((s, p) => s + p[1], 0);
      let y = x * total;
      for (const [v, w] of pairs) if ((y -= w) < 0) return v;
      return pairs[pairs.length - 1][0];
    }

    /**
     * What one submission says (shared by both halves of a "both"). A planted one (`planted`: its
     * business, category, prepaid and issue type) draws the rest as an ordinary one does.
     */
    function submission(rd, planted = null) {
      const cat = planted ? planted.cat : pickCategory();
      const b = planted ? planted.b : business(cat);
      const creditCode = b.uscc && rand() < 0.75 ? b.uscc : null;
      const channel = pickChannel();
      const online = channel !== 'offline';
      let amountFen = rand() < 0.1 ? null : Math.round(Math.exp(Math.log(30000) + 1.1 * gauss()));
      if (amountFen !== null && cat === 'vehicles') amountFen *= 20;
      const prepaid = planted ? (rand(), planted.prepaid) : rand() < (PREPAID_SHARE[cat] ?? 0.05);
      if (amountFen !== null && prepaid) amountFen *= 3;
      const phoneIdx = Math.floor(rand() * phonePool);
      return {
        cat,
        b,
        creditCode,
        key: creditCode ? b.keyUscc : b.keyName,
        channel,
        online,
        platform: online ? PLATFORMS[Math.floor(rand() * PLATFORMS.length)] : null,
        prepaid,
        amountFen,
        intake: pickIntake(),
        issueType: issueOf(rand() < 0.8 ? ISSUE_TYPES[Math.floor(rand() * ISSUE_TYPES.length)] : null, planted),
        consumer: consumer(phoneIdx),
        addressEnc: rand() < 0.6 ? addressCache[Math.floor(rand() * addressCache.length)] : null,
        incidentDay: Math.max(0, rd - Math.floor(rand() * rand() * 60)),
        story: STORIES[Math.floor(rand() * STORIES.length)].map(esc),
        consent: rand() < 0.35,
        // Most complaints are filed for settlement at a station first (the default); some formally.
        path: rand() < 0.8 ? 'settlement' : 'formal',
      };
    }
    /** The issue type drawn, a planted one's own, or (with planted collapses) the rare 'closure' noise. */
    function issueOf(drawn, planted) {
      if (planted) return planted.issueType;
      return noise && noise() < CLOSURE_NOISE ? 'closure' : drawn;
    }
    function gauss() {
      return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
    }

    // ------------------------------------------------------------------------------------------
    // The load: optionally without secondary indexes, in one transaction, batch by batch.
    // Without secondary indexes and foreign keys the COPY runs ~1.5–2× faster (measured at 100k and 1M
    // here); rebuilding them costs less than that once the load is at least as big as what is there.
    const dropIndexes = inMemory
      ? false
      : opts.dropIndexes === 'auto' || opts.dropIndexes === undefined
        ? count >= 50_000 && count >= caseId - 1
        : !!opts.dropIndexes;
    await client?.query(`set maintenance_work_mem = '512MB'`);
    await client?.query('begin');
    let indexes = [];
    let foreignKeys = [];
    if (dropIndexes) {
      indexes = (
        await client.query(
          `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
             from pg_index i join pg_class t on t.oid = i.indrelid
            where t.relname in ('cases', 'case_event', 'routing_decision') and t.relnamespace = 'public'::regnamespace
              and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)
            order by t.relname, i.indexrelid`,
        )
      ).rows;
      for (const ix of indexes) await client.query(`drop index ${ix.name}`);
      // Foreign keys of the loaded tables too: checked row by row they cost more than the rows.
      foreignKeys = (
        await client.query(
          `select k.conrelid::regclass::text as tbl, k.conname as name, pg_get_constraintdef(k.oid) as def
             from pg_constraint k join pg_class t on t.oid = k.conrelid
            where k.contype = 'f' and t.relname in ('cases', 'case_event', 'routing_decision', 'case_clock') and t.relnamespace = 'public'::regnamespace
            order by t.relname, k.conname`,
        )
      ).rows;
      for (const fk of foreignKeys) await client.query(`alter table ${fk.tbl} drop constraint ${fk.name}`);
      log(`  dropped ${indexes.length} secondary indexes and ${foreignKeys.length} foreign keys for the load`);
    }

    const CASE_COLS = [
      'id',
      'tracking_no',
      'access_code_hash',
      'track',
      'status',
      'rule_set',
      'category_code',
      'issue_type',
      'purchase_channel',
      'prepaid',
      'intake_channel',
      'consumer_name',
      'consumer_phone_enc',
      'consumer_phone_hash',
      'consumer_phone_tail',
      'consumer_address_enc',
      'respondent_name',
      'respondent_key',
      'respondent_credit_code',
      'respondent_address',
      'respondent_area_code',
      'respondent_venue_code',
      'respondent_online',
      'respondent_platform_name',
      'incident_date',
      'amount_fen',
      'description',
      'demand',
      'consent_to_publish',
      'received_at',
      'received_on',
      'acceptance_due',
      'acceptance_due_provisional',
      'linked_case_id',
      'rating',
      'rating_comment',
      'rated_at',
      'created_at',
      'updated_at',
      'assignee_type',
      'assignee_code',
      'assigned_at',
      'take_up_due',
      'first_clock_met_on',
      'clock_due',
      'outcome_reason_code',
      'amount_recovered_fen',
      'agreement',
      'decision',
      'accepted_at',
      'concluded_at',
      'closed_at',
      'follow_up_at',
      'stage',
      'settlement_due',
      'settlement_taken_up_at',
      'offer',
      'escalated_on',
      'escalation_cause',
      'routing_round',
      'first_clock_counts_from',
    ];
    const EVENT_COLS = [
      'id',
      'case_id',
      'at',
      'type',
      'actor_type',
      'actor_id',
      'unit_code',
      'from_status',
      'to_status',
      'action',
      'reason_code',
      'note',
      'public',
      'data',
    ];
    const DECISION_COLS = [
      'id',
      'case_id',
      'round',
      'rule',
      'reason',
      'assignee_type',
      'assignee_code',
      'transfer',
      'candidates',
      'decided_at',
    ];
    const CLOCK_COLS = ['case_id', 'clock', 'counts_from', 'days', 'due_on', 'provisional', 'paused_on', 'met_on'];

    let inflight = Promise.resolve();
    const copyMs = {};
    let lastReport = performance.now();
    const flush = () => {
      if (inMemory) return inflight;
      const batch = { cases: caseLines.take(), events: eventLines.take(), decisions: decisionLines.take(), clocks: clockLines.take() };
      const prev = inflight;
      inflight = prev.then(async () => {
        let t = performance.now();
        const lap = (k) => {
          const now = performance.now();
          copyMs[k] = (copyMs[k] ?? 0) + now - t;
          t = now;
        };
        await copyRows(client, 'cases', CASE_COLS, batch.cases);
        lap('cases');
        await copyRows(client, 'case_event', EVENT_COLS, batch.events);
        lap('case_event');
        await copyRows(client, 'routing_decision', DECISION_COLS, batch.decisions);
        lap('routing_decision');
        await copyRows(client, 'case_clock', CLOCK_COLS, batch.clocks);
        lap('case_clock');
      });
      return prev; // generation of the next batch overlaps this one's COPY
    };

    // Planted collapses: their own PRNG streams (the plan, and the 'closure' noise of ordinary complaints).
    const noise = collapses > 0 ? mulberry32(hash32(seed, 'closure-noise')) : null;
    const plan = planCollapses({
      collapses,
      fromDay,
      toDay,
      days: cal.days,
      rand: mulberry32(hash32(seed, 'collapses', collapses)),
      makeBusiness: plantedBusiness,
      ordinaryIssue: (r) => (r() < CLOSURE_NOISE ? 'closure' : r() < 0.8 ? ISSUE_TYPES[Math.floor(r() * ISSUE_TYPES.length)] : null),
      prepaidShare: PREPAID_SHARE,
    });
    const onCase = opts.onCase ?? null;
    const planted = plan.subjects.map((p) => ({
      kind: p.kind,
      index: p.index,
      category: p.category,
      name: p.business.name,
      area: p.business.area,
      keys: [p.business.keyUscc, p.business.keyName].filter(Boolean),
      ...(p.kind === 'collapse' ? { collapseDay: p.collapseDay, size: p.size, length: p.length, shape: p.shape } : { perWeek: p.perWeek }),
    }));
    opts.onPlanted?.(planted);

    let inBatch = 0;
    for (let d = fromDay, di = 0; d <= toDay; d++, di++) {
      const k = perDay[di];
      // Times of day: mostly 8:00–22:00, sorted, so ids follow receipt as they do in the system.
      const secs = new Int32Array(k);
      for (let j = 0; j < k; j++) secs[j] = rand() < 0.93 ? 28800 + Math.floor(rand() * 50400) : Math.floor(rand() * 86400);
      secs.sort();
      for (let j = 0; j < k; j++) {
        const sub = submission(d);
        const both = j + 1 < k && rand() < 0.015;
        const isReport = !both && rand() < 0.139; // with the report halves of pairs: ~15 % reports
        if (both) {
          const a = caseId++;
          const r = caseId++;
          writeCase(a, 'complaint', sub, d, secs[j], r);
          writeCase(r, 'report', sub, d, secs[j], a);
          onCase?.('complaint', sub, cal.days[d]);
          onCase?.('report', sub, cal.days[d]);
          j++; // the pair counts as two cases
          inBatch += 2;
        } else {
          const track = isReport ? 'report' : 'complaint';
          writeCase(caseId++, track, sub, d, secs[j], null);
          onCase?.(track, sub, cal.days[d]);
          inBatch++;
        }
        if (inBatch >= batchSize) {
          inBatch = 0;
          await flush();
          await new Promise((r) => setImmediate(r));
          const now = performance.now();
          if (now - lastReport > 5000) {
            lastReport = now;
            const s = (now - t0) / 1000;
            log(
              `  … ${stats.cases.toLocaleString('en')} cases (${cal.days[d]}), ${Math.round(stats.cases / s).toLocaleString('en')} cases/s, ${Math.round((stats.cases + stats.events + stats.decisions + stats.clocks) / s).toLocaleString('en')} rows/s`,
            );
          }
        } else if ((inBatch & 1023) === 0) await new Promise((r) => setImmediate(r));
      }
      // The planted complaints of the day, after the ordinary ones (their ids do not follow receipt).
      for (const p of plan.byDay.get(d) ?? []) {
        const sub = submission(d, { cat: p.subject.category, b: p.subject.business, prepaid: p.prepaid, issueType: p.issueType });
        writeCase(caseId++, 'complaint', sub, d, 28800 + Math.floor(rand() * 50400), null);
        onCase?.('complaint', sub, cal.days[d]);
        inBatch++;
      }
    }
    await flush();
    await inflight;
    if (inMemory) return { ...stats, planted, seconds: (performance.now() - t0) / 1000 };
    const tLoad = performance.now();
    if (process.env.GENERATE_DEBUG)
      log(
        `  COPY seconds per table: ${Object.entries(copyMs)
          .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`)
          .join(', ')}`,
      );

    if (indexes.length || foreignKeys.length) {
      for (const ix of indexes) await client.query(ix.def);
      for (const fk of foreignKeys) await client.query(`alter table ${fk.tbl} add constraint ${fk.name} ${fk.def}`);
      log(
        `  rebuilt ${indexes.length} indexes and re-added (validated) ${foreignKeys.length} foreign keys in ${((performance.now() - tLoad) / 1000).toFixed(1)} s`,
      );
    }
    // Sequences past what was loaded; unit loads recounted; matters of the last 30 days claimed.
    await client.query(`select setval(pg_get_serial_sequence('cases', 'id'), greatest((select max(id) from cases), 1))`);
    await client.query(`select setval(pg_get_serial_sequence('case_event', 'id'), greatest((select max(id) from case_event), 1))`);
    await client.query(
      `select setval(pg_get_serial_sequence('routing_decision', 'id'), greatest((select max(id) from routing_decision), 1))`,
    );
    await client.query(`select setval('tracking_no_seq', $1)`, [serial]);
    await client.query(`update unit_load set open_cases = 0`);
    await client.query(
      `insert into unit_load (unit_code, unit_type, open_cases)
       select assignee_code, assignee_type, count(*) from cases where status = any($1::text[]) and assignee_code is not null group by 1, 2
       on conflict (unit_code) do update set open_cases = excluded.open_cases`,
      [HOLDING],
    );
    await client.query(
      `insert into matter_claim (key, case_id, received_at)
       select distinct on (k) k, id, received_at
         from (select sha256(consumer_phone_hash || convert_to(respondent_key || '|' || category_code || '|' || track, 'UTF8')) as k, id, received_at
                 from cases where duplicate_of_id is null and status <> 'withdrawn' and received_at > now() - interval '30 days') x
        order by k, received_at desc, id desc
       on conflict (key) do nothing`,
    );
    await client.query('commit');
    const tCommit = performance.now();
    await client.query(`vacuum analyze cases, case_event, routing_decision, case_clock, unit_load, matter_claim`);
    const tEnd = performance.now();

    const rows = stats.cases + stats.events + stats.decisions + stats.clocks;
    const loadS = (tLoad - t0) / 1000;
    const result = {
      ...stats,
      rows,
      seconds: (tEnd - t0) / 1000,
      loadSeconds: loadS,
      indexSeconds: (tCommit - tLoad) / 1000,
      vacuumSeconds: (tEnd - tCommit) / 1000,
      casesPerSecond: stats.cases / ((tEnd - t0) / 1000),
      rowsPerSecond: rows / ((tEnd - t0) / 1000),
      firstCaseId: Number(caseId0),
      lastCaseId: caseId - 1,
      planted,
    };
    log(
      `  generated ${stats.cases.toLocaleString('en')} cases, ${stats.events.toLocaleString('en')} events, ${stats.decisions.toLocaleString('en')} routing decisions, ` +
        `${stats.clocks.toLocaleString('en')} clocks in ${result.seconds.toFixed(1)} s (COPY ${loadS.toFixed(1)} s, indexes + bookkeeping ${result.indexSeconds.toFixed(1)} s, vacuum analyze ${result.vacuumSeconds.toFixed(1)} s): ` +
        `${Math.round(result.casesPerSecond).toLocaleString('en')} cases/s, ${Math.round(result.rowsPerSecond).toLocaleString('en')} rows/s overall (${Math.round(rows / loadS).toLocaleString('en')} rows/s during COPY)`,
    );
    return result;
  } catch (err) {
    await client?.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    await client?.end();
  }
}

// ---------------------------------------------------------------------------------------------
// npm run data:generate

/** The CLI's usage text tells which commands this build has. */
export function cliHas(command) {
  const main = join(ROOT, 'dist/apps/cli/src/main.js');
  if (!existsSync(main)) return false;
  const r = spawnSyncNode([main, '--help'], process.env);
  return r.stdout.includes(command);
}

function spawnSyncNode(args, env) {
  const { spawnSync } = require('node:child_process');
  return spawnSync(process.execPath, args, { env, encoding: 'utf8' });
}

async function main() {
  const { parseArgs } = await import('node:util');
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '100000' },
      'database-url': { type: 'string' },
      seed: { type: 'string', default: '1' },
      from: { type: 'string', default: '2024-01-01' },
      to: { type: 'string', default: '2026-11-20' },
      'drop-indexes': { type: 'string', default: 'auto' },
      'no-rebuild': { type: 'boolean', default: false },
      collapses: { type: 'string', default: '0' },
    },
  });
  const env = { ...process.env };
  const dataDir = resolve(ROOT, env.DATA_DIR || 'data');
  const read = (file) => (existsSync(join(dataDir, file)) ? JSON.parse(readFileSync(join(dataDir, file), 'utf8')) : null);
  if (values['database-url']) env.DATABASE_URL = values['database-url'];
  if (!env.DATABASE_URL) {
    const runtime = read('runtime.json');
    if (!runtime) {
      process.stderr.write(
        '没有 --database-url / DATABASE_URL，也没有正在运行的系统 / no --database-url, no DATABASE_URL and no running system (npm start)\n',
      );
      process.exit(2);
    }
    env.DATABASE_URL = runtime.DATABASE_URL;
    env.REDIS_URL ||= runtime.REDIS_URL;
  }
  for (const [k, v] of Object.entries(read('secrets.json') ?? {})) env[k] ||= v;
  if (!env.DATA_KEY) {
    process.stderr.write(
      'DATA_KEY is not set and data/secrets.json has none: personal data must be encrypted with the key the API runs with\n',
    );
    process.exit(2);
  }
  const dropIndexes = values['drop-indexes'] === 'auto' ? 'auto' : values['drop-indexes'] === 'true';
  process.stdout.write(
    `• generating ${Number(values.count).toLocaleString('en')} cases (seed ${values.seed}, ${values.from}..${values.to}) into ${new URL(env.DATABASE_URL).pathname.slice(1)}\n`,
  );
  const generated = await generateCases(env.DATABASE_URL, {
    collapses: Number(values.collapses),
    count: Number(values.count),
    seed: Number(values.seed),
    from: values.from,
    to: values.to,
    dataKey: env.DATA_KEY,
    dropIndexes,
  });
  for (const p of generated.planted)
    process.stdout.write(
      p.kind === 'collapse'
        ? `  植入倒闭 / planted collapse ${p.index}: ${p.collapseDay} ${p.name} (${p.keys.join(', ')}), ${p.size} complaints over ${p.length} days, ${p.shape}\n`
        : `  植入连锁 / planted chain ${p.index}: ${p.name} (${p.keys.join(', ')}), ~${p.perWeek} complaints a week\n`,
    );
  if (values['no-rebuild']) return;
  if (!cliHas('stats:rebuild')) {
    process.stdout.write('• the CLI has no stats:rebuild command (yet): rollups not rebuilt\n');
    return;
  }
  env.TOKEN_SECRET ||= (await import('node:crypto')).randomBytes(32).toString('base64');
  process.stdout.write('• stats:rebuild …\n');
  const t = performance.now();
  const { spawnSync } = await import('node:child_process');
  const r = spawnSync(process.execPath, [join(ROOT, 'dist/apps/cli/src/main.js'), 'stats:rebuild'], { env, stdio: 'inherit' });
  if (r.status !== 0) {
    process.stderr.write(`stats:rebuild failed (exit ${r.status})\n`);
    process.exit(1);
  }
  process.stdout.write(`• stats:rebuild done in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
  // Planner statistics for the rewritten rollups (autovacuum may be off, or not there yet).
  const c = new pg.Client({ connectionString: env.DATABASE_URL });
  await c.connect();
  const { rows } = await c.query(`select tablename from pg_tables where schemaname = 'public' and tablename like 'stat\\_%'`);
  for (const { tablename } of rows) await c.query(`vacuum analyze ${tablename}`);
  await c.end();
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    process.stderr.write(`${err.stack ?? err}\n`);
    process.exit(1);
  });
}
