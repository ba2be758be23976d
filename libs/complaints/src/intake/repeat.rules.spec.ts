import { CASE_STATUSES } from '@weiquan/cases/case-status';
import type { RepeatRule, RepeatSubject } from './repeat.rules';
import { factsText, holdsMatter, OPEN_STATUSES, repeatKeyText, repeatRule } from './repeat.rules';

describe('repeat filing rules', () => {
  it.each<['complaint' | 'report', string, RepeatRule]>([
    ['complaint', 'order121', 'while-open'],
    ['complaint', 'order20', 'while-open'],
    ['report', 'order121', 'art35'],
    // Order 20 has no repeat rule for reports: the system's duplicate rule, as for complaints.
    ['report', 'order20', 'while-open'],
  ])('a %s under %s repeats by the %s rule', (track, ruleSet, rule) => {
    expect(repeatRule(track, ruleSet)).toBe(rule);
  });

  // Every status, both rules: a matter is held while the case is handled (while-open), or ever unless withdrawn (art35).
  const table: [string, boolean, boolean][] = [
    ['received', true, true],
    ['duplicate', false, true],
    ['assigned', true, true],
    ['accepted', true, true],
    ['mediating', true, true],
    ['paused', true, true],
    ['resolved', false, true],
    ['terminated', false, true],
    ['refused', false, true],
    ['transferred', false, true],
    ['deciding', true, true],
    ['case-opened', false, true],
    ['not-opened', false, true],
    ['closed', false, true],
    ['withdrawn', false, false],
    // The settlement stage: open until settled (a settled dispute filed again is a new complaint).
    ['settling', true, true],
    ['negotiating', true, true],
    ['offered', true, true],
    ['settled', false, true],
  ];
  it('the table covers every case status', () => {
    expect(table.map(([s]) => s).sort()).toEqual([...CASE_STATUSES].sort());
    expect([...OPEN_STATUSES].sort()).toEqual(
      table
        .filter(([, open]) => open)
        .map(([s]) => s)
        .sort(),
    );
  });
  it.each(table)('a case %s holds its matter: while-open %s, art35 %s', (status, whileOpen, art35) => {
    expect(holdsMatter('while-open', status)).toBe(whileOpen);
    expect(holdsMatter('art35', status)).toBe(art35);
  });

  it('"the same facts" ignores spacing, punctuation, width and case, and nothing else', () => {
    expect(factsText('该店 销售过期食品，生产日期：2026年1月！')).toBe(factsText('该店销售过期食品, 生产日期:２０２６年１月!'));
    expect(factsText('Expired FOOD sold')).toBe(factsText('expired food sold.'));
    expect(factsText('该店销售过期食品')).not.toBe(factsText('该店销售过期食品，另有无证经营'));
  });

  const report: RepeatSubject = {
    track: 'report',
    ruleSet: 'order121',
    respondentKey: 'name:某店',
    categoryCode: 'catering',
    incidentDate: '2026-11-20',
    description: '该店销售过期食品。',
  };
  const key = (over: Partial<RepeatSubject>) => repeatKeyText({ ...report, ...over });

  it.each<[string, boolean, Partial<RepeatSubject>]>([
    ['the same report again, spaced differently', true, { description: ' 该店 销售过期食品 ' }],
    ['filed under another category', true, { categoryCode: 'food' }],
    ['with facts added', false, { description: '该店销售过期食品，并且无照经营。' }],
    ['about another incident date', false, { incidentDate: '2026-11-21' }],
    ['about another business', false, { respondentKey: 'name:另一店' }],
  ])('an Order 121 report %s: same facts %s', (_, same, over) => {
    expect(key(over).text === key({}).text).toBe(same);
    expect(key(over).rule).toBe('art35');
  });

  it('a complaint (and an Order 20 report) keeps the key intake always used: respondent, category, track', () => {
    expect(key({ track: 'complaint' })).toEqual({ rule: 'while-open', text: 'name:某店|catering|complaint' });
    expect(key({ ruleSet: 'order20' })).toEqual({ rule: 'while-open', text: 'name:某店|catering|report' });
    // Any description: while open, the same matter is one case whatever the words.
    expect(key({ track: 'complaint', description: '完全不同的描述' }).text).toBe(key({ track: 'complaint' }).text);
  });
});
