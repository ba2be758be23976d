/**
 * What routing decides on: a case as routing sees it, a snapshot of the directory (each unit with its
 * current load), and the decision with its candidates and reason (routing.rules.ts decides).
 */

export type UnitType = 'station' | 'regulator' | 'business';

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

export interface PlatformSnapshot {
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
