import type { Art17Evidence, Art17Status, ClaimantCase, ClaimantFacts, OtherComplaint } from './claimant-flags';
import { ART17_DEFAULTS, claimantFlags, textSimilarity } from './claimant-flags';

const NOW = Date.UTC(2026, 10, 30, 2);
const daysAgo = (n: number) => new Date(NOW - n * 86_400_000);
let seq = 0;
const c = (over: Partial<ClaimantCase> = {}): ClaimantCase => {
  const id = String(++seq);
  return {
    id,
    trackingNo: `T${id}`,
    track: 'complaint',
    respondentKey: 'name:甲店',
    categoryCode: 'catering',
    issueType: 'quality',
    description: `第${id}件：买的东西有质量问题，商家不给退。`,
    consumerName: '张三',
    receivedAt: daysAgo(0),
    ...over,
  };
};
const other = (complainant: number, over: Partial<ClaimantCase> = {}): OtherComplaint => ({
  ...c({ consumerName: `路人${complainant}`, ...over }),
  complainant,
});
const facts = (current: ClaimantCase, over: Partial<ClaimantFacts> = {}): ClaimantFacts => ({
  own: [current],
  sameAddress: [current],
  addressKnown: true,
  others: [],
  attachments: 0,
  ...over,
});
const TEMPLATE = '本人在贵店购买的商品标签未标注生产日期，违反食品安全法第六十七条，要求十倍赔偿';

/** Each factor's status, item by item, and the evidence lines that reached their default. */
function summary(current: ClaimantCase, f: ClaimantFacts) {
  const a = claimantFlags(current, f).art17!;
  const reached = (ev: Art17Evidence[]) => ev.filter((e) => e.reached).map((e) => `${e.what}:${e.count}`);
  return {
    statuses: a.factors.map((x) => x.status),
    reached: a.factors.flatMap((x) => reached(x.evidence)),
    noted: a.noted,
  };
}

describe('claimant flags: Order 121 Art. 17, factor by factor', () => {
  const none: Art17Status[] = ['not-in-data', 'not-noted', 'for-handler', 'not-noted', 'for-handler'];

  const cases: [string, () => { current: ClaimantCase; facts: ClaimantFacts }, Art17Status[], string[]][] = [
    [
      'an ordinary consumer with one complaint',
      () => {
        const current = c();
        return { current, facts: facts(current) };
      },
      none,
      [],
    ],
    [
      '(2) three complaints against the same business within 30 days',
      () => {
        const current = c();
        return { current, facts: facts(current, { own: [current, c({ receivedAt: daysAgo(5) }), c({ receivedAt: daysAgo(20) })] }) };
      },
      ['not-in-data', 'noted', 'for-handler', 'not-noted', 'for-handler'],
      ['same-business:3'],
    ],
    [
      '(2) the same three spread over a year are not "a short time"',
      () => {
        const current = c();
        return { current, facts: facts(current, { own: [current, c({ receivedAt: daysAgo(100) }), c({ receivedAt: daysAgo(200) })] }) };
      },
      none,
      [],
    ],
    [
      '(2) five complaints in one category and of one issue, against five businesses',
      () => {
        const current = c();
        const own = [current, ...[1, 2, 3, 4].map((i) => c({ respondentKey: `name:店${i}`, receivedAt: daysAgo(i) }))];
        return { current, facts: facts(current, { own }) };
      },
      ['not-in-data', 'noted', 'for-handler', 'not-noted', 'for-handler'],
      ['same-category:5', 'same-issue:5'],
    ],
    [
      '(2) "other" is no issue: five complaints of issue "other" in five categories are not "the same issue"',
      () => {
        const current = c({ issueType: 'other' });
        const own = [current, ...[1, 2, 3, 4].map((i) => c({ issueType: 'other', respondentKey: `name:店${i}`, categoryCode: `cat${i}` }))];
        return { current, facts: facts(current, { own }) };
      },
      none,
      [],
    ],
    [
      '(2) reports by the same person are not complaints (Art. 17 is about complaints)',
      () => {
        const current = c();
        const own = [current, c({ track: 'report' }), c({ track: 'report' }), c({ track: 'report' })];
        return { current, facts: facts(current, { own }) };
      },
      none,
      [],
    ],
    [
      '(2) many other complainants against the same business are context, not a sign of collusion',
      () => {
        const current = c();
        const others = [1, 2, 3, 4, 5, 6].map((n) => other(n, { description: `健身房跑路了，我办的卡还剩${n}个月` }));
        return { current, facts: facts(current, { others }) };
      },
      none,
      [],
    ],
    [
      '(2) two other complainants with almost the same text in the same category: possible collusion, for the handler',
      () => {
        const current = c({ description: TEMPLATE });
        const others = [
          other(1, { description: TEMPLATE, respondentKey: 'name:乙店' }),
          other(2, { description: `${TEMPLATE}。`, respondentKey: 'name:丙店' }),
          other(2, { description: TEMPLATE, respondentKey: 'name:丁店' }),
        ];
        return { current, facts: facts(current, { others }) };
      },
      ['not-in-data', 'noted', 'for-handler', 'not-noted', 'for-handler'],
      ['others-similar-text:2'],
    ],
    [
      '(2) one other complainant with the same text is below the default',
      () => {
        const current = c({ description: TEMPLATE });
        return { current, facts: facts(current, { others: [other(1, { description: TEMPLATE })] }) };
      },
      none,
      [],
    ],
    [
      '(4) two names with one phone number',
      () => {
        const current = c();
        return {
          current,
          facts: facts(current, { own: [current, c({ consumerName: '李四', respondentKey: 'name:乙店', receivedAt: daysAgo(90) })] }),
        };
      },
      ['not-in-data', 'not-noted', 'for-handler', 'noted', 'for-handler'],
      ['people-on-phone:2'],
    ],
    [
      '(4) one name written with spaces is one person',
      () => {
        const current = c({ consumerName: '张三' });
        return { current, facts: facts(current, { own: [current, c({ consumerName: ' 张 三 ', respondentKey: 'name:乙店' })] }) };
      },
      none,
      [],
    ],
    [
      '(4) three names at one address; two (a household) are below the default',
      () => {
        const current = c();
        const sameAddress = [current, c({ consumerName: '李四' }), c({ consumerName: '王五' })];
        return { current, facts: facts(current, { sameAddress }) };
      },
      ['not-in-data', 'not-noted', 'for-handler', 'noted', 'for-handler'],
      ['people-at-address:3'],
    ],
    [
      '(4) two names at one address',
      () => {
        const current = c();
        return { current, facts: facts(current, { sameAddress: [current, c({ consumerName: '李四' })] }) };
      },
      none,
      [],
    ],
  ];

  it.each(cases)('%s', (_, make, statuses, reached) => {
    const { current, facts: f } = make();
    expect(summary(current, f)).toEqual({ statuses, reached, noted: reached.length > 0 });
  });

  it('shows the evidence: counts, thresholds, the complaints counted and the names masked', () => {
    const current = c({ consumerName: '张三' });
    const second = c({ consumerName: '李四', respondentKey: 'name:乙店', receivedAt: daysAgo(3) });
    const a = claimantFlags(current, facts(current, { own: [current, second], attachments: 2 })).art17!;
    const phone = a.factors[3].evidence.find((e) => e.what === 'people-on-phone')!;
    expect(phone).toEqual({
      what: 'people-on-phone',
      text: expect.objectContaining({ zh: expect.stringContaining('手机号码') }),
      count: 2,
      threshold: 2,
      reached: true,
      trackingNos: [second.trackingNo],
      names: ['张*', '李*'],
    });
    expect(a.factors.map((f) => f.item)).toEqual([1, 2, 3, 4, 5]);
    expect(a.factors[2].note.zh).toContain('附件 2 个');
    expect(a.basis).toBe('《市场监督管理投诉举报处理办法》第十七条');
    expect(a.purpose.zh).toContain('第十六条第（三）项');
    expect(a.purpose.en).toContain('decides nothing');
    expect(a.settings).toEqual(ART17_DEFAULTS);
  });

  it('an address that could not be compared says so, and counts nothing', () => {
    const current = c();
    const line = claimantFlags(current, facts(current, { addressKnown: false, sameAddress: [] })).art17!.factors[3].evidence[1];
    expect(line).toMatchObject({ what: 'people-at-address', count: 0, threshold: null, reached: false });
    expect(line.text.en).toContain('cannot be compared');
  });

  it('a report gets no Art. 17 assessment: Art. 16(3) is a ground for refusing complaints', () => {
    const current = c({ track: 'report' });
    expect(claimantFlags(current, facts(current)).art17).toBeNull();
  });
});

describe('claimant flags: earlier cases against the same business', () => {
  it('an earlier complaint against the same respondent is a repeat, shown with its tracking number', () => {
    const first = c({ receivedAt: daysAgo(40) });
    const now = c();
    expect(claimantFlags(now, facts(now, { own: [now, first] })).repeat).toEqual({ trackingNos: [first.trackingNo] });
  });

  it('the other half of a "both" submission is not a repeat', () => {
    const complaint = c({ description: '同一份提交' });
    const report = { ...complaint, id: 'r', trackingNo: 'TR', track: 'report' };
    expect(claimantFlags(complaint, facts(complaint, { own: [complaint, report] }))).toMatchObject({
      repeat: null,
      professional: { cases: 1 },
    });
  });

  it("a complaint's handler is not shown the complainant's reports (Art. 37); a report's handler sees both", () => {
    const report = c({ track: 'report', receivedAt: daysAgo(10), description: '举报' });
    const complaint = c({ receivedAt: daysAgo(20) });
    const now = c();
    expect(claimantFlags(now, facts(now, { own: [now, report, complaint] })).repeat).toEqual({ trackingNos: [complaint.trackingNo] });
    const nowReport = c({ track: 'report' });
    expect(claimantFlags(nowReport, facts(nowReport, { own: [nowReport, report, complaint] })).repeat).toEqual({
      trackingNos: [report.trackingNo, complaint.trackingNo],
    });
  });
});

describe('claimant flags: the earlier heuristic, kept for API clients (deprecated)', () => {
  it('many template-like filings across many respondents: the old flag, with its evidence', () => {
    const own = Array.from({ length: 24 }, (_, i) => c({ respondentKey: `name:商户${i % 12}`, description: `${TEMPLATE}（第${i}次）` }));
    const f = claimantFlags(own[0], facts(own[0], { own }));
    expect(f.professional).toMatchObject({ flagged: true, cases: 24, respondents: 12 });
    expect(f.professional.similarity).toBeGreaterThan(0.5);
  });

  it('text similarity is 1 for identical texts and low for unrelated ones', () => {
    expect(textSimilarity([TEMPLATE, TEMPLATE])).toBe(1);
    expect(textSimilarity(['手机屏幕碎裂无法开机', '健身房老板跑路不退会员卡'])).toBeLessThan(0.1);
  });
});
