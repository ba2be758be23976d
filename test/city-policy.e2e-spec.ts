import type { IsoDate } from '@weiquan/calendar';
import type { CreateComplaintDto } from '@weiquan/complaints';
import { IntakeService } from '@weiquan/complaints';
import { at, CaseKit } from './support/case-kit';
import type { TestApi } from './support/test-api';
import { startTestApi } from './support/test-api';

/**
 * The city's own periods can be turned off (REPORTER_NOTICE_DAYS=0, FOLLOW_UP_DAYS=0): where the law
 * sets no period (Order 121 Art. 36 for telling a reporter, Art. 26 for a follow-up visit) no clock
 * then starts; where the law sets one (Order 20 Art. 31) it runs whatever the policy says.
 *
 * Expected dates are counted by hand on the State Council's 2026 schedule (1 and 4–5 May off, Sat 9
 * May worked; nothing in November), the start day never counted.
 */
describe('city policy turned off', () => {
  let kit: CaseKit;

  /**
   * CaseKit on an API started with the policy off. CaseKit.start() takes no environment (its
   * constructor is private), hence the cast; CaseKit.start(env) would make this unnecessary.
   */
  const kitWith = async (env: Record<string, string>): Promise<CaseKit> => {
    const api = await startTestApi({ INTAKE_RATE_LIMIT: '100000', LOOKUP_RATE_LIMIT: '100000', LOGIN_RATE_LIMIT: '100000', ...env });
    return new (CaseKit as unknown as new (api: TestApi) => CaseKit)(api);
  };
  /** Acts at 10:00 China time on `day`. */
  const on = <T>(day: IsoDate, work: () => Promise<T>) => at(`${day}T02:00:00Z`, work);
  const clockNames = (d: { clocks: { clock: string }[] }) => d.clocks.map((k) => k.clock);
  const tracking = async (c: { trackingNo: string; accessCode: string }) => {
    const res = await kit.http.get(`/api/v1/complaints/${c.trackingNo}`).set('X-Access-Code', c.accessCode).set('Accept-Language', 'zh-CN');
    expect(res.status).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    kit = await kitWith({ REPORTER_NOTICE_DAYS: '0', FOLLOW_UP_DAYS: '0' });
  });

  afterAll(async () => {
    await kit?.close();
  });

  it('an Order 121 report: no reporter-notice clock starts after the decision, and the reporter is still told on closing', async () => {
    const r = await on('2026-11-02', () => kit.assigned({ kind: 'report' }));
    const officer = await kit.handlerOf(r);
    await on('2026-11-02', async () => {
      await officer.do(r.id, { action: 'accept' });
      await officer.do(r.id, { action: 'open-enforcement', note: '立案调查' });
    });
    let d = await officer.detail(r.id);
    expect(d).toMatchObject({ ruleSet: { code: 'order121' }, status: 'case-opened', dueOn: null, overdue: false });
    expect(clockNames(d)).toEqual(['decision']);
    expect((await tracking(r)).deadlines.map((x: { kind: string }) => x.kind)).toEqual(['decision']);

    await on('2026-11-03', () => officer.do(r.id, { action: 'close' }));
    d = await officer.detail(r.id);
    expect(d.status).toBe('closed');
    expect(clockNames(d)).toEqual(['decision']);
    expect(await kit.notificationKinds(r.id)).toEqual(['report-decision']);
  });

  it('an Order 20 report keeps its statutory 5 working days to tell the reporter (Art. 31)', async () => {
    // Received by phone on 14 April 2026, the day before Order 121 came into force.
    const answer = await kit.api.app
      .get(IntakeService)
      .submit(kit.body({ kind: 'report', incidentDate: '2026-04-14' }) as unknown as CreateComplaintDto, {
        channel: 'phone',
        receivedAt: new Date('2026-04-14T02:00:00Z'),
      });
    const r = await kit.route(answer.trackingNo, answer.accessCode);
    const officer = await kit.handlerOf(r);
    // Decided Wed 29 Apr: 30 Apr (1), 1 May off, 4–5 May off, 6–8 May (4), Sat 9 May worked (5).
    await on('2026-04-29', async () => {
      await officer.do(r.id, { action: 'accept' });
      await officer.do(r.id, { action: 'open-enforcement' });
    });
    const d = await officer.detail(r.id);
    expect(d.ruleSet).toEqual({ code: 'order20' });
    expect(d.clocks.find((k: { clock: string }) => k.clock === 'reporter-notice')).toMatchObject({
      days: 5,
      count: 'working',
      basis: { kind: 'law', text: '总局令第20号第三十一条' },
      dueOn: '2026-05-09',
      running: true,
    });
    // A statutory period: no city-policy note for the reporter.
    const told = (await tracking(r)).deadlines.find((x: { kind: string }) => x.kind === 'reporter-notice');
    expect(told).toMatchObject({ dueDate: '2026-05-09' });
    expect(told.text).not.toContain('本市工作规范');
    expect(told.explanation).toMatchObject({ basis: 'law', zh: expect.stringContaining('《市场监督管理投诉举报处理暂行办法》第三十一条') });
  });

  it('a closed complaint starts no follow-up clock, and the visit may still be recorded', async () => {
    const c = await on('2026-11-02', () => kit.assigned());
    const staff = await kit.handlerOf(c);
    await on('2026-11-02', async () => {
      await staff.do(c.id, { action: 'accept' });
      await staff.do(c.id, { action: 'resolve', amountRecovered: 20, agreement: false });
      await staff.do(c.id, { action: 'close' });
    });
    let d = await staff.detail(c.id);
    expect(d).toMatchObject({ status: 'closed', dueOn: null, allowedActions: ['record-follow-up', 'note'] });
    expect(clockNames(d)).toEqual(['acceptance', 'mediation']);
    await on('2026-11-04', () => staff.do(c.id, { action: 'record-follow-up', note: '电话回访' }));
    d = await staff.detail(c.id);
    expect(d.allowedActions).toEqual(['note']);
    expect(clockNames(d)).toEqual(['acceptance', 'mediation']);
  });
});
