import { Module } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { makeTrackingNo } from '@weiquan/cases';
import { AppConfig, ConfigModule, DatabaseModule, QueueModule } from '@weiquan/core';
import { NOTIFICATION_KINDS, NotificationSender, NotificationsWorkerModule } from '@weiquan/notifications';
import { SCHEMA } from '@weiquan/schema';
import { CaseKit, shanghaiDay } from './support/case-kit';
import { FakeTencentSms } from './support/fake-tencent-sms';

/** Sends notifications as the worker does, through the SMS provider of the API's configuration. */
@Module({})
class SenderContext {
  static forRoot(config: AppConfig) {
    return {
      module: SenderContext,
      imports: [ConfigModule.forRoot(config), DatabaseModule.forRoot(SCHEMA, 'test-access-code'), QueueModule, NotificationsWorkerModule],
    };
  }
}

const TEMPLATES = NOTIFICATION_KINDS.map((kind, i) => `${kind}=${1860001 + i}`).join(',');

/** POST /complaints/{trackingNo}/access-code: a new access code by SMS to the phone on file, and nothing said about the case. */
describe('access-code recovery', () => {
  const fake = new FakeTencentSms('AKIDrecoverytest', 'recovery-secret-key');
  let kit: CaseKit;
  let direct: TestingModule;
  let sender: NotificationSender;

  const recover = (trackingNo: string, phone: string) => kit.http.post(`/api/v1/complaints/${trackingNo}/access-code`).send({ phone });
  const view = (trackingNo: string, code: string) => kit.http.get(`/api/v1/complaints/${trackingNo}`).set('X-Access-Code', code);
  const notifications = (trackingNo: string) =>
    kit.q<{ id: string; kind: string; sent: boolean; secret: boolean; last_error: string | null; text: string }>(
      `select n.id::text as id, n.kind, n.sent_at is not null as sent, n.secret_enc is not null as secret, n.last_error, n.text
         from notification n join cases c on c.id = n.case_id where c.tracking_no = $1 order by n.id`,
      [trackingNo],
    );
  /** Sends the case's unsent access-code SMS as the worker would; answers the code the phone received. */
  async function deliver(trackingNo: string): Promise<string> {
    const unsent = (await notifications(trackingNo)).filter((n) => n.kind === 'access-code' && !n.sent);
    expect(unsent).toHaveLength(1);
    await expect(sender.send(unsent[0].id)).resolves.toBe('sent');
    const sms = fake.received.at(-1)!;
    expect(sms.TemplateId).toBe(String(1860001 + NOTIFICATION_KINDS.indexOf('access-code')));
    expect(sms.TemplateParamSet[0]).toBe(`投诉（查询编号${trackingNo}）`);
    return sms.TemplateParamSet[1];
  }

  beforeAll(async () => {
    await fake.start();
    kit = await CaseKit.start({
      SMS_PROVIDER: 'tencent',
      SMS_TENCENT_SECRET_ID: fake.secretId,
      SMS_TENCENT_SECRET_KEY: fake.secretKey,
      SMS_TENCENT_SDK_APP_ID: '1400007777',
      SMS_TENCENT_ENDPOINT: fake.endpoint,
      SMS_TEMPLATES: TEMPLATES,
    });
    direct = await Test.createTestingModule({ imports: [SenderContext.forRoot(kit.api.t.config)] }).compile();
    await direct.init();
    sender = direct.get(NotificationSender);
  });

  afterAll(async () => {
    await direct?.close();
    await kit?.close();
    await fake.stop();
  });

  it('the phone on file gets a new code by SMS; the new code opens the case and the old one no longer does', async () => {
    const c = await kit.file();
    // Typed the way people type it: spaces and +86.
    const res = await recover(c.trackingNo, `+86 ${c.phone.slice(0, 3)} ${c.phone.slice(3)}`).expect(202);
    expect(res.body).toEqual({ status: 'accepted' });

    // The new code waits encrypted on its notification, never in its text; the unsent receipt holding the old code is dropped.
    const rows = await notifications(c.trackingNo);
    expect(rows.map((n) => [n.kind, n.sent, n.secret, n.last_error])).toEqual([
      ['received', true, false, 'not sent: superseded by a new access code'],
      ['access-code', false, true, null],
    ]);
    expect(rows[1].text).toBe(
      `【聊城市场监管】您的投诉（查询编号 ${c.trackingNo}）已按您的申请重新发放查询码，原查询码作废；新查询码只以短信发送，请妥善保管。如非本人申请，请拨打12315反映。`,
    );

    const code = await deliver(c.trackingNo);
    expect(code).toMatch(/^\d{8}$/);
    expect(code).not.toBe(c.accessCode);
    expect(fake.received.at(-1)!.PhoneNumberSet).toEqual([`+86${c.phone}`]);
    await view(c.trackingNo, c.accessCode).expect(404);
    const opened = await view(c.trackingNo, code).expect(200);
    const texts = (opened.body.timeline as { type: string; text: string }[]).map((e) => [e.type, e.text]);
    expect(texts).toContainEqual(['access-code-reissued', '已按登记的手机号重新发放查询码，原查询码作废']);
    // The timeline says what the phone showed, the code masked; the code is erased once sent.
    expect(texts).toContainEqual([
      'notified',
      `已向您发送短信通知：【聊城市场监管】您的投诉（查询编号${c.trackingNo}）已按申请重新发放查询码：********，原查询码作废，请妥善保管。如非本人申请，请拨打12315反映。`,
    ]);
    expect(JSON.stringify(opened.body)).not.toContain(code);
    expect((await notifications(c.trackingNo)).every((n) => !n.secret)).toBe(true);
  });

  it('a "both" filing: its complaint and its report get the one new code, and one SMS names both numbers (the receipt it replaces named both)', async () => {
    const c = await kit.file({ kind: 'both' });
    const report = c.linkedTrackingNo!;
    expect(report).toMatch(/^\d{13}$/);
    // Asked for by the report's number.
    await recover(report, c.phone).expect(202);
    const complaintRows = await notifications(c.trackingNo);
    const reportRows = await notifications(report);
    // The receipt (on the complaint, naming both) is superseded; the new SMS is on the report and names the complaint too.
    expect(complaintRows.map((n) => [n.kind, n.sent, n.last_error])).toEqual([
      ['received', true, 'not sent: superseded by a new access code'],
    ]);
    expect(reportRows.map((n) => [n.kind, n.sent, n.secret])).toEqual([['access-code', false, true]]);
    expect(reportRows[0].text).toContain(`您的举报（查询编号 ${report}）及投诉（查询编号 ${c.trackingNo}）已按您的申请重新发放查询码`);

    await expect(sender.send(reportRows[0].id)).resolves.toBe('sent');
    const sms = fake.received.at(-1)!;
    expect(sms.TemplateParamSet[0]).toBe(`${report}（举报）、${c.trackingNo}（投诉）`);
    const code = sms.TemplateParamSet[1];
    // The one new code opens both; the old one opens neither; each timeline says a new code was issued.
    for (const no of [c.trackingNo, report]) {
      await view(no, c.accessCode).expect(404);
      const opened = await view(no, code).expect(200);
      expect((opened.body.timeline as { type: string }[]).map((e) => e.type)).toContain('access-code-reissued');
    }
    // The daily limit counts the pair together: two more, then the fourth answers the same and sends nothing.
    await recover(c.trackingNo, c.phone).expect(202);
    await recover(report, c.phone).expect(202);
    await recover(c.trackingNo, c.phone).expect(202);
    const issued = await kit.q<{ n: number }>(
      `select count(*)::int as n from case_event e join cases k on k.id = e.case_id where k.tracking_no = any($1) and e.type = 'access-code-reissued'`,
      [[c.trackingNo, report]],
    );
    expect(issued[0].n).toBe(6);
  });

  it('a wrong phone and an unknown number answer exactly as a right one, and nothing is sent or changed', async () => {
    const c = await kit.file();
    const before = fake.received.length;
    const unknown = makeTrackingNo(shanghaiDay(new Date()), 999_999);
    const answers = [await recover(c.trackingNo, '13900000000'), await recover(unknown, c.phone), await recover('not-a-number', c.phone)];
    for (const a of answers) {
      expect(a.status).toBe(202);
      expect(a.body).toEqual({ status: 'accepted' });
    }
    expect((await notifications(c.trackingNo)).map((n) => n.kind)).toEqual(['received']);
    expect(
      await kit.q(
        `select 1 from case_event where type = 'access-code-reissued' and case_id = (select id from cases where tracking_no = $1)`,
        [c.trackingNo],
      ),
    ).toEqual([]);
    expect(fake.received.length).toBe(before);
    await view(c.trackingNo, c.accessCode).expect(200);
  });

  it('three new codes a day per case: the fourth request answers the same and sends nothing', async () => {
    const c = await kit.file();
    for (let i = 0; i < 3; i++) expect((await recover(c.trackingNo, c.phone).expect(202)).body).toEqual({ status: 'accepted' });
    // Each new code voided the last: only the third's message is still to be sent.
    const rows = await notifications(c.trackingNo);
    expect(rows.filter((n) => n.kind === 'access-code').map((n) => [n.sent, n.secret])).toEqual([
      [true, false],
      [true, false],
      [false, true],
    ]);
    const code = await deliver(c.trackingNo);

    expect((await recover(c.trackingNo, c.phone).expect(202)).body).toEqual({ status: 'accepted' });
    expect(await notifications(c.trackingNo)).toHaveLength(rows.length);
    await view(c.trackingNo, code).expect(200);
  });

  it('a bad phone is a validation error, whatever the number', async () => {
    const res = await recover('2611210012342', '12345').expect(400);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'phone' })]);
  });
});

describe('access-code recovery without an SMS provider', () => {
  let kit: CaseKit;

  beforeAll(async () => {
    // Three lookups a minute per client: this route counts with the others (LOOKUP_RATE_LIMIT).
    kit = await CaseKit.start({ LOOKUP_RATE_LIMIT: '3' });
  });

  afterAll(async () => {
    await kit?.close();
  });

  it('says SMS cannot be sent, for any number, and leaves the code as it was', async () => {
    const c = await kit.file();
    const right = await kit.http.post(`/api/v1/complaints/${c.trackingNo}/access-code`).send({ phone: c.phone }).expect(202);
    const unknown = await kit.http
      .post(`/api/v1/complaints/${makeTrackingNo(shanghaiDay(new Date()), 999_998)}/access-code`)
      .send({ phone: c.phone })
      .expect(202);
    expect(right.body).toEqual({ status: 'unavailable' });
    expect(unknown.body).toEqual(right.body);
    const kinds = await kit.q<{ kind: string }>(
      `select kind from notification n join cases c on c.id = n.case_id where c.tracking_no = $1`,
      [c.trackingNo],
    );
    expect(kinds.map((k) => k.kind)).toEqual(['received']);
    await kit.http.get(`/api/v1/complaints/${c.trackingNo}`).set('X-Access-Code', c.accessCode).expect(200);

    // The fourth lookup of the minute from this client is refused, like any lookup.
    const limited = await kit.http.post(`/api/v1/complaints/${c.trackingNo}/access-code`).send({ phone: c.phone }).expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });
});
