import type { ClaimantCase } from './claimant-flags';
import { claimantFlags, textSimilarity } from './claimant-flags';

const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n, 2));
const c = (id: number, respondentKey: string, description: string, at = day(id)): ClaimantCase => ({
  id: String(id),
  trackingNo: `T${id}`,
  track: 'complaint',
  respondentKey,
  description,
  receivedAt: at,
});
const TEMPLATE = '本人在贵店购买的商品标签未标注生产日期，违反食品安全法第六十七条，要求十倍赔偿';

describe('claimant flags', () => {
  it('an ordinary consumer with one complaint is flagged for nothing', () => {
    const only = c(1, 'name:甲', '买的手机三天就坏了，商家不给退');
    expect(claimantFlags(only, [only])).toMatchObject({ repeat: null, professional: { flagged: false, cases: 1, respondents: 1 } });
  });

  it('an earlier complaint against the same respondent is a repeat, shown with its tracking number', () => {
    const first = c(1, 'name:甲', '第一次');
    const now = c(2, 'name:甲', '第二次');
    expect(claimantFlags(now, [now, first]).repeat).toEqual({ trackingNos: ['T1'] });
  });

  it('the other half of a "both" submission is not a repeat', () => {
    const complaint = c(1, 'name:甲', '同一份提交', day(5));
    const report = { ...c(2, 'name:甲', '同一份提交', day(5)), track: 'report' };
    expect(claimantFlags(complaint, [complaint, report])).toMatchObject({ repeat: null, professional: { cases: 1 } });
  });

  it('many template-like filings across many respondents flag a possible professional claimant, with the evidence', () => {
    const history = Array.from({ length: 24 }, (_, i) => c(i + 1, `name:商户${i % 12}`, `${TEMPLATE}（第${i}次）`));
    const f = claimantFlags(history[0], history);
    expect(f.professional).toMatchObject({ flagged: true, cases: 24, respondents: 12 });
    expect(f.professional.similarity).toBeGreaterThan(0.5);
  });

  it('many filings with different texts are not flagged: the content may well be true', () => {
    const texts = [
      '手机屏幕碎裂',
      '健身房跑路不退卡',
      '外卖有异物',
      '装修公司拖延工期',
      '培训机构拒不退费',
      '网购衣服掉色',
      '汽车维修多收费',
    ];
    const history = Array.from({ length: 24 }, (_, i) =>
      c(i + 1, `name:商户${i}`, `${texts[i % texts.length]}，具体情况如下${i}`.repeat(1 + (i % 3))),
    );
    expect(claimantFlags(history[0], history).professional.flagged).toBe(false);
  });

  it('text similarity is 1 for identical texts and low for unrelated ones', () => {
    expect(textSimilarity([TEMPLATE, TEMPLATE])).toBe(1);
    expect(textSimilarity(['手机屏幕碎裂无法开机', '健身房老板跑路不退会员卡'])).toBeLessThan(0.1);
  });
});
