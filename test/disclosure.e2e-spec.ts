import { CaseKit } from './support/case-kit';

/** 消费投诉信息公示: what the public may read about businesses, and nothing about consumers. */
describe('GET /api/v1/disclosure', () => {
  let kit: CaseKit;
  const USCC = '91371500MA3C8X2Q16'; // check character per GB 32100

  beforeAll(async () => {
    kit = await CaseKit.start();
  });
  afterAll(() => kit?.close());

  /** A complaint filed with or without consent, taken to an outcome by its station. */
  async function handled(consent: boolean, outcome: 'resolve' | 'terminate' | 'open', over: Record<string, unknown> = {}) {
    const c = await kit.assigned({ consentToPublish: consent, issueType: 'false-advertising', ...over });
    const staff = await kit.handlerOf(c);
    await staff.do(c.id, { action: 'accept' });
    if (outcome === 'resolve') await staff.do(c.id, { action: 'resolve', amountRecovered: 300, agreement: true });
    if (outcome === 'terminate') await staff.do(c.id, { action: 'terminate', reasonCode: '3' });
    return c;
  }

  it('lists accepted and concluded complaints whose consumer consented, newest first, with no consumer data', async () => {
    const resolved = await handled(true, 'resolve');
    const terminated = await handled(true, 'terminate');
    await handled(false, 'resolve'); // no consent: never shown
    await handled(true, 'open'); // still in mediation: not yet
    await kit.file({ consentToPublish: true }); // not even routed

    const res = await kit.http.get('/api/v1/disclosure').expect(200);
    const names = res.body.items.map((i: { respondent: { name: string } }) => i.respondent.name);
    const [rName] = await kit.q(`select respondent_name as n from cases where id = $1`, [resolved.id]);
    const [tName] = await kit.q(`select respondent_name as n from cases where id = $1`, [terminated.id]);
    expect(names).toEqual([tName.n, rName.n]);
    expect(res.body.items[0]).toEqual({
      respondent: { name: tName.n, creditCode: null },
      category: { code: 'catering', name: '餐饮服务' },
      issue: { code: 'false-advertising', text: '虚假宣传' },
      receivedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      concludedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      outcome: 'terminated',
      outcomeText: '终止调解：投诉人、被投诉人无正当理由不参加调解，或者明确拒绝调解',
    });
    expect(res.body.items[1]).toMatchObject({ outcome: 'resolved', outcomeText: '调解成功' });
    // Nothing of the consumer, in any field.
    const text = JSON.stringify(res.body);
    for (const leak of ['张三', '1390635', '柳园街道', 'consumer', 'phone', 'trackingNo']) expect(text).not.toContain(leak);
  });

  it('finds a business by credit code or by part of its name, and pages with a cursor', async () => {
    await handled(true, 'resolve', {
      respondent: { name: '聊城市公示测试火锅店', creditCode: USCC, address: '东昌府区东昌路 1 号', areaCode: '371502' },
    });
    const byCode = await kit.http.get(`/api/v1/disclosure?respondent=${USCC.toLowerCase()}`).expect(200);
    expect(byCode.body.items).toEqual([expect.objectContaining({ respondent: { name: '聊城市公示测试火锅店', creditCode: USCC } })]);
    const byName = await kit.http.get(`/api/v1/disclosure?respondent=${encodeURIComponent('公示测试火锅')}`).expect(200);
    expect(byName.body.items).toHaveLength(1);
    const none = await kit.http.get(`/api/v1/disclosure?respondent=${encodeURIComponent('不存在的商户')}`).expect(200);
    expect(none.body).toEqual({ items: [], nextCursor: null });

    const first = await kit.http.get('/api/v1/disclosure?limit=2').expect(200);
    expect(first.body.items).toHaveLength(2);
    const second = await kit.http.get(`/api/v1/disclosure?limit=2&cursor=${first.body.nextCursor}`).expect(200);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
  });

  it('answers English, and refuses bad parameters with a 400 naming them', async () => {
    const en = await kit.http.get('/api/v1/disclosure').set('Accept-Language', 'en').expect(200);
    expect(en.body.items[0].issue.text).toBe('False advertising');
    const bad = await kit.http.get('/api/v1/disclosure?limit=0&cursor=xyz').expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(['limit']);
    const badCursor = await kit.http.get('/api/v1/disclosure?cursor=xyz').expect(400);
    expect(badCursor.body.details).toEqual([{ field: 'cursor', message: expect.any(String) }]);
  });
});
