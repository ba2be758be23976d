import { Module } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import {
  AppConfig,
  ConfigModule,
  DatabaseModule,
  JobQueue,
  OutboxRelay,
  PersonalDataCipher,
  pgTransaction,
  QueueModule,
} from '@weiquan/core';
import {
  NOTIFICATION_MAX_ATTEMPTS,
  NotificationKind,
  NotificationParams,
  NotificationSender,
  NotificationsWorkerModule,
  NotificationWriter,
  SmsGateway,
  SmsMessage,
} from '@weiquan/notifications';
import { SCHEMA } from '@weiquan/schema';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { mailBody, startFakeSmtp } from './support/fake-smtp';
import { startTestApi, TestApi } from './support/test-api';

/** Records what would have been sent; can be slowed down or made to fail. */
class FakeSms extends SmsGateway {
  /** Stands for a real provider: what it accepts is sent. */
  readonly delivers = true;
  calls: SmsMessage[] = [];
  delayMs = 0;
  failNext = 0;

  async send(message: SmsMessage): Promise<void> {
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error(`provider refused the message to ${message.phone}`);
    }
    this.calls.push(message);
  }

  sentAbout(trackingNo: string) {
    return this.calls.filter((c) => c.text.includes(trackingNo));
  }
}

/** Sending without the worker's queues and relay: the handlers are called directly. */
@Module({})
class SenderContext {
  static forRoot(config: AppConfig) {
    return {
      module: SenderContext,
      imports: [ConfigModule.forRoot(config), DatabaseModule.forRoot(SCHEMA, 'test-notifications'), QueueModule, NotificationsWorkerModule],
    };
  }
}

const daysAgo = (n: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() - n * 86_400_000));

async function until(check: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('consumer notifications (PostgreSQL, Redis, SMTP)', () => {
  let api: TestApi;
  let smtp: Awaited<ReturnType<typeof startFakeSmtp>>;
  let direct: TestingModule;
  const sms = new FakeSms();
  let writer: NotificationWriter;
  let sender: NotificationSender;
  let phoneSeq = 0;
  /** Notifications the reconciler re-enqueued (sent later by the real worker). */
  let reconciled: string[] = [];

  const q = (sql: string, params: unknown[] = []) => api.t.dataSource.query(sql, params);
  const count = async (sql: string, params: unknown[] = []) => (await q(sql, params))[0].n as number;

  /** Files a complaint through the API; returns its ids and the consumer's details. */
  async function file(opts: { email?: string; kind?: 'complaint' | 'report' } = {}) {
    const phone = `1380635${String(++phoneSeq).padStart(4, '0')}`;
    const res = await api.http
      .post('/api/v1/complaints')
      .send({
        kind: opts.kind ?? 'complaint',
        // Straight to the department: routing sends no notice of its own (a station's help would),
        // so each test sees only the notifications it writes.
        ...(opts.kind === 'report' ? {} : { path: 'formal' }),
        categoryCode: 'catering',
        consumer: { name: '王五', phone, ...(opts.email ? { email: opts.email } : {}) },
        respondent: { name: `聊城市通知测试餐饮店${phoneSeq}`, address: '东昌府区东昌路 1 号', areaCode: '371502' },
        incidentDate: daysAgo(2),
        description: '菜品与宣传严重不符，要求退款。',
        demand: '退款',
      })
      .expect(201);
    const [{ id }] = await q(`select id::text as id from cases where tracking_no = $1`, [res.body.trackingNo]);
    return { id: id as string, trackingNo: res.body.trackingNo as string, accessCode: res.body.accessCode as string, phone };
  }

  /** Writes in a transaction of its own, as case handling will; returns the ids written for that case and kind. */
  async function write(caseId: string, kind: NotificationKind, params?: NotificationParams, dedupeKey?: string) {
    await pgTransaction(api.t.dataSource, (sql) => writer.write(sql, { caseId, kind, params, dedupeKey }));
    const rows: { id: string; channel: string }[] = await q(
      `select id::text as id, channel from notification where case_id = $1 and kind = $2 and dedupe_key = $3 order by channel desc`,
      [caseId, kind, dedupeKey ?? ''],
    );
    return rows;
  }

  beforeAll(async () => {
    smtp = await startFakeSmtp();
    api = await startTestApi({
      SMTP_URL: smtp.url,
      INTAKE_RATE_LIMIT: '1000',
      LOOKUP_RATE_LIMIT: '1000',
      DATA_DIR: `/tmp/weiquan-test-notify-${process.pid}`,
    });
    direct = await Test.createTestingModule({ imports: [SenderContext.forRoot(api.t.config)] })
      .overrideProvider(SmsGateway)
      .useValue(sms)
      .compile();
    await direct.init();
    writer = direct.get(NotificationWriter);
    sender = direct.get(NotificationSender);
  });

  afterAll(async () => {
    await direct?.close();
    await api?.close();
    await smtp?.close();
  });

  it('takes an optional email at intake and stores it encrypted; a bad one is a 400 naming the field', async () => {
    const c = await file({ email: 'wang.wu@example.com' });
    const [row] = await q(`select consumer_email_enc, to_jsonb(c.*)::text as all_columns from cases c where id = $1`, [c.id]);
    expect(row.all_columns).not.toContain('wang.wu@example.com');
    expect(direct.get(PersonalDataCipher).decrypt(row.consumer_email_enc)).toBe('wang.wu@example.com');
    const without = await file();
    expect((await q(`select consumer_email_enc from cases where id = $1`, [without.id]))[0].consumer_email_enc).toBeNull();

    const bad = {
      kind: 'complaint',
      categoryCode: 'catering',
      consumer: { name: '王五', phone: '13806350999', email: 'not-an-address' },
      respondent: { name: '某店', address: '某路 1 号', areaCode: '371502' },
      incidentDate: daysAgo(1),
      description: '菜品与宣传不符。',
      demand: '退款',
    };
    const zh = await api.http.post('/api/v1/complaints').send(bad).expect(400);
    expect(zh.body.details).toEqual([{ field: 'consumer.email', message: '不是有效的电子邮箱地址' }]);
    const en = await api.http.post('/api/v1/complaints').set('Accept-Language', 'en').send(bad).expect(400);
    expect(en.body.details).toEqual([{ field: 'consumer.email', message: 'is not a valid email address' }]);
    const long = await api.http
      .post('/api/v1/complaints')
      .send({ ...bad, consumer: { ...bad.consumer, email: `${'a'.repeat(250)}@example.com` } })
      .expect(400);
    expect(long.body.details.map((d: { field: string }) => d.field)).toEqual(['consumer.email']);
  });

  it('writes nothing when the caller’s transaction rolls back', async () => {
    const c = await file({ email: 'rollback@example.com' });
    const outboxBefore = await count(`select count(*)::int as n from outbox where topic = 'notification.created'`);
    await expect(
      pgTransaction(api.t.dataSource, async (sql) => {
        await writer.write(sql, { caseId: c.id, kind: 'accepted', params: { unitName: '柳园消费维权服务站' } });
        expect(await sql.query(`select count(*)::int as n from notification where case_id = $1 and kind = 'accepted'`, [c.id])).toEqual([
          { n: 2 },
        ]);
        throw new Error('the step failed');
      }),
    ).rejects.toThrow('the step failed');
    // The same through a TypeORM transaction (the other kind of Sql a caller may hold).
    await expect(
      api.t.dataSource.transaction(async (tx) => {
        await writer.write(tx, { caseId: c.id, kind: 'accepted' });
        throw new Error('again');
      }),
    ).rejects.toThrow('again');
    expect(await count(`select count(*)::int as n from notification where case_id = $1 and kind = 'accepted'`, [c.id])).toBe(0);
    expect(await count(`select count(*)::int as n from outbox where topic = 'notification.created'`)).toBe(outboxBefore);
  });

  it('writes one row per channel with its outbox row, once per (case, kind, dedupe key)', async () => {
    const withEmail = await file({ email: 'twice@example.com' });
    const first = await write(withEmail.id, 'accepted', { unitName: '东昌府区柳园消费维权服务站', dueDate: '2026-12-03' });
    expect(first.map((r) => r.channel)).toEqual(['sms', 'email']);
    const again = await write(withEmail.id, 'accepted', { unitName: '东昌府区柳园消费维权服务站' });
    expect(again).toEqual(first);
    const [row] = await q(`select text from notification where id = $1`, [first[0].id]);
    expect(row.text).toBe(
      `【聊城市场监管】您的投诉（查询编号 ${withEmail.trackingNo}）已受理，承办单位：东昌府区柳园消费维权服务站，办理期限至2026年12月3日。可凭查询编号和查询码在线查询办理进度。`,
    );
    // The outbox carries ids only, one row per notification.
    const outbox = await q(`select payload from outbox where topic = 'notification.created' and payload->>'notificationId' = any($1)`, [
      first.map((r) => r.id),
    ]);
    expect(outbox.map((o: { payload: unknown }) => o.payload)).toEqual(
      expect.arrayContaining(first.map((r) => ({ notificationId: r.id }))),
    );
    expect(outbox).toHaveLength(2);

    // Another follow-up of the same case is another notification; the same one again is not.
    await write(withEmail.id, 'follow-up', {}, 'visit-1');
    await write(withEmail.id, 'follow-up', {}, 'visit-2');
    await write(withEmail.id, 'follow-up', {}, 'visit-1');
    expect(await count(`select count(*)::int as n from notification where case_id = $1 and kind = 'follow-up'`, [withEmail.id])).toBe(4);

    // No email address: SMS only. A report says 举报. An unknown case: nothing.
    const report = await file({ kind: 'report' });
    const smsOnly = await write(report.id, 'report-decision', { decision: 'opened' });
    expect(smsOnly.map((r) => r.channel)).toEqual(['sms']);
    expect((await q(`select text from notification where id = $1`, [smsOnly[0].id]))[0].text).toBe(
      `【聊城市场监管】您的举报（查询编号 ${report.trackingNo}）经核查，已决定立案调查。感谢您的监督。`,
    );
    await write('999999999', 'accepted');
    expect(await count(`select count(*)::int as n from notification where case_id = 999999999`)).toBe(0);
  });

  it('sends once when the handler runs twice, or on two workers at once, and tells the timeline once', async () => {
    const c = await file();
    const [n] = await write(c.id, 'accepted', { unitName: '柳园消费维权服务站' });
    sms.delayMs = 300;
    const outcomes = await Promise.all([sender.send(n.id), sender.send(n.id)]);
    sms.delayMs = 0;
    expect(outcomes.sort()).toEqual(['sent', 'skipped']);
    expect(await sender.send(n.id)).toBe('skipped');
    expect(sms.sentAbout(c.trackingNo)).toEqual([
      expect.objectContaining({
        phone: c.phone,
        kind: 'accepted',
        text: expect.stringContaining('已受理，承办单位：柳园消费维权服务站'),
        variables: [`投诉（查询编号${c.trackingNo}）`, '柳园消费维权服务站', '办理期限请在线查看'],
      }),
    ]);

    // The timeline records the SMS as the provider's template put it on the phone.
    const events = await q(`select type, actor_type, public, note, data from case_event where case_id = $1 and type = 'notified'`, [c.id]);
    expect(events).toEqual([
      {
        type: 'notified',
        actor_type: 'system',
        public: true,
        note: `【聊城市场监管】您的投诉（查询编号${c.trackingNo}）已受理，承办单位：柳园消费维权服务站，办理期限请在线查看。可凭查询编号和查询码在线查询办理进度。`,
        data: { channel: 'sms', kind: 'accepted' },
      },
    ]);
    const [row] = await q(`select sent_at is not null as sent, attempts, last_error from notification where id = $1`, [n.id]);
    expect(row).toEqual({ sent: true, attempts: 1, last_error: null });
  });

  it('a failing gateway leaves the row unsent with its error (no phone in it); a later run sends it', async () => {
    const c = await file();
    const [n] = await write(c.id, 'refused', { reason: '不属于市场监督管理部门职责范围' });
    sms.failNext = 1;
    await expect(sender.send(n.id)).rejects.toThrow(/provider refused the message/);
    const [failed] = await q(`select sent_at, attempts, last_error from notification where id = $1`, [n.id]);
    expect(failed).toMatchObject({ sent_at: null, attempts: 1 });
    expect(failed.last_error).toContain('138****');
    expect(failed.last_error).not.toContain(c.phone);
    expect(await count(`select count(*)::int as n from case_event where case_id = $1 and type = 'notified'`, [c.id])).toBe(0);

    expect(await sender.send(n.id)).toBe('sent');
    const [sent] = await q(`select sent_at is not null as sent, attempts from notification where id = $1`, [n.id]);
    expect(sent).toEqual({ sent: true, attempts: 2 });
    expect(sms.sentAbout(c.trackingNo)).toHaveLength(1);
    expect(await count(`select count(*)::int as n from case_event where case_id = $1 and type = 'notified'`, [c.id])).toBe(1);
  });

  it('emails a consumer who gave an address, once, with the text', async () => {
    const c = await file({ email: 'zhao.liu@example.com' });
    const rows = await write(c.id, 'mediation-resolved', { amountYuan: '268.50' });
    const email = rows.find((r) => r.channel === 'email')!;
    expect(await sender.send(email.id)).toBe('sent');
    expect(await sender.send(email.id)).toBe('skipped');
    const received = smtp.mails.filter((m) => m.to.includes('zhao.liu@example.com'));
    expect(received).toHaveLength(1);
    expect(received[0].from).toBe('noreply@localhost');
    expect(mailBody(received[0].raw)).toContain(
      `【聊城市场监管】您的投诉（查询编号 ${c.trackingNo}）已调解成功，为您挽回经济损失 268.50 元。`,
    );
    const events = await q(`select data from case_event where case_id = $1 and type = 'notified'`, [c.id]);
    expect(events).toEqual([{ data: { channel: 'email', kind: 'mediation-resolved' } }]);
    // The SMS of the same step is its own row, sent on its own.
    expect(sms.sentAbout(c.trackingNo)).toHaveLength(0);
  });

  it('reconcile re-enqueues unsent notifications older than a minute after the queue was emptied', async () => {
    const jobs = direct.get(JobQueue);
    const queue = jobs.queue('notifications');
    const c = await file();
    const [old] = await write(c.id, 'closed');
    const [fresh] = await write(c.id, 'follow-up', {}, 'fresh');
    const [failing] = await write(c.id, 'follow-up', {}, 'failing');
    const [givenUp] = await write(c.id, 'follow-up', {}, 'given-up');
    // Relayed (one job per notification), then the jobs are lost with Redis.
    const relay = new OutboxRelay(api.t.dataSource, jobs);
    while ((await relay.relayOnce()) > 0);
    expect((await queue.getJob(`notify-${old.id}`))!.data).toEqual({ notificationId: old.id });
    await queue.drain(true);
    expect(await queue.getJob(`notify-${old.id}`)).toBeUndefined();
    await q(`update notification set created_at = now() - interval '2 minutes' where id = any($1::bigint[])`, [
      [old.id, failing.id, givenUp.id],
    ]);
    await q(`update notification set attempts = 3, last_error = 'down' where id = $1`, [failing.id]);
    await q(`update notification set attempts = $2, last_error = 'down' where id = $1`, [givenUp.id, NOTIFICATION_MAX_ATTEMPTS]);

    await sender.reconcile();
    reconciled = [old.id, failing.id];
    expect(await queue.getJob(`notify-${old.id}`)).toBeDefined();
    expect((await queue.getJob(`notify-${old.id}`))!.data).toEqual({ notificationId: old.id });
    // A row that failed before gets a new job id (its old job may sit in the failed set).
    expect(await queue.getJob(`notify-${failing.id}-r3`)).toBeDefined();
    expect(await queue.getJob(`notify-${fresh.id}`)).toBeUndefined();
    expect(await queue.getJob(`notify-${givenUp.id}`)).toBeUndefined();
    expect(await queue.getJob(`notify-${givenUp.id}-r${NOTIFICATION_MAX_ATTEMPTS}`)).toBeUndefined();
    // Reconciling again holds each job once.
    const waiting = await queue.getJobCounts('waiting');
    await sender.reconcile();
    expect(await queue.getJobCounts('waiting')).toEqual(waiting);
  });

  it('end to end: the worker relays, sends once, and the consumer sees it in the timeline', async () => {
    const workerSms = new FakeSms();
    const worker = await Test.createTestingModule({ imports: [WorkerModule.forRoot(api.t.config)] })
      .overrideProvider(SmsGateway)
      .useValue(workerSms)
      .compile();
    await worker.init();
    try {
      const c = await file();
      await pgTransaction(api.t.dataSource, (sql) =>
        writer.write(sql, { caseId: c.id, kind: 'accepted', params: { unitName: '柳园消费维权服务站' } }),
      );
      await until(
        // The filing receipt and the acceptance.
        async () => (await count(`select count(*)::int as n from notification where case_id = $1 and sent_at is not null`, [c.id])) === 2,
      );
      // The jobs the reconciler re-enqueued in the previous test are done by this worker too.
      await until(
        async () =>
          (await count(`select count(*)::int as n from notification where id = any($1::bigint[]) and sent_at is not null`, [
            reconciled,
          ])) === reconciled.length,
      );
      // The two are sent by concurrent jobs: in either order.
      expect(
        workerSms
          .sentAbout(c.trackingNo)
          .map((m) => m.kind)
          .sort(),
      ).toEqual(['accepted', 'received']);
      expect(workerSms.sentAbout(c.trackingNo).find((m) => m.kind === 'received')!.variables).toEqual(['投诉', c.trackingNo, c.accessCode]);

      const zh = await api.http.get(`/api/v1/complaints/${c.trackingNo}`).set('X-Access-Code', c.accessCode).expect(200);
      const notified = zh.body.timeline.filter((e: { type: string }) => e.type === 'notified');
      expect(notified.map((e: { text: string }) => e.text)).toEqual(
        expect.arrayContaining([
          `已向您发送短信通知：【聊城市场监管】您的投诉已收到，查询编号${c.trackingNo}，查询码********，请妥善保管。凭查询编号和查询码可在线查询办理进度。`,
          `已向您发送短信通知：【聊城市场监管】您的投诉（查询编号${c.trackingNo}）已受理，承办单位：柳园消费维权服务站，办理期限请在线查看。可凭查询编号和查询码在线查询办理进度。`,
        ]),
      );
      expect(notified).toHaveLength(2);
      const en = await api.http
        .get(`/api/v1/complaints/${c.trackingNo}`)
        .set('X-Access-Code', c.accessCode)
        .set('Accept-Language', 'en')
        .expect(200);
      expect(en.body.timeline.find((e: { type: string }) => e.type === 'notified').text).toMatch(/^SMS sent to you: 【聊城市场监管】/);
      // The phone number appears nowhere the consumer's view shows.
      expect(JSON.stringify(zh.body)).not.toContain(c.phone);
    } finally {
      await worker.close();
    }
  });
});
