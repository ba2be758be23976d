import type { ElsewhereKind } from './request-kind.rules';
import { ELSEWHERE_KINDS, isCaseKind, isElsewhereKind, pointerFor, REQUEST_KINDS } from './request-kind.rules';

describe('requests that are not complaints or reports (Order 121 Art. 44)', () => {
  it.each<[string, boolean, boolean]>([
    ['complaint', true, false],
    ['report', true, false],
    ['both', true, false],
    ['consultation', false, true],
    ['information-disclosure', false, true],
    ['administrative-reconsideration', false, true],
    ['discipline-inspection', false, true],
    ['petition', false, false],
  ])('%s: a case %s, sent elsewhere %s', (kind, isCase, elsewhere) => {
    expect(isCaseKind(kind)).toBe(isCase);
    expect(isElsewhereKind(kind)).toBe(elsewhere);
    expect((REQUEST_KINDS as readonly string[]).includes(kind)).toBe(isCase || elsewhere);
  });

  it.each<[ElsewhereKind, string, string]>([
    ['consultation', '咨询', '12315'],
    ['information-disclosure', '政府信息公开申请', '政府信息公开条例'],
    ['administrative-reconsideration', '行政复议申请', '本级人民政府'],
    ['discipline-inspection', '纪检监察检举控告', '12388'],
  ])('%s: says what it is (%s), that no case is made, and where to go (%s)', (kind, what, where) => {
    const p = pointerFor(kind, 'order121');
    expect(p.kind).toBe(kind);
    expect(p.basis).toBe('《市场监督管理投诉举报处理办法》第四十四条');
    expect(p.message.zh.startsWith(`${what}不属于投诉举报`)).toBe(true);
    expect(p.message.zh).toContain(p.basis);
    expect(p.message.zh).toContain(where);
    expect(p.where.zh).toContain(where);
    expect(p.message.en).toContain('Order No. 121, Art. 44');
    expect(p.message.en).toContain(p.where.en);
  });

  it('under Order 20 the same rule is its Art. 39', () => {
    for (const kind of ELSEWHERE_KINDS) {
      expect(pointerFor(kind, 'order20').basis).toBe('《市场监督管理投诉举报处理暂行办法》第三十九条');
      expect(pointerFor(kind, 'order20').message.en).toContain('Order No. 20, Art. 39');
    }
  });
});
