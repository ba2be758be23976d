/** The directory's vocabulary: the values its tables' check constraints allow (migrations/1763700000000-directory.ts). */

export const AREA_KINDS = ['district', 'county', 'county-city', 'zone'] as const;
/** A county-level area of the city (GB/T 2260 code, or a local code for a functional zone). */
export type AreaKind = (typeof AREA_KINDS)[number];

/** A consumption category is a service or goods. */
export type CategoryGroup = 'service' | 'goods';

/** A market-regulation bureau (city or area) or a sector regulator that owns some categories. */
export type RegulatorKind = 'market' | 'sector';
export type RegulatorLevel = 'city' | 'county' | 'province';

/** What a consumer rights-protection service station (消费维权服务站) sits in; venues have the same types. */
export const STATION_TYPES = ['mall', 'scenic', 'market', 'community', 'platform', 'enterprise'] as const;
export type StationType = (typeof STATION_TYPES)[number];
