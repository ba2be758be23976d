import { decideDesignation, handBackBlocked } from './designation.rules';
import { jurisdictionArea, platformOf, stationsConsidered, whereToFile } from './jurisdiction.rules';
import { compareStations, decideRoute } from './routing.rules';
import type {
  Candidate,
  DirectorySnapshot,
  NoAuthority,
  RegulatorSnapshot,
  RoutableCase,
  RoutingDecision,
  RuleCode,
  StationSnapshot,
} from './routing.types';

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
  // Two platform companies domiciled in 东昌府区, each with its own station (type platform).
  st({
    code: 'ST-371502-08',
    name: '百大百优鲜消费维权服务站',
    areaCode: '371502',
    venueCode: 'V-BD',
    categories: ['food', 'clothing', 'digital'],
    capacity: 10,
    open: 0,
    lat: null,
    lng: null,
  }), // 0.0: the emptiest station of the area, but only for 百大百优鲜 and its sellers
  st({
    code: 'ST-371502-09',
    name: '聊聊云购消费维权服务站',
    areaCode: '371502',
    venueCode: 'V-LL',
    categories: ['food', 'digital'],
    capacity: 10,
    open: 4,
    lat: null,
    lng: null,
  }), // 0.4
].map((s) => (s.venueCode === 'V-BD' || s.venueCode === 'V-LL' ? { ...s, type: 'platform' } : s));

const PLATFORM_ONLY = '平台企业的服务站只受理本平台及平台内经营者的投诉';

const dir: DirectorySnapshot = {
  cityAreas: new Set(['371502', '371521', '371581']),
  stations,
  regulators,
  categoryOwner: new Map([
    ['tourism', 'CT-371500'],
    ['elderly-care', 'CA-371500'],
    ['telecom', 'TC-370000'],
  ]),
  platforms: [
    { code: 'V-LL', name: '聊聊云购', areaCode: '371502' },
    { code: 'V-BD', name: '百大百优鲜', areaCode: '371502' },
  ],
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
  // A complaint settles at the source first unless the consumer chose the formal path (formal() below).
  stage: track === 'complaint' ? 'settlement' : 'formal',
  categoryCode,
  respondent: { areaCode: '371502', venueCode: null, online: false, platformName: null, lat: null, lng: null, ...respondent },
});
const complaint = (categoryCode: string, respondent?: Partial<Respondent>) => mk('complaint', categoryCode, respondent);
const report = (categoryCode: string, respondent?: Partial<Respondent>) => mk('report', categoryCode, respondent);
/** The consumer chose the formal complaint (or it left the settlement stage): stations are never considered. */
const formal = (c: RoutableCase): RoutableCase => ({ ...c, stage: 'formal' });

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
  /** the city has no authority: decided at once by the city bureau's intake desk */
  noAuthority?: boolean;
  /** the city bureau is to designate the handler */
  designation?: boolean;
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
    name: "rule 1: respondent outside the city (110101) → no authority: the city bureau's desk refuses and says where to file",
    input: complaint('food', { areaCode: '110101' }),
    rule: 'outside-city',
    assignee: 'MR-371500',
    noAuthority: true,
    areaCode: '110101',
    candidates: [{ code: 'MR-371500', eligible: true, load: null }],
    reasonContains: ['110101', '不予受理', '12315'],
  },
  {
    name: 'rule 1: a report against a respondent outside the city: no authority, the reporter is told where',
    input: report('food', { areaCode: '310101' }),
    rule: 'outside-city',
    assignee: 'MR-371500',
    noAuthority: true,
    areaCode: '310101',
    reasonContains: ['310101'],
  },
  {
    name: 'rule 1: online seller on an unknown platform, located outside the city → no authority',
    input: complaint('food', { areaCode: '330106', online: true, platformName: '某宝商城' }),
    rule: 'outside-city',
    assignee: 'MR-371500',
    noAuthority: true,
    areaCode: '330106',
  },
  {
    name: "online: seller on 聊聊云购 with an area outside the city → the platform domicile 371502, the platform's own station",
    input: complaint('food', { areaCode: '330106', online: true, platformName: '聊聊云购' }),
    rule: 'platform-station',
    assignee: 'ST-371502-09',
    areaCode: '371502',
    candidates: [{ code: 'ST-371502-09', eligible: true, load: 0.4 }],
    notCandidates: ['ST-371502-08'],
    reasonContains: ['聊聊云购', '住所地'],
  },
  {
    name: "online: seller on 聊聊云购 publishing an address in 临清市 → jurisdiction 371581, settled at the platform's station",
    input: complaint('food', { areaCode: '371581', online: true, platformName: '聊聊云购' }),
    rule: 'platform-station',
    assignee: 'ST-371502-09',
    areaCode: '371581',
  },

  // ---- platforms: a platform company's station takes only its platform and its sellers -------
  {
    name: "platform: a seller on 聊聊云购 goes to 聊聊云购's station, never to the emptier station of 百大百优鲜",
    input: complaint('food', { online: true, platformName: '聊聊云购APP' }),
    rule: 'platform-station',
    assignee: 'ST-371502-09',
    areaCode: '371502',
    notCandidates: ['ST-371502-08', 'ST-371502-01'],
    reasonContains: ['聊聊云购', '源头'],
  },
  {
    name: "platform: 聊聊云购's station does not cover the category → an ordinary station of the area, not the rival platform's",
    input: complaint('clothing', { online: true, platformName: '聊聊云购' }),
    rule: 'area-station',
    assignee: 'ST-371502-02',
    candidates: [
      { code: 'ST-371502-08', eligible: false, load: 0, why: PLATFORM_ONLY },
      { code: 'ST-371502-02', eligible: true },
    ],
    notCandidates: ['ST-371502-09'],
  },
  {
    name: "platform: 聊聊云购's station is full → the least-loaded ordinary station of the area",
    input: complaint('food', { online: true, platformName: '聊聊云购' }),
    directory: withStations([{ ...station('ST-371502-09'), open: 10 }]),
    rule: 'area-station',
    assignee: 'ST-371502-01',
    candidates: [
      { code: 'ST-371502-09', eligible: false, load: 1, why: '已满负荷' },
      { code: 'ST-371502-08', eligible: false, why: PLATFORM_ONLY },
    ],
  },
  {
    name: "platform: 聊聊云购's station handed it back → an ordinary station, not the rival platform's",
    input: complaint('food', { online: true, platformName: '聊聊云购' }),
    excluded: ['ST-371502-09'],
    rule: 'area-station',
    assignee: 'ST-371502-01',
    candidates: [
      { code: 'ST-371502-09', eligible: false, why: '已退回' },
      { code: 'ST-371502-08', eligible: false, why: PLATFORM_ONLY },
    ],
  },
  {
    name: "platform: an offline business is never sent to a platform company's station (only those cover the category here)",
    input: complaint('digital'),
    rule: 'area-bureau',
    assignee: 'MR-371502',
    candidates: [
      { code: 'ST-371502-08', eligible: false, why: PLATFORM_ONLY },
      { code: 'ST-371502-09', eligible: false, why: PLATFORM_ONLY },
      { code: 'MR-371502', eligible: true },
    ],
  },
  {
    name: 'platform: a complaint about the platform itself (its venue) → its own station',
    input: complaint('digital', { venueCode: 'V-LL' }),
    rule: 'venue-station',
    assignee: 'ST-371502-09',
    notCandidates: ['ST-371502-08'],
  },
  {
    name: 'platform: a report on a seller of 聊聊云购 operating outside the city → its actual operating place (Art. 31): no authority',
    input: report('food', { areaCode: '330106', online: true, platformName: '聊聊云购' }),
    rule: 'outside-city',
    assignee: 'MR-371500',
    noAuthority: true,
    areaCode: '330106',
    reasonContains: ['告知举报人'],
  },
  {
    name: "platform: a report on a seller of 聊聊云购 with no operating place → the platform's domicile bureau, which received it first",
    input: report('food', { areaCode: '', online: true, platformName: '聊聊云购' }),
    rule: 'report-area-bureau',
    assignee: 'MR-371502',
    areaCode: '371502',
    notCandidates: ['ST-371502-09'],
    reasonContains: ['聊聊云购'],
  },

  // ---- counter filings: the station that took it keeps it -----------------------------------
  {
    name: "counter: a complaint entered at a station's counter stays with that station (not the least-loaded one)",
    input: { ...complaint('food'), counterUnit: 'ST-371502-04' },
    rule: 'counter-station',
    assignee: 'ST-371502-04',
    candidates: [{ code: 'ST-371502-04', eligible: true, load: 0.3 }],
    notCandidates: ['ST-371502-01'],
    reasonContains: ['窗口'],
  },
  {
    name: 'counter: it stays even when the station is at capacity (it took the consumer in person)',
    input: { ...complaint('food'), counterUnit: 'ST-371502-05' },
    rule: 'counter-station',
    assignee: 'ST-371502-05',
  },
  {
    name: 'counter: a business in another area of the city stays with the station that took it',
    input: { ...complaint('food', { areaCode: '371581' }), counterUnit: 'ST-371502-04' },
    rule: 'counter-station',
    assignee: 'ST-371502-04',
    areaCode: '371581',
  },
  {
    name: 'counter: the station does not handle the category → routed by the rules',
    input: { ...complaint('food'), counterUnit: 'ST-371502-02' },
    rule: 'area-station',
    assignee: 'ST-371502-01',
    candidates: [{ code: 'ST-371502-02', eligible: false }],
  },
  {
    name: "counter: a platform company's station cannot keep a complaint about an offline business",
    input: { ...complaint('food'), counterUnit: 'ST-371502-08' },
    rule: 'area-station',
    assignee: 'ST-371502-01',
    candidates: [{ code: 'ST-371502-08', eligible: false, why: `当面受理的服务站${PLATFORM_ONLY}` }],
  },
  {
    name: 'counter: the counter station handed it back → routed again without it',
    input: { ...complaint('food'), counterUnit: 'ST-371502-04', handedBackBy: ['ST-371502-04'] },
    excluded: ['ST-371502-04'],
    rule: 'area-station',
    assignee: 'ST-371502-01',
    candidates: [{ code: 'ST-371502-04', eligible: false, why: '已退回' }],
    reasonContains: ['东昌府区新区消费维权服务站 退回'],
  },
  {
    name: "counter: a report entered at a station's counter still goes to a regulator",
    input: { ...report('food'), counterUnit: 'ST-371502-04' },
    rule: 'report-area-bureau',
    assignee: 'MR-371502',
    notCandidates: ['ST-371502-04'],
  },
  {
    name: 'counter: a business outside the city → no authority, even at a counter',
    input: { ...complaint('food', { areaCode: '110101' }), counterUnit: 'ST-371502-04' },
    rule: 'outside-city',
    assignee: 'MR-371500',
    noAuthority: true,
  },

  // ---- hand-backs and disputes ----------------------------------------------------------------
  {
    name: 'hand-back: one unit handed it back → the desk routes it again without that unit',
    input: { ...complaint('food'), handedBackBy: ['ST-371502-01'] },
    excluded: ['ST-371502-01'],
    rule: 'area-station',
    assignee: 'ST-371502-03',
    reasonContains: ['振华商厦消费维权服务站 退回', '重新分派'],
  },
  {
    name: 'dispute: handed back by two departments → the city bureau designates within 7 working days',
    input: { ...formal(complaint('food')), handedBackBy: ['CA-371500', 'MR-371502'] },
    excluded: ['CA-371500', 'MR-371502'],
    rule: 'disputed-jurisdiction',
    assignee: 'MR-371500',
    designation: true,
    candidates: [
      { code: 'CA-371500', eligible: false, why: '已退回' },
      { code: 'MR-371502', eligible: false, why: '已退回' },
      { code: 'MR-371500', eligible: true },
    ],
    notCandidates: ['ST-371502-03', 'ST-371502-04'],
    reasonContains: ['管辖争议', '7 个工作日', '不再循环'],
  },
  {
    name: 'settlement: two stations that could not help make no dispute (they claim no authority) → the next station',
    input: { ...complaint('food'), handedBackBy: ['ST-371502-01', 'ST-371502-03'] },
    excluded: ['ST-371502-01', 'ST-371502-03'],
    rule: 'area-station',
    assignee: 'ST-371502-04',
  },
  {
    name: 'dispute: a report handed back by its sector regulator and the area bureau → the city bureau designates',
    input: { ...report('tourism', { areaCode: '371521' }), handedBackBy: ['CT-371500', 'MR-371521'] },
    excluded: ['CT-371500', 'MR-371521'],
    rule: 'disputed-jurisdiction',
    assignee: 'MR-371500',
    designation: true,
  },
  {
    name: 'online: own-site seller / platform operator (no platform) in 阳谷县 → its domicile 371521',
    input: complaint('clothing', { areaCode: '371521', online: true, platformName: null }),
    rule: 'area-bureau',
    assignee: 'MR-371521',
    areaCode: '371521',
  },

  // ---- rule 2: reports -----------------------------------------------------------------------
  {
    name: 'rule 2: report in a sector-owned category → the sector regulator (文旅局)',
    input: report('tourism', { areaCode: '371521', venueCode: 'V-JYG' }),
    rule: 'report-sector',
    assignee: 'CT-371500',
    candidates: [{ code: 'CT-371500', eligible: true }],
    notCandidates: ['ST-371521-02'],
  },
  {
    name: 'rule 2: report in elderly-care → 民政局',
    input: report('elderly-care'),
    rule: 'report-sector',
    assignee: 'CA-371500',
  },
  {
    name: 'rule 2: report with no sector owner → the area bureau where the conduct happened (never a station)',
    input: report('food', { areaCode: '371581', venueCode: 'V-ZH' }),
    rule: 'report-area-bureau',
    assignee: 'MR-371581',
    candidates: [{ code: 'MR-371581', eligible: true }],
    notCandidates: ['ST-371502-01', 'ST-371581-01'],
  },
  {
    name: 'rule 2 + hand-back: report whose owner handed it back → the area bureau',
    input: report('tourism', { areaCode: '371521' }),
    excluded: ['CT-371500'],
    rule: 'report-area-bureau',
    assignee: 'MR-371521',
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
    designation: true,
    candidates: [
      { code: 'CT-371500', eligible: false },
      { code: 'MR-371500', eligible: true },
    ],
  },
  {
    name: 'province: report in telecom (山东省通信管理局) → no authority in the city',
    input: report('telecom', { areaCode: '371581' }),
    rule: 'outside-city',
    assignee: 'MR-371500',
    noAuthority: true,
    areaCode: '371581',
    candidates: [
      { code: 'TC-370000', eligible: false },
      { code: 'MR-371500', eligible: true },
    ],
    reasonContains: ['山东省通信管理局', '告知举报人'],
  },

  // ---- rule 3: venue station -----------------------------------------------------------------
  {
    name: 'rule 3: complaint in a venue whose station covers the category and has room → that station',
    input: complaint('food', { venueCode: 'V-ZH', ...AT.zhenhua }),
    rule: 'venue-station',
    assignee: 'ST-371502-01',
    candidates: [{ code: 'ST-371502-01', eligible: true, load: 0.2, hasDistance: true }],
    reasonContains: ['振华商厦', '源头'],
  },
  {
    name: 'rule 3 before rule 4: tourism complaint inside 景阳冈 → the venue station, not 文旅局',
    input: complaint('tourism', { areaCode: '371521', venueCode: 'V-JYG' }),
    rule: 'venue-station',
    assignee: 'ST-371521-02',
    candidates: [{ code: 'ST-371521-02', eligible: true, load: 0.25, hasDistance: false }],
    notCandidates: ['CT-371500'],
  },
  {
    name: 'rule 3: the venue station is full → falls to rule 5 (other stations of the area)',
    input: complaint('food', { venueCode: 'V-CZ', ...AT.chezhan }),
    rule: 'area-station',
    assignee: 'ST-371502-01',
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
    candidates: [{ code: 'ST-371502-01', eligible: false, why: '已退回' }],
  },

  // ---- rule 4: sector regulator --------------------------------------------------------------
  {
    name: 'rule 4: elderly-care complaint → 民政局',
    input: complaint('elderly-care', { areaCode: '371581' }),
    rule: 'sector-regulator',
    assignee: 'CA-371500',
    candidates: [{ code: 'CA-371500', eligible: true }],
  },
  {
    name: 'formal, rule 4: tourism complaint outside any venue → 文旅局 (stations are never considered)',
    input: formal(complaint('tourism', { areaCode: '371521' })),
    rule: 'sector-regulator',
    assignee: 'CT-371500',
    notCandidates: ['ST-371521-02'],
  },
  {
    name: 'settlement, rule 3 before rule 4: the same tourism complaint to settle → the area station covering tourism',
    input: complaint('tourism', { areaCode: '371521' }),
    rule: 'area-station',
    assignee: 'ST-371521-02',
    candidates: [{ code: 'ST-371521-02', eligible: true, load: 0.25 }],
  },
  {
    name: 'formal, rule 4 + hand-back: 文旅局 handed it back → the area bureau, never a station',
    input: formal(complaint('tourism', { areaCode: '371521' })),
    excluded: ['CT-371500'],
    rule: 'area-bureau',
    assignee: 'MR-371521',
    candidates: [
      { code: 'CT-371500', eligible: false, why: '已退回' },
      { code: 'MR-371521', eligible: true },
    ],
    notCandidates: ['ST-371521-02'],
  },
  {
    name: "province: telecom complaint → no authority in the city (another department's duty)",
    input: complaint('telecom', { areaCode: '371521' }),
    rule: 'outside-city',
    assignee: 'MR-371500',
    noAuthority: true,
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
  },
  {
    name: 'rule 5: equal load, respondent location unknown → the lower code wins',
    input: complaint('catering'),
    rule: 'area-station',
    assignee: 'ST-371502-03',
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
  },
  {
    name: 'rule 5: equal load, one station without coordinates → the one with a known distance first',
    // the respondent stands next to 古城 (ST-371502-03); ST-371502-02 has the lower code but no coordinates,
    // and an unknown distance sorts after every known one (a total order: see the determinism tests)
    input: complaint('clothing', AT.gucheng),
    rule: 'area-station',
    assignee: 'ST-371502-03',
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
  },
  {
    name: 'hand-back: every station excluded → the area bureau',
    input: complaint('food'),
    excluded: ['ST-371502-01', 'ST-371502-03', 'ST-371502-04'],
    rule: 'area-bureau',
    assignee: 'MR-371502',
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
    designation: true,
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
    expect(d.noAuthority !== null).toBe(s.noAuthority ?? false);
    expect(d.designation).toBe(s.designation ?? false);
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
  ])('complaint: %s', (_name, respondent, areaCode, noted) => {
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

describe('jurisdictionArea — reports on platform sellers: the actual operating place (Art. 31)', () => {
  it.each<[string, Partial<Respondent>, string, boolean]>([
    ['a seller of 聊聊云购 operating in 临清市 → 371581', { areaCode: '371581', online: true, platformName: '聊聊云购' }, '371581', false],
    [
      'a seller of 聊聊云购 operating outside the city → that area',
      { areaCode: '440305', online: true, platformName: '聊聊云购' },
      '440305',
      false,
    ],
    [
      'a seller of 聊聊云购 with no operating place → the platform domicile',
      { areaCode: '', online: true, platformName: '聊聊云购' },
      '371502',
      true,
    ],
  ])('%s', (_name, respondent, areaCode, noted) => {
    const j = jurisdictionArea(report('food', respondent), dir);
    expect(j.areaCode).toBe(areaCode);
    expect(j.note !== null).toBe(noted);
  });
});

describe('platformOf', () => {
  it.each<[string, Partial<Respondent>, string | null]>([
    ['a seller naming the platform', { online: true, platformName: '聊聊云购' }, 'V-LL'],
    ['a seller naming it with spaces and full-width letters', { online: true, platformName: ' 聊聊云购ＡＰＰ ' }, 'V-LL'],
    ['the platform itself (its venue)', { venueCode: 'V-BD' }, 'V-BD'],
    ['a partial name is not the platform', { online: true, platformName: '云购' }, null],
    ['an offline business naming a platform is not on it', { online: false, platformName: '聊聊云购' }, null],
    ['a business in a mall', { venueCode: 'V-ZH' }, null],
  ])('%s', (_name, respondent, code) => {
    expect(platformOf(complaint('food', respondent), dir)?.code ?? null).toBe(code);
  });
});

describe('whereToFile — what the consumer or reporter is told when the city has no authority', () => {
  it.each<[string, NoAuthority, 'complaint' | 'report', string[]]>([
    [
      'a complaint, the area named',
      { kind: 'area', areaCode: '110101', areaName: '北京市东城区', platformSeller: false },
      'complaint',
      ['12315', '北京市东城区市场监督管理部门投诉'],
    ],
    [
      'a complaint, no name for the area',
      { kind: 'area', areaCode: '999999', areaName: null, platformSeller: false },
      'complaint',
      ['被投诉人实际经营地或者住所地', '投诉'],
    ],
    [
      'a complaint on a platform seller',
      { kind: 'area', areaCode: '', areaName: null, platformSeller: true },
      'complaint',
      ['平台内经营者公示地址所在地或者平台经营者住所地'],
    ],
    ['a report', { kind: 'area', areaCode: '999999', areaName: null, platformSeller: false }, 'report', ['违法行为发生地', '举报']],
    [
      "another department's matter",
      { kind: 'department', code: 'TC-370000', name: '山东省通信管理局' },
      'complaint',
      ['山东省通信管理局投诉'],
    ],
  ])('%s', (_name, na, track, fragments) => {
    const text = whereToFile(na, track);
    for (const f of fragments) expect(text).toContain(f);
  });

  it("an outside-city decision carries the structured answer and the area's national name", () => {
    const d = decideRoute(complaint('food', { areaCode: '110101' }), {
      ...dir,
      areaName: (code) => (code === '110101' ? '北京市东城区' : undefined),
    });
    expect(d.noAuthority).toEqual({ kind: 'area', areaCode: '110101', areaName: '北京市东城区', platformSeller: false });
    expect(d.reason).toContain('北京市东城区市场监督管理部门');
    expect(decideRoute(complaint('telecom'), dir).noAuthority).toEqual({ kind: 'department', code: 'TC-370000', name: '山东省通信管理局' });
  });
});

describe('decideDesignation — the city bureau designates the handler of a disputed case', () => {
  const disputed = { ...formal(complaint('food')), handedBackBy: ['ST-371502-01', 'MR-371502'] };
  const excluded = new Set(disputed.handedBackBy);
  it.each<[string, RoutableCase, string, boolean | string]>([
    ['a station: never (it has no authority over a formal complaint)', disputed, 'ST-371502-04', '服务站不具有'],
    ['another county bureau', disputed, 'MR-371581', true],
    ['the city bureau itself', disputed, 'MR-371500', true],
    [
      'a sector regulator that does not own the category',
      { ...complaint('tourism'), handedBackBy: ['CT-371500', 'MR-371502'] },
      'CA-371500',
      '不主管',
    ],
    ['a unit that handed it back: never', disputed, 'MR-371502', '不再分派'],
    ['a station that handed it back: never', disputed, 'ST-371502-01', '不再分派'],
    ['a station for a report', { ...report('food'), handedBackBy: ['MR-371502', 'MR-371581'] }, 'ST-371502-04', '服务站不具有'],
    ['a province-level department', disputed, 'TC-370000', '不在本市'],
    ['an unknown unit', disputed, 'ST-999', '没有'],
  ])('%s', (_name, c, unit, expected) => {
    const d = decideDesignation(c, dir, unit, new Set([...excluded, ...(c.handedBackBy ?? [])]), '经协调指定');
    if (expected === true) {
      expect(d).toMatchObject({ ok: true, assignee: { code: unit } });
      if (d.ok) {
        expect(d.reason).toContain('经协调指定');
        expect(d.reason).toContain('最终决定');
        expect(d.candidates).toEqual([expect.objectContaining({ code: unit, eligible: true })]);
      }
    } else {
      expect(d.ok).toBe(false);
      if (!d.ok) {
        expect(d.problem.zh).toContain(expected);
        expect(d.problem.en.length).toBeGreaterThan(0);
      }
    }
  });
});

describe('handBackBlocked', () => {
  it.each<[string, { rule: string; assigneeCode: string }[], boolean]>([
    ['a routed case', [{ rule: 'area-station', assigneeCode: 'ST-371502-01' }], false],
    [
      'after a hand-back and routing again',
      [
        { rule: 'area-station', assigneeCode: 'ST-371502-01' },
        { rule: 'area-bureau', assigneeCode: 'MR-371502' },
      ],
      false,
    ],
    ['waiting at the city bureau for a designation', [{ rule: 'disputed-jurisdiction', assigneeCode: 'MR-371500' }], true],
    [
      'designated: final',
      [
        { rule: 'disputed-jurisdiction', assigneeCode: 'MR-371500' },
        { rule: 'designated', assigneeCode: 'MR-371581' },
      ],
      true,
    ],
    ['no routing yet', [], false],
  ])('%s', (_name, decisions, blocked) => {
    expect(handBackBlocked(decisions, 'MR-371500')).toBe(blocked);
  });
});

describe('stationsConsidered — the loads a batch reads and locks', () => {
  it("takes the jurisdiction areas, the venues, the platforms' stations and the counter stations", () => {
    const codes = stationsConsidered(
      [
        complaint('food', { areaCode: '371521', venueCode: 'V-JYG' }),
        complaint('food', { areaCode: '371581', online: true, platformName: '聊聊云购' }),
        { ...complaint('food', { areaCode: '371581' }), counterUnit: 'ST-371502-04' },
      ],
      dir,
    ).map((s) => s.code);
    expect(new Set(codes)).toEqual(new Set(['ST-371521-01', 'ST-371521-02', 'ST-371581-01', 'ST-371502-09', 'ST-371502-04']));
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

describe('decideRoute — settlement rule 1: an enrolled business answers the complaints against it itself', () => {
  const CODE = '91371502MA3C8X2Q13';
  const withBusiness = (suspended = false): DirectorySnapshot => ({
    ...dir,
    businesses: new Map([[CODE, { code: CODE, name: '聊城市某某餐饮有限公司', suspended }]]),
  });
  const about = (over: Partial<Respondent> = {}) => complaint('food', { creditCode: CODE, venueCode: 'V-ZH', ...over });

  it.each([
    ['named by its credit code, settlement chosen', about(), withBusiness(), new Set<string>(), 'enrolled-business', 'business'],
    ['suspended from ODR: the venue’s station helps instead', about(), withBusiness(true), new Set<string>(), 'venue-station', 'station'],
    ['it handed the case back: never again, the station helps', about(), withBusiness(), new Set([CODE]), 'venue-station', 'station'],
    ['not enrolled: the venue’s station', about(), dir, new Set<string>(), 'venue-station', 'station'],
    [
      'no credit code: the venue’s station (a station may confirm the name)',
      about({ creditCode: null }),
      withBusiness(),
      new Set<string>(),
      'venue-station',
      'station',
    ],
  ] as const)('%s', (_name, c, directory, excluded, rule, type) => {
    const d = decideRoute(c, directory, excluded);
    expect(d).toMatchObject({ rule, stage: 'settlement', assignee: { type } });
  });

  it('the formal path and reports never go to the business', () => {
    expect(decideRoute({ ...about(), stage: 'formal' }, withBusiness()).assignee.type).toBe('regulator');
    expect(decideRoute({ ...about(), track: 'report', stage: 'formal' }, withBusiness()).assignee.type).toBe('regulator');
  });

  it('records the business as a candidate, with why it was or was not chosen', () => {
    const chosen = decideRoute(about(), withBusiness());
    expect(chosen.candidates[0]).toMatchObject({ type: 'business', code: CODE, eligible: true });
    expect(chosen.reason).toContain('由经营者直接与消费者协商和解');
    const skipped = decideRoute(about(), withBusiness(true));
    expect(skipped.candidates[0]).toMatchObject({ type: 'business', eligible: false, why: '在线消费纠纷解决已暂停' });
  });
});
