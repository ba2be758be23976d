import { RollupService } from '@weiquan/stats';
import { EarlyWarningService } from '@weiquan/warnings';
import type { Page } from 'playwright-core';
import { daysAgo, uscc } from '../support/fixtures';
import { axeProblems } from './support/axe';
import { BrowserSystem, DESKTOP, PHONE } from './support/system';

/**
 * The early warning in a real browser: 8 prepaid complaints about a gym that closed, filed through the
 * API and routed by the worker, become an alert once the rollups are applied and the detector has run
 * (what the worker does every few seconds). The county bureau sees the new alert counted in its
 * header, reads it (the findings in words, the bureaus told), opens it (the evidence against the
 * baseline), follows its link to the 8 complaints in the queue (a removable 被投诉人 chip), and
 * acknowledges it with a note that goes into its history. axe finds nothing critical or serious on
 * the page and the detail, on a phone and a desktop.
 */
const COUNTY = 'MR-371502';
const GYM = {
  name: '聊城市浏览器测试健身服务有限公司',
  creditCode: uscc('91371502MA3D8BW4X'),
  address: '东昌府区柳园南路 28 号',
  areaCode: '371502',
};

interface Session {
  token: string;
  user: Record<string, unknown>;
}

describe('early-warning alerts (chromium)', () => {
  let sys: BrowserSystem;
  let county: Session;
  let alertId: string;
  const trackingNos: string[] = [];
  jest.setTimeout(180_000);

  const call = async (method: string, path: string, opts: { token?: string; body?: unknown } = {}) => {
    const res = await fetch(`${sys.baseUrl}/api/v1${path}`, {
      method,
      headers: {
        ...(opts.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...(opts.token ? { Authorization: `Bearer ${opts.token}` } : {}),
      },
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
    return text ? JSON.parse(text) : null;
  };
  const signedIn = async (who: Session, viewport = DESKTOP) => {
    const { context, page } = await sys.page(viewport);
    await context.addInitScript(
      `sessionStorage.setItem('weiquan.token', ${JSON.stringify(who.token)}); sessionStorage.setItem('weiquan.user', ${JSON.stringify(JSON.stringify(who.user))});`,
    );
    return { context, page };
  };
  const noProblems = async (page: Page) => expect(await axeProblems(page)).toEqual([]);

  beforeAll(async () => {
    sys = await BrowserSystem.start();
    for (let n = 1; n <= 8; n++) {
      const filed = await call('POST', '/complaints', {
        body: {
          kind: 'complaint',
          categoryCode: 'sports-fitness',
          prepaid: true,
          issueType: 'closure',
          channel: 'offline',
          consumer: { name: '会员', phone: `1390635${String(7700 + n)}`, address: '东昌府区柳园街道某小区' },
          respondent: GYM,
          incidentDate: daysAgo(2),
          amount: 3000,
          description: `在该健身房办理年卡并充值 3000 元，本周门店突然关门，电话无人接听，无法退款。（第 ${n} 位会员）`,
          demand: '退还卡内余额',
        },
      });
      trackingNos.push(filed.trackingNo);
    }
    // The worker routes them (to a station of the area, which the county bureau oversees).
    await sys.until('the 8 complaints routed', async () => {
      const [{ n }] = await sys.q<{ n: number }>(
        `select count(*)::int as n from cases where tracking_no = any($1) and assignee_code is not null`,
        [trackingNos],
      );
      return n === 8;
    });
    // What the worker does every few seconds: the rollups, then the detector.
    await sys.app.get(RollupService, { strict: false }).applyPending();
    await sys.app.get(EarlyWarningService, { strict: false }).evaluatePending();

    const login = await call('POST', '/auth/login', { body: await sys.staff('regulator-staff', COUNTY) });
    county = { token: login.accessToken, user: login.user };
    const alerts = await call('GET', '/warnings/alerts?status=new', { token: county.token });
    expect(alerts.items).toHaveLength(1);
    alertId = alerts.items[0].id;
  });
  afterAll(() => sys?.close());

  it('the county bureau sees the new alert, opens it, follows it to its 8 complaints and acknowledges it', async () => {
    const { context, page } = await signedIn(county);
    await page.goto(`${sys.baseUrl}/staff`);
    // The header counts it, and leads to it.
    const pill = page.getByTestId('alerts-new');
    await pill.waitFor();
    expect(await pill.getAttribute('aria-label')).toBe('新预警 1 条');
    await pill.click();
    await page.waitForURL(`${sys.baseUrl}/staff/warnings`, { waitUntil: 'commit' });

    const card = page.getByTestId(`alert-card-${alertId}`);
    await card.waitFor();
    const text = await card.innerText();
    expect(text).toContain(GYM.name);
    expect(text).toContain(GYM.creditCode);
    expect(text).toContain('预付式消费投诉 8 件（此前没有记录，其中 8 件反映停业、跑路或无法退款）');
    expect(text).toContain('聊城市东昌府区市场监督管理局');
    expect(text).toContain('新预警');
    expect(text).not.toMatch(/MR-|sports-fitness|prepaid/);
    expect(await page.getByTestId('alert-status-new').innerText()).toMatch(/新预警\s*1/);
    await noProblems(page);
    await sys.shot(page, 'warnings-alerts-desktop');

    await page.getByTestId(`alert-open-${alertId}`).click();
    const drawer = page.getByTestId('alert-drawer');
    const evidence = drawer.getByTestId('alert-evidence');
    await evidence.waitFor();
    expect(await evidence.innerText()).toMatch(/近 7 天/);
    expect(await evidence.locator('tbody tr').first().innerText()).toMatch(/投诉\s+8\s+此前没有记录/);
    expect(await drawer.getByTestId('alert-history').innerText()).toContain('产生预警');
    // The units involved: who holds the 8 complaints now (stations, by name, with how many each).
    const holders = await drawer.getByTestId('alert-holders').innerText();
    expect([...holders.matchAll(/ (\d+) 件/g)].reduce((n, m) => n + Number(m[1]), 0)).toBe(8);
    expect(holders).toMatch(/消费维权服务站 \d+ 件/);
    await noProblems(page);
    await sys.shot(page, 'warnings-detail-desktop');

    // Its complaints, in the queue: the 8 of them, the respondent as a chip that can be removed.
    const link = drawer.getByTestId('alert-cases-link');
    expect(await link.innerText()).toBe('查看涉及的投诉（8 件）');
    await link.click();
    await page.waitForURL(/\/staff\?.*respondent=uscc/, { waitUntil: 'commit' });
    for (const no of trackingNos) await page.getByTestId(`queue-row-${no}`).waitFor();
    expect(await page.locator('tbody tr[data-testid^="queue-row-"]').count()).toBe(8);
    const chip = page.getByTestId('cut-respondent');
    await page.locator('[data-testid="cut-respondent"]', { hasText: GYM.name }).waitFor();
    expect(await chip.innerText()).toBe(`被投诉人：${GYM.name}`);
    await page.goBack();

    // Acknowledged, with a note: its status and history say so, and the header's count goes.
    await page.getByTestId('alert-acknowledge').click();
    await page.getByTestId('acknowledge-note').fill('已联系经营者，正在核实');
    await page.getByTestId('acknowledge-submit').click();
    await page.locator('[data-testid="alert-status"]', { hasText: '已确认' }).waitFor();
    const history = await page.getByTestId('alert-history').innerText();
    expect(history).toContain('确认（核实中）');
    expect(history).toContain('已联系经营者，正在核实');
    await page.locator('[data-testid="alerts-new"][aria-label="新预警 0 条"]').waitFor();
    expect((await call('GET', `/warnings/alerts/${alertId}`, { token: county.token })).status).toBe('acknowledged');
    await context.close();
  });

  it('groups its complaints into a joint complaint with each consent recorded, warns consumers, and withdraws the warning', async () => {
    const { status } = await call('GET', `/warnings/alerts/${alertId}`, { token: county.token });
    const { context, page } = await signedIn(county);
    await page.goto(`${sys.baseUrl}/staff/warnings?status=${status}&alert=${alertId}`);
    await page.getByTestId('alert-joint').click();
    for (const no of trackingNos) await page.getByTestId(`joint-row-${no}`).waitFor();
    // A phone consent without the note of who and when is refused before anything is sent.
    const [first, second] = trackingNos;
    const choose = async (no: string, label: string) => {
      await page.getByTestId(`joint-method-${no}`).click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label }).click();
    };
    await choose(first, '电话');
    for (const no of trackingNos.slice(1)) await choose(no, '书面');
    await page.getByTestId('joint-submit').click();
    await page.getByText('电话或当面同意的，请写明由谁、于何时同意').waitFor();
    await page.getByTestId(`joint-note-${first}`).fill('消费者本人于 12 月 3 日下午电话同意');
    await page.getByTestId(`joint-row-${first}`).getByText('代表人').click();
    await page.getByTestId(`joint-row-${second}`).getByText('代表人').click();
    expect(await page.getByTestId('joint-members').innerText()).not.toMatch(/written|phone|settling/);
    await noProblems(page);
    await sys.shot(page, 'warnings-joint-desktop');
    await page.getByTestId('joint-submit').click();
    const jointNo = page.getByTestId('joint-no');
    await jointNo.waitFor();
    expect(await jointNo.innerText()).toMatch(/共同投诉编号 GT\d{13}，共 8 件/);
    await page.getByTestId('joint-done').click();
    await page.locator('[data-testid="alert-status"]', { hasText: '已处置' }).waitFor();
    expect(await page.getByTestId('alert-history').innerText()).toMatch(/共同投诉 GT\d{13}/);

    // A consumer warning from the alert: the business and the dates filled in, and where it now shows.
    await page.getByTestId('alert-warn').click();
    expect(await page.getByTestId('warning-title').inputValue()).toContain(GYM.name);
    await page.getByTestId('warning-submit').click();
    const published = page.getByTestId('warning-published');
    await published.waitFor();
    expect(await published.innerText()).toContain('现已显示在首页和该经营者的公示页');
    const shown = await call('GET', `/disclosure/warnings?creditCode=${GYM.creditCode}`);
    expect(shown).toHaveLength(1);

    // Withdrawn from the list of warnings, with the reason, after a confirmation.
    await page.getByTestId('warning-done').click();
    await page.locator('.ant-drawer-close').click();
    await page.getByRole('tab', { name: '消费提示' }).click();
    const card = page.locator('[data-testid^="warning-card-"]').first();
    await card.waitFor();
    expect(await card.innerText()).toContain('生效中');
    await card.getByRole('button', { name: /^撤回/ }).click();
    await page.locator('.ant-modal:visible textarea').fill('经营者已退还全部会员余额');
    await page.locator('.ant-modal:visible').getByRole('button', { name: '撤回…' }).click();
    await page
      .locator('.ant-modal-confirm:visible')
      .getByRole('button', { name: '撤 回' })
      .or(page.locator('.ant-modal-confirm:visible').getByRole('button', { name: '撤回' }))
      .first()
      .click();
    await card.getByText('已撤回').first().waitFor();
    expect(await card.innerText()).toContain('经营者已退还全部会员余额');
    expect(await call('GET', `/disclosure/warnings?creditCode=${GYM.creditCode}`)).toEqual([]);
    await context.close();
  });

  it('a city analyst reaches the alerts from the dashboard and reads them without acting', async () => {
    const login = await call('POST', '/auth/login', { body: await sys.staff('city-analyst') });
    const { context, page } = await signedIn({ token: login.accessToken, user: login.user });
    await page.goto(`${sys.baseUrl}/dashboard`);
    await page.getByTestId('nav-warnings').click();
    await page.waitForURL(`${sys.baseUrl}/staff/warnings`, { waitUntil: 'commit' });
    await page.getByTestId('alert-status-acted').click();
    await page.getByTestId(`alert-open-${alertId}`).click();
    await page.getByTestId('alert-evidence').waitFor();
    expect(await page.getByTestId('alert-actions').count()).toBe(0);
    // No header count for a reader who does not act on alerts.
    expect(await page.getByTestId('alerts-new').count()).toBe(0);
    await context.close();
  });

  it('has no critical or serious accessibility problem on a phone, on the list and the detail', async () => {
    const { status } = await call('GET', `/warnings/alerts/${alertId}`, { token: county.token });
    const { context, page } = await signedIn(county, PHONE);
    await page.goto(`${sys.baseUrl}/staff/warnings?status=${status}`);
    await page.getByTestId(`alert-card-${alertId}`).waitFor();
    await noProblems(page);
    await page.getByTestId(`alert-open-${alertId}`).click();
    await page.getByTestId('alert-evidence').waitFor();
    await noProblems(page);
    await sys.shot(page, 'warnings-detail-phone');
    await context.close();
  });
});
