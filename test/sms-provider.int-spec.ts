import { Module } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { AppConfig, ConfigModule, DatabaseModule, QueueModule } from '@weiquan/core';
import {
  NOTIFICATION_KINDS,
  NotificationSender,
  NotificationsWorkerModule,
  SMS_TEMPLATES,
  TencentSmsGateway,
} from '@weiquan/notifications';
import { SCHEMA } from '@weiquan/schema';
import { register } from 'prom-client';
import { FakeTencentSms } from './support/fake-tencent-sms';
import { startTestApi, TestApi } from './support/test-api';

/** Every notification kind gets a template id, as an operator configures them after registration. */
const TEMPLATES = NOTIFICATION_KINDS.map((kind, i) => `${kind}=${1850001 + i}`).join(',');
const templateId = (kind: string) => String(1850001 + NOTIFICATION_KINDS.indexOf(kind as (typeof NOTIFICATION_KINDS)[number]));

@Module({})
class SenderContext {
  static forRoot(config: AppConfig) {
    return {
      module: SenderContext,
      imports: [ConfigModule.forRoot(config), DatabaseModule.forRoot(SCHEMA, 'test-sms-provider'), QueueModule, NotificationsWorkerModule],
    };
  }
}

const daysAgo = (n: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() - n * 86_400_000));

async function metric(name: string, labels: Record<string, string>): Promise<number> {
  const m = await register.getSingleMetric(name)?.get();
  const v = m?.values.find((x) => Object.entries(labels).every(([k, val]) => x.labels[k] === val));
  return v?.value ?? 0;
}

describe('SMS through Tencent Cloud SMS (the SDK against a local fake of its API; PostgreSQL)', () => {
  const fake = new FakeTencentSms('AKIDweiquantest', 'tencent-secret-key');
  let api: TestApi;
  let direct: TestingModule;
  let sender: NotificationSender;
  let seq = 0;
  const q = (sql: string, params: unknown[] = []) => api.t.dataSource.query(sql, params);

  async function file(kind: 'complaint' | 'both' = 'complaint') {
    const phone = `1390635${String(++seq).padStart(4, '0')}`;
    const res = await api.http
      .post('/api/v1/complaints')
      .send({
        kind,
        path: 'formal',
        categoryCode: 'catering',
        consumer: { name: '赵六', phone },
        respondent: { name: `聊城市短信测试餐饮店${seq}`, address: '东昌府区东昌路 2 号', areaCode: '371502' },
        incidentDate: daysAgo(2),
        description: '菜品与宣传严重不符，要求退款。',
        demand: '退款',
      })
      .expect(201);
    const [n] = await q(
      `select n.id::text as id from notification n join cases c on c.id = n.case_id where c.tracking_no = $1 and n.kind = 'received'`,
      [res.body.trackingNo],
    );
    return {
      ...(res.body as { trackingNo: string; accessCode: string; linkedTrackingNo?: string }),
      phone,
      notificationId: n.id as string,
    };
  }

  beforeAll(async () => {
    await fake.start();
    api = await startTestApi({
      INTAKE_RATE_LIMIT: '1000',
      LOOKUP_RATE_LIMIT: '1000',
      SMS_PROVIDER: 'tencent',
      SMS_TENCENT_SECRET_ID: fake.secretId,
      SMS_TENCENT_SECRET_KEY: fake.secretKey,
      SMS_TENCENT_SDK_APP_ID: '1400006666',
      SMS_TENCENT_ENDPOINT: fake.endpoint,
      SMS_SIGN_NAME: '聊城市场监管',
      SMS_TEMPLATES: TEMPLATES,
    });
    direct = await Test.createTestingModule({ imports: [SenderContext.forRoot(api.t.config)] }).compile();
    await direct.init();
    sender = direct.get(NotificationSender);
  });

  afterAll(async () => {
    await direct?.close();
    await api?.close();
    await fake.stop();
  });

  it('sends the filing receipt with the tracking number and access code as the template’s variables, signed with the configured key', async () => {
    const c = await file();
    // What is stored before sending never holds the access code in clear.
    const [stored] = await q(`select text, params::text, secret_enc is not null as has_secret from notification where id = $1`, [
      c.notificationId,
    ]);
    expect(`${stored.text}${stored.params}`).not.toContain(c.accessCode);
    expect(stored.has_secret).toBe(true);

    await expect(sender.send(c.notificationId)).resolves.toBe('sent');
    expect(fake.received.at(-1)).toEqual({
      PhoneNumberSet: [`+86${c.phone}`],
      SmsSdkAppId: '1400006666',
      SignName: '聊城市场监管',
      TemplateId: templateId('received'),
      TemplateParamSet: ['投诉', c.trackingNo, c.accessCode],
    });

    // Sent: the access code is erased, and the timeline says what the phone showed, code masked.
    const [after] = await q(`select sent_at is not null as sent, secret_enc from notification where id = $1`, [c.notificationId]);
    expect(after).toEqual({ sent: true, secret_enc: null });
    const view = await api.http.get(`/api/v1/complaints/${c.trackingNo}`).set('X-Access-Code', c.accessCode).expect(200);
    const notified = view.body.timeline.find((e: { type: string }) => e.type === 'notified');
    expect(notified.text).toBe(
      `已向您发送短信通知：【聊城市场监管】您的投诉已收到，查询编号${c.trackingNo}，查询码********，请妥善保管。凭查询编号和查询码可在线查询办理进度。`,
    );
    expect(JSON.stringify(view.body)).not.toContain(`查询码${c.accessCode}`);
  });

  it('a complaint and report filed together get one receipt naming both numbers', async () => {
    const c = await file('both');
    expect(c.linkedTrackingNo).toBeDefined();
    const [{ n }] = await q(
      `select count(*)::int as n from notification n join cases c on c.id = n.case_id where c.tracking_no = any($1) and n.kind = 'received'`,
      [[c.trackingNo, c.linkedTrackingNo]],
    );
    expect(n).toBe(1);
    await sender.send(c.notificationId);
    expect(fake.received.at(-1)!.TemplateParamSet).toEqual([
      '投诉和举报',
      `${c.trackingNo}（投诉）、${c.linkedTrackingNo}（举报）`,
      c.accessCode,
    ]);
  });

  it('a number the provider refuses is not marked sent: the attempt and the code are recorded (no phone), retried, and counted on the metrics', async () => {
    const c = await file();
    const failedBefore = await metric('weiquan_notifications_total', { channel: 'sms', outcome: 'failed' });
    fake.nextCodes.push('LimitExceeded.PhoneNumberDailyLimit');
    await expect(sender.send(c.notificationId)).rejects.toThrow(/LimitExceeded\.PhoneNumberDailyLimit/);
    const [row] = await q(`select sent_at, attempts, last_error, secret_enc is not null as has_secret from notification where id = $1`, [
      c.notificationId,
    ]);
    expect(row).toMatchObject({ sent_at: null, attempts: 1, has_secret: true });
    expect(row.last_error).toContain(`template ${templateId('received')}`);
    expect(row.last_error).not.toContain(c.phone);
    expect(await metric('weiquan_notifications_total', { channel: 'sms', outcome: 'failed' })).toBe(failedBefore + 1);
    expect(await metric('weiquan_notifications_unsent', { state: 'retrying' })).toBeGreaterThanOrEqual(1);
    const timeline = await api.http.get(`/api/v1/complaints/${c.trackingNo}`).set('X-Access-Code', c.accessCode).expect(200);
    expect(timeline.body.timeline.some((e: { type: string }) => e.type === 'notified')).toBe(false);

    // The queue's retry (backoff in the job contract) sends it once the provider accepts.
    await expect(sender.send(c.notificationId)).resolves.toBe('sent');
    expect(fake.received.filter((r) => r.TemplateParamSet.includes(c.trackingNo))).toHaveLength(2);
  });

  it('a request signed with another key is refused by the provider and recorded as an error, not as sent', async () => {
    const c = await file();
    const wrong = new TencentSmsGateway(
      Object.assign(Object.create(AppConfig.prototype) as AppConfig, {
        sms: { ...api.t.config.sms, tencent: { ...api.t.config.sms.tencent!, secretKey: 'not-the-key' } },
      }),
    );
    await expect(
      wrong.send({ phone: c.phone, kind: 'received', variables: ['投诉', c.trackingNo, c.accessCode], text: '' }),
    ).rejects.toThrow(/SignatureFailure|credentials/);
  });

  it('refuses to start when a notification kind has no template, naming the kinds', () => {
    const missing = Object.assign(Object.create(AppConfig.prototype) as AppConfig, {
      sms: { ...api.t.config.sms, templates: { received: '1850001' } },
    });
    expect(() => new TencentSmsGateway(missing).onModuleInit()).toThrow(/SMS_TEMPLATES.*accepted/);
    expect(Object.keys(SMS_TEMPLATES)).toEqual([...NOTIFICATION_KINDS]);
  });
});
