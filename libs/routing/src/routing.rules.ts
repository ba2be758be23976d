/**
 * Who handles a case, and why: docs/RULES.md "Jurisdiction and routing", in order. Pure: the case and a
 * snapshot of the directory (with each unit's current load) in, a decision with its reason out.
 *
 * The routing engine stands for the city bureau's intake desk (统一接收投诉举报的工作机构): it sends each
 * case to a unit with authority; a unit without authority reports back to the desk, which routes the
 * case again without it and never returns it there; a disputed jurisdiction goes to the city bureau,
 * whose designation of the handler is final for the case.
 */

type UnitType = 'station' | 'regulator' | 'business';

export interface RoutableCase {
  track: 'complaint' | 'report';
  /**
   * Settlement at the source (a station helps both sides agree) or the formal complaint to the
   * department with jurisdiction. Reports are always formal.
   */
  stage: 'settlement' | 'formal';
  categoryCode: string;
  respondent: {
    /** The unified social credit code the consumer gave, if any: an enrolled business is matched by it. */
    creditCode?: string | null;
    areaCode: string;
    venueCode: string | null;
    online: boolean;
    platformName: string | null;
    lat: number | null;
    lng: number | null;
  };
  /** The units that handed this case back, in order (one entry per hand-back). */
  handedBackBy?: readonly string[];
  /** The station whose counter took the complaint in person (staff intake, channel `counter`). */
  counterUnit?: string | null;
}

export interface StationSnapshot {
  code: string;
  name: string;
  /** For the consumer's notice of who is helping (the directory's; absent in rule tests). */
  phone?: string | null;
  address?: string;
  type: string;
  areaCode: string;
  venueCode: string | null;
  categories: ReadonlySet<string>;
  capacity: number;
  open: number;
  lat: number | null;
  lng: number | null;
}

export interface RegulatorSnapshot {
  code: string;
  name: string;
  kind: 'market' | 'sector';
  level: 'city' | 'county' | 'province';
  areaCode: string | null;
}

interface PlatformSnapshot {
  /** The platform's venue code (its stations have it as their venue). */
  code: string;
  name: string;
  areaCode: string;
}

/** A business enrolled for online dispute resolution (ODR), as routing sees it. */
export interface BusinessSnapshot {
  code: string;
  name: string;
  /** Suspended from ODR: its complaints go to a station or to the regulator. */
  suspended: boolean;
}

export interface DirectorySnapshot {
  /** Enrolled businesses by credit code (routing loads those its cases name). */
  businesses?: ReadonlyMap<string, BusinessSnapshot>;
  cityAreas: ReadonlySet<string>;
  stations: readonly StationSnapshot[];
  regulators: readonly RegulatorSnapshot[];
  /** category code → the sector regulator that owns it */
  categoryOwner: ReadonlyMap<string, string>;
  /** platforms domiciled in the city (venues of type platform) */
  platforms: readonly PlatformSnapshot[];
  /** the city market-regulation bureau: the intake desk, and the unit that settles disputed jurisdiction */
  cityBureau: string;
  /** The name of a county-level area anywhere in the country (e.g. 北京市东城区), for telling people where to file. */
  areaName?: (areaCode: string) => string | undefined;
}

export type RuleCode =
  | 'outside-city' // 1: no authority in the city
  | 'disputed-jurisdiction' // 2: handed back by two units
  | 'report-sector' // 3
  | 'report-area-bureau' // 3
  | 'enrolled-business' // settlement 1: the business itself
  | 'counter-station' // 4
  | 'venue-station' // 5
  | 'platform-station' // 5
  | 'sector-regulator' // 6
  | 'area-station' // 7
  | 'area-bureau' // 8
  | 'city-bureau'; // no eligible unit left

/**
 * A dispute over authority is settled within 7 working days of arising, or by the common superior
 * (Order 121 Art. 33; Order 20 Art. 30): here the city bureau designates within that period.
 */
export const DESIGNATION_WORKING_DAYS = 7;

/** A case handed back by this many units is a disputed jurisdiction: the city bureau designates. */
const DISPUTE_AFTER_HAND_BACKS = 2;

export interface Candidate {
  type: UnitType;
  code: string;
  name: string;
  /** open / capacity, for stations */
  load: number | null;
  distanceKm: number | null;
  eligible: boolean;
  why: string;
}

/**
 * No unit in the city has authority: the competent one is elsewhere. A complaint is refused on
 * ground 1 (outside duties / no authority here), a reporter is told to report there.
 */
export type NoAuthority =
  { kind: 'area'; areaCode: string; areaName: string | null; platformSeller: boolean } | { kind: 'department'; code: string; name: string };

export interface RoutingDecision {
  rule: RuleCode;
  /** The stage the case is in after this decision: a settlement case no station can take becomes formal. */
  stage: 'settlement' | 'formal';
  assignee: { type: UnitType; code: string; name: string };
  reason: string;
  /** The area whose rules applied (after the online/platform jurisdiction rules). */
  areaCode: string;
  candidates: Candidate[];
  /** The city bureau must designate the handler (a disputed jurisdiction, or no eligible unit left). */
  designation: boolean;
  /** Not this city's authority: the city bureau's intake desk decides at once and says where to file. */
  noAuthority: NoAuthority | null;
}

const normalized = (name: string) => name.normalize('NFKC').replace(/\s+/g, '');

/**
 * The city platform a complaint or report is about: the respondent sells on it (online, naming it),
 * or is it (its venue is the platform's). The platform as named by the consumer must contain the
 * city platform's full name ("聊聊云购平台" is 聊聊云购; "云购" is not): a partial name must not pull an
 * outside seller into the city.
 */
export function platformOf(c: RoutableCase, dir: DirectorySnapshot): PlatformSnapshot | null {
  const r = c.respondent;
  if (r.venueCode) {
    const byVenue = dir.platforms.find((p) => p.code === r.venueCode);
    if (byVenue) return byVenue;
  }
  if (r.online && r.platformName) {
    const given = normalized(r.platformName);
    return dir.platforms.find((p) => given.includes(normalized(p.name))) ?? null;
  }
  return null;
}

/** The area whose bureau has jurisdiction, after the rules for online respondents (docs/RULES.md "Jurisdiction and routing"). */
export function jurisdictionArea(c: RoutableCase, dir: DirectorySnapshot): { areaCode: string; note: string | null } {
  const r = c.respondent;
  const platform = r.online && r.platformName ? platformOf(c, dir) : null;
  if (platform && !dir.cityAreas.has(r.areaCode)) {
    // Reports: the seller's actual operating place; the platform's domicile bureau may handle a
    // report it receives first, which here is only when the seller gave no place at all.
    if (c.track === 'report') {
      if (r.areaCode) return { areaCode: r.areaCode, note: null };
      return {
        areaCode: platform.areaCode,
        note: `平台内经营者实际经营地不明，由先行收到举报的平台「${platform.name}」住所地市场监管部门处理`,
      };
    }
    // Complaints: the address the seller publishes on the platform, or the platform's domicile;
    // with no valid address in the city (an area outside it, or none), the platform's domicile.
    return { areaCode: platform.areaCode, note: `平台内经营者未公示本市有效地址，按平台「${platform.name}」住所地确定管辖` };
  }
  return { areaCode: r.areaCode, note: null };
}

/** Where to file instead, in Chinese: what the consumer or reporter is told when the city has no authority. */
export function whereToFile(na: NoAuthority, track: 'complaint' | 'report'): string {
  const verb = track === 'report' ? '举报' : '投诉';
  if (na.kind === 'department') return `该事项由${na.name}主管，请直接向${na.name}${verb}`;
  const place = na.areaName
    ? `${na.areaName}`
    : na.platformSeller
      ? '平台内经营者公示地址所在地或者平台经营者住所地的县级'
      : track === 'report'
        ? '违法行为发生地的县级'
        : '被投诉人实际经营地或者住所地的县级';
  return `请通过全国12315平台（www.12315.cn）直接向${place}市场监督管理部门${verb}`;
}

function distanceKm(a: { lat: number | null; lng: number | null }, b: { lat: number | null; lng: number | null }): number | null {
  if (a.lat === null || a.lng === null || b.lat === null || b.lng === null) return null;
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return Math.round(2 * 6371 * Math.asin(Math.sqrt(h)) * 100) / 100;
}

const loadOf = (s: StationSnapshot) => s.open / s.capacity;

/**
 * Lowest load first (exact open/capacity); then nearest, a station without coordinates after those
 * with them; then station code. A total order, so the choice never depends on list order.
 */
export function compareStations(a: Candidate, b: Candidate): number {
  if (a.load !== b.load) return (a.load ?? Infinity) - (b.load ?? Infinity);
  if (a.distanceKm !== b.distanceKm) return (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity);
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

const PLATFORM_ONLY = '平台企业的服务站只受理本平台及平台内经营者的投诉';

/**
 * Whether a station can take a complaint in this category about this respondent: it covers the
 * category, and a platform company's station takes only its own platform and the platform's sellers.
 */
function stationServes(s: StationSnapshot, c: RoutableCase, platform: PlatformSnapshot | null): { ok: boolean; why: string | null } {
  if (!s.categories.has(c.categoryCode)) return { ok: false, why: '不受理该品类' };
  if (s.type === 'platform' && (!platform || s.venueCode !== platform.code)) return { ok: false, why: PLATFORM_ONLY };
  return { ok: true, why: null };
}

export function decideRoute(c: RoutableCase, dir: DirectorySnapshot, excluded: ReadonlySet<string> = new Set()): RoutingDecision {
  const candidates: Candidate[] = [];
  const regulator = (code: string | undefined) => dir.regulators.find((g) => g.code === code);
  const areaBureau = (areaCode: string) => dir.regulators.find((g) => g.kind === 'market' && g.areaCode === areaCode);
  const city = regulator(dir.cityBureau)!;
  const handedBack = c.handedBackBy ?? [];
  const pick = (
    rule: RuleCode,
    unit: { type: UnitType; code: string; name: string },
    reason: string,
    areaCode: string,
    extra: { designation?: boolean; noAuthority?: NoAuthority } = {},
  ): RoutingDecision => ({
    rule,
    stage: unit.type === 'regulator' ? 'formal' : 'settlement',
    assignee: { type: unit.type, code: unit.code, name: unit.name },
    reason,
    areaCode,
    candidates,
    designation: extra.designation ?? false,
    noAuthority: extra.noAuthority ?? null,
  });
  const asRegulator = (g: RegulatorSnapshot) => ({ type: 'regulator' as const, code: g.code, name: g.name });
  const note = (g: RegulatorSnapshot, why: string, eligible: boolean) =>
    candidates.push({ type: 'regulator', code: g.code, name: g.name, load: null, distanceKm: null, eligible, why });
  const designate = (rule: RuleCode, why: string, areaCode: string): RoutingDecision => {
    note(city, '市局指定处理机关', true);
    return pick(
      rule,
      asRegulator(city),
      `${why}，由 ${city.name} 在 ${DESIGNATION_WORKING_DAYS} 个工作日内指定处理机关；指定为最终决定，不再循环分派`,
      areaCode,
      { designation: true },
    );
  };
  const lastResort = (areaCode: string, why: string): RoutingDecision => {
    const bureau = areaBureau(areaCode);
    if (bureau && !excluded.has(bureau.code)) {
      note(bureau, '经营者所在地区县市场监管局', true);
      return pick('area-bureau', asRegulator(bureau), `${why}，由 ${bureau.name} 办理`, areaCode);
    }
    if (bureau) note(bureau, '已退回', false);
    return designate('city-bureau', `${why}，已无可分派的单位`, areaCode);
  };
  const noAuthority = (na: NoAuthority, why: string, areaCode: string): RoutingDecision => {
    note(city, '市局受理窗口：本市不具有处理权限，当即告知', true);
    const decided = c.track === 'report' ? '告知举报人并办结' : '不予受理并告知投诉人';
    return pick(
      'outside-city',
      asRegulator(city),
      `${why}，本市市场监管部门不具有处理权限，由 ${city.name} 受理窗口${decided}：${whereToFile(na, c.track)}`,
      areaCode,
      { noAuthority: na },
    );
  };

  // 1. Outside the city (and not a seller on a platform domiciled here, for a complaint).
  const { areaCode, note: jurisdictionNote } = jurisdictionArea(c, dir);
  const platform = platformOf(c, dir);
  if (!dir.cityAreas.has(areaCode)) {
    const name = areaCode ? (dir.areaName?.(areaCode) ?? null) : null;
    const seller = c.respondent.online && c.respondent.platformName !== null;
    return noAuthority(
      { kind: 'area', areaCode, areaName: name, platformSeller: seller && c.track === 'complaint' },
      `被${c.track === 'report' ? '举报' : '投诉'}经营者位于本市以外（${name ? `${name}，` : ''}区划代码 ${areaCode || '未填写'}）`,
      areaCode,
    );
  }
  const prefix = jurisdictionNote ? `${jurisdictionNote}；` : '';
  const nameOf = (code: string) => regulator(code)?.name ?? dir.stations.find((s) => s.code === code)?.name ?? code;
  const desk = handedBack.length
    ? `经 ${[...new Set(handedBack)].map(nameOf).join('、')} 退回，市局受理窗口重新分派（不再分派给已退回的单位）；`
    : '';
  const owner = regulator(dir.categoryOwner.get(c.categoryCode));
  const provinceOwned = (o: RegulatorSnapshot) => {
    note(o, '省级部门主管，本市无处理权限', false);
    return noAuthority({ kind: 'department', code: o.code, name: o.name }, `${prefix}该品类由省级部门主管`, areaCode);
  };

  // 2. Handed back by two departments: a disputed jurisdiction, which the city bureau settles. A
  // station handing back a settlement case claims no authority, so it is no party to a dispute.
  const disputing = handedBack.filter((code) => regulator(code));
  if (disputing.length >= DISPUTE_AFTER_HAND_BACKS) {
    for (const code of new Set(disputing)) {
      note(regulator(code)!, '已退回', false);
    }
    return designate('disputed-jurisdiction', `${prefix}已有 ${disputing.length} 个部门以无处理权限为由退回，属于管辖争议`, areaCode);
  }

  // 3. Reports: the sector regulator that owns the category, else the area's market bureau.
  if (c.track === 'report') {
    if (owner && owner.level === 'province') return provinceOwned(owner);
    if (owner && !excluded.has(owner.code)) {
      note(owner, '品类主管部门', true);
      return pick('report-sector', asRegulator(owner), `${prefix}${desk}举报只由监管部门办理；该品类由 ${owner.name} 主管`, areaCode);
    }
    if (owner) note(owner, '已退回', false);
    const bureau = areaBureau(areaCode);
    if (bureau && !excluded.has(bureau.code)) {
      note(bureau, '违法行为发生地市场监管局', true);
      return pick(
        'report-area-bureau',
        asRegulator(bureau),
        `${prefix}${desk}举报只由监管部门办理，由违法行为发生地 ${bureau.name} 办理`,
        areaCode,
      );
    }
    return lastResort(areaCode, `${prefix}${desk}举报`);
  }

  const seen = new Set<string>();
  const station = (s: StationSnapshot, why: string, eligible: boolean): Candidate => {
    seen.add(s.code);
    const cand: Candidate = {
      type: 'station',
      code: s.code,
      name: s.name,
      load: loadOf(s),
      distanceKm: distanceKm(c.respondent, s),
      eligible,
      why,
    };
    candidates.push(cand);
    return cand;
  };
  const serving = dir.stations.filter((s) => s.categories.has(c.categoryCode));

  /**
   * The settlement stage: the business itself when it is enrolled for online dispute resolution (it
   * negotiates with the consumer directly; the station of its venue can see and step in), else a
   * station at the source, or of the area, helps both sides agree.
   */
  const settlementStation = (): RoutingDecision | null => {
    // 1. An enrolled business, named by its credit code.
    const code = c.respondent.creditCode;
    const business = code ? dir.businesses?.get(code) : undefined;
    if (business) {
      const ok = !business.suspended && !excluded.has(business.code);
      const why = excluded.has(business.code)
        ? '已退回'
        : business.suspended
          ? '在线消费纠纷解决已暂停'
          : '被投诉经营者为在线消费纠纷解决企业';
      candidates.push({ type: 'business', code: business.code, name: business.name, load: null, distanceKm: null, eligible: ok, why });
      if (ok)
        return pick(
          'enrolled-business',
          { type: 'business', code: business.code, name: business.name },
          `${prefix}${desk}被投诉经营者 ${business.name} 为在线消费纠纷解决企业，由经营者直接与消费者协商和解（源头解决）`,
          areaCode,
        );
    }

    // 4. Entered at a station's counter: it stays with that station, unless the station cannot handle it.
    const counter = c.counterUnit ? dir.stations.find((s) => s.code === c.counterUnit) : undefined;
    if (counter) {
      const serves = stationServes(counter, c, platform);
      const ok = serves.ok && !excluded.has(counter.code);
      const cand = station(
        counter,
        excluded.has(counter.code) ? '已退回' : ok ? '当面受理该投诉的服务站（窗口登记）' : `当面受理的服务站${serves.why}`,
        ok,
      );
      if (ok) return pick('counter-station', cand, `${prefix}投诉由 ${cand.name} 窗口当面受理，由该站办理（首问负责，源头解决）`, areaCode);
    }

    // 5. A station in the respondent's venue, or the platform's own station, that can take it and has room: settled at the source.
    const atSource = (stations: StationSnapshot[], why: string) =>
      stations
        .filter((s) => !seen.has(s.code) && stationServes(s, c, platform).ok)
        .map((s) => {
          const ok = !excluded.has(s.code) && s.open < s.capacity;
          return station(s, excluded.has(s.code) ? '已退回' : ok ? why : '已满负荷', ok);
        })
        .filter((x) => x.eligible)
        .sort(compareStations)[0];
    if (c.respondent.venueCode) {
      const best = atSource(
        serving.filter((s) => s.venueCode === c.respondent.venueCode),
        '经营者所在场所的服务站',
      );
      if (best)
        return pick(
          'venue-station',
          best,
          `${prefix}${desk}经营者位于「${best.name.replace(/消费维权服务站$/, '')}」，由场所内的 ${best.name} 就地化解（源头解决）`,
          areaCode,
        );
    }
    if (platform) {
      const best = atSource(
        serving.filter((s) => s.type === 'platform' && s.venueCode === platform.code),
        '经营者所在平台的服务站',
      );
      if (best)
        return pick(
          'platform-station',
          best,
          `${prefix}${desk}被投诉人为「${platform.name}」平台或其平台内经营者，由平台的 ${best.name} 就地化解（源头解决）`,
          areaCode,
        );
    }
    // 7. The least-loaded station of the area that can take it.
    const inArea = serving
      .filter((s) => s.areaCode === areaCode && !seen.has(s.code))
      .map((s) => {
        const serves = stationServes(s, c, platform);
        const full = s.open >= s.capacity;
        const why = excluded.has(s.code) ? '已退回' : !serves.ok ? serves.why! : full ? '已满负荷' : '本区县受理该品类的服务站';
        return station(s, why, serves.ok && !excluded.has(s.code) && !full);
      });
    const best = inArea.filter((x) => x.eligible).sort(compareStations)[0];
    if (best) {
      const others = inArea.filter((x) => x.eligible).length - 1;
      return pick(
        'area-station',
        best,
        `${prefix}${desk}分派给本区县受理该品类、负荷最低的服务站 ${best.name}（负荷 ${Math.round(best.load! * 100)}%${best.distanceKm !== null ? `，距经营者 ${best.distanceKm} 公里` : ''}${others > 0 ? `，另有 ${others} 个候选` : ''}）`,
        areaCode,
      );
    }
    return null;
  };

  const settled = c.stage === 'settlement' ? settlementStation() : null;
  if (settled) return settled;
  // Formal from here: the consumer chose it, or no station can help settle.
  const formal =
    c.stage === 'settlement' ? `${prefix}${desk}没有可以协助协商和解的服务站，直接作为正式投诉由监管部门办理；` : `${prefix}${desk}`;

  // 6. A category another department owns (Art. 2): a province-level one has no office in the city.
  if (owner && owner.level === 'province') return provinceOwned(owner);
  if (owner && !excluded.has(owner.code)) {
    note(owner, '品类主管部门', true);
    return pick('sector-regulator', asRegulator(owner), `${formal}该品类由行业主管部门 ${owner.name} 办理`, areaCode);
  }
  if (owner) note(owner, '已退回', false);

  // 8. The market-regulation bureau of the area (Order 121 Art. 13).
  return lastResort(areaCode, `${formal}依法由经营者所在地的市场监管部门处理`);
}

/** The stations a batch of cases may be routed to: their loads are read (and locked) before deciding. */
export function stationsConsidered(cases: readonly RoutableCase[], dir: DirectorySnapshot): StationSnapshot[] {
  const areas = new Set<string>();
  const venues = new Set<string>();
  const codes = new Set<string>();
  for (const c of cases) {
    areas.add(jurisdictionArea(c, dir).areaCode);
    if (c.respondent.venueCode) venues.add(c.respondent.venueCode);
    const platform = platformOf(c, dir);
    if (platform) venues.add(platform.code);
    if (c.counterUnit) codes.add(c.counterUnit);
  }
  return dir.stations.filter((s) => areas.has(s.areaCode) || (s.venueCode !== null && venues.has(s.venueCode)) || codes.has(s.code));
}

export type DesignationOutcome =
  | { ok: true; assignee: { type: 'station' | 'regulator'; code: string; name: string }; reason: string; candidates: Candidate[] }
  | { ok: false; problem: { zh: string; en: string } };

/**
 * The city bureau designates the handler of a disputed case: a unit that can take the matter and has
 * not handed it back (the case never returns to one that did), or the city bureau itself. The
 * designation is final for the case: the designated unit cannot hand it back.
 */
export function decideDesignation(
  c: RoutableCase,
  dir: DirectorySnapshot,
  unitCode: string,
  excluded: ReadonlySet<string>,
  note: string,
): DesignationOutcome {
  const fail = (zh: string, en: string): DesignationOutcome => ({ ok: false, problem: { zh, en } });
  const city = dir.regulators.find((g) => g.code === dir.cityBureau)!;
  const done = (unit: { type: 'station' | 'regulator'; code: string; name: string }, why: string): DesignationOutcome => ({
    ok: true,
    assignee: unit,
    reason: `${city.name} 指定 ${unit.name} 处理（${why}）：${note}；指定为最终决定，承办单位不得退回`,
    candidates: [{ type: unit.type, code: unit.code, name: unit.name, load: null, distanceKm: null, eligible: true, why: '市局指定' }],
  });
  if (excluded.has(unitCode))
    return fail(
      `${unitCode} 已退回或逾期未受理该案件，案件不再分派给该单位`,
      `${unitCode} handed this case back (or let it lapse); the case never returns to it`,
    );
  const g = dir.regulators.find((x) => x.code === unitCode);
  if (g) {
    if (g.code === city.code) return done({ type: 'regulator', code: g.code, name: g.name }, '市局自行处理');
    if (g.level === 'province') return fail(`${g.name} 不在本市`, `${g.name} is not a unit of the city`);
    if (g.kind === 'sector' && dir.categoryOwner.get(c.categoryCode) !== g.code)
      return fail(`${g.name} 不主管该品类`, `${g.name} does not own this category`);
    return done({ type: 'regulator', code: g.code, name: g.name }, g.kind === 'sector' ? '品类主管部门' : '市场监管部门');
  }
  // A disputed jurisdiction is between departments: a station decides nothing and cannot be designated.
  if (dir.stations.some((x) => x.code === unitCode))
    return fail(
      '服务站不具有处理投诉举报的职权，只能指定有管辖权的监管部门',
      'a station has no authority over a formal complaint or a report: designate a department',
    );
  return fail(`没有启用中的单位 ${unitCode}`, `no active unit ${unitCode}`);
}

/**
 * Whether the unit holding a case may hand it back, from the case's routing history: never after the
 * city bureau designated the handler (final), and never the city bureau itself (it is the desk every
 * hand-back reports to, and it settles disputes).
 */
export function handBackBlocked(decisions: readonly { rule: string; assigneeCode: string }[], cityBureau: string): boolean {
  if (decisions.some((d) => d.rule === 'designated')) return true;
  const last = decisions[decisions.length - 1];
  return last !== undefined && last.assigneeCode === cityBureau;
}
