import type { StaffPrincipal, StaffRole } from '@weiquan/identity';
import type { BusinessStatsScope } from './business-scope.rules';
import { businessStatsScope, scopedBusinessFilter } from './business-scope.rules';

const principal = (role: StaffRole, unit: Partial<NonNullable<StaffPrincipal['unit']>> | null = null): StaffPrincipal => ({
  userId: '1',
  username: 'u',
  displayName: 'u',
  role,
  unit: unit ? { type: 'station', code: 'X', name: 'X', areaCode: null, venueCode: null, kind: null, level: null, ...unit } : null,
});

describe('whose business figures a member of staff sees', () => {
  it.each<[string, StaffPrincipal, BusinessStatsScope | null]>([
    ['a city analyst: all', principal('city-analyst'), { kind: 'all' }],
    ['an administrator: all', principal('admin'), { kind: 'all' }],
    [
      'a county market bureau: its area',
      principal('regulator-staff', { type: 'regulator', code: 'MR-371502', areaCode: '371502', kind: 'market', level: 'county' }),
      { kind: 'area', areaCode: '371502' },
    ],
    [
      'the city bureau’s own desk (its statistics are its unit’s): none',
      principal('regulator-staff', { type: 'regulator', code: 'MR-371500', areaCode: null, kind: 'market', level: 'city' }),
      null,
    ],
    [
      'a sector regulator: none',
      principal('regulator-staff', { type: 'regulator', code: 'SR-1', areaCode: '371502', kind: 'sector', level: 'county' }),
      null,
    ],
    [
      'station staff at a venue: its tenants',
      principal('station-staff', { type: 'station', code: 'ST-371502-001', venueCode: 'V-371502-001' }),
      { kind: 'venue', venueCode: 'V-371502-001' },
    ],
    [
      'a station administrator at a venue: its tenants',
      principal('station-admin', { type: 'station', code: 'ST-371502-001', venueCode: 'V-371502-001' }),
      { kind: 'venue', venueCode: 'V-371502-001' },
    ],
    ['a station at no venue: none', principal('station-staff', { type: 'station', code: 'ST-371502-009', venueCode: null }), null],
    ['a business’s own user: none', principal('business', { type: 'business', code: '91371502MA3C8X2Q13' }), null],
  ])('%s', (_who, p, scope) => {
    expect(businessStatsScope(p)).toEqual(scope);
  });
});

describe('the filters a request reads within its scope', () => {
  it.each<[string, BusinessStatsScope, { areaCode?: string; venueCode?: string }, unknown]>([
    ['all: as asked', { kind: 'all' }, { areaCode: '371502', venueCode: 'V-1' }, { area: '371502', venue: 'V-1' }],
    ['all: nothing asked', { kind: 'all' }, {}, { area: null, venue: null }],
    ['an area: its own', { kind: 'area', areaCode: '371502' }, {}, { area: '371502', venue: null }],
    ['an area: a venue within', { kind: 'area', areaCode: '371502' }, { venueCode: 'V-1' }, { area: '371502', venue: 'V-1' }],
    ['an area: another area is refused', { kind: 'area', areaCode: '371502' }, { areaCode: '371503' }, { field: 'areaCode' }],
    ['a venue: its own', { kind: 'venue', venueCode: 'V-1' }, {}, { area: null, venue: 'V-1' }],
    ['a venue: another venue is refused', { kind: 'venue', venueCode: 'V-1' }, { venueCode: 'V-2' }, { field: 'venueCode' }],
  ])('%s', (_what, scope, q, expected) => {
    expect(scopedBusinessFilter(scope, q)).toMatchObject(expected as object);
  });
});
