import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { shanghaiDay } from '../support/fixtures';
import { BrowserSystem, DESKTOP, PHONE } from './support/system';

/**
 * The staff console in a real browser, for the statutory flow, which is the department's: a formal
 * complaint (filed with path "formal") about a restaurant in a mall is routed to the area's
 * market-regulation bureau, whose staff sign in, find it in their queue, accept it, mediate, resolve
 * it with an amount and close it; the consumer sees each step and rates it; they refuse another on a
 * listed ground. Another unit's staff get "not found"; revealing personal data is audited. (A
 * station's settlement stage is settlement.browser-spec.ts.)
 */
const TABLET = { width: 768, height: 1024 };

describe('staff console (chromium)', () => {
  let sys: BrowserSystem;
  jest.setTimeout(240_000);

  beforeAll(async () => {
    sys = await BrowserSystem.start();
  });
  afterAll(() => sys?.close());

  const phone = `1390635${String(Math.floor(Math.random() * 9000) + 1000)}`;
  /** Each filing has its own consumer and respondent, so none is taken for a duplicate of another. */
  const run = randomBytes(3).toString('hex');

  /** A station in a venue that covers catering: a settlement complaint about its venue would go there, a formal one to the area's bureau. */
  async function venueStation(): Promise<{ code: string; venue: string; area: string }> {
    const [s] = await sys.q<{ code: string; venue: string; area: string }>(
      `select s.code, s.venue_code as venue, s.area_code as area
         from station s join station_category sc on sc.station_code = s.code
        where s.active and s.venue_code is not null and sc.category_code = 'catering'
        order by s.code limit 1`,
    );
    return s;
  }

  async function file(at: { venue: string; area: string }, n = 0): Promise<{ trackingNo: string; accessCode: string }> {
    const res = await fetch(`${sys.baseUrl}/api/v1/complaints`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        kind: 'complaint',
        path: 'formal',
        categoryCode: 'catering',
        channel: 'offline',
        consumer: {
          name: n ? '李四' : '张三',
          phone: n ? `137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}` : phone,
          address: '东昌府区柳园街道某小区 3 号楼',
        },
        respondent: {
          name: `聊城市浏览器测试餐饮店${run}${n ? `${n}号店` : ''}`,
          address: '东昌府区东昌路 88 号',
          areaCode: at.area,
          venueCode: at.venue,
        },
        incidentDate: shanghaiDay(new Date(Date.now() - 3 * 86_400_000)),
        amount: 1500,
        description: '在该店消费的套餐与宣传图片严重不符，分量明显不足，店家拒绝退款。',
        demand: '退还餐费 1500 元',
      }),
    });
    const body = (await res.json()) as { trackingNo: string; accessCode: string };
    if (res.status !== 201) throw new Error(`filing answered ${res.status}: ${JSON.stringify(body)}`);
    return body;
  }

  async function consumerView(trackingNo: string, accessCode: string) {
    const res = await fetch(`${sys.baseUrl}/api/v1/complaints/${trackingNo}`, {
      headers: { 'X-Access-Code': accessCode, 'Accept-Language': 'zh-CN' },
    });
    expect(res.status).toBe(200);
    return (await res.json()) as { status: string; timeline: { type: string; text: string }[] };
  }

  /** Spinners, toasts and dialogs gone, transitions over: what a person would see. */
  async function shot(page: Page, name: string, opts: { dialog?: boolean } = {}) {
    const busy = `.ant-spin-spinning, .ant-spin-blur, .ant-message-notice${opts.dialog ? '' : ', .ant-modal-mask'}`;
    await page
      // Runs in the page (a string: the tests' TypeScript has no DOM types).
      .waitForFunction(`![...document.querySelectorAll(${JSON.stringify(busy)})].some((e) => e.getClientRects().length > 0)`, undefined, {
        timeout: 8000,
      })
      .catch(() => undefined);
    await page.mouse.move(0, 0);
    await page.waitForTimeout(300);
    await sys.shot(page, name);
  }

  async function login(page: Page, username: string, password: string) {
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
  }

  /** The status tag on the case page shows this status (by its data attribute and its text). */
  async function statusIs(page: Page, status: string, text: string) {
    await page
      .locator(`[data-testid="case-status"][data-status="${status}"]`)
      .waitFor()
      .catch(async (e) => {
        await sys.shot(page, `staff-failed-${status}`);
        throw e;
      });
    expect(await page.getByTestId('case-status').textContent()).toContain(text);
  }

  /**
   * Picks an option of an antd Select (by its test id) by the option's text: opens the list unless it
   * is open, scrolls the option into view, clicks it and checks the select shows it. An attempt that
   * fails is screenshotted and tried again with the list opened anew (closed by clicking the select,
   * never by Escape, which would close the dialog if the list had closed already).
   */
  async function pickOption(page: Page, testId: string, text: string, reopen?: () => Promise<void>) {
    const select = page.getByTestId(testId);
    const list = page.locator('.ant-select-dropdown:visible');
    const chosen = select.filter({ hasText: text });
    for (let attempt = 1; ; attempt++) {
      // Once in CI the dialog holding the select was gone before the pick (cause not found): open it again.
      if (reopen && !(await select.isVisible())) await reopen();
      if ((await list.count()) === 0) await select.click();
      const option = list.locator('.ant-select-item-option').filter({ hasText: text }).first();
      try {
        await option.scrollIntoViewIfNeeded({ timeout: 10_000 });
        await option.click({ timeout: 10_000 });
        await chosen.waitFor({ timeout: 10_000 });
        return;
      } catch (e) {
        await sys.shot(page, `staff-failed-pick-${testId}-${attempt}`);
        if ((await chosen.count()) > 0) return; // chosen after all
        if (attempt >= 4) throw e;
        if ((await list.count()) > 0) await select.click({ timeout: 5_000 }).catch(() => undefined);
      }
    }
  }

  async function act(page: Page, action: string, opts: { note?: string; confirm?: boolean } = {}) {
    await page.getByTestId(`action-${action}`).click();
    if (opts.note) await page.getByTestId('field-note').fill(opts.note);
    await page.getByTestId('action-submit').click();
    if (opts.confirm) await page.getByTestId('action-confirm').click();
  }

  it('the area bureau handles a formal complaint from its queue to closing; the consumer sees each step and rates it', async () => {
    const station = await venueStation();
    const [bureau] = await sys.q<{ code: string }>(`select code from regulator where kind = 'market' and area_code = $1`, [station.area]);
    const filed = await file(station);
    // Two more for the same station, to be made overdue and due soon (as if days had passed).
    const late = await file(station, 1);
    const soon = await file(station, 2);
    const nos = [filed.trackingNo, late.trackingNo, soon.trackingNo];
    const all = await sys.until('the complaints are routed', async () => {
      const rows = await sys.q<{
        id: string;
        tracking_no: string;
        assignee_code: string | null;
        assignee_type: string | null;
        status: string;
      }>(`select id::text as id, tracking_no, assignee_code, assignee_type, status from cases where tracking_no = any($1) order by id`, [
        nos,
      ]);
      return rows.length === 3 && rows.every((r) => r.assignee_code) ? rows : null;
    });
    const routed = all.find((r) => r.tracking_no === filed.trackingNo)!;
    // Formal: the department with jurisdiction, not the mall's station (catering has no sector regulator).
    expect(routed.assignee_type).toBe('regulator');
    expect(routed.status).toBe('assigned');
    expect(all.map((r) => r.assignee_code)).toEqual([bureau.code, bureau.code, bureau.code]);
    await sys.q(`update cases set acceptance_due = (now() at time zone 'Asia/Shanghai')::date - 3 where tracking_no = $1`, [
      late.trackingNo,
    ]);
    await sys.q(`update cases set acceptance_due = (now() at time zone 'Asia/Shanghai')::date where tracking_no = $1`, [soon.trackingNo]);
    const caseId = routed.id;
    const handler = await sys.staff('regulator-staff', routed.assignee_code!);

    const { context, page } = await sys.page(DESKTOP);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    // The queue needs a sign-in, and comes back after it.
    await page.goto(`${sys.baseUrl}/staff`);
    await page
      .getByTestId('login-submit')
      .waitFor()
      .catch(async (e) => {
        await sys.shot(page, 'staff-failed-login-page');
        throw new Error(`${e}\n${page.url()}\n${errors.join('\n')}`);
      });
    expect(page.url()).toContain('/staff/login?next=');
    await shot(page, 'staff-login');

    await login(page, handler.username, 'not-the-password');
    await page.getByTestId('login-error').waitFor();
    expect(await page.getByTestId('login-error').textContent()).toContain('用户名或密码错误');
    await page.locator('[data-testid="login-submit"]:not([disabled])').waitFor();
    await shot(page, 'staff-login-error');

    await login(page, handler.username, handler.password);
    await page.waitForURL(`${sys.baseUrl}/staff`, { waitUntil: 'commit' });
    expect(await page.getByTestId('staff-user').textContent()).toContain('测试regulator-staff');

    // The queue: the case is there, masked.
    const table = page.getByTestId('queue-table');
    const row = page.getByTestId(`queue-row-${filed.trackingNo}`);
    await row.waitFor();
    const rowText = (await row.textContent()) ?? '';
    expect(rowText).toContain('待受理');
    expect(rowText).toContain('聊城市浏览器测试餐饮店');
    expect(rowText).not.toContain(phone);
    // Overdue rows red, due within 2 working days orange.
    const lateRow = page.getByTestId(`queue-row-${late.trackingNo}`);
    const soonRow = page.getByTestId(`queue-row-${soon.trackingNo}`);
    await page.locator(`[data-testid="queue-row-${soon.trackingNo}"].staff-row-due-soon`).waitFor();
    expect(await lateRow.getAttribute('class')).toContain('staff-row-overdue');
    expect(await lateRow.textContent()).toContain('已超期');
    expect(await soonRow.textContent()).toContain('即将到期');
    expect(await row.getAttribute('class')).not.toMatch(/staff-row-(overdue|due-soon)/);
    // The open work, nearest deadline first: the overdue one leads, then the one due today; each date names its deadline.
    const rows = await table
      .locator('tbody tr[data-testid^="queue-row-"]')
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-testid')));
    expect(rows.slice(0, 2)).toEqual([`queue-row-${late.trackingNo}`, `queue-row-${soon.trackingNo}`]);
    expect(await lateRow.getByTestId('due-cell').textContent()).toContain('受理期限');
    // The counts of each status lead to them; the header says how much is overdue and due soon.
    expect(await page.getByTestId('count-open').textContent()).toContain('3');
    expect(await page.getByTestId('count-assigned').textContent()).toContain('3');
    expect(await page.getByTestId('workload-overdue').getAttribute('aria-label')).toBe('超期 1 件');
    expect(await page.getByTestId('workload-soon').getAttribute('aria-label')).toMatch(/^将到期 [1-9]\d* 件/);
    await shot(page, 'staff-queue');
    await page.getByTestId('workload-overdue').click();
    await page.waitForURL(/\/staff\?due=overdue$/, { waitUntil: 'commit' });
    await row.waitFor({ state: 'detached' });
    await lateRow.waitFor();
    await page.goto(`${sys.baseUrl}/staff`);
    await row.waitFor();

    // The overdue filter.
    await page.getByTestId('filter-overdue').click();
    await page.waitForURL(/due=overdue/, { waitUntil: 'commit' });
    await row.waitFor({ state: 'detached' });
    await lateRow.waitFor();
    expect(await soonRow.count()).toBe(0);
    await page.goto(`${sys.baseUrl}/staff`);
    await row.waitFor();

    // Filters go into the URL and survive a reload; a search that matches nothing empties the table.
    await page.getByTestId('queue-search').locator('input').fill('不存在的商户名称');
    await page.getByTestId('queue-search').locator('input').press('Enter');
    await page.waitForURL(/q=/, { waitUntil: 'commit' });
    await table.getByText('没有符合筛选条件的案件').waitFor();
    await page.reload();
    await table.getByText('没有符合筛选条件的案件').waitFor();
    expect(await page.getByTestId('queue-search').locator('input').inputValue()).toBe('不存在的商户名称');
    await page.goto(`${sys.baseUrl}/staff?q=${encodeURIComponent(filed.trackingNo)}&status=assigned`);
    await row.waitFor();

    // Open the case.
    await row.click();
    await page.waitForURL(`${sys.baseUrl}/staff/cases/${caseId}`, { waitUntil: 'commit' });
    await statusIs(page, 'assigned', '待受理');
    expect(await page.getByTestId('case-unit').textContent()).toBeTruthy();
    expect(await page.getByTestId('clocks').textContent()).toContain('受理期限');
    // Only the allowed actions are offered.
    expect(await page.getByTestId('action-accept').count()).toBe(1);
    expect(await page.getByTestId('action-resolve').count()).toBe(0);
    expect(await page.getByTestId('action-close').count()).toBe(0);
    expect(await page.getByTestId('action-take-up').count()).toBe(0); // a station's settlement step
    expect(await page.getByTestId('settlement-section').count()).toBe(0); // never in the settlement stage

    // The routing explanation and the history are there.
    await page.getByTestId('tab-routing').click();
    await page.getByTestId('routing').waitFor();
    expect(await page.getByTestId('routing').textContent()).toContain('规则');
    await shot(page, 'staff-case-routing');
    await page.getByTestId('tab-history').click();
    await page.getByTestId('history').waitFor();

    // Reveal the personal data: shown in full, the view recorded once.
    await page.getByTestId('tab-parties').click();
    expect(await page.getByTestId('consumer-phone').textContent()).not.toBe(phone);
    await page.getByTestId('reveal-personal-data').click();
    await page.getByTestId('reveal-recorded').waitFor();
    expect(await page.getByTestId('consumer-phone').textContent()).toBe(phone);
    const views = await sys.q<{ n: string }>(`select count(*)::text as n from personal_data_access where case_id = $1`, [caseId]);
    expect(views[0].n).toBe('1');

    // The likely next step comes first, with its key; "?" lists the keys.
    const primary = page.getByTestId('next-step');
    expect(await primary.textContent()).toContain('受理');
    expect(await primary.getAttribute('aria-keyshortcuts')).toBe('A');
    await page.keyboard.press('?');
    await page.getByTestId('shortcut-help').waitFor();
    expect(await page.getByTestId('shortcut-help').textContent()).toContain('下一件');
    await shot(page, 'staff-shortcuts', { dialog: true });
    await page.keyboard.press('Escape');
    await page.getByTestId('shortcut-help').waitFor({ state: 'hidden' });

    // Accept: one click on the primary button (nothing to type, nothing irreversible).
    await primary.click();
    await statusIs(page, 'accepted', '已受理');
    await page.getByTestId('action-done').getByText('已执行「受理」').waitFor();
    expect((await consumerView(filed.trackingNo, filed.accessCode)).timeline.map((e) => e.type)).toContain('accept');
    expect(await page.getByTestId('clocks').textContent()).toContain('调解期限');

    // Start mediation from the keyboard: M opens it, Enter (on its submit button) sends it.
    await page.locator('[data-testid="next-step"]:has-text("开始调解")').waitFor();
    await page.keyboard.press('m');
    await page.getByTestId('action-submit').waitFor();
    await page.waitForFunction(`document.activeElement?.getAttribute('data-testid') === 'action-submit'`);
    await page.keyboard.press('Enter');
    await statusIs(page, 'mediating', '调解中');
    expect((await consumerView(filed.trackingNo, filed.accessCode)).timeline.map((e) => e.type)).toContain('start-mediation');
    await shot(page, 'staff-case-before-resolving');

    // Resolve: without an amount the form says so beside the field; then 1280.50 with an agreement.
    await page.getByTestId('action-resolve').click();
    await page.getByTestId('action-submit').click();
    await page.getByText('请填写金额（可为 0）').waitFor();
    await page.getByTestId('field-amount').fill('1280.50');
    await page.getByTestId('field-agreement').click();
    await page.getByTestId('field-note').fill('双方达成书面调解协议，商家退还餐费 1280.50 元。');
    await page.getByTestId('action-submit').click();
    await page.getByTestId('action-confirm').click();
    await statusIs(page, 'resolved', '调解成功');
    expect(await page.getByTestId('outcome-amount').textContent()).toBe('¥1,280.50');
    const [money] = await sys.q<{ fen: string; agreement: boolean }>(
      `select amount_recovered_fen::text as fen, agreement from cases where id = $1`,
      [caseId],
    );
    expect(money).toEqual({ fen: '128050', agreement: true });
    expect((await consumerView(filed.trackingNo, filed.accessCode)).timeline.map((e) => e.type)).toContain('resolve');
    await page.getByTestId('tab-history').click();
    await page.getByTestId('history').getByText('双方达成书面调解协议').waitFor();
    await shot(page, 'staff-case-resolved');

    // Close: the primary button goes straight to the confirmation (closing cannot be undone).
    await page.locator('[data-testid="next-step"]:has-text("办结")').click();
    await page.getByTestId('action-confirm').click();
    await statusIs(page, 'closed', '已办结');
    expect(await page.getByTestId('action-close').count()).toBe(0);
    // Follow-up is next; the next case of the queue is offered (the open work's first: the overdue one).
    expect(await page.locator('.staff-next-step').textContent()).toContain('记录回访');
    await page.getByTestId('next-case-after').click();
    const lateCaseId = all.find((r) => r.tracking_no === late.trackingNo)!.id;
    await page.waitForURL(`${sys.baseUrl}/staff/cases/${lateCaseId}`, { waitUntil: 'commit' });
    await statusIs(page, 'assigned', '待受理');
    await page.goto(`${sys.baseUrl}/staff/cases/${caseId}`);
    await statusIs(page, 'closed', '已办结');

    // The consumer's status page (the portal is built alongside; its view is checked through the API).
    const track = await context.newPage();
    const doc = await track.goto(`${sys.baseUrl}/track?no=${filed.trackingNo}`);
    expect(doc?.status()).toBe(200);
    await track.close();
    const view = await consumerView(filed.trackingNo, filed.accessCode);
    expect(view.status).toBe('closed');
    const types = view.timeline.map((e) => e.type);
    for (const step of ['received', 'assigned', 'accept', 'start-mediation', 'resolve', 'close']) expect(types).toContain(step);
    expect(types.indexOf('accept')).toBeLessThan(types.indexOf('start-mediation'));
    expect(types.indexOf('start-mediation')).toBeLessThan(types.indexOf('resolve'));
    expect(types.indexOf('resolve')).toBeLessThan(types.indexOf('close'));
    expect(view.timeline.find((e) => e.type === 'resolve')!.text).toContain('1280.50');

    // The consumer rates it; the case file shows the rating.
    const rated = await fetch(`${sys.baseUrl}/api/v1/complaints/${filed.trackingNo}/rating`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Access-Code': filed.accessCode },
      body: JSON.stringify({ rating: 'satisfied', comment: '处理及时，感谢！' }),
    });
    expect(rated.status).toBeLessThan(300);
    await page.reload();
    await page.getByTestId('outcome-rating').waitFor();
    expect(await page.getByTestId('outcome-rating').textContent()).toContain('满意');
    await shot(page, 'staff-case-closed');

    // The same page in English (the API answers in the page's language too).
    await page.getByText('EN', { exact: true }).click();
    await page.getByTestId('case-status').getByText('Closed').waitFor();
    await page.getByTestId('tab-history').click();
    await shot(page, 'staff-case-en');
    await page.getByText('中文', { exact: true }).click();
    await page.getByTestId('case-status').getByText('已办结').waitFor();
    expect(await sys.q(`select 1 from personal_data_access where case_id = $1`, [caseId])).toHaveLength(1);

    // The queue at tablet width.
    const tablet = await sys.page(TABLET);
    await tablet.page.goto(`${sys.baseUrl}/staff/login`);
    await login(tablet.page, handler.username, handler.password);
    // Closed, its follow-up visit (the city's policy) still due: still open work, dated by that visit,
    // and found through its status count too.
    await tablet.page.getByTestId(`queue-row-${late.trackingNo}`).waitFor();
    expect(await tablet.page.getByTestId(`queue-row-${filed.trackingNo}`).textContent()).toContain('回访期限');
    await tablet.page.getByTestId('count-closed').click();
    await tablet.page.waitForURL(/status=closed/, { waitUntil: 'commit' });
    await tablet.page.getByTestId(`queue-row-${filed.trackingNo}`).waitFor();
    await shot(tablet.page, 'staff-queue-tablet');
    await tablet.page.getByTestId(`queue-row-${filed.trackingNo}`).click();
    await tablet.page.locator('[data-testid="case-status"][data-status="closed"]').waitFor();
    await shot(tablet.page, 'staff-case-tablet');
    await tablet.context.close();

    // Refusing needs a reason from the rule set's list, each shown with its basis.
    const soonId = all.find((r) => r.tracking_no === soon.trackingNo)!.id;
    await page.goto(`${sys.baseUrl}/staff/cases/${soonId}`);
    await statusIs(page, 'assigned', '待受理');
    await page.getByTestId('action-refuse').click();
    await page.getByTestId('action-submit').click();
    await page.getByText('请选择理由').waitFor();
    await page.getByTestId('field-reason').click();
    await page.locator('.ant-select-item-option').first().waitFor();
    expect(await page.locator('.ant-select-dropdown').textContent()).toContain('依据');
    await shot(page, 'staff-action-refuse', { dialog: true });
    // By its text (a position is not a stable handle), scrolled to, and checked to be chosen.
    await pickOption(page, 'field-reason', '3. 不是为生活消费需要', async () => {
      await page.getByTestId('action-refuse').click();
      await page.getByTestId('field-reason').waitFor();
    });
    await page.getByTestId('action-submit').click();
    await page.getByTestId('action-confirm').click();
    await statusIs(page, 'refused', '不予受理');
    const [refused] = await sys.q<{ code: string }>(`select outcome_reason_code as code from cases where id = $1`, [soonId]);
    expect(refused.code).toBe('3');

    // A page left open while the case moved on: the 409 is explained, with what is allowed now.
    const lateId = all.find((r) => r.tracking_no === late.trackingNo)!.id;
    await page.goto(`${sys.baseUrl}/staff/cases/${lateId}`);
    await statusIs(page, 'assigned', '待受理');
    const token = (
      (await (
        await fetch(`${sys.baseUrl}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ username: handler.username, password: handler.password }),
        })
      ).json()) as { accessToken: string }
    ).accessToken;
    const accepted = await fetch(`${sys.baseUrl}/api/v1/cases/${lateId}/actions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ action: 'accept' }),
    });
    expect(accepted.status).toBe(200);
    await act(page, 'accept');
    await page
      .getByTestId('action-conflict')
      .waitFor()
      .catch(async (e) => {
        await sys.shot(page, 'staff-failed-conflict');
        throw e;
      });
    expect(await page.getByTestId('action-conflict').textContent()).toContain('开始调解');
    await statusIs(page, 'accepted', '已受理');
    await shot(page, 'staff-action-conflict');

    // Another unit's staff (a station of the same area): the case does not exist for them.
    const [other] = await sys.q<{ code: string }>(`select code from station where code <> $1 and active order by code limit 1`, [
      routed.assignee_code,
    ]);
    const stranger = await sys.staff('station-staff', other.code);
    const outsider = await sys.page(DESKTOP);
    await outsider.page.goto(`${sys.baseUrl}/staff/cases/${caseId}`);
    await outsider.page.waitForURL(/\/staff\/login\?next=/, { waitUntil: 'commit' });
    await login(outsider.page, stranger.username, stranger.password);
    await outsider.page.getByTestId('case-not-found').waitFor();
    expect(await outsider.page.getByText('未找到该案件').count()).toBeGreaterThan(0);
    await shot(outsider.page, 'staff-case-not-found');
    await outsider.page.goto(`${sys.baseUrl}/staff`);
    await outsider.page.getByTestId('queue-table').waitFor();
    expect(await outsider.page.getByTestId(`queue-row-${filed.trackingNo}`).count()).toBe(0);
    await outsider.context.close();

    await context.close();
  });

  it('on a phone: the header keeps its deadlines on the red bar, a status is found by its name, a withdrawn complaint’s clock reads as ended', async () => {
    const station = await venueStation();
    const filed = await file(station, 7);
    const other = await file(station, 8);
    const [routed, accepted] = await sys.until('the complaints are routed', async () => {
      const rows = await sys.q<{ id: string; assignee_code: string | null }>(
        `select id::text as id, assignee_code from cases where tracking_no = any($1) order by tracking_no = $2 desc`,
        [[filed.trackingNo, other.trackingNo], filed.trackingNo],
      );
      return rows.length === 2 && rows.every((r) => r.assignee_code) ? rows : null;
    });
    const withdrawn = await fetch(`${sys.baseUrl}/api/v1/complaints/${filed.trackingNo}/withdraw`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Access-Code': filed.accessCode },
      body: JSON.stringify({ reason: '已与商家自行和解' }),
    });
    expect(withdrawn.status).toBe(200);
    const officer = await sys.staff('regulator-staff', routed.assignee_code!);
    const { accessToken } = (await (
      await fetch(`${sys.baseUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: officer.username, password: officer.password }),
      })
    ).json()) as { accessToken: string };
    const accept = await fetch(`${sys.baseUrl}/api/v1/cases/${accepted.id}/actions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ action: 'accept' }),
    });
    expect(accept.status).toBe(200);
    const { context, page } = await sys.page(PHONE);
    await page.goto(`${sys.baseUrl}/staff/login`);
    await login(page, officer.username, officer.password);
    // The sign-in page's own header shows the workload for a moment once signed in, then hides while
    // the queue loads: measure the queue's header, not that one.
    await page.getByTestId('queue-table').waitFor();
    await page.getByTestId('workload').waitFor();
    // Icons and numbers only, each link named in full; nothing outside the bar, nothing wider than the screen.
    expect(await page.getByTestId('workload-overdue').getAttribute('aria-label')).toMatch(/^超期 \d+ 件$/);
    expect((await page.getByTestId('workload-overdue').locator('.staff-workload-word').boundingBox())?.width).toBeLessThanOrEqual(1);
    const fits = await page.evaluate(`(() => {
      const bar = document.querySelector('.ui-header, header').getBoundingClientRect();
      const parts = [...document.querySelectorAll('.staff-user > *, .staff-workload-item, [data-testid="logout"]')].map((e) => e.getBoundingClientRect());
      return {
        inside: parts.every((r) => r.top >= bar.top - 0.5 && r.bottom <= bar.bottom + 0.5 && r.right <= window.innerWidth + 0.5),
        wide: document.documentElement.scrollWidth <= window.innerWidth,
      };
    })()`);
    expect(fits).toEqual({ inside: true, wide: true });
    await shot(page, 'staff-queue-phone');

    // A status is found by its name: "已受理" lists the accepted cases.
    await page.getByTestId('queue-search').locator('input').fill('已受理');
    await page.getByTestId('queue-search').locator('input').press('Enter');
    await page.waitForURL(/q=/, { waitUntil: 'commit' });
    await page.getByTestId(`queue-row-${other.trackingNo}`).waitFor();
    // The unfiltered list (the accepted case is on it too) stays until the search's answer replaces it.
    const statuses = () =>
      page.locator('[data-testid="queue-table"] [data-status]').evaluateAll((tags) => tags.map((t) => t.getAttribute('data-status')));
    let shown = await statuses();
    for (const end = Date.now() + 10_000; new Set(shown).size !== 1 && Date.now() < end; shown = await statuses())
      await page.waitForTimeout(200);
    expect(new Set(shown)).toEqual(new Set(['accepted']));

    await page.goto(`${sys.baseUrl}/staff/cases/${routed.id}`);
    await statusIs(page, 'withdrawn', '已撤回');
    await page.getByTestId('clock-ended-acceptance').waitFor();
    expect(await page.getByTestId('clock-acceptance').textContent()).toContain('已结束');
    expect(await page.getByTestId('clock-acceptance').textContent()).not.toContain('计时中');
    await shot(page, 'staff-case-withdrawn-phone');
    await context.close();
  });

  it('says when sign-in must wait, and sends analysts to the dashboard', async () => {
    const victim = await sys.staff('station-staff', (await venueStation()).code);
    for (let i = 0; i < 4; i++) {
      const res = await fetch(`${sys.baseUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: victim.username, password: `wrong-${i}` }),
      });
      expect(res.status).toBe(401);
    }
    const { context, page } = await sys.page(DESKTOP);
    await page.goto(`${sys.baseUrl}/staff/login`);
    await login(page, victim.username, 'wrong-again');
    await page.getByTestId('login-error').waitFor();
    expect(await page.getByTestId('login-error').textContent()).toContain('用户名或密码错误');
    // After five failures each attempt waits a doubling delay; even the right password is refused
    // meanwhile, with the same answer as a wrong one (it never learns it was right).
    await login(page, victim.username, victim.password);
    await page.getByText('登录尝试过于频繁').waitFor();
    await shot(page, 'staff-login-locked');

    const analyst = await sys.staff('city-analyst');
    await login(page, analyst.username, analyst.password);
    await page.waitForURL(`${sys.baseUrl}/dashboard`, { waitUntil: 'commit' });
    await context.close();
  });
});
