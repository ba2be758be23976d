import { CaseKit } from './support/case-kit';

/**
 * Requests that are not complaints or reports (Order 121 Art. 44): a filer who says the request is
 * a consultation, a government-information request, an administrative reconsideration or a report
 * about officials is told where it goes (422), and no case is made.
 */
describe('requests that are not complaints or reports (Art. 44)', () => {
  let kit: CaseKit;

  beforeAll(async () => {
    kit = await CaseKit.start();
  });

  afterAll(async () => {
    await kit?.close();
  });

  const cases = async () => (await kit.q<{ n: number }>(`select count(*)::int as n from cases`))[0].n;

  it.each([
    ['consultation', '咨询不属于投诉举报', '12315'],
    ['information-disclosure', '政府信息公开申请不属于投诉举报', '政府信息公开条例'],
    ['administrative-reconsideration', '行政复议申请不属于投诉举报', '申请行政复议'],
    ['discipline-inspection', '纪检监察检举控告不属于投诉举报', '12388'],
  ])('kind "%s" answers 422 with where it goes, makes no case', async (kind, what, where) => {
    const before = await cases();
    // Whatever else the body holds or lacks: a question need not name a business.
    const res = await kit.http.post('/api/v1/complaints').send({ kind, description: '请问预付卡不退怎么办？' });
    expect(res.status).toBe(422);
    expect(res.body).toEqual({
      statusCode: 422,
      error: 'Unprocessable Entity',
      message: expect.stringContaining(what),
      requestKind: kind,
      basis: '《市场监督管理投诉举报处理办法》第四十四条',
    });
    expect(res.body.message).toContain(where);
    expect(res.body.message).toContain('第四十四条');
    const full = await kit.http.post('/api/v1/complaints').set('Accept-Language', 'en').send(kit.body({ kind }));
    expect(full.status).toBe(422);
    expect(full.body.message).toContain('is not a complaint or report');
    expect(full.body.message).toContain('Order No. 121, Art. 44');
    expect(await cases()).toBe(before);
  });

  it('staff recording a phone call get the same answer', async () => {
    const staff = await kit.staff('regulator-staff', 'MR-371502');
    const res = await kit.http
      .post('/api/v1/cases/intake')
      .set('Authorization', `Bearer ${await staff.auth()}`)
      .send({ ...kit.body({ kind: 'consultation' }), intakeChannel: 'phone', receivedAt: new Date().toISOString() });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ requestKind: 'consultation', message: expect.stringContaining('12315') });
  });

  it('a kind that is neither is still a 400 naming the field; a complaint is still a complaint', async () => {
    const bad = await kit.http.post('/api/v1/complaints').send(kit.body({ kind: 'petition' }));
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ field: 'kind' })]);
    const ok = await kit.http.post('/api/v1/complaints').send(kit.body());
    expect(ok.status).toBe(201);
  });
});
