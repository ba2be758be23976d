import { respondentKey } from '@weiquan/complaints';
import { RollupService } from '@weiquan/stats';
import type { Response } from 'supertest';
import { buildOpenApiDocument } from '../apps/api/src/openapi';
import { CaseKit } from './support/case-kit';
import type { Staff } from './support/case-kit';
import { uscc } from './support/fixtures';
import { operationsOf, SchemaChecker } from './support/openapi-check';

/**
 * The business as a party, counted: the history's business events (as libs/cases/src/lifecycle/case-event.ts
 * defines them, written here straight into case_event) folded into the business rollup by the
 * aggregator, read by GET /stats/businesses (per business and per venue, scoped) and by the public
 * record GET /disclosure/businesses; and the rebuild gives the same rows as the aggregator.
 */
const A = uscc('91371502MA3C8X2Q1');
const B = uscc('91371502MA3C8X2Q2');
const C = uscc('91371503MA3C8X2Q3');
const UNKNOWN = uscc('91371502MA3C8X2Q9');
const NAMES: Record<string, string> = { [A]: '聊城公示测试火锅店', [B]: '聊城公示测试奶茶店', [C]: '聊城公示测试家电行' };
const NOV = { from: '2026-11-01', to: '2026-11-30' };
const TABLES = [
  'stat_business_day',
  'stat_business_month',
  'stat_area_day',
  'stat_area_month',
  'stat_unit_day',
  'stat_unit_month',
  'stat_respondent_month',
];

describe('statistics of businesses as parties (business rollup, league table, public record)', () => {
  let kit: CaseKit;
  let station: { code: string; venueCode: string; venueName: string; areaCode: string };
  let otherArea: string;

  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => kit.q<T>(sql, params);
  const at = (day: string) => `${day}T10:00:00+08:00`;
  const event = (caseId: string, type: string, day: string, unitCode: string | null, data: object) =>
    q(`insert into case_event (case_id, type, actor_type, unit_code, at, data) values ($1, $2, 'system', $3, $4, $5::jsonb)`, [
      caseId,
      type,
      unitCode,
      at(day),
      JSON.stringify(data),
    ]);
  const unit = (code: string) => ({ type: code.startsWith('ST-') ? 'station' : 'business', code, name: NAMES[code] ?? code });
  const assigned = (id: string, day: string, to: string) => event(id, 'assigned', day, null, { assignee: unit(to), stage: 'settlement' });
  const offer = (id: string, day: string, by: string, workingDays: number) =>
    event(id, 'record-offer', day, by, { offer: { remedy: 'refund', amountFen: 10000 }, answer: { workingDays, first: true } });
  const acceptOffer = (id: string, day: string, holder: string, fen: number, days: number) =>
    event(id, 'accept-offer', day, holder, { outcome: { amountRecoveredFen: fen }, settledAtSource: true, handlingWorkingDays: days });
  const escalate = (id: string, day: string, from: string, cause: string, extra: object = {}) =>
    event(id, 'escalated', day, from, {
      cause,
      stage: 'formal',
      from,
      fromType: from.startsWith('ST-') ? 'station' : 'business',
      acceptanceDue: '2026-12-31',
      ...extra,
    });

  /** A complaint about the business, filed online (the test writes its history itself; nothing routes it). */
  const complaint = async (creditCode: string, over: Record<string, unknown> = {}) => {
    const f = await kit.file({
      path: 'settlement',
      respondent: { name: NAMES[creditCode], address: '东昌府区东昌路 88 号', areaCode: '371502', creditCode },
      ...over,
    });
    const [{ id }] = await q<{ id: string }>(`select id::text as id from cases where tracking_no = $1`, [f.trackingNo]);
    return id;
  };

  const snapshot = async () => {
    const out: Record<string, unknown[]> = {};
    for (const t of TABLES) out[t] = await q(`select * from ${t} order by (${t}.*)::text`);
    return out;
  };

  beforeAll(async () => {
    kit = await CaseKit.start();
    // Until the schema list registers them, this suite runs the migrations it needs itself.

    [station] = await q<typeof station>(
      `select s.code, s.venue_code as "venueCode", v.name as "venueName", v.area_code as "areaCode"
         from station s join venue v on v.code = s.venue_code order by s.code limit 1`,
    );
    [{ code: otherArea }] = await q<{ code: string }>(
      `select code from area where code <> $1 and code like '3715%' order by code limit 1`,
      [station.areaCode],
    );
    const enrol = (code: string, area: string, venue: string | null) =>
      q(`insert into business (credit_code, name, name_key, area_code, venue_code, enrolled_by) values ($1, $2, $3, $4, $5, 'test')`, [
        code,
        NAMES[code],
        respondentKey(NAMES[code]),
        area,
        venue,
      ]);
    await enrol(A, station.areaCode, station.venueCode);
    await enrol(B, station.areaCode, station.venueCode);
    await enrol(C, otherArea, null);
    await q(`update business set statement = '我店承诺七日无理由退换', statement_at = now() where credit_code = $1`, [A]);

    // A (at the venue): four complaints.
    const a1 = await complaint(A);
    await assigned(a1, '2026-11-03', A);
    await offer(a1, '2026-11-04', A, 1);
    await acceptOffer(a1, '2026-11-05', A, 26850, 2);
    // Settled, then reopened: the consumer says the refund never came.
    const a2 = await complaint(A);
    await assigned(a2, '2026-11-03', A);
    await offer(a2, '2026-11-05', A, 2);
    await acceptOffer(a2, '2026-11-06', A, 10000, 3);
    await escalate(a2, '2026-11-10', A, 'not-delivered', { offer: { remedy: 'refund', amountFen: 10000, at: at('2026-11-05') } });
    // Routed to the venue's station first, which passed it to A; A never answered.
    const a3 = await complaint(A);
    await assigned(a3, '2026-11-03', station.code);
    await event(a3, 'referred-to-business', '2026-11-04', station.code, {
      assignee: unit(A),
      from: station.code,
      settlementDue: '2026-11-18',
    });
    await escalate(a3, '2026-11-20', A, 'no-answer');
    // A declined (不同意) on its third working day.
    const a4 = await complaint(A);
    await assigned(a4, '2026-11-06', A);
    await escalate(a4, '2026-11-09', A, 'business-declined', { answer: { workingDays: 3, first: true } });

    // B (at the venue): settled the same day; and a case the venue's station took over and settled.
    const b1 = await complaint(B);
    await assigned(b1, '2026-11-07', B);
    await offer(b1, '2026-11-07', B, 0);
    await acceptOffer(b1, '2026-11-08', B, 5000, 1);
    const b2 = await complaint(B);
    await assigned(b2, '2026-11-12', B);
    await event(b2, 'stepped-in', '2026-11-14', station.code, { assignee: unit(station.code), from: B });
    await acceptOffer(b2, '2026-11-15', station.code, 3000, 3);

    // C (another area): escalated by the consumer, then mediated in the formal stage; once more, terminated.
    const c1 = await complaint(C, { consentToPublish: true });
    await assigned(c1, '2026-11-10', C);
    await escalate(c1, '2026-11-11', C, 'consumer');
    await event(c1, 'resolve', '2026-11-25', 'MR-371500', {
      outcome: { amountRecoveredFen: 8000, agreement: true },
      handlingWorkingDays: 10,
    });
    // Published: the consumer consented, it was accepted and is concluded.
    await q(
      `update cases set stage = 'formal', status = 'closed', accepted_at = now(), concluded_at = now(), amount_recovered_fen = 8000 where id = $1`,
      [c1],
    );
    const c2 = await complaint(C);
    await event(c2, 'terminate', '2026-11-26', 'MR-371500', { handlingWorkingDays: 20 });

    // The aggregator, in small batches.
    await kit.api.app.get(RollupService).applyPending(1000, 4);
  }, 180_000);

  afterAll(async () => {
    await kit?.close();
  });

  const analyst = () => kit.staff('city-analyst');
  const league = async (who: Staff, query: string) => {
    const res = await who.get(`/stats/businesses?${query}`);
    if (res.status !== 200) throw new Error(`GET /stats/businesses?${query} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const row = (body: { items: { business: { creditCode: string } }[] }, code: string) =>
    body.items.find((i) => i.business.creditCode === code);

  it('counts what each business received, answered, settled and escalated, and the median response from the buckets', async () => {
    const body = await league(await analyst(), `from=${NOV.from}&to=${NOV.to}`);
    expect(body).toMatchObject({ by: 'business', period: NOV, areaCode: null, venueCode: null, sort: '-received', total: 3 });
    expect(body.items.map((i: { business: { creditCode: string } }) => i.business.creditCode)).toEqual([A, B, C]);
    expect(row(body, A)).toMatchObject({
      business: { creditCode: A, name: NAMES[A], areaCode: station.areaCode, venue: { code: station.venueCode }, odrActive: true },
      // Three routed to it, one passed on by the station.
      received: 4,
      // Days 1, 2 and 3 (the refusal); the fourth never answered: the slowest.
      answered: 3,
      responses: 4,
      medianResponseWorkingDays: 2,
      medianResponseOverTenWorkingDays: false,
      answeredInTimeRate: 0.75,
      // a1 settled; a2's settlement was taken back when it was reopened as not delivered.
      settledAtSource: 1,
      settledAmount: '268.50',
      escalated: 3,
      escalatedDeclined: 1,
      escalatedNoAnswer: 1,
      escalatedNotDelivered: 1,
      escalatedConsumer: 0,
      concluded: 4,
      settlementRate: 0.25,
    });
    expect(row(body, B)).toMatchObject({
      received: 2,
      steppedIn: 1,
      answered: 1,
      medianResponseWorkingDays: 0,
      answeredInTimeRate: 1,
      // b2 was settled by the station that stepped in: not B's.
      settledAtSource: 1,
      settledAmount: '50.00',
      settlementRate: 1,
    });
    expect(row(body, C)).toMatchObject({
      received: 1,
      escalatedConsumer: 1,
      settlementRate: 0,
      medianResponseWorkingDays: null,
      answeredInTimeRate: null,
      mediationConcluded: 2,
      mediationSuccessful: 1,
      mediationSuccessRate: 0.5,
    });
  });

  it('a no-answer escalation counts in the response figure as not answered in time', async () => {
    const body = await league(await analyst(), `from=2026-11-20&to=2026-11-20`);
    expect(row(body, A)).toMatchObject({
      received: 0,
      answered: 0,
      responses: 1,
      escalatedNoAnswer: 1,
      medianResponseWorkingDays: null,
      medianResponseOverTenWorkingDays: true,
      answeredInTimeRate: 0,
    });
  });

  it('a settlement reopened as not delivered is taken back on the day it was accepted, for the business and the city', async () => {
    const who = await analyst();
    // The 6th, the day a2 was accepted: nothing settled that day stands.
    const sixth = await league(who, 'from=2026-11-06&to=2026-11-06');
    expect(row(sixth, A)).toMatchObject({ received: 1, settledAtSource: 0, settledAmount: '0.00' });
    const tenth = await league(who, 'from=2026-11-10&to=2026-11-10');
    expect(row(tenth, A)).toMatchObject({ escalatedNotDelivered: 1, settledAtSource: 0 });
    const [day] = await q<{ settled: string; settled_fen: string }>(
      `select settled::text, settled_fen::text from stat_area_day where area_code = '*' and category_code = '*' and day = '2026-11-06'`,
    );
    expect(day ?? { settled: '0', settled_fen: '0' }).toEqual({ settled: '0', settled_fen: '0' });
    // The city: a1, b1 and the station's b2 settled; the referral and the step-in are no second settlement assignment.
    const [month] = await q<Record<string, string>>(
      `select sum(settlement_assigned)::text as assigned, sum(settled)::text as settled, sum(settled_fen)::text as fen, sum(escalated)::text as escalated
         from stat_area_month where area_code = '*' and category_code = '*' and month = '2026-11-01'`,
    );
    expect(month).toEqual({ assigned: '7', settled: '3', fen: '34850', escalated: '4' });
  });

  it('businesses are no units of the unit rollup; the station that stepped in got the case and settled it', async () => {
    const [{ n }] = await q<{ n: string }>(`select count(*)::text as n from stat_unit_day where unit_code = any($1::text[])`, [[A, B, C]]);
    expect(n).toBe('0');
    const [s] = await q<Record<string, string>>(
      `select sum(assigned)::text as assigned, sum(settlement_assigned)::text as settlement, sum(settled)::text as settled
         from stat_unit_month where unit_code = $1 and category_code = '*'`,
      [station.code],
    );
    expect(s).toEqual({ assigned: '2', settlement: '2', settled: '1' });
  });

  it('groups a venue’s tenants together, and sorts and limits', async () => {
    const who = await analyst();
    const venues = await league(who, `from=${NOV.from}&to=${NOV.to}&by=venue`);
    expect(venues).toMatchObject({ by: 'venue', total: 1 });
    expect(venues.items).toEqual([
      expect.objectContaining({
        venue: { code: station.venueCode, name: station.venueName, areaCode: station.areaCode },
        businesses: [A, B].sort(),
        received: 6,
        settledAtSource: 2,
        settledAmount: '318.50',
        escalated: 3,
        settlementRate: 0.4,
        // Responses 0, 1, 2, 3 and one never: the third.
        responses: 5,
        medianResponseWorkingDays: 2,
        answeredInTimeRate: 0.8,
      }),
    ]);
    const sorted = await league(who, `from=${NOV.from}&to=${NOV.to}&sort=settlementRate&limit=2`);
    expect(sorted.total).toBe(3);
    expect(sorted.items.map((i: { business: { creditCode: string } }) => i.business.creditCode)).toEqual([C, A]);
  });

  it('scopes the table: a county bureau its area, a venue’s station its tenants; others are refused', async () => {
    const [bureau] = await q<{ code: string }>(`select code from regulator where kind = 'market' and level = 'county' and area_code = $1`, [
      otherArea,
    ]);
    const county = await kit.staff('regulator-staff', bureau.code);
    const own = await league(county, `from=${NOV.from}&to=${NOV.to}`);
    expect(own.areaCode).toBe(otherArea);
    expect(own.items.map((i: { business: { creditCode: string } }) => i.business.creditCode)).toEqual([C]);
    expect((await county.get(`/stats/businesses?areaCode=${station.areaCode}`)).status).toBe(403);

    const atVenue = await kit.staff('station-staff', station.code);
    const tenants = await league(atVenue, `from=${NOV.from}&to=${NOV.to}`);
    expect(tenants.venueCode).toBe(station.venueCode);
    expect(tenants.items.map((i: { business: { creditCode: string } }) => i.business.creditCode).sort()).toEqual([A, B].sort());

    // A station at no venue (every seeded station is at one: this one is taken out of its venue).
    const [{ code: alone }] = await q<{ code: string }>(`select code from station where code <> $1 order by code desc limit 1`, [
      station.code,
    ]);
    await q(`update station set venue_code = null where code = $1`, [alone]);
    expect((await (await kit.staff('station-staff', alone)).get('/stats/businesses')).status).toBe(403);
    expect((await (await analyst()).get('/stats/businesses?venueCode=NO-SUCH-VENUE')).status).toBe(400);
  });

  it('the rebuild gives exactly the rows the aggregator maintained', async () => {
    const before = await snapshot();
    await kit.api.app.get(RollupService).rebuild();
    const after = await snapshot();
    for (const t of TABLES) expect({ table: t, rows: after[t] }).toEqual({ table: t, rows: before[t] });
    expect(before.stat_business_day.length).toBeGreaterThan(0);
  });

  describe('the public record (消费投诉信息公示)', () => {
    it('finds enrolled businesses by part of the name or the exact credit code', async () => {
      const byName = await kit.http.get(`/api/v1/disclosure/businesses?q=${encodeURIComponent('公示测试')}&limit=2`).expect(200);
      expect(byName.body.items).toHaveLength(2);
      expect(byName.body.nextCursor).toEqual(expect.any(String));
      const next = await kit.http
        .get(`/api/v1/disclosure/businesses?q=${encodeURIComponent('公示测试')}&cursor=${byName.body.nextCursor}`)
        .expect(200);
      expect([...byName.body.items, ...next.body.items].map((b: { creditCode: string }) => b.creditCode)).toEqual([A, B, C].sort());
      const byCode = await kit.http.get(`/api/v1/disclosure/businesses?q=${C.toLowerCase()}`).expect(200);
      expect(byCode.body.items).toEqual([
        { creditCode: C, name: NAMES[C], areaName: expect.any(String), venueName: null, odrActive: true },
      ]);
      await kit.http.get('/api/v1/disclosure/businesses?cursor=nonsense').expect(400);
    });

    it('shows a business’s statement, its figures over all its history, and its published complaints only', async () => {
      const a = await kit.http.get(`/api/v1/disclosure/businesses/${A}`).expect(200);
      expect(a.body).toMatchObject({
        creditCode: A,
        name: NAMES[A],
        venueName: station.venueName,
        odrActive: true,
        statement: '我店承诺七日无理由退换',
        statementAt: expect.any(String),
        figures: {
          received: 4,
          settledAtSource: 1,
          settlementRate: 0.25,
          medianResponseWorkingDays: 2,
          medianResponseOverTenWorkingDays: false,
          answeredInTimeRate: 0.75,
          mediationConcluded: 0,
          mediationSuccessful: 0,
          mediationSuccessRate: null,
        },
        complaints: [],
        complaintsNextCursor: null,
      });
      const c = await kit.http.get(`/api/v1/disclosure/businesses/${C.toLowerCase()}`).set('Accept-Language', 'zh').expect(200);
      expect(c.body.figures).toMatchObject({ mediationConcluded: 2, mediationSuccessful: 1, mediationSuccessRate: 0.5 });
      expect(c.body.complaints).toEqual([expect.objectContaining({ respondent: { name: NAMES[C], creditCode: C }, outcome: 'resolved' })]);
      // Nothing about any consumer, nothing private about the business.
      const text = JSON.stringify([a.body, c.body]);
      for (const secret of ['张三', '1390635', '柳园街道', 'phone', 'address']) expect(text).not.toContain(secret);
    });

    it('answers 404 for a code no business is enrolled with, valid or not', async () => {
      const res = await kit.http.get(`/api/v1/disclosure/businesses/${UNKNOWN}`).expect(404);
      expect(res.body).toMatchObject({ statusCode: 404, message: expect.stringContaining(UNKNOWN) });
      await kit.http.get('/api/v1/disclosure/businesses/not-a-code').expect(404);
    });
  });

  it('answers as the OpenAPI document says, successes and errors alike', async () => {
    const document = await buildOpenApiDocument();
    const checker = new SchemaChecker(document);
    const operations = new Map(operationsOf(document).map((op) => [`${op.method} ${op.path}`, op]));
    const conforms = (operation: string, res: Response, status: number) => {
      const schema = operations.get(operation)?.responses[String(res.status)]?.content?.['application/json']?.schema;
      expect({ operation, status: res.status, documented: !!schema }).toEqual({ operation, status, documented: true });
      expect({ operation, status, problems: checker.check(res.body, schema!) }).toEqual({ operation, status, problems: [] });
    };
    const who = await analyst();
    const stats = 'get /api/v1/stats/businesses';
    conforms(stats, await who.get(`/stats/businesses?from=${NOV.from}&to=${NOV.to}`), 200);
    conforms(stats, await who.get(`/stats/businesses?from=${NOV.from}&to=${NOV.to}&by=venue`), 200);
    conforms(stats, await who.get('/stats/businesses?sort=name&limit=0'), 400);
    conforms(stats, await (await kit.staff('regulator-staff', 'MR-371502')).get('/stats/businesses?areaCode=371503'), 403);
    conforms(stats, await kit.http.get('/api/v1/stats/businesses'), 401);
    conforms('get /api/v1/disclosure/businesses', await kit.http.get('/api/v1/disclosure/businesses?limit=1'), 200);
    conforms('get /api/v1/disclosure/businesses', await kit.http.get('/api/v1/disclosure/businesses?cursor=x'), 400);
    const record = 'get /api/v1/disclosure/businesses/{creditCode}';
    conforms(record, await kit.http.get(`/api/v1/disclosure/businesses/${A}`), 200);
    conforms(record, await kit.http.get(`/api/v1/disclosure/businesses/${C}`).set('Accept-Language', 'en'), 200);
    conforms(record, await kit.http.get(`/api/v1/disclosure/businesses/${UNKNOWN}`), 404);
  });
});
