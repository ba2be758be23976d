import { Test } from '@nestjs/testing';
import type { TestingModule } from '@nestjs/testing';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { CaseKit } from './support/case-kit';
import { mailBody, startFakeSmtp } from './support/fake-smtp';
import { uscc } from './support/fixtures';

const COUNTY_EMAIL = 'warnings@dongchangfu.example.gov.cn';
const CITY_EMAIL = 'warnings@liaocheng.example.gov.cn';

async function until(check: () => Promise<boolean> | boolean, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * The early warning as it runs: the worker's scheduled jobs alone (the aggregator, then the
 * detector) turn complaints filed through the API into one alert, and the bureaus' emails reach a
 * local SMTP server once each.
 */
describe('early warning in the worker (PostgreSQL, Redis, SMTP)', () => {
  let kit: CaseKit;
  let smtp: Awaited<ReturnType<typeof startFakeSmtp>>;
  let worker: TestingModule | undefined;

  beforeAll(async () => {
    smtp = await startFakeSmtp();
    kit = await CaseKit.start({ SMTP_URL: smtp.url, PUBLIC_BASE_URL: 'https://12315.liaocheng.example/' });
    await kit.q(`update regulator set alert_email = $1 where code = 'MR-371502'`, [COUNTY_EMAIL]);
    await kit.q(`update regulator set alert_email = $1 where code = 'MR-371500'`, [CITY_EMAIL]);
  });

  afterAll(async () => {
    await worker?.close();
    await kit?.close();
    await smtp?.close();
  });

  it('8 prepaid complaints against a training school raise one alert and one email to each bureau, within the rollup cycles', async () => {
    const school = {
      name: '聊城市启航艺术培训学校有限公司',
      creditCode: uscc('91371502MA3E1TK5X'),
      address: '东昌府区兴华路 6 号',
      areaCode: '371502',
    };
    for (let n = 1; n <= 8; n++)
      await kit.file({
        categoryCode: 'education-training',
        prepaid: true,
        issueType: n <= 5 ? 'closure' : 'refund',
        respondent: school,
        description: `孩子的课程卡还剩课时，培训学校突然关门，老师和校长都联系不上。（第 ${n} 位家长）`,
        demand: '退还剩余课时费',
      });
    worker = await Test.createTestingModule({ imports: [WorkerModule.forRoot(kit.api.t.config)] }).compile();
    await worker.init();
    await until(async () => (await kit.q(`select 1 from warning_alert`)).length > 0);
    const alerts = await kit.q<{ subject_name: string; units: string[] }>(`select subject_name, units from warning_alert`);
    expect(alerts).toEqual([{ subject_name: school.name, units: ['MR-371502', 'MR-371500'] }]);

    await until(() => smtp.mails.length >= 2);
    // Later cycles find nothing new to tell.
    await new Promise((r) => setTimeout(r, 1_000));
    expect(smtp.mails.map((m) => m.to).sort()).toEqual([[COUNTY_EMAIL], [CITY_EMAIL]]);
    const body = mailBody(smtp.mails[0].raw);
    expect(body).toContain(`对象：${school.name}（东昌府区）`);
    expect(body).toContain('预付式消费投诉 8 件（此前没有记录，其中 8 件反映停业、跑路或无法退款）');
    // A link to the alert itself, on the site's address (its trailing slash dropped).
    const [{ id }] = await kit.q<{ id: string }>(`select id::text as id from warning_alert`);
    expect(body).toContain(`查看：https://12315.liaocheng.example/staff/warnings?alert=${id}`);
    // Nothing about the parents who complained.
    expect(body).not.toMatch(/1[3-9]\d{9}/);
  }, 90_000);
});
