import type {
  Candidate,
  DirectorySnapshot,
  RegulatorSnapshot,
  RoutableCase,
  RoutingDecision,
  RuleCode,
  StationSnapshot,
} from './routing.rules';
import { compareStations, decideRoute, jurisdictionArea } from './routing.rules';

// ---------------------------------------------------------------------------------------------
// Fixture: a small, hand-built directory for 聊城市 (three areas, city + county bureaus, sector
// regulators, one platform domiciled in the city, eight stations).
// ---------------------------------------------------------------------------------------------

const regulators: RegulatorSnapshot[] = [
  { code: 'MR-371500', name: '聊城市市场监督管理局', kind: 'market', level: 'city', areaCode: null },
  { code: 'MR-371502', name: '东昌府区市场监督管理局', kind: 'market', level: 'county', areaCode: '371502' },
  { code: 'MR-371521', name: '阳谷县市场监督管理局', kind: 'market', level: 'county', areaCode: '371521' },
  { code: 'MR-371581', name: '临清市市场监督管理局', kind: 'market', level: 'county', areaCode: '371581' },
  { code: 'CT-371500', name: '聊城市文化和旅游局', kind: 'sector', level: 'city', areaCode: '371500' },
  { code: 'CA-371500', name: '聊城市民政局', kind: 'sector', level: 'city', areaCode: '371500' },
  { code: 'TC-370000', name: '山东省通信管理局', kind: 'sector', level: 'province', areaCode: '370000' },
];

const st = (s: Omit<StationSnapshot, 'type' | 'categories'> & { categories: string[] }): StationSnapshot => ({
  type: 'market',
  ...s,
  categories: new Set(s.categories),
});

// Coordinates (approximate) used by the scenarios below.
const AT = {
  zhenhua: { lat: 36.456, lng: 115.985 }, // 振华商厦
  gucheng: { lat: 36.44, lng: 115.99 }, // 古城
  xinqu: { lat: 36.48, lng: 116.02 }, // 新区
  chezhan: { lat: 36.47, lng: 115.97 }, // 车站
  yanggu: { lat: 36.114, lng: 115.791 }, // 阳谷县城区
  jingyanggang: { lat: 36.16, lng: 115.85 }, // 景阳冈
  linqing: { lat: 36.838, lng: 115.705 }, // 临清市
};

const stations: StationSnapshot[] = [
  // 东昌府区
  st({
    code: 'ST-371502-01',
    name: '振华商厦消费维权服务站',
    areaCode: '371502',
    venueCode: 'V-ZH',
    categories: ['food', 'appliance'],
    capacity: 10,
    open: 2,
    ...AT.zhenhua,
  }), // 0.2
  st({
    code: 'ST-371502-02',
    name: '东昌府区社区消费维权服务站',
    areaCode: '371502',
    venueCode: null,
    categories: ['clothing'],
    capacity: 10,
    open: 3,
    lat: null,
    lng: null,
  }), // 0.3, no coordinates
  st({
    code: 'ST-371502-03',
    name: '古城消费维权服务站',
    areaCode: '371502',
    venueCode: 'V-GC',
    categories: ['food', 'catering', 'clothing'],
    capacity: 10,
    open: 3,
    ...AT.gucheng,
  }), // 0.3
  st({
    code: 'ST-371502-04',
    name: '东昌府区新区消费维权服务站',
    areaCode: '371502',
    venueCode: null,
    categories: ['food', 'catering'],
    capacity: 20,
    open: 6,
    ...AT.xinqu,
  }), // 0.3
  st({
    code: 'ST-371502-05',
    name: '聊城火车站消费维权服务站',
    areaCode: '371502',
    venueCode: 'V-CZ',
    categories: ['food', 'catering', 'clothing', 'appliance'],
    capacity: 5,
    open: 5,
    ...AT.chezhan,
  }), // full
  // 阳谷县
  st({
    code: 'ST-371521-01',
    name: '阳谷县城区消费维权服务站',
    areaCode: '371521',
    venueCode: null,
    categories: ['food', 'clothing'],
    capacity: 10,
    open: 10,
    ...AT.yanggu,
  }), // full
  st({
    code: 'ST-371521-02',
    name: '景阳冈景区消费维权服务站',
    areaCode: '371521',
    venueCode: 'V-JYG',
    categories: ['food', 'tourism'],
    capacity: 8,
    open: 2,
    ...AT.jingyanggang,
  }), // 0.25
  // 临清市
  st({
    code: 'ST-371581-01',
    name: '临清市消费维权服务站',
    areaCode: '371581',
    venueCode: null,
    categories: ['food', 'clothing'],
    capacity: 10,
    open: 1,
    ...AT.linqing,
  }), // 0.1
];

const dir: DirectorySnapshot = {
  cityAreas: new Set(['371502', '371521', '371581']),
  stations,
  regulators,
  categoryOwner: new Map([
    ['tourism', 'CT-371500'],
    ['elderly-care', 'CA-371500'],
    ['telecom', 'TC-370000'],
  ]),
  platforms: [{ name: '聊聊云购', areaCode: '371502' }],
  cityBureau: 'MR-371500',
};

/** A copy of the directory with some stations replaced/added (by code) — for tie-break variants. */
const withStations = (changes: StationSnapshot[], base: DirectorySnapshot = dir): DirectorySnapshot => {
  const byCode = new Map(base.stations.map((s) => [s.code, s] as const));
  for (const s of changes) byCode.set(s.code, s);
  return { ...base, stations: [...byCode.values()] };
};
const station = (code: string) => stations.find((s) => s.code === code)!;

type Respondent = RoutableCase['respondent'];
const mk = (track: RoutableCase['track'], categoryCode: string, respondent: Partial<Respondent> = {}): RoutableCase => ({
  track,
  categoryCode,
  respondent: { areaCode: '371502', venueCode: null, online: false, platformName: null, lat: null, lng: null, ...respondent },
});
const complaint = (categoryCode: string, respondent?: Partial<Respondent>) => mk('complaint', categoryCode, respondent);
const report = (categoryCode: string, respondent?: Partial<Respondent>) => mk('report', categoryCode, respondent);

// ---------------------------------------------------------------------------------------------
// The scenario table.
// ---------------------------------------------------------------------------------------------

interface ExpectedCandidate {
  code: string;
  eligible: boolean;
  load?: number | null;
  why?: string;
  /** true: must have a distance; false: must have none */
  hasDistance?: boolean;
}

interface Scenario {
  name: string;
  input: RoutableCase;
  excluded?: string[];
  directory?: DirectorySnapshot;
  rule: RuleCode;
  assignee: string;
  transfer: boolean;
  areaCode?: string;
  candidates?: ExpectedCandidate[];
  /** codes that must NOT appear among the candidates */
  notCandidates?: string[];
  /** extra fragments the reason must contain */
  reasonContains?: string[];
}

const scenarios: Scenario[] = [
  // ---- rule 1: outside the city --------------------------------------------------------------
  {
    name: 'rule 1: respondent outside the city (110101) → transfer out via the city bureau',
    input: complaint('food', { areaCode: '110101' }),
    rule: 'transfer-out',
    assignee: 'MR-371500',
    transfer: true,
    areaCode: '110101',
    candidates: [{ code: 'MR-371500', eligible: true, load: null }],
    reasonContains: ['110101', '移送'],
  },
  {
    name: 'rule 1: a report against a respondent outside the city is transferred too',
    input: report('food', { areaCode: '310101' }),
    rule: 'transfer-out',
    assignee: 'MR-371500',
    transfer: true,
    areaCode: '310101',
    reasonContains: ['310101'],
  },
  {
    name: 'rule 1: online seller on an unknown platform, located outside the city → transfer',
    input: complaint('food', { areaCode: '330106', online: true, platformName: '某宝商城' }),
    rule: 'transfer-out',
    assignee: 'MR-371500',
    transfer: true,
    areaCode: '330106',
  },
  {
    name: 'online: seller on 聊聊云购 with an area outside the city → the platform domicile 371502 (no transfer)',
    input: complaint('food', { areaCode: '330106', online: true, platformName: '聊聊云购' }),
    rule: 'area-station',
    assignee: 'ST-371502-01',
    transfer: false,
    areaCode: '371502',
    reasonContains: ['聊聊云购', '住所地'],
  },
  {
    name: 'online: seller on 聊聊云购 operating in 临清市 → its actual operating area 371581',
    input: complaint('food', { areaCode: '371581', online: true, platformName: '聊聊云购' }),
    rule: 'area-station',
    assignee: 'ST-371581-01',
    transfer: false,
    areaCode: '371581',
  },
  {
    name: 'online: own-site seller / platform operator (no platform) in 阳谷县 → its domicile 371521',
    input: complaint('clothing', { areaCode: '371521', online: true, platformName: null }),
    rule: 'area-bureau',
    assignee: 'MR-371521',
    transfer: false,
    areaCode: '371521',
  },

  // ---- rule 2: reports -----------------------------------------------------------------------
  {
    name: 'rule 2: report in a sector-owned category → the sector regulator (文旅局)',
    input: report('tourism', { areaCode: '371521', venueCode: 'V-JYG' }),
    rule: 'report-sector',
    assignee: 'CT-371500',
    transfer: false,
    candidates: [{ code: 'CT-371500', eligible: true }],
    notCandidates: ['ST-371521-02'],
  },
  {
    name: 'rule 2: report in elderly-care → 民政局',
    input: report('elderly-care'),
    rule: 'report-sector',
    assignee: 'CA-371500',
    transfer: false,
  },
  {
    name: 'rule 2: report with no sector owner → the area bureau where the conduct happened (never a station)',
    input: report('food', { areaCode: '371581', venueCode: 'V-ZH' }),
    rule: 'report-area-bureau',
    assignee: 'MR-371581',
    transfer: false,
    candidates: [{ code: 'MR-371581', eligible: true }],
    notCandidates: ['ST-371502-01', 'ST-371581-01'],
  },
  {
    name: 'rule 2 + hand-back: report whose owner handed it back → the area bureau',
    input: report('tourism', { areaCode: '371521' }),
    excluded: ['CT-371500'],
    rule: 'report-area-bureau',
    assignee: 'MR-371521',
    transfer: false,
    candidates: [
      { code: 'CT-371500', eligible: false, why: '已退回' },
      { code: 'MR-371521', eligible: true },
    ],
  },
  {
    name: 'rule 2 + hand-back: report whose owner AND area bureau handed it back → the city bureau',
    input: report('tourism', { areaCode: '371521' }),
    excluded: ['CT-371500', 'MR-371521'],
    rule: 'city-bureau',
    assignee: 'MR-371500',
    transfer: false,
    candidates: [
      { code: 'CT-371500', eligible: false },
      { code: 'MR-371500', eligible: true },
    ],
  },
  {
    name: 'province: report in telecom (山东省通信管理局) → transfer out',
    input: report('telecom', { areaCode: '371581' }),
    rule: 'transfer-out',
    assignee: 'MR-371500',
    transfer: true,
    areaCode: '371581',
    candidates: [
      { code: 'TC-370000', eligible: false },
      { code: 'MR-371500', eligible: true },
    ],
    reasonContains: ['山东省通信管理局', '移送'],
  },

  // ---- rule 3: venue station -----------------------------------------------------------------
  {
    name: 'rule 3: complaint in a venue whose station covers the category and has room → that station',
    input: complaint('food', { venueCode: 'V-ZH', ...AT.zhenhua }),
    rule: 'venue-station',
    assignee: 'ST-371502-01',
    transfer: false,
    candidates: [{ code: 'ST-371502-01', eligible: true, load: 0.2, hasDistance: true }],
    reasonContains: ['振华商厦', '源头'],
  },
  {
    name: 'rule 3 before rule 4: tourism complaint inside 景阳冈 → the venue station, not 文旅局',
    input: complaint('tourism', { areaCode: '371521', venueCode: 'V-JYG' }),
    rule: 'venue-station',
    assignee: 'ST-371521-02',
    transfer: false,
    candidates: [{ code: 'ST-371521-02', eligible: true, load: 0.25, hasDistance: false }],
    notCandidates: ['CT-371500'],
  },
  {
    name: 'rule 3: the venue station is full → falls to rule 5 (other stations of the area)',
    input: complaint('food', { venueCode: 'V-CZ', ...AT.chezhan }),
    rule: 'area-station',
    assignee: 'ST-371502-01',
    transfer: false,
    candidates: [
      { code: 'ST-371502-05', eligible: false, load: 1, why: '已满负荷' },
      { code: 'ST-371502-01', eligible: true, load: 0.2 },
      { code: 'ST-371502-03', eligible: true, load: 0.3 },
      { code: 'ST-371502-04', eligible: true, load: 0.3 },
    ],
  },
  {
    name: 'rule 3: the venue station does not cover the category → rule 5 (it is not even a candidate)',
    input: complaint('catering', { venueCode: 'V-ZH' }),
    rule: 'area-station',
    assignee: 'ST-371502-03',
    transfer: false,
    notCandidates: ['ST-371502-01'],
    candidates: [
      { code: 'ST-371502-03', eligible: true, load: 0.3 },
      { code: 'ST-371502-04', eligible: true, load: 0.3 },
      { code: 'ST-371502-05', eligible: false, load: 1 },
    ],
  },
  {
    name: 'rule 3 + hand-back: the venue station handed it back → best other station of the area',
    input: complaint('food', { venueCode: 'V-ZH' }),
    excluded: ['ST-371502-01'],
    rule: 'area-station',
    assignee: 'ST-371502-03',
    transfer: false,
    candidates: [{ code: 'ST-371502-01', eligible: false, why: '已退回' }],
  },

  // ---- rule 4: sector regulator --------------------------------------------------------------
  {
    name: 'rule 4: elderly-care complaint → 民政局',
    input: complaint('elderly-care', { areaCode: '371581' }),
    rule: 'sector-regulator',
    assignee: 'CA-371500',
    transfer: false,
    candidates: [{ code: 'CA-371500', eligible: true }],
  },
  {
    name: 'rule 4: tourism complaint outside any venue → 文旅局 (not the area station that covers tourism)',
    input: complaint('tourism', { areaCode: '371521' }),
    rule: 'sector-regulator',
    assignee: 'CT-371500',
    transfer: false,
    notCandidates: ['ST-371521-02'],
  },
  {
    name: 'rule 4 + hand-back: 文旅局 handed it back → rule 5, the area station covering tourism',
    input: complaint('tourism', { areaCode: '371521' }),
    excluded: ['CT-371500'],
    rule: 'area-station',
    assignee: 'ST-371521-02',
    transfer: false,
    candidates: [
      { code: 'CT-371500', eligible: false, why: '已退回' },
      { code: 'ST-371521-02', eligible: true, load: 0.25 },
    ],
  },
  {
    name: 'province: telecom complaint → transfer out via the city bureau',
    input: complaint('telecom', { areaCode: '371521' }),
    rule: 'transfer-out',
    assignee: 'MR-371500',
    transfer: true,
    candidates: [
      { code: 'TC-370000', eligible: false },
      { code: 'MR-371500', eligible: true },
    ],
    reasonContains: ['山东省通信管理局'],
  },

  // ---- rule 5: least-loaded station of the area ---------------------------------------------
  {
    name: 'rule 5: the lowest load wins (0.2 beats 0.3 even when farther)',
    input: complaint('food', AT.xinqu),
    rule: 'area-station',
    assignee: 'ST-371502-01',
    transfer: false,
    candidates: [
      { code: 'ST-371502-01', eligible: true, load: 0.2, hasDistance: true },
      { code: 'ST-371502-03', eligible: true, load: 0.3, hasDistance: true },
      { code: 'ST-371502-04', eligible: true, load: 0.3, hasDistance: true },
      { code: 'ST-371502-05', eligible: false, load: 1, why: '已满负荷' },
    ],
    notCandidates: ['ST-371581-01', 'ST-371521-02'],
  },
  {
    name: 'rule 5: equal load → the nearer station wins (higher code, nearer)',
    input: complaint('catering', { lat: 36.479, lng: 116.019 }),
    rule: 'area-station',
    assignee: 'ST-371502-04',
    transfer: false,
    candidates: [
      { code: 'ST-371502-03', eligible: true, load: 0.3, hasDistance: true },
      { code: 'ST-371502-04', eligible: true, load: 0.3, hasDistance: true },
    ],
    reasonContains: ['公里'],
  },
  {
    name: 'rule 5: equal load → the nearer station wins (lower code, nearer)',
    input: complaint('catering', { lat: 36.441, lng: 115.991 }),
    rule: 'area-station',
    assignee: 'ST-371502-03',
    transfer: false,
  },
  {
    name: 'rule 5: equal load, respondent location unknown → the lower code wins',
    input: complaint('catering'),
    rule: 'area-station',
    assignee: 'ST-371502-03',
    transfer: false,
    candidates: [
      { code: 'ST-371502-03', eligible: true, load: 0.3, hasDistance: false },
      { code: 'ST-371502-04', eligible: true, load: 0.3, hasDistance: false },
    ],
  },
  {
    name: 'rule 5: equal load, equal distance (same coordinates) → the lower code wins',
    input: complaint('catering', AT.xinqu),
    directory: withStations([
      { ...station('ST-371502-03'), ...AT.gucheng },
      { ...station('ST-371502-04'), ...AT.gucheng },
    ]),
    rule: 'area-station',
    assignee: 'ST-371502-03',
    transfer: false,
  },
  {
    name: 'rule 5: equal load, one station without coordinates → the one with a known distance first',
    // the respondent stands next to 古城 (ST-371502-03); ST-371502-02 has the lower code but no coordinates,
    // and an unknown distance sorts after every known one (a total order: see the determinism tests)
    input: complaint('clothing', AT.gucheng),
    rule: 'area-station',
    assignee: 'ST-371502-03',
    transfer: false,
    candidates: [
      { code: 'ST-371502-02', eligible: true, load: 0.3, hasDistance: false },
      { code: 'ST-371502-03', eligible: true, load: 0.3, hasDistance: true },
      { code: 'ST-371502-05', eligible: false, load: 1 },
    ],
  },
  {
    name: 'rule 5: a full station is skipped even though it is nearer and has the lower code',
    input: complaint('food', { areaCode: '371521', ...AT.yanggu }),
    rule: 'area-station',
    assignee: 'ST-371521-02',
    transfer: false,
    candidates: [
      { code: 'ST-371521-01', eligible: false, load: 1, why: '已满负荷', hasDistance: true },
      { code: 'ST-371521-02', eligible: true, load: 0.25 },
    ],
  },
  {
    name: 'rule 5 + hand-back: the chosen station handed it back → the next best',
    input: complaint('food'),
    excluded: ['ST-371502-01'],
    rule: 'area-station',
    assignee: 'ST-371502-03',
    transfer: false,
    candidates: [
      { code: 'ST-371502-01', eligible: false, load: 0.2, why: '已退回' },
      { code: 'ST-371502-03', eligible: true, load: 0.3 },
      { code: 'ST-371502-04', eligible: true, load: 0.3 },
    ],
  },

  // ---- rule 6 and the last resort ------------------------------------------------------------
  {
    name: 'rule 6: capacity exhausted everywhere in the area → the area bureau',
    input: complaint('clothing', { areaCode: '371521' }),
    rule: 'area-bureau',
    assignee: 'MR-371521',
    transfer: false,
    candidates: [
      { code: 'ST-371521-01', eligible: false, load: 1 },
      { code: 'MR-371521', eligible: true, load: null },
    ],
  },
  {
    name: 'rule 6: no station of the area covers the category → the area bureau',
    input: complaint('appliance', { areaCode: '371581' }),
    rule: 'area-bureau',
    assignee: 'MR-371581',
    transfer: false,
  },
  {
    name: 'hand-back: every station excluded → the area bureau',
    input: complaint('food'),
    excluded: ['ST-371502-01', 'ST-371502-03', 'ST-371502-04'],
    rule: 'area-bureau',
    assignee: 'MR-371502',
    transfer: false,
    candidates: [
      { code: 'ST-371502-01', eligible: false, why: '已退回' },
      { code: 'ST-371502-03', eligible: false, why: '已退回' },
      { code: 'ST-371502-04', eligible: false, why: '已退回' },
      { code: 'ST-371502-05', eligible: false, why: '已满负荷' },
      { code: 'MR-371502', eligible: true },
    ],
  },
  {
    name: 'hand-back: every station and the area bureau excluded → the city bureau (city-bureau)',
    input: complaint('food'),
    excluded: ['ST-371502-01', 'ST-371502-03', 'ST-371502-04', 'MR-371502'],
    rule: 'city-bureau',
    assignee: 'MR-371500',
    transfer: false,
    candidates: [{ code: 'MR-371500', eligible: true }],
    notCandidates: [],
    reasonContains: ['不再循环'],
  },
];

const CHINESE = /[\u4e00-\u9fff]/;
const nameOf = (code: string) => regulators.find((g) => g.code === code)?.name ?? stations.find((s) => s.code === code)!.name;
const route = (s: Scenario): RoutingDecision => decideRoute(s.input, s.directory ?? dir, new Set(s.excluded ?? []));

describe('decideRoute — RULES.md "Jurisdiction and routing"', () => {
  it('the table has enough scenarios', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(25);
    expect(new Set(scenarios.map((s) => s.name)).size).toBe(scenarios.length);
  });

  it.each(scenarios.map((s) => [s.name, s] as const))('%s', (_name, s) => {
    const d = route(s);

    expect(d.rule).toBe(s.rule);
    expect(d.assignee.code).toBe(s.assignee);
    expect(d.assignee.name).toBe(nameOf(s.assignee));
    expect(d.assignee.type).toBe(s.assignee.startsWith('ST-') ? 'station' : 'regulator');
    expect(d.transfer).toBe(s.transfer);
    if (s.areaCode) expect(d.areaCode).toBe(s.areaCode);

    // the reason is non-empty Chinese and names the assignee
    expect(d.reason.length).toBeGreaterThan(0);
    expect(d.reason).toMatch(CHINESE);
    expect(d.reason).toContain(d.assignee.name);
    for (const fragment of s.reasonContains ?? []) expect(d.reason).toContain(fragment);

    // an excluded unit is never chosen
    expect(s.excluded ?? []).not.toContain(d.assignee.code);
    // the assignee is always among the candidates, as eligible
    expect(d.candidates).toContainEqual(expect.objectContaining({ code: d.assignee.code, eligible: true }));

    for (const c of s.candidates ?? []) {
      const found = d.candidates.find((x) => x.code === c.code);
      expect(found).toBeDefined();
      expect(found!.eligible).toBe(c.eligible);
      if (c.load !== undefined) expect(found!.load).toBe(c.load);
      if (c.why !== undefined) expect(found!.why).toBe(c.why);
      if (c.hasDistance !== undefined) expect(found!.distanceKm !== null).toBe(c.hasDistance);
      expect(found!.why).toMatch(CHINESE);
    }
    for (const code of s.notCandidates ?? []) expect(d.candidates.map((x) => x.code)).not.toContain(code);
  });
});

describe('decideRoute — determinism', () => {
  it.each(scenarios.map((s) => [s.name, s] as const))('same input twice → identical output: %s', (_name, s) => {
    expect(route(s)).toEqual(route(s));
  });

  const permutations = <T>(xs: readonly T[]): T[][] => [
    [...xs],
    [...xs].reverse(),
    [...xs.slice(3), ...xs.slice(0, 3)],
    [...xs.filter((_, i) => i % 2 === 1), ...xs.filter((_, i) => i % 2 === 0)],
    [...xs.filter((_, i) => i % 2 === 0).reverse(), ...xs.filter((_, i) => i % 2 === 1)],
  ];

  it.each(scenarios.map((s) => [s.name, s] as const))('shuffled station order → same rule and assignee: %s', (_name, s) => {
    const base = s.directory ?? dir;
    const expected = route(s);
    for (const order of permutations(base.stations)) {
      const d = decideRoute(s.input, { ...base, stations: order }, new Set(s.excluded ?? []));
      expect({ rule: d.rule, assignee: d.assignee, reason: d.reason }).toEqual({
        rule: expected.rule,
        assignee: expected.assignee,
        reason: expected.reason,
      });
    }
  });

  it('does not mutate the directory or the excluded set', () => {
    const stationsBefore = dir.stations.map((s) => s.code);
    const excluded = new Set(['ST-371502-01']);
    decideRoute(complaint('food'), dir, excluded);
    expect(dir.stations.map((s) => s.code)).toEqual(stationsBefore);
    expect([...excluded]).toEqual(['ST-371502-01']);
  });

  // Three stations of equal load: A has no coordinates; B and C do. The comparator then orders
  // B<A (code), A<C (code), C<B (distance) — a cycle — so Array.sort's result depends on input order.
  it('equal load, one station without coordinates among three → every station order gives the same assignee', () => {
    const base = { areaCode: '371581', venueCode: null, categories: ['toys'], capacity: 10, open: 3 };
    const s1 = st({ ...base, code: 'ST-371581-21', name: '临清远处服务站', lat: 36.88, lng: 115.705 }); // ≈ 4.7 km
    const s2 = st({ ...base, code: 'ST-371581-22', name: '临清无坐标服务站', lat: null, lng: null });
    const s3 = st({ ...base, code: 'ST-371581-23', name: '临清近处服务站', lat: 36.847, lng: 115.705 }); // ≈ 1 km
    const respondent = { areaCode: '371581', lat: 36.838, lng: 115.705 };
    const orders = [
      [s1, s2, s3],
      [s1, s3, s2],
      [s2, s1, s3],
      [s2, s3, s1],
      [s3, s1, s2],
      [s3, s2, s1],
    ];
    const assignees = orders.map(
      (o) => decideRoute(complaint('toys', respondent), { ...dir, stations: [...dir.stations, ...o] }).assignee.code,
    );
    expect(assignees).toEqual(orders.map(() => assignees[0]));
  });
});

describe('decideRoute — load is open / capacity', () => {
  // 33/34 ≈ 0.97059 and 34/35 ≈ 0.97143 are different loads, but both round to 0.971.
  it('a (slightly) lower load wins even when the other station is nearer', () => {
    const lower = st({
      code: 'ST-371581-31',
      name: '临清甲服务站',
      areaCode: '371581',
      venueCode: null,
      categories: ['toys'],
      capacity: 34,
      open: 33,
      lat: 36.9,
      lng: 115.705,
    }); // far
    const higher = st({
      code: 'ST-371581-32',
      name: '临清乙服务站',
      areaCode: '371581',
      venueCode: null,
      categories: ['toys'],
      capacity: 35,
      open: 34,
      lat: 36.839,
      lng: 115.705,
    }); // near
    const d = decideRoute(complaint('toys', { areaCode: '371581', lat: 36.838, lng: 115.705 }), withStations([lower, higher]));
    expect(d.rule).toBe('area-station');
    expect(d.assignee.code).toBe('ST-371581-31');
  });
});

describe('jurisdictionArea', () => {
  it.each<[string, Partial<Respondent>, string, boolean]>([
    ['offline respondent → its own area', { areaCode: '371521' }, '371521', false],
    ['offline respondent outside the city → that area', { areaCode: '110101' }, '110101', false],
    ['own-site seller (no platform) → domicile', { areaCode: '371581', online: true }, '371581', false],
    [
      'seller on 聊聊云购 with a city address → actual operating area',
      { areaCode: '371521', online: true, platformName: '聊聊云购' },
      '371521',
      false,
    ],
    [
      'seller on 聊聊云购 with an address outside the city → platform domicile',
      { areaCode: '440305', online: true, platformName: '聊聊云购' },
      '371502',
      true,
    ],
    ['seller on 聊聊云购 with no address → platform domicile', { areaCode: '', online: true, platformName: '聊聊云购' }, '371502', true],
    [
      'seller on "聊聊云购APP" (name contains the platform) → platform domicile',
      { areaCode: '440305', online: true, platformName: '聊聊云购APP' },
      '371502',
      true,
    ],
    [
      'seller on an unknown platform outside the city → its own area',
      { areaCode: '440305', online: true, platformName: '某宝商城' },
      '440305',
      false,
    ],
    [
      'offline respondent naming 聊聊云购 is not a platform seller',
      { areaCode: '440305', online: false, platformName: '聊聊云购' },
      '440305',
      false,
    ],
  ])('%s', (_name, respondent, areaCode, noted) => {
    const j = jurisdictionArea(complaint('food', respondent), dir);
    expect(j.areaCode).toBe(areaCode);
    if (noted) {
      expect(j.note).toMatch(CHINESE);
      expect(j.note).toContain('聊聊云购');
    } else {
      expect(j.note).toBeNull();
    }
  });
});

describe('compareStations', () => {
  const cand = (code: string, load: number | null, distanceKm: number | null): Candidate => ({
    type: 'station',
    code,
    name: code,
    load,
    distanceKm,
    eligible: true,
    why: '',
  });

  it.each<[string, Candidate, Candidate, -1 | 0 | 1]>([
    ['lower load first', cand('S2', 0.1, 9), cand('S1', 0.5, 1), -1],
    ['higher load last', cand('S1', 0.5, 1), cand('S2', 0.1, 9), 1],
    ['a null load sorts after any load', cand('S1', null, 1), cand('S2', 0.9, 9), 1],
    ['equal load → nearer first', cand('S2', 0.3, 1.5), cand('S1', 0.3, 2), -1],
    ['equal load → farther last', cand('S1', 0.3, 2), cand('S2', 0.3, 1.5), 1],
    ['equal load, equal distance → lower code first', cand('S1', 0.3, 2), cand('S2', 0.3, 2), -1],
    ['equal load, one distance unknown → the known distance first', cand('S1', 0.3, null), cand('S2', 0.3, 0.1), 1],
    ['equal load, one distance unknown → the known distance first (reverse)', cand('S2', 0.3, 0.1), cand('S1', 0.3, null), -1],
    ['equal load, both distances unknown → by code', cand('S9', 0.3, null), cand('S10', 0.3, null), 1],
    ['identical → 0', cand('S1', 0.3, 1), cand('S1', 0.3, 1), 0],
  ])('%s', (_name, a, b, sign) => {
    expect(Math.sign(compareStations(a, b))).toBe(sign);
  });

  it('is antisymmetric over a small set', () => {
    const xs = [cand('S1', 0.2, null), cand('S2', 0.2, 3), cand('S3', 0.2, 1), cand('S4', 0.1, 50), cand('S5', null, 0)];
    for (const a of xs) for (const b of xs) expect(Math.sign(compareStations(a, b))).toBe(-Math.sign(compareStations(b, a)) || 0);
  });

  it('sorts load, then distance, then code', () => {
    const xs = [cand('S5', 0.3, 2), cand('S4', 0.3, 1), cand('S3', 0.1, 9), cand('S2', 0.3, 1), cand('S1', 0.5, 0)];
    expect([...xs].sort(compareStations).map((x) => x.code)).toEqual(['S3', 'S2', 'S4', 'S5', 'S1']);
  });
});
