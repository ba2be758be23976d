import dayjs from 'dayjs';
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { shanghaiDay } from '../support/fixtures';
import { BrowserSystem, DESKTOP, PHONE } from './support/system';
import { axeProblems } from './support/axe';

/**
 * Settlement at the source (先行和解) in a real browser: a consumer files a complaint about a shop
 * in 金鼎购物中心 on the filing page, which recommends the mall's station; the tracking page shows
 * the station helping (name, phone to call, address, the city's take-up date); the station's staff
 * take it up and record the business's offer (a refund of ¥268.50) in the staff console, where the
 * department's statutory actions are not offered to them; the consumer sees the offer, accepts it,
 * and the case is settled and closed (amount recovered 268.50), with the rating form. The tracking
 * page with the offer passes axe (no critical or serious violation). A second consumer rejects the
 * offer and the complaint becomes formal.
 */

const MALL = { venue: 'V-371502-001', area: '371502', station: 'ST-371502-001', stationName: '金鼎购物中心消费维权服务站' };
const AREA_BUREAU = 'MR-371502';

/** Picks an option, by its words, of one of the filing page's list pickers (a <select>) found by its name. */
async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label, exact: true }).selectOption({ label: option });
}

/**
 * Picks an option of an antd Select (by its test id) by the option's text: opens the list unless it
 * is open, scrolls the option into view, clicks it and checks the select shows it. An attempt that
 * fails is tried again with the list opened anew (closed by clicking the select, never by Escape,
 * which would close the dialog if the list had closed already).
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
      if ((await chosen.count()) > 0) return; // chosen after all
      if (attempt >= 4) throw e;
      if ((await list.count()) > 0) await select.click({ timeout: 5_000 }).catch(() => undefined);
    }
  }
}

/** A path's choice on the filing page: its label (which carries the test id), with the radio and the explanation. */
const choice = (page: Page, path: 'settlement' | 'formal') => page.getByTestId(`path-${path}`);

describe('settlement at the source (chromium)', () => {
  let sys: BrowserSystem;
  jest.setTimeout(240_000);
  const run = randomBytes(3).toString('hex');

  beforeAll(async () => {
    sys = await BrowserSystem.start();
  });
  afterAll(() => sys?.close());

  const caseRow = async (trackingNo: string) =>
    (
      await sys.q<{ id: string; status: string; stage: string; assignee_code: string | null; amount_recovered_fen: string | null }>(
        `select id::text as id, status, stage, assignee_code, amount_recovered_fen::text as amount_recovered_fen
           from cases where tracking_no = $1`,
        [trackingNo],
      )
    )[0];

  /** Waits until the worker has routed the case into this status (and, if given, to this unit). */
  const routedTo = (trackingNo: string, status: string, unit?: string) =>
    sys.until(`${trackingNo} to be ${status}${unit ? ` with ${unit}` : ''}`, async () => {
      const c = await caseRow(trackingNo);
      return c && c.status === status && (!unit || c.assignee_code === unit) ? c : null;
    });

  /** The status tag on the tracking page shows this status. */
  const consumerStatus = (page: Page, status: string) => page.locator(`[data-testid="case-status"][data-status="${status}"]`).waitFor();

  /** A staff member's token, for the steps a test takes through the API rather than the console. */
  async function token(account: { username: string; password: string }): Promise<string> {
    const res = await fetch(`${sys.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(account),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { accessToken: string }).accessToken;
  }

  async function act(bearer: string, caseId: string, body: Record<string, unknown>): Promise<void> {
    const res = await fetch(`${sys.baseUrl}/api/v1/cases/${caseId}/actions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${bearer}` },
      body: JSON.stringify(body),
    });
    if (res.status !== 200) throw new Error(`${String(body.action)} answered ${res.status}: ${await res.text()}`);
  }

  it('files for settlement at 金鼎购物中心; the station records a refund of ¥268.50; the consumer accepts it and the case is settled', async () => {
    // The filing page, on a phone: the path choice recommends the mall's station.
    const consumer = await sys.page(PHONE);
    const page = consumer.page;
    await page.goto(`${sys.baseUrl}/complaint/new`);
    await page.getByRole('combobox', { name: '消费类别', exact: true }).waitFor();
    await page.getByTestId('kind-complaint').click();
    expect(await page.getByTestId('path-advice').innerText()).toContain('选择消费类别和经营者所在区县后');
    await choose(page, '消费类别', '服装鞋帽');
    await page.getByLabel('经营者名称').fill(`聊城市东昌府区时尚衣坊${run}`);
    await choose(page, '所在场所（选填）', '金鼎购物中心');
    // The venue decides the area; the station of the venue is recommended, by name.
    await page.getByTestId('path-recommended').waitFor();
    expect(await page.getByTestId('path-recommended').innerText()).toContain(`推荐：由 ${MALL.stationName} 协助协商`);
    const settlementChoice = await choice(page, 'settlement').innerText();
    expect(settlementChoice).toContain('先行和解：由服务站协助您与商家协商，通常 10 个工作日内有结果');
    expect(await choice(page, 'formal').innerText()).toContain('直接向市场监管部门投诉：7 个工作日内告知是否受理');
    expect(await page.getByTestId('path-settlement').isChecked()).toBe(true);
    await page.getByLabel('经营地址').fill('山东省聊城市东昌府区东昌路229号金鼎购物中心二楼');
    const date = page.getByLabel('消费或事发日期');
    await date.click();
    await date.fill(dayjs().subtract(5, 'day').format('YYYY-MM-DD'));
    await date.press('Enter');
    await page.getByLabel('涉及金额（选填）').fill('268.5');
    await page
      .getByLabel('事情经过')
      .fill('五天前在该店购买一件268.5元的羊毛外套，穿了一次就起球严重，商家称是正常现象，拒绝退货。吊牌和购物小票都保留着。');
    await page.getByLabel('您的诉求').fill('要求退货退款268.5元。');
    await page.getByRole('textbox', { name: '姓名', exact: true }).fill('王丽');
    await page.getByLabel('手机号码').fill(`1396350${String(Math.floor(Math.random() * 9000) + 1000)}`);
    await page.getByLabel('通讯地址').fill('山东省聊城市东昌府区古楼街道光岳小区2号楼');
    await sys.shot(page, 'settlement-file-phone');
    expect(await axeProblems(page)).toEqual([]);

    const sent = page.waitForRequest((r) => r.url().endsWith('/api/v1/complaints') && r.method() === 'POST');
    await page.getByTestId('submit').click();
    expect(((await sent).postDataJSON() as { path?: string }).path).toBe('settlement');
    await page.waitForURL('**/complaint/done', { waitUntil: 'commit' });
    await page.getByTestId('tracking-no').waitFor();
    const trackingNo = (await page.getByTestId('tracking-no').innerText()).replace(/\D/g, '');
    // The result describes the path: a station will contact them; no statutory acceptance date.
    const note = page.getByTestId('path-note');
    expect(await note.getAttribute('data-stage')).toBe('settlement');
    expect(await note.innerText()).toContain('服务站会在接手期限内与您联系');
    expect(await page.getByTestId('acceptance-due').count()).toBe(0);
    await sys.shot(page, 'settlement-result-phone');

    const routed = await routedTo(trackingNo, 'settling', MALL.station);
    expect(routed.stage).toBe('settlement');

    // The tracking page: the station helping, its phone to call, the take-up date (city policy).
    await page.getByTestId('go-track').click();
    await consumerStatus(page, 'settling');
    expect(await page.getByTestId('settlement-handler').innerText()).toBe(MALL.stationName);
    expect(await page.getByTestId('settlement-phone').getAttribute('href')).toBe('tel:06358301230');
    // The date, explained: the city's policy, not a statutory deadline.
    expect(await page.getByTestId('settlement-take-up').innerText()).toMatch(/\d{4}-\d{2}-\d{2}[\s\S]*非法定期限/);
    expect(await page.getByTestId('escalate').innerText()).toContain('转为正式投诉'); // open at any time
    expect(await page.getByTestId('deadlines').count()).toBe(0); // no statutory clock while settling
    await sys.shot(page, 'settlement-track-settling');

    // The station's staff: take it up and record the business's offer in the console.
    const staffAccount = await sys.staff('station-staff', MALL.station);
    const desk = await sys.page(DESKTOP);
    const staff = desk.page;
    await staff.goto(`${sys.baseUrl}/staff/login`);
    await staff.getByTestId('login-username').fill(staffAccount.username);
    await staff.getByTestId('login-password').fill(staffAccount.password);
    await staff.getByTestId('login-submit').click();
    const row = staff.getByTestId(`queue-row-${trackingNo}`);
    await row.waitFor();
    expect(await row.innerText()).toContain('待接手');
    await row.click();
    await staff.locator('[data-testid="case-status"][data-status="settling"]').waitFor();
    const section = staff.getByTestId('settlement-section');
    expect(await section.innerText()).toContain('市政策');
    expect(await staff.getByTestId('settlement-stage').getAttribute('data-stage')).toBe('settlement');
    // Only the station's steps: the department's statutory decisions are not offered (the API would answer 403).
    for (const a of ['take-up', 'settlement-failed', 'hand-back']) expect(await staff.getByTestId(`action-${a}`).count()).toBe(1);
    for (const a of ['accept', 'refuse', 'start-mediation', 'resolve', 'terminate', 'close'])
      expect(await staff.getByTestId(`action-${a}`).count()).toBe(0);
    await sys.shot(staff, 'settlement-staff-settling');

    await staff.getByTestId('action-take-up').click();
    await staff.getByTestId('action-submit').click();
    await staff.locator('[data-testid="case-status"][data-status="negotiating"]').waitFor();
    expect(await staff.getByTestId('settlement-take-up').innerText()).toContain('已于');

    await staff.getByTestId('action-record-offer').click();
    await pickOption(staff, 'field-remedy', '退款');
    // A refund names its amount: asked for beside the field.
    await staff.getByTestId('action-submit').click();
    await staff.getByText('退款或赔偿须填写金额（元）').waitFor();
    await staff.getByTestId('field-amount-offered').fill('268.50');
    await staff.getByTestId('field-note').fill('商家同意退货并全额退款 268.50 元，三个工作日内原路退回。');
    await sys.shot(staff, 'settlement-staff-offer-form');
    // A tablet turned (or a window narrowed) across the two-column breakpoint keeps the dialog and what was typed in it.
    await staff.setViewportSize({ width: 1024, height: 900 });
    await staff.setViewportSize(DESKTOP);
    expect(await staff.getByTestId('field-note').inputValue()).toContain('三个工作日内原路退回');
    await staff.getByTestId('action-submit').click();
    await staff.locator('[data-testid="case-status"][data-status="offered"]').waitFor();
    expect(await staff.getByTestId('settlement-offer').innerText()).toMatch(/退款[\s\S]*¥268\.50/);
    await sys.shot(staff, 'settlement-staff-offered');

    // The consumer sees the offer and accepts it.
    await page.getByRole('button', { name: '刷新' }).click();
    await consumerStatus(page, 'offered');
    const offer = page.getByTestId('settlement-offer');
    expect(await page.getByTestId('offer-remedy').innerText()).toBe('退款');
    expect(await page.getByTestId('offer-amount').innerText()).toBe('¥268.50');
    expect(await page.getByTestId('offer-message').innerText()).toContain('三个工作日内原路退回');
    expect(await page.getByTestId('offer-reject').innerText()).toContain('不接受，转为正式投诉');
    await offer.scrollIntoViewIfNeeded();
    await sys.shot(page, 'settlement-track-offer');
    const problems = await axeProblems(page);
    expect(problems).toEqual([]);

    await page.getByTestId('offer-accept').click();
    const acceptDialog = page.getByRole('dialog');
    await acceptDialog.waitFor();
    expect(await acceptDialog.innerText()).toContain('和解办结');
    await acceptDialog.getByRole('button', { name: '确认接受' }).click();
    await consumerStatus(page, 'settled');
    expect(await page.getByTestId('settled-note').innerText()).toContain('已和解办结');
    expect(await page.getByTestId('offer-accept').count()).toBe(0);
    await page.getByTestId('rating-card').waitFor();
    expect(await page.getByTestId('timeline').innerText()).toContain('您接受了和解方案');
    await sys.shot(page, 'settlement-track-settled');

    const settled = await caseRow(trackingNo);
    expect(settled).toMatchObject({ status: 'settled', amount_recovered_fen: '26850' });

    // The rating form works after a settlement.
    await page.getByTestId('rating-card').getByText('满意', { exact: true }).click();
    await page.getByTestId('rating-submit').click();
    await page.getByTestId('rating-card').waitFor({ state: 'detached' });

    // The console shows the settled case and its outcome.
    await staff.reload();
    await staff.locator('[data-testid="case-status"][data-status="settled"]').waitFor();
    expect(await staff.getByTestId('outcome-amount').innerText()).toBe('¥268.50');

    // The dashboard's per-venue table opens the cases the venue's stations hold, this one among them
    // (read again until the statistics worker has counted the settlement).
    const venueLink = staff.getByTestId('venues').getByRole('link', { name: '金鼎购物中心' });
    for (let i = 0; i < 20 && !(await venueLink.count()); i++) {
      await staff.goto(`${sys.baseUrl}/dashboard`);
      await staff.getByTestId('units').locator('.ant-table-row').first().waitFor();
      if (!(await venueLink.count())) await staff.waitForTimeout(500);
    }
    await venueLink.click();
    // The chip names the venue once the directory's names have come (its code until then).
    await staff
      .getByTestId('cut-venue')
      .filter({ hasText: /^场所：金鼎购物中心$/ })
      .waitFor();
    await staff.getByTestId(`queue-row-${trackingNo}`).waitFor();
    expect(new URL(staff.url()).searchParams.get('venue')).toBe(MALL.venue);
    await desk.context.close();
    await consumer.context.close();
  });

  it('the consumer rejects the offer: the complaint becomes formal, with the area bureau', async () => {
    const res = await fetch(`${sys.baseUrl}/api/v1/complaints`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        kind: 'complaint',
        path: 'settlement',
        categoryCode: 'clothing',
        channel: 'offline',
        consumer: {
          name: '赵强',
          phone: `1376350${String(Math.floor(Math.random() * 9000) + 1000)}`,
          address: '东昌府区新区街道某小区 5 号楼',
        },
        respondent: {
          name: `聊城市东昌府区鞋履专卖${run}`,
          address: '东昌路229号金鼎购物中心一楼',
          areaCode: MALL.area,
          venueCode: MALL.venue,
        },
        incidentDate: shanghaiDay(new Date(Date.now() - 2 * 86_400_000)),
        amount: 599,
        description: '新买的皮鞋穿两天鞋底开胶，商家只同意维修，不同意退货。',
        demand: '退货退款 599 元',
      }),
    });
    expect(res.status).toBe(201);
    const filed = (await res.json()) as { trackingNo: string; accessCode: string; stage: string; acceptanceDueDate: string | null };
    expect(filed).toMatchObject({ stage: 'settlement', acceptanceDueDate: null });
    const routed = await routedTo(filed.trackingNo, 'settling', MALL.station);

    // The station takes it up and records an offer the consumer will not take (through the API here).
    const bearer = await token(await sys.staff('station-staff', MALL.station));
    await act(bearer, routed.id, { action: 'take-up' });
    await act(bearer, routed.id, { action: 'record-offer', remedy: 'repair', note: '商家同意免费维修鞋底，不同意退货。' });

    const { context, page } = await sys.page(DESKTOP);
    await page.goto(`${sys.baseUrl}/track?no=${filed.trackingNo}`);
    await page.getByLabel('查询码').fill(filed.accessCode);
    await page.getByTestId('track-submit').click();
    await consumerStatus(page, 'offered');
    expect(await page.getByTestId('offer-remedy').innerText()).toBe('维修');
    expect(await page.getByTestId('offer-amount').count()).toBe(0); // a repair names no amount
    // In English too (the API words the remedy in the page's language).
    await page.getByText('EN', { exact: true }).click();
    await page.getByTestId('offer-reject').getByText('Reject it and complain formally').waitFor();
    expect(await page.getByTestId('offer-accept').innerText()).toContain('Accept the offer');
    await page.getByTestId('offer-remedy').getByText('Repair').waitFor();
    await sys.shot(page, 'settlement-track-offer-en');
    await page.getByText('中文', { exact: true }).click();
    await page.getByTestId('offer-remedy').getByText('维修').waitFor();

    await page.getByTestId('offer-reject').click();
    const rejectDialog = page.getByRole('dialog');
    await rejectDialog.waitFor();
    // What happens is said before it happens.
    expect(await rejectDialog.innerText()).toContain('7 个工作日内告知您是否受理');
    // Rejecting an offer says why: asked for beside the field when missing.
    await rejectDialog.getByRole('button', { name: '确认转为正式投诉' }).click();
    await rejectDialog.getByText('请填写原因（至少 2 个字）').waitFor();
    await page.getByLabel('不接受的原因（必填）').fill('只同意维修，我要求退货');
    await sys.shot(page, 'settlement-track-reject-confirm');
    await rejectDialog.getByRole('button', { name: '确认转为正式投诉' }).click();
    // Received by the department today, then routed to the area bureau.
    await page
      .locator('[data-testid="case-status"][data-status="received"], [data-testid="case-status"][data-status="assigned"]')
      .waitFor();
    expect(await page.getByTestId('settlement').count()).toBe(0);
    const formal = await routedTo(filed.trackingNo, 'assigned', AREA_BUREAU);
    expect(formal.stage).toBe('formal');
    await page.getByRole('button', { name: '刷新' }).click();
    await consumerStatus(page, 'assigned');
    expect(await page.getByTestId('timeline').innerText()).toContain('已转为正式投诉');
    expect(await page.getByTestId('deadlines').innerText()).toMatch(/受理期限[\s\S]*\d{4}-\d{2}-\d{2}/);
    await sys.shot(page, 'settlement-track-formal');

    // Accepting the offer now is refused (409), and the page says why.
    const late = await fetch(`${sys.baseUrl}/api/v1/complaints/${filed.trackingNo}/settlement/accept`, {
      method: 'POST',
      headers: { 'X-Access-Code': filed.accessCode },
    });
    expect(late.status).toBe(409);
    await context.close();
  });

  it('a step the case has moved past is refused, and the page says why', async () => {
    const res = await fetch(`${sys.baseUrl}/api/v1/complaints`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        kind: 'complaint',
        categoryCode: 'clothing',
        consumer: {
          name: '孙芳',
          phone: `1356350${String(Math.floor(Math.random() * 9000) + 1000)}`,
          address: '东昌府区柳园街道某小区 8 号楼',
        },
        respondent: {
          name: `聊城市东昌府区童装小铺${run}`,
          address: '东昌路229号金鼎购物中心三楼',
          areaCode: MALL.area,
          venueCode: MALL.venue,
        },
        incidentDate: shanghaiDay(new Date(Date.now() - 86_400_000)),
        description: '给孩子买的外套拉链坏了，商家不给换。',
        demand: '换一件新的',
      }),
    });
    expect(res.status).toBe(201);
    const filed = (await res.json()) as { trackingNo: string; accessCode: string; stage: string };
    expect(filed.stage).toBe('settlement'); // the default path
    await routedTo(filed.trackingNo, 'settling', MALL.station);

    const { context, page } = await sys.page(PHONE);
    await page.goto(`${sys.baseUrl}/track?no=${filed.trackingNo}`);
    await page.getByLabel('查询码').fill(filed.accessCode);
    await page.getByTestId('track-submit').click();
    await consumerStatus(page, 'settling');
    // Meanwhile (another phone, say) the consumer already made it formal.
    const escalated = await fetch(`${sys.baseUrl}/api/v1/complaints/${filed.trackingNo}/escalate`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Access-Code': filed.accessCode },
      body: JSON.stringify({}),
    });
    expect(escalated.status).toBe(200);
    await page.getByTestId('escalate').click();
    await page.getByRole('dialog').getByRole('button', { name: '确认转为正式投诉' }).click();
    await page.getByTestId('settlement-problem').waitFor();
    expect(await page.getByTestId('settlement-problem').innerText()).toContain('案件已不在协商和解阶段');
    // The page shows the case as it is now: formal, no settlement buttons.
    await page
      .locator('[data-testid="case-status"][data-status="received"], [data-testid="case-status"][data-status="assigned"]')
      .waitFor();
    expect(await page.getByTestId('escalate').count()).toBe(0);
    await sys.shot(page, 'settlement-track-409');
    await context.close();
  });

  it('says so, and preselects the formal path, where no station can help', async () => {
    // No active station of 茌平区 takes accommodation (the seeded directory), and no department owns it.
    const covering = await sys.q(
      `select 1 from station s join station_category sc on sc.station_code = s.code
        where s.active and s.area_code = '371503' and sc.category_code = 'accommodation'`,
    );
    expect(covering).toHaveLength(0);
    const { context, page } = await sys.page(DESKTOP, { lang: 'en' });
    await page.goto(`${sys.baseUrl}/complaint/new`);
    await page.getByRole('combobox', { name: 'Category', exact: true }).waitFor();
    await choose(page, 'Category', '住宿服务');
    await choose(page, 'County or district', '茌平区');
    await page.getByTestId('path-formal-only').waitFor();
    expect(await page.getByTestId('path-formal-only').innerText()).toContain('No station can help settle this');
    expect(await page.getByTestId('path-formal').isChecked()).toBe(true);
    expect(await page.getByTestId('path-settlement').isDisabled()).toBe(true);
    expect(await choice(page, 'formal').innerText()).toContain('you are told within 7 working days whether it is accepted');
    await sys.shot(page, 'settlement-file-formal-only-en');
    // A report is the department's only: no path to choose.
    await page.getByTestId('kind-report').click();
    await page.getByTestId('path-card').waitFor({ state: 'detached' });
    await page.getByTestId('kind-both').click();
    await page.getByTestId('path-card').waitFor();
    await context.close();
  });
});
