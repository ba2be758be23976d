import type { StaffPrincipal } from '@weiquan/identity';
import { actingUnit, readScope, scopeCondition } from './case-scope';

const user = (role: StaffPrincipal['role'], unit: StaffPrincipal['unit']): StaffPrincipal => ({
  userId: '1',
  username: 'u',
  displayName: 'u',
  role,
  unit,
});
const station = { type: 'station' as const, code: 'ST-371502-001', name: '站', areaCode: '371502', kind: null, level: null };
const county = {
  type: 'regulator' as const,
  code: 'MR-371502',
  name: '东昌府区市场监管局',
  areaCode: '371502',
  kind: 'market' as const,
  level: 'county' as const,
};
const sector = {
  type: 'regulator' as const,
  code: 'TR-371500',
  name: '交通运输局',
  areaCode: null,
  kind: 'sector' as const,
  level: 'city' as const,
};
const city = {
  type: 'regulator' as const,
  code: 'MR-371500',
  name: '市市场监管局',
  areaCode: '371500',
  kind: 'market' as const,
  level: 'city' as const,
};

describe('who reads and acts on which cases', () => {
  it('station staff and admins read and act on their station only', () => {
    for (const role of ['station-staff', 'station-admin'] as const) {
      expect(readScope(user(role, station))).toEqual({ kind: 'unit', unitCode: 'ST-371502-001' });
      expect(actingUnit(user(role, station))).toBe('ST-371502-001');
    }
  });

  it('a county bureau also reads the stations of its area, and acts on its own cases only', () => {
    expect(readScope(user('regulator-staff', county))).toEqual({
      kind: 'unit-and-area-stations',
      unitCode: 'MR-371502',
      areaCode: '371502',
    });
    expect(actingUnit(user('regulator-staff', county))).toBe('MR-371502');
  });

  it('sector regulators and the city bureau read their own cases', () => {
    expect(readScope(user('regulator-staff', sector))).toEqual({ kind: 'unit', unitCode: 'TR-371500' });
    expect(readScope(user('regulator-staff', city))).toEqual({ kind: 'unit', unitCode: 'MR-371500' });
  });

  it('city analysts and administrators read everything and act on nothing', () => {
    for (const role of ['city-analyst', 'admin'] as const) {
      expect(readScope(user(role, null))).toEqual({ kind: 'all' });
      expect(actingUnit(user(role, null))).toBeNull();
    }
  });

  it('staff of any other role without a unit read nothing (403), never everything', () => {
    for (const role of ['station-staff', 'station-admin', 'regulator-staff', 'business'] as const) {
      expect(() => readScope(user(role, null))).toThrow(expect.objectContaining({ status: 403 }));
      expect(actingUnit(user(role, null))).toBeNull();
    }
  });

  it('the SQL condition binds the unit as a parameter, never as text', () => {
    expect(scopeCondition({ kind: 'unit', unitCode: "x' or 1=1 --" }, 3)).toEqual({
      sql: 'c.assignee_code = $3',
      params: ["x' or 1=1 --"],
    });
    expect(scopeCondition({ kind: 'all' }, 1)).toEqual({ sql: 'true', params: [] });
    expect(scopeCondition({ kind: 'unit-and-area-stations', unitCode: 'MR-371502', areaCode: '371502' }, 2).params).toEqual([
      'MR-371502',
      '371502',
    ]);
  });
});

describe('businesses and the stations of their venues', () => {
  const business = { type: 'business' as const, code: '91371502MA3C8X2Q13', name: '某某餐饮', areaCode: '371502', kind: null, level: null };
  const mallStation = { ...station, venueCode: 'V-371502-001' };

  it('a business reads the complaints against it (never reports), through its own condition, and acts as its own unit', () => {
    const scope = readScope(user('business', business));
    expect(scope).toEqual({ kind: 'business', creditCode: business.code });
    const { sql, params } = scopeCondition(scope, 3);
    expect(sql).toContain(`c.track = 'complaint'`);
    expect(sql).toContain('c.respondent_credit_code = $3');
    expect(params).toEqual([business.code]);
    expect(actingUnit(user('business', business))).toBe(business.code);
  });

  it('a station in a venue also reads the settlement cases its tenants hold; a station in no venue does not', () => {
    const scope = readScope(user('station-staff', mallStation));
    expect(scope).toEqual({ kind: 'unit', unitCode: station.code, venueCode: 'V-371502-001' });
    const { sql, params } = scopeCondition(scope, 1);
    expect(sql).toContain(`c.stage = 'settlement' and c.assignee_type = 'business'`);
    expect(params).toEqual([station.code, 'V-371502-001']);
    expect(scopeCondition(readScope(user('station-staff', station)), 1).sql).toBe('c.assignee_code = $1');
  });
});
