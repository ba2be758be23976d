import type { OpenColumnRead, OpenContribution, OpenDelta } from './open.rules';
import { groupingOf, isOverdue, sameContribution, OPEN_GROUPINGS, openDeltas, openRead } from './open.rules';

const c = (over: Partial<OpenContribution> = {}): OpenContribution => ({
  unit_code: 'S-371502-001',
  area_code: '371502',
  category_code: 'catering',
  track: 'complaint',
  channel: 'offline',
  prepaid: false,
  due_on: '2026-11-30',
  ...over,
});

describe('isOverdue', () => {
  it('is overdue from the day after the due date; a case with no running deadline never is', () => {
    expect(isOverdue('2026-11-30', '2026-11-30')).toBe(false);
    expect(isOverdue('2026-11-30', '2026-12-01')).toBe(true);
    expect(isOverdue('infinity', '9999-12-31')).toBe(false);
  });
});

describe('sameContribution', () => {
  it('sees a moved deadline or another unit as a change, and nothing else', () => {
    expect(sameContribution(c(), c())).toBe(true);
    expect(sameContribution(c(), c({ due_on: '2026-12-01' }))).toBe(false);
    expect(sameContribution(c(), c({ unit_code: 'R-371502' }))).toBe(false);
    expect(sameContribution(c(), c({ prepaid: true }))).toBe(false);
  });
});

describe('openDeltas', () => {
  it('counts a newly open case in its own row and in the city, area, category and unit rows', () => {
    const rows = openDeltas([{ now: c() }], '2026-11-22');
    expect(rows.map((r) => [r.unit_code, r.area_code, r.category_code, r.open, r.overdue]).sort()).toEqual(
      [
        ['*', '*', '*', 1, 0],
        ['*', '*', 'catering', 1, 0],
        ['*', '371502', '*', 1, 0],
        ['S-371502-001', '*', '*', 1, 0],
        ['S-371502-001', '371502', 'catering', 1, 0],
      ].sort(),
    );
  });

  it('moves a transferred case between units and leaves the rows that do not change out', () => {
    const rows = openDeltas([{ before: c(), now: c({ unit_code: 'R-371502' }) }], '2026-11-22');
    expect(rows).toEqual([
      expect.objectContaining({ unit_code: 'R-371502', area_code: '*', category_code: '*', open: 1 }),
      expect.objectContaining({ unit_code: 'R-371502', area_code: '371502', category_code: 'catering', open: 1 }),
      expect.objectContaining({ unit_code: 'S-371502-001', area_code: '*', category_code: '*', open: -1 }),
      expect.objectContaining({ unit_code: 'S-371502-001', area_code: '371502', category_code: 'catering', open: -1 }),
    ]);
  });

  it('takes an extended deadline out of overdue without changing the open count', () => {
    const rows = openDeltas([{ before: c({ due_on: '2026-11-20' }), now: c({ due_on: '2026-12-20' }) }], '2026-11-22');
    expect(rows).toHaveLength(OPEN_GROUPINGS.length);
    expect(rows.every((r) => r.open === 0 && r.overdue === -1)).toBe(true);
  });

  it('takes a closed case out of every row, overdue too', () => {
    const rows = openDeltas([{ before: c({ due_on: '2026-11-01' }) }], '2026-11-22');
    expect(rows.every((r) => r.open === -1 && r.overdue === -1)).toBe(true);
  });
});

/** The rows a read takes, evaluated on an in-memory stat_open. */
function readRows(rows: OpenDelta[], f: Parameters<typeof openRead>[0]) {
  const read = openRead(f);
  const matches = (v: string, r: OpenColumnRead) =>
    'eq' in r ? v === r.eq : 'any' in r ? r.any.includes(v) : v !== '*' && !(r.assignedOnly && v === '');
  return rows.filter(
    (row) =>
      matches(row.unit_code, read.unit_code) && matches(row.area_code, read.area_code) && matches(row.category_code, read.category_code),
  );
}

describe('openRead', () => {
  // A seeded population of open cases: units across two areas, unassigned ones, past and future deadlines.
  let seed = 7;
  const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)];
  const cases = Array.from({ length: 400 }, () =>
    c({
      unit_code: pick(['', 'S-371502-001', 'S-371502-002', 'S-371521-001', 'R-371502']),
      area_code: pick(['371502', '371521']),
      category_code: pick(['catering', 'beauty', 'telecom']),
      track: pick(['complaint', 'report']),
      channel: pick(['offline', 'online']),
      prepaid: next() < 0.3,
      due_on: pick(['2026-11-10', '2026-11-21', '2026-11-22', '2026-12-05', 'infinity']),
    }),
  );
  const asOf = '2026-11-22';
  const table = openDeltas(
    cases.map((now) => ({ now })),
    asOf,
  );

  const filters = [];
  for (const units of [null, ['S-371502-001', 'R-371502']])
    for (const byUnit of [false, true])
      for (const area of units || byUnit ? [null] : [null, '371502'])
        for (const category of [null, 'beauty'])
          for (const track of [null, 'report']) filters.push({ units, byUnit: byUnit || units !== null, area, category, track });

  it.each(filters)('reads rows of an existing grouping that sum to the cases it stands for: %j', (f) => {
    const grouping = groupingOf(openRead(f));
    expect(OPEN_GROUPINGS.map((g) => [...g].sort().join())).toContain([...grouping].sort().join());

    const rows = readRows(table, f).filter((r) => f.track === null || r.track === f.track);
    const wanted = cases.filter(
      (x) =>
        (f.units ? f.units.includes(x.unit_code) : !f.byUnit || x.unit_code !== '') &&
        (f.area === null || x.area_code === f.area) &&
        (f.category === null || x.category_code === f.category) &&
        (f.track === null || x.track === f.track),
    );
    expect(rows.reduce((n, r) => n + r.open, 0)).toBe(wanted.length);
    expect(rows.reduce((n, r) => n + r.overdue, 0)).toBe(wanted.filter((x) => isOverdue(x.due_on, asOf)).length);
  });

  it('reads one row per track, channel and prepaid flag for the whole city', () => {
    expect(readRows(table, { units: null, byUnit: false, area: null, category: null })).toHaveLength(2 * 2 * 2);
  });
});
