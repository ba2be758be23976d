import { OTHER_WAYS, notificationText, NOTIFICATION_KINDS } from '@weiquan/notifications';
import { CLOCK_TEXT } from './deadline';
import { STATUS_TEXT } from './case-status';
import type { ReasonKind } from './reason-codes';
import { findReason, REASONS, reasonsUnder } from './reason-codes';
import { casePeriods, RULE_SETS } from './rule-set';

describe('grounds and their citations (docs/RULES.md)', () => {
  it.each([
    // kind, rule set, code → article and item
    ['refusal', 'order20', '1', '总局令第20号第十五条第（一）项'],
    ['refusal', 'order20', '2', '总局令第20号第十五条第（二）项'],
    ['refusal', 'order20', '3', '总局令第20号第十五条第（三）项'],
    ['refusal', 'order20', '4', '总局令第20号第十五条第（四）项'],
    ['refusal', 'order20', '5', '总局令第20号第十五条第（五）项'],
    ['refusal', 'order20', '7', '总局令第20号第十五条第（六）项'],
    ['refusal', 'order121', '1', '总局令第121号第十六条第（一）项'],
    ['refusal', 'order121', '2', '总局令第121号第十六条第（二）项'],
    ['refusal', 'order121', '3', '总局令第121号第十六条第（三）项'],
    ['refusal', 'order121', '4', '总局令第121号第十六条第（四）项'],
    ['refusal', 'order121', '5', '总局令第121号第十六条第（五）项'],
    ['refusal', 'order121', '6', '总局令第121号第十六条第（六）项'],
    ['refusal', 'order121', '7', '总局令第121号第十六条第（七）项'],
    ['termination', 'order20', '1', '总局令第20号第二十一条第（一）项'],
    ['termination', 'order20', '2', '总局令第20号第二十一条第（二）项'],
    ['termination', 'order20', '3', '总局令第20号第二十一条第（三）项'],
    ['termination', 'order20', '4', '总局令第20号第二十一条第（四）项'],
    ['termination', 'order20', '5', '总局令第20号第二十一条第（五）项'],
    ['termination', 'order20', '6', '总局令第20号第二十一条第（六）项'],
    ['termination', 'order20', '7', '总局令第20号第二十一条第（七）项'],
    ['termination', 'order121', '1', '总局令第121号第二十三条第（一）项'],
    ['termination', 'order121', '3', '总局令第121号第二十三条第（二）项'],
    ['termination', 'order121', '4', '总局令第121号第二十三条第（三）项'],
    ['termination', 'order121', '2', '总局令第121号第二十三条第（四）项'],
    ['termination', 'order121', '5', '总局令第121号第二十三条第（五）项'],
    ['termination', 'order121', '6', '总局令第121号第二十三条第（六）项'],
    ['termination', 'order121', '8', '总局令第121号第二十三条第（七）项'],
    ['termination', 'order121', '7', '总局令第121号第二十三条第（八）项'],
    ['no-case', 'order20', '1', '《市场监督管理行政处罚程序规定》第十九条第（一）项'],
    ['no-case', 'order121', '3', '《市场监督管理行政处罚程序规定》第十九条第（三）项；总局令第121号第三十四条'],
    ['no-case', 'order20', '3', '《市场监督管理行政处罚程序规定》第十九条第（三）项；总局令第20号第二十九条'],
    ['no-case', 'order121', '2', '《市场监督管理行政处罚程序规定》第二十条第（一）项'],
  ] as const)('%s under %s, code %s → %s', (kind, rs, code, basis) => {
    expect(findReason(kind, rs, code)?.basis).toBe(basis);
  });

  it.each([
    ['refusal', 'order20', 6],
    ['refusal', 'order121', 7],
    ['termination', 'order20', 7],
    ['termination', 'order121', 8],
    ['no-case', 'order20', 5],
    ['no-case', 'order121', 5],
  ] as const)('%s under %s offers %i grounds, in the order of the article’s items', (kind, rs, n) => {
    const grounds = reasonsUnder(kind, rs);
    expect(grounds).toHaveLength(n);
    // Article, then item, each as a number: the list must come out in that order.
    const digit = (c: string) => '一二三四五六七八九'.indexOf(c) + 1;
    const numeral = (zh: string) => {
      const [tens, units] = zh.includes('十') ? zh.split('十') : ['', zh];
      return (zh.includes('十') ? (tens ? digit(tens) : 1) * 10 : 0) + (units ? digit(units) : 0);
    };
    const order = grounds.map((g) => {
      const m = /第([一二三四五六七八九十]+)条第（(.)）项/.exec(g.basis);
      if (!m) throw new Error(`no article and item in ${g.basis}`);
      return numeral(m[1]) * 100 + numeral(m[2]);
    });
    expect(order).toEqual([...order].sort((x, y) => x - y));
    expect(new Set(order).size).toBe(n);
  });

  it('the wording follows each order where they differ', () => {
    expect(findReason('refusal', 'order20', '2')?.text.zh).toContain('依法成立的其他调解组织');
    expect(findReason('refusal', 'order121', '2')?.text.zh).not.toContain('调解组织');
    expect(findReason('refusal', 'order121', '5')?.text.zh).toContain('虚假材料');
    expect(findReason('refusal', 'order20', '5')?.text.zh).not.toContain('虚假材料');
    expect(findReason('termination', 'order20', '3')?.text.zh).toContain('被投诉人明确拒绝调解');
    expect(findReason('termination', 'order121', '3')?.text.zh).toContain('或者明确拒绝调解');
    expect(findReason('termination', 'order121', '2')?.text.zh).toBe('对鉴定、检测费用承担无法协商一致');
    expect(findReason('termination', 'order20', '5')?.text.zh).toContain('四十五个工作日');
    expect(findReason('termination', 'order121', '5')?.text.zh).toContain('六十日');
    expect(findReason('termination', 'order20', '8')).toBeUndefined();
    expect(findReason('refusal', 'order20', '6')).toBeUndefined();
  });
});

describe('no placeholder reaches a person', () => {
  const PLACEHOLDER = /待核|待定|TODO|TBD|XXX|placeholder|相应条款|条号/i;

  it('in any ground, citation, status, clock label, period basis or notification', () => {
    const texts: string[] = [];
    for (const kind of Object.keys(REASONS) as ReasonKind[]) {
      for (const r of REASONS[kind]) for (const g of Object.values(r.under)) texts.push(g.text.zh, g.text.en, g.basis);
    }
    for (const t of Object.values(STATUS_TEXT)) texts.push(t.zh, t.en);
    for (const t of Object.values(CLOCK_TEXT)) texts.push(t.zh, t.en);
    for (const rs of RULE_SETS) {
      texts.push(rs.name);
      for (const p of Object.values(casePeriods(rs))) {
        if (p && typeof p === 'object' && 'basis' in p) texts.push(p.basis.kind === 'law' ? p.basis.citation : p.basis.text);
      }
    }
    for (const kind of NOTIFICATION_KINDS) {
      for (const track of ['complaint', 'report'] as const) {
        texts.push(
          notificationText(kind, track, '2612030000017', { reason: '理由', basis: '依据', unitName: '单位', dueDate: '2026-12-10' }),
        );
      }
    }
    texts.push(OTHER_WAYS);
    expect(texts.length).toBeGreaterThan(100);
    expect(texts.filter((t) => PLACEHOLDER.test(t))).toEqual([]);
  });
});
