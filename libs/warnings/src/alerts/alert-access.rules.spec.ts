import type { StaffPrincipal } from '@weiquan/identity';
import { alertActScope, alertReadScope, inScope } from './alert-access.rules';

const staff = (role: StaffPrincipal['role'], unit: Partial<NonNullable<StaffPrincipal['unit']>> | null): StaffPrincipal => ({
  userId: '1',
  username: 'u',
  displayName: 'u',
  role,
  unit: unit && { type: 'regulator', code: 'X', name: 'X', areaCode: null, kind: null, level: null, ...unit },
});

describe('who reads and acts on an alert in 东昌府区 (371502)', () => {
  it.each([
    ['the city bureau', staff('regulator-staff', { kind: 'market', level: 'city' }), true, true],
    ['the 东昌府区 bureau', staff('regulator-staff', { kind: 'market', level: 'county', areaCode: '371502' }), true, true],
    ['the 阳谷县 bureau', staff('regulator-staff', { kind: 'market', level: 'county', areaCode: '371521' }), false, false],
    ['a sector regulator', staff('regulator-staff', { kind: 'sector', level: 'city' }), false, false],
    ['a city analyst', staff('city-analyst', null), true, false],
    ['an administrator', staff('admin', null), true, false],
    ['station staff', staff('station-staff', { type: 'station', areaCode: '371502' }), false, false],
    ['a business', staff('business', { type: 'business', areaCode: '371502' }), false, false],
  ])('%s: reads %s, acts %s', (_name, actor, reads, acts) => {
    expect(inScope(alertReadScope(actor), '371502')).toBe(reads);
    expect(inScope(alertActScope(actor), '371502')).toBe(acts);
  });
});
