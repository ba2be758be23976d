import type { DirectorySnapshot, NoAuthority, PlatformSnapshot, RoutableCase, StationSnapshot } from './routing.types';

/**
 * Which area's rules apply to a case and which city platform it concerns (docs/RULES.md "Jurisdiction
 * and routing"), and what a consumer is told when no unit of the city has authority.
 */

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
