import type { StaffPrincipal } from '@weiquan/identity';
import {
  addDays,
  dateProblems,
  findPersonalData,
  isActiveOn,
  listScope,
  mayPublishFor,
  personalDataProblems,
  publishScope,
  warningStatus,
  withdrawRefusal,
} from './consumer-warning.rules';

const who = (role: StaffPrincipal['role'], unit: Partial<NonNullable<StaffPrincipal['unit']>> | null): StaffPrincipal => ({
  userId: '1',
  username: 'u',
  displayName: 'u',
  role,
  unit: unit ? { type: 'station', code: 'X', name: 'X', areaCode: null, venueCode: null, kind: null, level: null, ...unit } : null,
});

const county = who('regulator-staff', { type: 'regulator', code: 'MR-371502', areaCode: '371502', kind: 'market', level: 'county' });
const city = who('regulator-staff', { type: 'regulator', code: 'MR-371500', areaCode: null, kind: 'market', level: 'city' });
const sector = who('regulator-staff', { type: 'regulator', code: 'CT-371500', areaCode: '371500', kind: 'sector', level: 'city' });
const station = who('station-staff', { type: 'station', code: 'ST-371502-001', areaCode: '371502' });

describe('who may publish a consumer warning, and where', () => {
  it.each([
    ['the city bureau, for the whole city', city, null, true],
    ['the city bureau, for any area', city, '371521', true],
    ['a county bureau, for its own area', county, '371502', true],
    ['a county bureau, for another area', county, '371521', false],
    ['a county bureau, for the whole city', county, null, false],
  ] as const)('%s', (_name, p, area, ok) => {
    const scope = publishScope(p);
    expect(scope).not.toBeNull();
    expect(mayPublishFor(scope!, area)).toBe(ok);
  });

  it.each([
    ['a sector regulator', sector],
    ['a provincial market regulator', who('regulator-staff', { type: 'regulator', code: 'MR-37', kind: 'market', level: 'province' })],
    ['station staff', station],
    ['a station administrator', who('station-admin', { type: 'station', code: 'ST-371502-001', areaCode: '371502' })],
    ['a city analyst', who('city-analyst', null)],
    ['an administrator', who('admin', null)],
    ['a business', who('business', { type: 'business', code: '91371502MA3C8X2Q13' })],
  ] as const)('nobody else: %s', (_name, p) => {
    expect(publishScope(p)).toBeNull();
  });
});

describe('which warnings the bureau’s list shows a member of staff', () => {
  it.each([
    ['the city bureau', city, { kind: 'all' }],
    ['a city sector regulator', sector, { kind: 'all' }],
    ['an administrator', who('admin', null), { kind: 'all' }],
    ['a city analyst', who('city-analyst', null), { kind: 'all' }],
    ['a county bureau', county, { kind: 'area', areaCode: '371502' }],
    ['a station', station, { kind: 'area', areaCode: '371502' }],
    ['a business', who('business', { type: 'business', code: '91371502MA3C8X2Q13', areaCode: '371502' }), null],
  ] as const)('%s', (_name, p, scope) => {
    expect(listScope(p)).toEqual(scope);
  });
});

describe('a warning’s dates (today 2026-11-20 in China)', () => {
  const today = '2026-11-20';
  it.each<[string, unknown, unknown, Record<string, string>]>([
    ['from today for a month', '2026-11-20', '2026-12-20', {}],
    ['one day only', '2026-11-20', '2026-11-20', {}],
    ['starting later', '2026-12-01', '2026-12-31', {}],
    ['exactly 180 days after the start', '2026-11-20', addDays('2026-11-20', 180), {}],
    ['181 days', '2026-11-20', addDays('2026-11-20', 181), { endsOn: 'at most 180 days after startsOn' }],
    ['starting yesterday', '2026-11-19', '2026-12-01', { startsOn: 'must not be before today (2026-11-20)' }],
    ['ending before it starts', '2026-11-25', '2026-11-24', { endsOn: 'must not be before startsOn' }],
    ['not a real day', '2026-02-30', '2026-12-01', { startsOn: 'must be a real date YYYY-MM-DD' }],
    ['not ISO', '20/11/2026', '2026-12-01', { startsOn: 'must be a real date YYYY-MM-DD' }],
    ['missing end', '2026-11-20', undefined, { endsOn: 'must be a real date YYYY-MM-DD' }],
  ])('%s', (_name, startsOn, endsOn, problems) => {
    const found = Object.fromEntries(dateProblems(startsOn, endsOn, today).map((p) => [p.field, p.message.en]));
    expect(found).toEqual(problems);
  });

  it('counts days across a month and a leap day', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});

describe('personal data in a public text', () => {
  // 11010519491231002X: the GB 11643 standard's example number (valid check character).
  it.each<[string, string, string[]]>([
    ['a mobile number', '请联系 13906351234 了解详情', ['mobile']],
    ['a mobile number written with dashes', '消费者电话 139-0635-1234', ['mobile']],
    ['a mobile number with +86', '+86 139 0635 1234', ['mobile']],
    ['a mobile number in full-width digits', '１３９０６３５１２３４', ['mobile']],
    ['an identity number', '身份证 11010519491231002X 的消费者', ['id-number']],
    ['an identity number grouped', '110105 19491231 002X', ['id-number']],
    ['both', '13906351234，11010519491231002X', ['mobile', 'id-number']],
    ['the 12315 hotline', '如遇问题请拨打 12315 投诉举报', []],
    ['a landline', '咨询电话 0635-8451235', []],
    ['a long order number that contains mobile-like digits', '订单号 2026113906351234', []],
    ['eighteen digits that are no identity number', '编号 123456789012345678', []],
    ['a credit code', '经营者 91371502MA3C8X2Q13', []],
    ['an amount and a date', '2026年11月20日起，预付 13000 元以上的会员卡', []],
  ])('%s', (_name, text, kinds) => {
    expect(findPersonalData(text)).toEqual(kinds);
  });

  it('names the field that carries it', () => {
    expect(personalDataProblems({ title: '预付卡消费提示', body: '张三 13906351234 反映……' }).map((p) => p.field)).toEqual(['body']);
    expect(personalDataProblems({ title: '13906351234', body: '13906351234' }).map((p) => p.field)).toEqual(['title', 'body']);
    expect(personalDataProblems({ title: '预付卡消费提示', body: '谨慎办理预付卡' })).toEqual([]);
  });
});

describe('whether a warning is in force on a day', () => {
  const w = { startsOn: '2026-11-20', endsOn: '2026-11-30', withdrawnAt: null };
  it.each([
    ['the day before', '2026-11-19', 'scheduled'],
    ['its first day', '2026-11-20', 'active'],
    ['its last day', '2026-11-30', 'active'],
    ['the day after', '2026-12-01', 'ended'],
  ] as const)('%s', (_name, day, status) => {
    expect(warningStatus(w, day)).toBe(status);
    expect(isActiveOn(w, day)).toBe(status === 'active');
  });

  it('withdrawn is withdrawn, whatever the day', () => {
    expect(warningStatus({ ...w, withdrawnAt: new Date() }, '2026-11-25')).toBe('withdrawn');
    expect(isActiveOn({ ...w, withdrawnAt: new Date() }, '2026-11-25')).toBe(false);
  });

  it.each([
    ['active', false],
    ['scheduled', false],
    ['withdrawn', true],
    ['ended', true],
  ] as const)('withdrawing one %s is refused: %s', (status, refused) => {
    expect(withdrawRefusal(status) !== null).toBe(refused);
  });
});
