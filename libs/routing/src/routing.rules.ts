/**
 * Who handles a case, and why: docs/RULES.md "Jurisdiction and routing", in order. Pure: the case and a
 * snapshot of the directory (with each unit's current load) in, a decision with its reason out.
 */

type UnitType = 'station' | 'regulator';

export interface RoutableCase {
  track: 'complaint' | 'report';
  categoryCode: string;
  respondent: {
    areaCode: string;
    venueCode: string | null;
    online: boolean;
    platformName: string | null;
    lat: number | null;
    lng: number | null;
  };
}

export interface StationSnapshot {
  code: string;
  name: string;
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
  name: string;
  areaCode: string;
}

export interface DirectorySnapshot {
  cityAreas: ReadonlySet<string>;
  stations: readonly StationSnapshot[];
  regulators: readonly RegulatorSnapshot[];
  /** category code → the sector regulator that owns it */
  categoryOwner: ReadonlyMap<string, string>;
  /** platforms domiciled in the city (venues of type platform) */
  platforms: readonly PlatformSnapshot[];
  /** the city market-regulation bureau: the intake desk for transfers out and the last resort */
  cityBureau: string;
}

export type RuleCode =
  | 'transfer-out' // 1
  | 'report-sector' // 2
  | 'report-area-bureau' // 2
  | 'venue-station' // 3
  | 'sector-regulator' // 4
  | 'area-station' // 5
  | 'area-bureau' // 6
  | 'city-bureau'; // every candidate handed it back

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

export interface RoutingDecision {
  rule: RuleCode;
  assignee: { type: UnitType; code: string; name: string };
  /** Transfers leave the city's system: the city bureau forwards them (移送). */
  transfer: boolean;
  reason: string;
  /** The area whose rules applied (after the online/platform jurisdiction rules). */
  areaCode: string;
  candidates: Candidate[];
}

/** The area whose bureau has jurisdiction, after the rules for online respondents (docs/RULES.md "Jurisdiction and routing"). */
export function jurisdictionArea(c: RoutableCase, dir: DirectorySnapshot): { areaCode: string; note: string | null } {
  const r = c.respondent;
  if (r.online && r.platformName) {
    // The platform as named by the consumer must contain the city platform's full name ("聊聊云购平台"
    // is 聊聊云购; "云购" is not): a partial name must not pull an outside seller into the city.
    const given = r.platformName.normalize('NFKC').replace(/\s+/g, '');
    const platform = dir.platforms.find((p) => given.includes(p.name.normalize('NFKC').replace(/\s+/g, '')));
    // A seller on a platform answers where it actually operates; with no valid address in the city
    // (an area outside it, or none), the platform's domicile decides.
    if (platform && !dir.cityAreas.has(r.areaCode)) {
      return { areaCode: platform.areaCode, note: `平台内经营者未公示本市有效地址，按平台「${platform.name}」住所地确定管辖` };
    }
  }
  return { areaCode: r.areaCode, note: null };
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

export function decideRoute(c: RoutableCase, dir: DirectorySnapshot, excluded: ReadonlySet<string> = new Set()): RoutingDecision {
  const candidates: Candidate[] = [];
  const regulator = (code: string | undefined) => dir.regulators.find((g) => g.code === code);
  const areaBureau = (areaCode: string) => dir.regulators.find((g) => g.kind === 'market' && g.areaCode === areaCode);
  const city = regulator(dir.cityBureau)!;
  const pick = (
    rule: RuleCode,
    unit: { type: UnitType; code: string; name: string },
    reason: string,
    areaCode: string,
    transfer = false,
  ): RoutingDecision => ({
    rule,
    assignee: { type: unit.type, code: unit.code, name: unit.name },
    transfer,
    reason,
    areaCode,
    candidates,
  });
  const asRegulator = (g: RegulatorSnapshot) => ({ type: 'regulator' as const, code: g.code, name: g.name });
  const note = (g: RegulatorSnapshot, why: string, eligible: boolean) =>
    candidates.push({ type: 'regulator', code: g.code, name: g.name, load: null, distanceKm: null, eligible, why });
  const lastResort = (areaCode: string, why: string): RoutingDecision => {
    const bureau = areaBureau(areaCode);
    if (bureau && !excluded.has(bureau.code)) {
      note(bureau, '区县市场监管局兜底', true);
      return pick('area-bureau', asRegulator(bureau), `${why}，由 ${bureau.name} 办理`, areaCode);
    }
    note(city, '所有候选单位均已退回，由市局统一处理', true);
    return pick('city-bureau', asRegulator(city), `${why}，相关单位均已退回，由 ${city.name} 统一处理，不再循环分派`, areaCode);
  };

  // 1. Outside the city, and not a seller on a platform domiciled here.
  const { areaCode, note: jurisdictionNote } = jurisdictionArea(c, dir);
  if (!dir.cityAreas.has(areaCode)) {
    note(city, '市局受理窗口负责移送', true);
    return pick(
      'transfer-out',
      asRegulator(city),
      `被投诉（举报）经营者位于本市以外（区划代码 ${areaCode}），由 ${city.name} 移送其所在地市场监管部门`,
      areaCode,
      true,
    );
  }
  const prefix = jurisdictionNote ? `${jurisdictionNote}；` : '';

  // 2. Reports: the sector regulator that owns the category, else the area's market bureau.
  if (c.track === 'report') {
    const owner = regulator(dir.categoryOwner.get(c.categoryCode));
    if (owner && owner.level === 'province') {
      note(owner, '省级部门主管，本市无管辖权', false);
      note(city, '市局受理窗口负责移送', true);
      return pick('transfer-out', asRegulator(city), `${prefix}举报事项由 ${owner.name} 主管，由 ${city.name} 移送`, areaCode, true);
    }
    if (owner && !excluded.has(owner.code)) {
      note(owner, '品类主管部门', true);
      return pick('report-sector', asRegulator(owner), `${prefix}举报只由监管部门办理；该品类由 ${owner.name} 主管`, areaCode);
    }
    if (owner) note(owner, '已退回', false);
    const bureau = areaBureau(areaCode);
    if (bureau && !excluded.has(bureau.code)) {
      note(bureau, '违法行为发生地市场监管局', true);
      return pick(
        'report-area-bureau',
        asRegulator(bureau),
        `${prefix}举报只由监管部门办理，由违法行为发生地 ${bureau.name} 办理`,
        areaCode,
      );
    }
    return lastResort(areaCode, `${prefix}举报`);
  }

  const covering = dir.stations.filter((s) => s.categories.has(c.categoryCode));
  const station = (s: StationSnapshot, why: string, eligible: boolean): Candidate => {
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

  // 3. A station in the respondent's venue that covers the category and has room: settled at the source.
  if (c.respondent.venueCode) {
    const atVenue = covering
      .filter((x) => x.venueCode === c.respondent.venueCode)
      .map((s) => {
        const ok = !excluded.has(s.code) && s.open < s.capacity;
        return station(s, excluded.has(s.code) ? '已退回' : ok ? '经营者所在场所的服务站' : '已满负荷', ok);
      });
    const best = atVenue.filter((x) => x.eligible).sort(compareStations)[0];
    if (best)
      return pick(
        'venue-station',
        best,
        `${prefix}经营者位于「${best.name.replace(/消费维权服务站$/, '')}」，由场所内的 ${best.name} 就地化解（源头解决）`,
        areaCode,
      );
  }

  // 4. A category a sector regulator owns.
  const owner = regulator(dir.categoryOwner.get(c.categoryCode));
  if (owner && owner.level === 'province') {
    note(owner, '省级部门主管，本市无管辖权', false);
    note(city, '市局受理窗口负责移送', true);
    return pick('transfer-out', asRegulator(city), `${prefix}该品类由 ${owner.name} 主管，由 ${city.name} 移送`, areaCode, true);
  }
  if (owner && !excluded.has(owner.code)) {
    note(owner, '品类主管部门', true);
    return pick('sector-regulator', asRegulator(owner), `${prefix}该品类由行业主管部门 ${owner.name} 办理`, areaCode);
  }
  if (owner) note(owner, '已退回', false);

  // 5. The least-loaded station of the area that covers the category.
  const inArea = covering
    .filter((s) => s.areaCode === areaCode && (!c.respondent.venueCode || s.venueCode !== c.respondent.venueCode))
    .map((s) => {
      const full = s.open >= s.capacity;
      return station(s, excluded.has(s.code) ? '已退回' : full ? '已满负荷' : '本区县受理该品类的服务站', !excluded.has(s.code) && !full);
    });
  const best = inArea.filter((x) => x.eligible).sort(compareStations)[0];
  if (best) {
    const others = inArea.filter((x) => x.eligible).length - 1;
    return pick(
      'area-station',
      best,
      `${prefix}分派给本区县受理该品类、负荷最低的服务站 ${best.name}（负荷 ${Math.round(best.load! * 100)}%${best.distanceKm !== null ? `，距经营者 ${best.distanceKm} 公里` : ''}${others > 0 ? `，另有 ${others} 个候选` : ''}）`,
      areaCode,
    );
  }

  // 6. No station can take it.
  return lastResort(areaCode, `${prefix}本区县没有可受理该品类且有余量的服务站`);
}
