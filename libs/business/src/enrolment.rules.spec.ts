import type { StaffPrincipal } from '@weiquan/identity';
import { covers, enrolScope } from './enrolment.rules';

const who = (role: StaffPrincipal['role'], unit: Partial<NonNullable<StaffPrincipal['unit']>> | null): StaffPrincipal => ({
  userId: '1',
  username: 'u',
  displayName: 'u',
  role,
  unit: unit ? { type: 'station', code: 'X', name: 'X', areaCode: null, venueCode: null, kind: null, level: null, ...unit } : null,
});

describe('who may enrol which business', () => {
  const county = who('regulator-staff', { type: 'regulator', code: 'MR-371502', areaCode: '371502', kind: 'market', level: 'county' });
  const city = who('regulator-staff', { type: 'regulator', code: 'MR-371500', areaCode: null, kind: 'market', level: 'city' });
  const sector = who('regulator-staff', { type: 'regulator', code: 'CT-371500', areaCode: '371500', kind: 'sector', level: 'city' });
  const mallAdmin = who('station-admin', { type: 'station', code: 'ST-371502-001', areaCode: '371502', venueCode: 'V-371502-001' });
  const communityAdmin = who('station-admin', { type: 'station', code: 'ST-371502-050', areaCode: '371502', venueCode: null });

  it.each([
    ['an administrator, anywhere', who('admin', null), { areaCode: '371521', venueCode: null }, true],
    ['a county bureau, in its area', county, { areaCode: '371502', venueCode: null }, true],
    ['a county bureau, in another area', county, { areaCode: '371521', venueCode: null }, false],
    ['a venue’s station administrator, a tenant of its venue', mallAdmin, { areaCode: '371502', venueCode: 'V-371502-001' }, true],
    [
      'a venue’s station administrator, a business of its area outside the venue',
      mallAdmin,
      { areaCode: '371502', venueCode: null },
      false,
    ],
  ] as const)('%s', (_name, p, place, ok) => {
    const scope = enrolScope(p);
    expect(scope).not.toBeNull();
    expect(covers(scope!, place)).toBe(ok);
  });

  it.each([
    ['the city bureau (it designates, it does not enrol)', city],
    ['a sector regulator', sector],
    ['a station administrator of a station in no venue', communityAdmin],
    ['station staff', who('station-staff', { venueCode: 'V-371502-001' })],
    ['a city analyst', who('city-analyst', null)],
    ['a business', who('business', { type: 'business', code: '91371502MA3C8X2Q13' })],
  ] as const)('nobody else: %s', (_name, p) => {
    expect(enrolScope(p)).toBeNull();
  });
});
