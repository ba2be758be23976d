import { Logger } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { TestingModule } from '@nestjs/testing';
import { ClocksService } from '@weiquan/cases';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { CaseKit, daysAgo } from './support/case-kit';
import type { Routed } from './support/case-kit';
import { mailBody, startFakeSmtp } from './support/fake-smtp';

/** A county bureau, which holds the formal complaints the kit files, and the city bureau overseeing it. */
const BUREAU = 'MR-371502';
const CITY = 'MR-371500';
const BUREAU_EMAIL = 'deadline-alerts@bureau.example.com';

async function until(check: () => Promise<boolean> | boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The console line of each unit the sweeps told, by unit (the last one wins). */
async function sweepLines(sweeps: () => Promise<unknown>): Promise<Map<string, Record<string, unknown>>> {
  const log = jest.spyOn(Logger.prototype, 'log');
  try {
    await sweeps();
    return new Map(
      log.mock.calls
        .filter(([, message]) => typeof message === 'string' && message.startsWith('clock alerts for '))
        .map(([fields]) => [(fields as { unit: string }).unit, fields as Record<string, unknown>]),
    );
  } finally {
    log.mockRestore();
  }
}

const setDue = (kit: CaseKit, c: Routed, day: string) => kit.q(`update cases set acceptance_due = $2::date where id = $1`, [c.id, day]);

/**
 * The sweep's reminders and escalations reach a unit by email: one email a unit a day, written with
 * the alerts, sent by the worker through the notification outbox to a local SMTP server.
 */
describe('units’ alert emails from the clock sweep (PostgreSQL, Redis, SMTP)', () => {
  let kit: CaseKit;
  let smtp: Awaited<ReturnType<typeof startFakeSmtp>>;
  let worker: TestingModule | undefined;
  const bureauMails = () => smtp.mails.filter((m) => m.to.includes(BUREAU_EMAIL)).map((m) => mailBody(m.raw).replace(/\r\n/g, '\n'));
  const unitEmails = (unit: string) =>
    kit.q<{ dedupe_key: string; sent: boolean }>(
      `select dedupe_key, sent_at is not null as sent from notification where unit_code = $1 order by id`,
      [unit],
    );

  beforeAll(async () => {
    smtp = await startFakeSmtp();
    kit = await CaseKit.start({ SMTP_URL: smtp.url, PUBLIC_BASE_URL: 'https://12315.liaocheng.example' });
    await kit.q(`update regulator set alert_email = $1 where code = $2`, [BUREAU_EMAIL, BUREAU]);
  });

  afterAll(async () => {
    await worker?.close();
    await kit?.close();
    await smtp?.close();
  });

  it('a unit with an alert email gets one email after two sweeps the same day, listing its cases by number; a unit without gets none', async () => {
    const late = await kit.assigned();
    const soon = await kit.assigned();
    expect([late.assigneeCode, soon.assigneeCode]).toEqual([BUREAU, BUREAU]);
    await setDue(kit, late, daysAgo(3));
    await setDue(kit, soon, daysAgo(0));

    const sweeper = kit.api.app.get(ClocksService);
    const lines = await sweepLines(async () => {
      await sweeper.sweep();
      await sweeper.sweep();
    });
    expect(lines.get(BUREAU)).toMatchObject({ overdue: 1, email: '今日邮件已写入待发送 / the day’s email queued' });
    // The city bureau hears of the escalation on the console only: it has no alert email.
    expect(lines.get(CITY)).toMatchObject({ escalated: 1, email: '无提醒邮箱 / no alert email' });
    expect(await unitEmails(BUREAU)).toEqual([{ dedupe_key: daysAgo(0), sent: false }]);
    expect(await unitEmails(CITY)).toEqual([]);

    // The worker relays the outbox row and sends it, once.
    worker = await Test.createTestingModule({ imports: [WorkerModule.forRoot(kit.api.t.config)] }).compile();
    await worker.init();
    await until(async () => (await unitEmails(BUREAU))[0].sent);
    await sweeper.sweep();
    expect(await unitEmails(BUREAU)).toEqual([{ dedupe_key: daysAgo(0), sent: true }]);
    const mails = bureauMails();
    expect(mails).toHaveLength(1);
    expect(mails[0]).toContain(`【即将到期】1 件\n  查询编号 ${soon.trackingNo}；状态：已分派，等待受理；期限：${daysAgo(0)}`);
    expect(mails[0]).toContain(`【已超期】1 件\n  查询编号 ${late.trackingNo}；状态：已分派，等待受理；期限：${daysAgo(3)}`);
    expect(mails[0]).toContain(`Overdue: 1\n  ${late.trackingNo}: assigned, awaiting acceptance; due ${daysAgo(3)}`);
    expect(mails[0]).not.toContain('下级单位超期');
    expect(mails[0]).toContain('工作台：https://12315.liaocheng.example/staff');
    // Nothing about the consumers: their name, phone and address stay out.
    for (const personal of ['张三', late.phone, soon.phone, '柳园街道']) expect(mails[0]).not.toContain(personal);
    expect(smtp.mails.filter((m) => m.to.some((to) => to !== BUREAU_EMAIL))).toEqual([]);
  });

  it('an alert raised after the day’s email is not lost: the next day’s email lists it', async () => {
    const sweeper = kit.api.app.get(ClocksService);
    const late = await kit.assigned();
    await setDue(kit, late, daysAgo(2));
    const lines = await sweepLines(() => sweeper.sweep());
    expect(lines.get(BUREAU)).toMatchObject({
      overdue: 1,
      email: '今日邮件已写过，新提醒并入下一封 / the day’s email was written already: these go in the next',
    });
    expect(await unitEmails(BUREAU)).toHaveLength(1);

    const tomorrow = new Date(Date.now() + 86_400_000);
    await sweeper.sweep(tomorrow);
    await sweeper.sweep(tomorrow);
    expect((await unitEmails(BUREAU)).map((r) => r.dedupe_key)).toEqual([daysAgo(0), daysAgo(-1)]);
    await until(() => bureauMails().length === 2);
    const next = bureauMails()[1];
    expect(next).toContain(`  查询编号 ${late.trackingNo}；状态：已分派，等待受理；期限：${daysAgo(2)}`);
    // Yesterday's email told of the first day's cases; only what changed since comes again (the case due then, missed now).
    expect(next).toContain('【已超期】2 件');
    expect(next).not.toContain('即将到期');
  });
});

describe('units’ alert emails without SMTP_URL (PostgreSQL)', () => {
  let kit: CaseKit;

  beforeAll(async () => {
    kit = await CaseKit.start();
    await kit.q(`update regulator set alert_email = $1 where code = $2`, [BUREAU_EMAIL, BUREAU]);
  });

  afterAll(async () => {
    await kit?.close();
  });

  it('writes nothing, and the console line says email is not configured', async () => {
    const late = await kit.assigned();
    await setDue(kit, late, daysAgo(3));
    const lines = await sweepLines(() => kit.api.app.get(ClocksService).sweep());
    expect(lines.get(BUREAU)).toMatchObject({ overdue: 1, email: '邮件未配置 / email not configured' });
    expect(await kit.q(`select count(*)::int as n from notification where unit_code is not null`)).toEqual([{ n: 0 }]);
    expect(await kit.q(`select count(*)::int as n from unit_alert`)).toEqual([{ n: 0 }]);
  });
});
