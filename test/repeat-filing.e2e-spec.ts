import { RoutingService } from '@weiquan/routing';
import { at, CaseKit, daysAgo } from './support/case-kit';

/**
 * Repeat filing through HTTP (docs/RULES.md, "Repeat and abusive filing"): a duplicate is the same
 * complainant, respondent and matter while the first case is still open; a report repeating the
 * same facts is not handled again (Order 121 Art. 35).
 */
describe('repeat filing', () => {
  let kit: CaseKit;

  beforeAll(async () => {
    kit = await CaseKit.start();
  });

  afterAll(async () => {
    await kit?.close();
  });

  const post = (body: object) => kit.http.post('/api/v1/complaints').set('Accept-Language', 'en').send(body);
  const outboxRows = async (trackingNo: string) =>
    (
      await kit.q<{ n: number }>(
        `select count(*)::int as n from outbox o join cases c on (o.payload->>'caseId')::bigint = c.id where c.tracking_no = $1`,
        [trackingNo],
      )
    )[0].n;

  it('a complaint refused for missing materials and filed again with them is a new complaint: received and routed', async () => {
    const body = kit.body();
    const first = await kit.assigned(body);
    const staff = await kit.handlerOf(first);
    await staff.do(first.id, { action: 'refuse', reasonCode: '5', note: '未提供购物凭证' });

    const again = await post({ ...body, description: `${body.description} 现补充购物小票及聊天记录。` });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ status: 'received', acceptanceDueDate: expect.any(String) });
    expect(again.body.duplicateOfTrackingNo).toBeUndefined();
    expect(again.body.repeatRule).toBeUndefined();
    expect(await outboxRows(again.body.trackingNo)).toBe(1);
    // The worker routes it like any other: it reaches a unit with its own 7-working-day clock.
    const routed = await kit.route(again.body.trackingNo);
    const d = await (await kit.handlerOf(routed)).detail(routed.id);
    expect(d).toMatchObject({ status: 'assigned', allowedActions: expect.arrayContaining(['accept', 'refuse']) });
    expect(d.linked).toEqual([]);
    // The handler sees the refused case as an earlier filing against the same business.
    expect(d.claimant.repeat).toEqual({ trackingNos: [first.trackingNo] });
  });

  it('a filing while the first case is still open is a duplicate, linked and not routed, however old the first', async () => {
    const body = kit.body({ incidentDate: daysAgo(45) });
    // Received 40 days ago and still waiting at its unit: the old 30-day window would have let a repeat through.
    const first = await at(new Date(Date.now() - 40 * 86_400_000).toISOString(), () => kit.assigned(body));
    const again = await post(body);
    expect(again.body).toMatchObject({
      status: 'duplicate',
      repeatRule: 'while-open',
      duplicateOfTrackingNo: first.trackingNo,
      acceptanceDueDate: null,
    });
    expect(await outboxRows(again.body.trackingNo)).toBe(0);
    const view = await kit.consumerView(again.body.trackingNo, again.body.accessCode);
    expect(view.timeline[0].text).toBe(
      `Same matter as your complaint ${first.trackingNo}, which is still being handled; handled together with it`,
    );
    // Accepted and in mediation: still open.
    const staff = await kit.handlerOf(first);
    await staff.do(first.id, { action: 'accept' });
    await staff.do(first.id, { action: 'start-mediation' });
    expect((await post(body)).body).toMatchObject({ status: 'duplicate', duplicateOfTrackingNo: first.trackingNo });
    // Concluded (mediation resolved) and closed: a new filing is a new complaint.
    await staff.do(first.id, { action: 'resolve', amountRecovered: 100, agreement: true });
    const afterResolve = await post(body);
    expect(afterResolve.body).toMatchObject({ status: 'received' });
    // …which now holds the matter itself.
    expect((await post(body)).body).toMatchObject({ status: 'duplicate', duplicateOfTrackingNo: afterResolve.body.trackingNo });
  });

  it('a case closed, or finished by routing (outside the city), makes no later filing a duplicate', async () => {
    const body = kit.body();
    const first = await kit.assigned(body);
    const staff = await kit.handlerOf(first);
    await staff.do(first.id, { action: 'accept' });
    await staff.do(first.id, { action: 'start-mediation' });
    await staff.do(first.id, { action: 'terminate', reasonCode: '4' });
    await staff.do(first.id, { action: 'close' });
    expect((await post(body)).body).toMatchObject({ status: 'received' });

    const outside = kit.body({ respondent: { name: '济南某餐饮店', address: '济南市历下区某路 1 号', areaCode: '370102' } });
    const elsewhere = await kit.file(outside);
    const [{ id }] = await kit.q<{ id: string }>(`select id::text as id from cases where tracking_no = $1`, [elsewhere.trackingNo]);
    await kit.api.app.get(RoutingService).routeMany([{ caseId: id, round: 0 }]);
    // Transferred, or refused for want of jurisdiction: either way finished, so it holds no matter.
    expect(['transferred', 'refused']).toContain(
      (await kit.q<{ status: string }>(`select status from cases where id = $1`, [id]))[0].status,
    );
    expect((await post(outside)).body).toMatchObject({ status: 'received' });
  });

  describe('reports under Order 121 (Art. 35)', () => {
    const report = (over: Record<string, unknown> = {}) =>
      kit.body({ kind: 'report', description: '该店后厨使用过期食材，冷库内有多批过期肉类。', demand: '请依法查处', ...over });

    it('the same reporter reporting the same facts about the same business again is linked, not handled again, even after a decision', async () => {
      const body = report();
      const first = await kit.assigned(body);
      const again = await post({ ...body, description: ' 该店后厨使用过期食材，冷库内有多批过期肉类 ' });
      expect(again.body).toMatchObject({
        status: 'duplicate',
        repeatRule: 'art35',
        duplicateOfTrackingNo: first.trackingNo,
        acceptanceDueDate: null,
        cases: [{ track: 'report', status: 'duplicate', repeatRule: 'art35', duplicateOfTrackingNo: first.trackingNo }],
      });
      expect(await outboxRows(again.body.trackingNo)).toBe(0);
      const zh = await kit.http.get(`/api/v1/complaints/${again.body.trackingNo}`).set('X-Access-Code', again.body.accessCode);
      expect(zh.body.timeline[0].text).toContain('该举报已在办理，本次不再另行处理');
      expect(zh.body.timeline[0].text).toContain('第三十五条');

      // Decided and closed: the same facts are still not handled again (Art. 35 has no time or status limit).
      const bureau = await kit.handlerOf(first);
      await bureau.do(first.id, { action: 'decline-enforcement', reasonCode: '1' });
      await bureau.do(first.id, { action: 'close' });
      expect((await post(body)).body).toMatchObject({ status: 'duplicate', repeatRule: 'art35', duplicateOfTrackingNo: first.trackingNo });
    });

    it('a report adding new facts is received and routed; its handler sees the earlier report (a merge is the handler’s call)', async () => {
      const body = report();
      const first = await kit.assigned(body);
      const more = await post({ ...body, description: `${body.description} 另发现该店无健康证人员从事接触食品工作。` });
      expect(more.body).toMatchObject({ status: 'received', acceptanceDueDate: expect.any(String) });
      const routed = await kit.route(more.body.trackingNo);
      const d = await (await kit.handlerOf(routed)).detail(routed.id);
      expect(d.claimant.repeat).toEqual({ trackingNos: [first.trackingNo] });
      // Another incident date is another fact too.
      expect((await post({ ...body, incidentDate: body.incidentDate === '2026-01-01' ? '2026-01-02' : '2026-01-01' })).body.status).toBe(
        'received',
      );
    });

    it('a withdrawn report was never handled: reporting it again is a new report', async () => {
      const body = report();
      const first = await kit.file(body);
      await kit.http.post(`/api/v1/complaints/${first.trackingNo}/withdraw`).set('X-Access-Code', first.accessCode).send({}).expect(200);
      expect((await post(body)).body).toMatchObject({ status: 'received' });
    });

    it('"both": the complaint half is a duplicate while open, the report half by Art. 35', async () => {
      const body = kit.body({ kind: 'both' });
      const first = await kit.file(body);
      const again = await post({ ...body, description: `${body.description}（再次提交）` });
      // The complaint's matter is the same (still open); the report adds words, so it is not the same facts.
      expect(again.body.cases).toEqual([
        expect.objectContaining({
          track: 'complaint',
          status: 'duplicate',
          repeatRule: 'while-open',
          duplicateOfTrackingNo: first.trackingNo,
        }),
        expect.objectContaining({ track: 'report', status: 'received' }),
      ]);
    });
  });

  it('an Order 20 report keeps the duplicate rule of the system (same matter while open), not Art. 35', async () => {
    const body = kit.body({ kind: 'report', incidentDate: '2026-03-20' });
    const first = await at('2026-04-01T10:00:00+08:00', () => post(body));
    expect(first.body.status).toBe('received');
    const [{ rule_set }] = await kit.q<{ rule_set: string }>(`select rule_set from cases where tracking_no = $1`, [first.body.trackingNo]);
    expect(rule_set).toBe('order20');
    // Other words, same business and category, the first still open: a duplicate under Order 20.
    const again = await at('2026-04-02T10:00:00+08:00', () => post({ ...body, description: '同一家店，换个说法再反映一次。' }));
    expect(again.body).toMatchObject({ status: 'duplicate', repeatRule: 'while-open', duplicateOfTrackingNo: first.body.trackingNo });
  });
});
