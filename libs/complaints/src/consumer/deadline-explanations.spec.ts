import { casePeriods, CLOCK_TEXT, DEFAULT_CITY_POLICY, ruleSet, RULE_SETS } from '@weiquan/cases';
import type { ClockName } from '@weiquan/cases';
import { chineseNumber, citationEn, citationZh, clockExplanation, settlementExplanation } from './deadline-explanations';

const CLOCKS = Object.keys(CLOCK_TEXT) as ClockName[];
const order121 = casePeriods(ruleSet('order121'));
const order20 = casePeriods(ruleSet('order20'));

describe('deadline explanations', () => {
  it.each([
    ['一', 1],
    ['五', 5],
    ['十', 10],
    ['十四', 14],
    ['二十', 20],
    ['二十三', 23],
    ['四十五', 45],
  ])('reads %s as %i', (zh, n) => expect(chineseNumber(zh)).toBe(n));

  it.each([
    ['总局令第121号第十五条', '《市场监督管理投诉举报处理办法》第十五条', 'SAMR Order 121 Art. 15'],
    ['总局令第20号第十四条', '《市场监督管理投诉举报处理暂行办法》第十四条', 'SAMR Order 20 Art. 14'],
    [
      '总局令第121号第二十三条第（五）项、第四十五条',
      '《市场监督管理投诉举报处理办法》第二十三条第（五）项、第四十五条',
      'SAMR Order 121 Art. 23(5), Art. 45',
    ],
    [
      '总局令第20号第三十一条，《市场监督管理行政处罚程序规定》第十八条',
      '《市场监督管理投诉举报处理暂行办法》第三十一条，《市场监督管理行政处罚程序规定》第十八条',
      'SAMR Order 20 Art. 31; Administrative Penalty Procedure Provisions Art. 18',
    ],
  ])('cites %s as %s and %s', (citation, zh, en) => {
    expect(citationZh(citation)).toBe(zh);
    expect(citationEn(citation)).toBe(en);
  });

  it('every clock of every rule set has one sentence in each language; English has no Chinese left', () => {
    for (const rs of RULE_SETS)
      for (const clock of CLOCKS) {
        const e = clockExplanation(clock, casePeriods(rs));
        expect(e.zh).toMatch(/^(法定期限|本市政策（非法定期限）)：[^。]+。$/);
        expect(e.en).toMatch(/^(Legal deadline|City policy, not a legal deadline): [^]+\.$/);
        expect(e.en).not.toMatch(/\p{Script=Han}/u);
      }
  });

  it('names the article of a statutory clock from the case’s rule set', () => {
    expect(clockExplanation('acceptance', order121)).toEqual({
      basis: 'law',
      zh: '法定期限：市场监管部门应自收到您的投诉之日起 7 个工作日内决定是否受理并告知您（《市场监督管理投诉举报处理办法》第十五条）。',
      en: 'Legal deadline: the department must decide within 7 working days of receiving your complaint whether to accept it, and tell you (SAMR Order 121 Art. 15).',
    });
    expect(clockExplanation('mediation', order121).zh).toContain('60 日内');
    expect(clockExplanation('mediation', order20).zh).toContain('45 个工作日内');
    expect(clockExplanation('mediation', order20).zh).toContain('《市场监督管理投诉举报处理暂行办法》第二十一条第（五）项');
    expect(clockExplanation('decision', order121).en).toContain('extendable by 15 working days with approval');
  });

  it('calls a city policy one and cites no law for it', () => {
    // Order 121 sets no period to tell a reporter; Order 20 does (Art. 31).
    for (const [clock, periods] of [
      ['reporter-notice', order121],
      ['follow-up', order121],
      ['follow-up', order20],
    ] as const) {
      const e = clockExplanation(clock, periods);
      expect(e.basis).toBe('policy');
      expect(e.zh.startsWith('本市政策（非法定期限）：')).toBe(true);
      expect(e.zh).not.toMatch(/《|第.+条/);
      expect(e.en).not.toMatch(/Order|Art\./);
    }
    expect(clockExplanation('reporter-notice', order20)).toMatchObject({ basis: 'law', zh: expect.stringContaining('第三十一条') });
    expect(clockExplanation('follow-up', order121).zh).toBe(
      '本市政策（非法定期限）：投诉办结后，承办单位在 10 个工作日内回访您，了解办理情况。',
    );
    // A policy turned off after its clock started: said without a period.
    const off = casePeriods(ruleSet('order121'), { ...DEFAULT_CITY_POLICY, followUpDays: 0 });
    expect(clockExplanation('follow-up', off).zh).toBe('本市政策（非法定期限）：投诉办结后，承办单位回访您，了解办理情况。');
  });

  it.each([
    ['take-up', 'station', '服务站应在收到您的投诉后 2 个工作日内接手并与您联系'],
    ['outcome', 'station', '服务站在收到您的投诉后 10 个工作日内协助您与经营者协商'],
    ['outcome', 'business', '被投诉经营者应在收到您的投诉后 10 个工作日内答复'],
    ['not-delivered', 'station', '接受和解方案后 7 日内'],
  ] as const)('the settlement stage’s %s deadline (%s) is city policy', (deadline, holder, says) => {
    const e = settlementExplanation(deadline, holder, { takeUpDays: 2, days: 10, reopenDays: 7 });
    expect(e.basis).toBe('policy');
    expect(e.zh).toContain(says);
    expect(e.zh).toMatch(/^本市政策（非法定期限）：[^。]+。$/);
    expect(e.en).toMatch(/^City policy, not a legal deadline: .+\.$/);
    expect(e.zh).not.toMatch(/《|第.+条/);
  });
});
