import { DESIGNATION_WORKING_DAYS } from './designation.rules';
import { jurisdictionArea, platformOf, whereToFile } from './jurisdiction.rules';
import type {
  Candidate,
  DirectorySnapshot,
  NoAuthority,
  PlatformSnapshot,
  RegulatorSnapshot,
  RoutableCase,
  RoutingDecision,
  RuleCode,
  StationSnapshot,
  UnitType,
} from './routing.types';

/**
 * Who handles a case, and why: docs/RULES.md "Jurisdiction and routing", in order. Pure: the case and a
 * snapshot of the directory (with each unit's current load) in, a decision with its reason out.
 *
 * The routing engine stands for the city bureau's intake desk (统一接收投诉举报的工作机构): it sends each
 * case to a unit with authority; a unit without authority reports back to the desk, which routes the
 * case again without it and never returns it there; a disputed jurisdiction goes to the city bureau,
 * whose designation of the handler is final for the case.
 */

/** A case handed back by this many units is a disputed jurisdiction: the city bureau designates. */
const DISPUTE_AFTER_HAND_BACKS = 2;

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
