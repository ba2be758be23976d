import type { CaseStatus } from '../case-status';
import { statusesNamed } from './status-search';

describe('statuses found by their names', () => {
  it.each<[string, CaseStatus[]]>([
    ['调解', ['mediating', 'paused', 'resolved', 'terminated']],
    ['调解中', ['mediating']],
    ['待受理', ['assigned']],
    ['已办结', ['settled', 'closed']],
    ['撤回', ['withdrawn']],
    ['立案', ['case-opened', 'not-opened']],
    ['协商', ['settling', 'negotiating', 'offered']],
    ['mediation', ['mediating', 'paused', 'resolved', 'terminated']],
    [' MEDIATION ', ['mediating', 'paused', 'resolved', 'terminated']],
    ['Withdrawn', ['withdrawn']],
  ])('"%s" names %j', (q, statuses) => expect(statusesNamed(q).sort()).toEqual([...statuses].sort()));

  it('a single character, a number or a business name names no status', () => {
    expect(statusesNamed('调')).toEqual([]);
    expect(statusesNamed('2611210')).toEqual([]);
    expect(statusesNamed('聊城市某某餐饮店')).toEqual([]);
  });
});
