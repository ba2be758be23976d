import { RollupService } from '@weiquan/stats';
import dayjs from 'dayjs';
import type { Page } from 'playwright-core';
import { uscc } from '../support/fixtures';
import { BrowserSystem, DESKTOP, PHONE } from './support/system';
import { axeProblems } from './support/axe';

/**
 * The business as a party (issue 17) in a real browser, in Chinese: an administrator enrols
 * 聊城市某某餐饮有限公司 by its checked credit code on the staff console's 经营者 page and creates its
 * user; a consumer files a complaint naming that code on the filing page, which says the business
 * itself answers within 10 working days; the business's user signs in to its portal, finds it in its
 * queue with the consumer's family name only (张*) and no phone anywhere, and answers 全部同意 with a
 * ¥100 refund; the consumer accepts it on the tracking page; and, once the rollups have run, the
 * business's public record shows 1 complaint received and 1 settled at the source. The business
 * portal's pages and the public record pass axe (no critical or serious violation).
 */

const CREDIT_CODE = uscc('91371502MA3C8X2Q1');
const NAME = '聊城市某某餐饮有限公司';
const AREA = { code: '371502', name: '东昌府区' };

/** Picks an option of an antd Select found by its form label (typing filters searchable ones). */
async function choose(page: Page, label: string, option: string, search?: string): Promise<void> {
  const box = page.getByLabel(label, { exact: true });
  await box.click();
  if (search) await box.fill(search);
  await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
}

/** Picks an option, by its words, of one of the filing page's list pickers (a <select>) found by its name. */
async function pick(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label, exact: true }).selectOption({ label: option });
}

/**
 * Picks an option of an antd Select (by its test id) by the option's text, opening the list anew if
 * an attempt fails (the list may close under a loaded machine's click).
 */
async function pickOption(page: Page, testId: string, text: string): Promise<void> {
  const select = page.getByTestId(testId);
  const list = page.locator('.ant-select-dropdown:visible');
  const chosen = select.filter({ hasText: text });
  for (let attempt = 1; ; attempt++) {
    if ((await list.count()) === 0) await select.click();
    const option = list.locator('.ant-select-item-option').filter({ hasText: text }).first();
    try {
      await option.scrollIntoViewIfNeeded({ timeout: 10_000 });
      await option.click({ timeout: 10_000 });
      await chosen.waitFor({ timeout: 10_000 });
      return;
    } catch (e) {
      if ((await chosen.count()) > 0) return;
      if (attempt >= 4) throw e;
      if ((await list.count()) > 0) await select.click({ timeout: 5_000 }).catch(() => undefined);
    }
  }
}

describe('the business as a party (chromium)', () => {
  let sys: BrowserSystem;
  jest.setTimeout(300_000);

  beforeAll(async () => {
    sys = await BrowserSystem.start();
  });
  afterAll(() => sys?.close());

  const caseRow = async (trackingNo: string) =>
    (
      await sys.q<{ id: string; status: string; stage: string; assignee_type: string | null; assignee_code: string | null }>(
        `select id::text as id, status, stage, assignee_type, assignee_code from cases where tracking_no = $1`,
        [trackingNo],
      )
    )[0];

  it('enrols a restaurant, which answers a complaint with a ¥100 refund; the consumer accepts; its public record counts it', async () => {
    // 1. An administrator signs in and enrols the business on the console's 经营者 page.
    const adminAccount = await sys.staff('admin');
    const desk = await sys.page(DESKTOP);
    const admin = desk.page;
    await admin.goto(`${sys.baseUrl}/staff/login`);
    await admin.getByTestId('login-username').fill(adminAccount.username);
    await admin.getByTestId('login-password').fill(adminAccount.password);
    await admin.getByTestId('login-submit').click();
    await admin.waitForURL('**/dashboard');
    await admin.getByTestId('nav-businesses').click();
    await admin.waitForURL('**/staff/businesses');
    await admin.getByTestId('business-table').waitFor();

    await admin.getByTestId('enrol-open').click();
    // A code with a wrong check character is refused beside the field before anything is sent.
    const wrong = `${CREDIT_CODE.slice(0, 17)}${CREDIT_CODE[17] === '0' ? '1' : '0'}`;
    await admin.getByTestId('enrol-credit-code').fill(wrong.toLowerCase());
    expect(await admin.getByTestId('enrol-credit-code').inputValue()).toBe(wrong); // upper-cased as typed
    await admin.getByTestId('enrol-name').fill(NAME);
    await choose(admin, '所在区县', AREA.name, '东昌');
    await admin.getByTestId('enrol-submit').click();
    await admin.getByText('统一社会信用代码应为 18 位且校验码正确').waitFor();
    await admin.getByTestId('enrol-credit-code').fill(CREDIT_CODE);
    await sys.shot(admin, 'business-enrol-form');
    const enrolled = admin.waitForResponse((r) => r.url().endsWith('/api/v1/admin/businesses') && r.request().method() === 'POST');
    await admin.getByTestId('enrol-submit').click();
    expect((await enrolled).status()).toBe(201);
    // The new business opens in the drawer: create its user with a given password.
    await admin.getByTestId('drawer-credit-code').getByText(CREDIT_CODE).waitFor();
    expect(await admin.getByTestId('drawer-odr').innerText()).toContain('在用');
    const bizAccount = { username: `canyin-${Math.random().toString(36).slice(2, 7)}`, password: 'Business-pass-2026' };
    await admin.getByTestId('user-username').fill(bizAccount.username);
    await admin.getByTestId('user-display-name').fill('李经理');
    await admin.getByTestId('user-password').fill(bizAccount.password);
    await admin.getByTestId('user-submit').click();
    await admin.getByTestId('business-users').getByText(bizAccount.username).waitFor();
    expect(await admin.getByTestId('generated-password').count()).toBe(0); // a password given is never shown back
    await sys.shot(admin, 'business-enrolled-drawer');
    await admin.keyboard.press('Escape');
    const row = admin.getByTestId(`business-row-${CREDIT_CODE}`);
    await row.waitFor();
    expect(await row.innerText()).toMatch(new RegExp(`${NAME}[\\s\\S]*${CREDIT_CODE}[\\s\\S]*东昌府区[\\s\\S]*在用`));
    // Found by part of its name.
    await admin.getByTestId('business-search').locator('input').fill('某某餐饮');
    await admin.getByTestId('business-search').locator('input').press('Enter');
    await admin.waitForURL('**/staff/businesses?q=*');
    await row.waitFor();
    await sys.shot(admin, 'business-list');

    // 2. A consumer files a complaint against that credit code, choosing settlement.
    const phone = `1396350${String(Math.floor(Math.random() * 9000) + 1000)}`;
    const consumer = await sys.page(PHONE);
    const page = consumer.page;
    await page.goto(`${sys.baseUrl}/complaint/new`);
    await page.getByRole('combobox', { name: '消费类别', exact: true }).waitFor();
    await page.getByTestId('kind-complaint').click();
    await pick(page, '消费类别', '餐饮服务');
    await page.getByLabel('经营者名称').fill(NAME);
    await pick(page, '所在区县', AREA.name);
    await page.getByLabel('统一社会信用代码（选填）').fill(CREDIT_CODE.toLowerCase());
    // The business answers itself: said on the filing page, within 10 working days.
    const advice = page.locator('[data-testid="path-recommended"][data-helper="business"]');
    await advice.waitFor();
    expect(await advice.innerText()).toContain(`推荐：由被投诉经营者 ${NAME} 直接答复`);
    expect(await advice.innerText()).toContain('在线消费纠纷解决企业');
    expect(await page.getByTestId('path-settlement').innerText()).toContain(
      '由被投诉经营者（在线消费纠纷解决企业）直接答复您，10 个工作日内答复',
    );
    expect(await page.getByTestId('path-settlement').isChecked()).toBe(true);
    await page.getByLabel('经营地址').fill('山东省聊城市东昌府区东昌路 229 号');
    const date = page.getByLabel('消费或事发日期');
    await date.click();
    await date.fill(dayjs().subtract(3, 'day').format('YYYY-MM-DD'));
    await date.press('Enter');
    await page.getByLabel('涉及金额（选填）').fill('100');
    await page.getByLabel('事情经过').fill('三天前在该店用餐，套餐中的鱼不新鲜，食用后身体不适，与店家沟通未果。');
    await page.getByLabel('您的诉求').fill('要求退还餐费 100 元。');
    await page.getByRole('textbox', { name: '姓名', exact: true }).fill('张明');
    await page.getByLabel('手机号码').fill(phone);
    await page.getByLabel('通讯地址').fill('山东省聊城市东昌府区柳园街道某小区 3 号楼');
    // Off unless ticked: the business sees no phone or address.
    expect(await page.getByTestId('contact-by-business').isChecked()).toBe(false);
    const sent = page.waitForRequest((r) => r.url().endsWith('/api/v1/complaints') && r.method() === 'POST');
    await page.getByTestId('submit').click();
    const body = (await sent).postDataJSON() as { path?: string; contactByBusiness?: boolean; respondent: { creditCode?: string } };
    expect(body).toMatchObject({ path: 'settlement', contactByBusiness: false, respondent: { creditCode: CREDIT_CODE } });
    await page.waitForURL('**/complaint/done', { waitUntil: 'commit' });
    await page.getByTestId('tracking-no').waitFor();
    const trackingNo = (await page.getByTestId('tracking-no').innerText()).replace(/\D/g, '');
    expect(await page.getByTestId('path-note').innerText()).toContain('由被投诉经营者直接答复您');
    await sys.shot(page, 'business-file-result');

    const routed = await sys.until(`${trackingNo} to go to the business`, async () => {
      const c = await caseRow(trackingNo);
      return c && c.status === 'settling' && c.assignee_code === CREDIT_CODE ? c : null;
    });
    expect(routed).toMatchObject({ stage: 'settlement', assignee_type: 'business' });

    // 3. The business's user signs in to its portal and finds the complaint in its queue.
    const portal = await sys.page(DESKTOP);
    const biz = portal.page;
    await biz.goto(`${sys.baseUrl}/business/login`);
    await biz.getByTestId('login-username').fill(bizAccount.username);
    await biz.getByTestId('login-password').fill(bizAccount.password);
    await biz.getByTestId('login-submit').click();
    await biz.waitForURL(/\/business$/);
    const item = biz.getByTestId(`biz-row-${trackingNo}`);
    await item.waitFor();
    expect(await item.innerText()).toMatch(/待答复[\s\S]*\d{4}-\d{2}-\d{2}[\s\S]*市政策[\s\S]*餐饮服务[\s\S]*张\*/);
    expect(await biz.getByTestId('biz-name').innerText()).toContain(NAME);
    expect(await biz.content()).not.toContain(phone);
    expect(await biz.locator('body').innerText()).not.toContain('张明');
    await sys.shot(biz, 'business-queue');
    expect(await axeProblems(biz)).toEqual([]);

    // The staff console is not the business's: it is sent back to its portal.
    await biz.goto(`${sys.baseUrl}/staff`);
    await biz.waitForURL(/\/business$/);
    await item.click();
    await biz.waitForURL(`**/business/cases/${routed.id}`);
    await biz.locator('[data-testid="biz-case-status"][data-status="settling"]').waitFor();
    expect(await biz.getByTestId('biz-consumer-name').innerText()).toBe('张*');
    expect(await biz.getByTestId('biz-consumer').innerText()).toContain('消费者未同意向本单位提供联系方式');
    expect(await biz.getByTestId('biz-due').innerText()).toMatch(
      /请于 \d{4}-\d{2}-\d{2} 前答复[\s\S]*10 个工作日，本市工作规范，非法定期限/,
    );
    expect(await biz.getByTestId('biz-demand').innerText()).toContain('退还餐费 100 元');
    expect(await biz.content()).not.toContain(phone);
    await sys.shot(biz, 'business-case');
    expect(await axeProblems(biz)).toEqual([]);

    // 全部同意: a refund of ¥100 (taken up first, then the offer), the amount asked for beside the field.
    await biz.locator('label', { has: biz.getByTestId('answer-full') }).click();
    await pickOption(biz, 'answer-remedy', '退款');
    await biz.getByTestId('answer-note').fill('非常抱歉，同意全额退还餐费 100 元，三日内原路退回。');
    await biz.getByTestId('answer-submit').click();
    await biz.getByText('退款或赔偿须填写金额（元）').waitFor();
    await biz.getByTestId('answer-amount').fill('100');
    await sys.shot(biz, 'business-answer-form');
    await biz.getByTestId('answer-submit').click();
    await biz.locator('[data-testid="biz-case-status"][data-status="offered"]').waitFor();
    expect(await biz.getByTestId('biz-offer').innerText()).toMatch(/全部同意[\s\S]*退款[\s\S]*¥100\.00/);
    expect(await biz.getByTestId('biz-due').innerText()).toContain('已答复，等待消费者确认');
    await sys.shot(biz, 'business-answered');
    expect(await axeProblems(biz)).toEqual([]);

    // 4. The consumer opens the tracking page and accepts.
    await page.getByTestId('go-track').click();
    await page.locator('[data-testid="case-status"][data-status="offered"]').waitFor();
    expect(await page.locator('[data-testid="settlement-handler"][data-type="business"]').innerText()).toContain(NAME);
    expect(await page.getByTestId('settlement-phone').count()).toBe(0);
    expect(await page.getByTestId('offer-response').innerText()).toBe('全部同意');
    expect(await page.getByTestId('offer-remedy').innerText()).toBe('退款');
    expect(await page.getByTestId('offer-amount').innerText()).toBe('¥100.00');
    expect(await page.getByTestId('offer-message').innerText()).toContain('三日内原路退回');
    await sys.shot(page, 'business-track-offer');
    await page.getByTestId('offer-accept').click();
    await page.getByRole('dialog').getByRole('button', { name: '确认接受' }).click();
    await page.locator('[data-testid="case-status"][data-status="settled"]').waitFor();
    // Within the city's 7 days the consumer can say the business did not deliver.
    expect(await page.getByTestId('not-delivered').innerText()).toContain('经营者未履行和解方案？');
    await sys.shot(page, 'business-track-settled');

    // The business is told, and sees what was settled.
    await biz.reload();
    await biz.locator('[data-testid="biz-case-status"][data-status="settled"]').waitFor();
    expect(await biz.getByTestId('biz-notices').innerText()).toContain('消费者接受了和解方案');
    expect(await biz.getByTestId('biz-answer').count()).toBe(0);

    // 5. The rollups run (the aggregator the worker runs every few seconds, called here), and the public record counts it.
    const rollups = sys.app.get(RollupService, { strict: false });
    await sys.until('the business rollup to count the settled complaint', async () => {
      await rollups.applyPending(20, 5_000);
      const res = await fetch(`${sys.baseUrl}/api/v1/disclosure/businesses/${CREDIT_CODE}`);
      const r = (await res.json()) as { figures?: { received: number; settledAtSource: number } };
      return r.figures && r.figures.received === 1 && r.figures.settledAtSource === 1 ? r : null;
    });

    const visitor = await sys.page(PHONE);
    const pub = visitor.page;
    await pub.goto(sys.baseUrl);
    await pub.getByTestId('go-disclosure').click();
    await pub.waitForURL('**/disclosure/businesses');
    await pub.getByTestId('record-search').fill('某某餐饮');
    await pub.getByTestId('record-search-submit').click();
    await pub.getByTestId(`record-${CREDIT_CODE}`).click();
    await pub.waitForURL(`**/disclosure/businesses/${CREDIT_CODE}`);
    await pub.getByTestId('record-name').getByText(NAME).waitFor();
    expect(await pub.getByTestId('figure-received-value').innerText()).toBe('1');
    expect(await pub.getByTestId('figure-settledAtSource-value').innerText()).toBe('1');
    expect(await pub.getByTestId('figure-settledAtSource').innerText()).toContain('化解率 100%');
    const text = await pub.locator('body').innerText();
    for (const personal of [phone, '张明', '张*', trackingNo]) expect(text).not.toContain(personal);
    await sys.shot(pub, 'business-public-record');
    expect(await axeProblems(pub)).toEqual([]);

    // The bureau's dashboard: the business's row of the league table opens its complaints of the period.
    await admin.goto(`${sys.baseUrl}/dashboard`);
    await admin.getByTestId('business-league').getByRole('link', { name: NAME }).click();
    await admin.waitForURL((u) => u.pathname === '/staff' && u.searchParams.get('respondent') === `uscc:${CREDIT_CODE}`);
    await admin.getByTestId(`queue-row-${trackingNo}`).waitFor();
    expect(await admin.getByTestId('queue-table').locator('[data-testid^="queue-row-"]').count()).toBe(1);

    for (const c of [desk, consumer, portal, visitor]) await c.context.close();
  });

  it('a name-only complaint: the station is offered the enrolled business, confirms it and passes the complaint to it', async () => {
    // Filed without the credit code: routed to a station of the area, which sees who the business may be.
    const res = await fetch(`${sys.baseUrl}/api/v1/complaints`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        kind: 'complaint',
        path: 'settlement',
        categoryCode: 'catering',
        channel: 'offline',
        consumer: {
          name: '李强',
          phone: `1376350${String(Math.floor(Math.random() * 9000) + 1000)}`,
          address: '东昌府区新区街道某小区 5 号楼',
        },
        respondent: { name: NAME, address: '东昌府区东昌路 229 号', areaCode: AREA.code },
        incidentDate: dayjs().subtract(2, 'day').format('YYYY-MM-DD'),
        description: '在该店订的生日宴，菜品与预订时约定的不符，店家不予解释。',
        demand: '退还差价 200 元',
      }),
    });
    expect(res.status).toBe(201);
    const filed = (await res.json()) as { trackingNo: string };
    const routed = await sys.until(`${filed.trackingNo} to go to a station`, async () => {
      const c = await caseRow(filed.trackingNo);
      return c && c.status === 'settling' && c.assignee_type === 'station' ? c : null;
    });

    const account = await sys.staff('station-staff', routed.assignee_code!);
    const { context, page } = await sys.page(DESKTOP);
    await page.goto(`${sys.baseUrl}/staff/login`);
    await page.getByTestId('login-username').fill(account.username);
    await page.getByTestId('login-password').fill(account.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId(`queue-row-${filed.trackingNo}`).click();
    const matches = page.getByTestId('business-matches');
    await matches.waitFor();
    expect(await matches.innerText()).toContain(`被投诉人可能是：${NAME}（已入驻在线纠纷解决）`);
    expect(await page.getByTestId('action-refer-to-business').count()).toBe(0); // named with the match, not a bare button
    await sys.shot(page, 'business-staff-match');
    await page.getByTestId(`refer-${CREDIT_CODE}`).click();
    // Asked once more, with the code and what follows.
    await page.getByTestId('refer-confirm').waitFor();
    expect(await page.locator('.ant-modal-confirm').innerText()).toContain(CREDIT_CODE);
    await page.getByTestId('refer-confirm').click();
    await page.waitForURL(/\/staff$/);
    const referred = await caseRow(filed.trackingNo);
    expect(referred).toMatchObject({ status: 'settling', assignee_type: 'business', assignee_code: CREDIT_CODE });
    await context.close();
  });
});
