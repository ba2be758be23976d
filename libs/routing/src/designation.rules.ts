import type { Candidate, DirectorySnapshot, RoutableCase } from './routing.types';

/**
 * A dispute over authority is settled within 7 working days of arising, or by the common superior
 * (Order 121 Art. 33; Order 20 Art. 30): here the city bureau designates within that period.
 */
export const DESIGNATION_WORKING_DAYS = 7;

export type DesignationOutcome =
  | { ok: true; assignee: { type: 'station' | 'regulator'; code: string; name: string }; reason: string; candidates: Candidate[] }
  | { ok: false; problem: { zh: string; en: string } };

/**
 * The city bureau designates the handler of a disputed case: a unit that can take the matter and has
 * not handed it back (the case never returns to one that did), or the city bureau itself. The
 * designation is final for the case: the designated unit cannot hand it back.
 */
export function decideDesignation(
  c: RoutableCase,
  dir: DirectorySnapshot,
  unitCode: string,
  excluded: ReadonlySet<string>,
  note: string,
): DesignationOutcome {
  const fail = (zh: string, en: string): DesignationOutcome => ({ ok: false, problem: { zh, en } });
  const city = dir.regulators.find((g) => g.code === dir.cityBureau)!;
  const done = (unit: { type: 'station' | 'regulator'; code: string; name: string }, why: string): DesignationOutcome => ({
    ok: true,
    assignee: unit,
    reason: `${city.name} 指定 ${unit.name} 处理（${why}）：${note}；指定为最终决定，承办单位不得退回`,
    candidates: [{ type: unit.type, code: unit.code, name: unit.name, load: null, distanceKm: null, eligible: true, why: '市局指定' }],
  });
  if (excluded.has(unitCode))
    return fail(
      `${unitCode} 已退回或逾期未受理该案件，案件不再分派给该单位`,
      `${unitCode} handed this case back (or let it lapse); the case never returns to it`,
    );
  const g = dir.regulators.find((x) => x.code === unitCode);
  if (g) {
    if (g.code === city.code) return done({ type: 'regulator', code: g.code, name: g.name }, '市局自行处理');
    if (g.level === 'province') return fail(`${g.name} 不在本市`, `${g.name} is not a unit of the city`);
    if (g.kind === 'sector' && dir.categoryOwner.get(c.categoryCode) !== g.code)
      return fail(`${g.name} 不主管该品类`, `${g.name} does not own this category`);
    return done({ type: 'regulator', code: g.code, name: g.name }, g.kind === 'sector' ? '品类主管部门' : '市场监管部门');
  }
  // A disputed jurisdiction is between departments: a station decides nothing and cannot be designated.
  if (dir.stations.some((x) => x.code === unitCode))
    return fail(
      '服务站不具有处理投诉举报的职权，只能指定有管辖权的监管部门',
      'a station has no authority over a formal complaint or a report: designate a department',
    );
  return fail(`没有启用中的单位 ${unitCode}`, `no active unit ${unitCode}`);
}

/**
 * Whether the unit holding a case may hand it back, from the case's routing history: never after the
 * city bureau designated the handler (final), and never the city bureau itself (it is the desk every
 * hand-back reports to, and it settles disputes).
 */
export function handBackBlocked(decisions: readonly { rule: string; assigneeCode: string }[], cityBureau: string): boolean {
  if (decisions.some((d) => d.rule === 'designated')) return true;
  const last = decisions[decisions.length - 1];
  return last !== undefined && last.assigneeCode === cityBureau;
}
