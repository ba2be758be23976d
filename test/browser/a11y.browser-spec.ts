import type { Page } from 'playwright-core';
import { daysAgo } from '../support/fixtures';
import { axeProblems } from './support/axe';
import type { AxeProblem } from './support/axe';
import { BrowserSystem, DESKTOP, PHONE } from './support/system';

/**
 * Every page people use, on a phone (390 px) and a desktop, in Chinese, passes axe-core's WCAG 2.1
 * A/AA rules with no critical and no serious violation; and each has one main heading (h1). The
 * business portal's pages and the settlement pages are checked in their own browser tests, in the
 * states those tests reach.
 */
describe('accessibility of every page (chromium, axe-core)', () => {
  let sys: BrowserSystem;
  jest.setTimeout(300_000);
  let filed: { trackingNo: string; accessCode: string; caseId: string; unit: string; answer: unknown };

  beforeAll(async () => {
    sys = await BrowserSystem.start();
    const res = await fetch(`${sys.baseUrl}/api/v1/complaints`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        kind: 'complaint',
        path: 'formal',
        categoryCode: 'catering',
        issueType: 'false-advertising',
        consumer: { name: '王五', phone: '13906351234' },
        respondent: { name: '聊城市无障碍测试餐饮店', address: '东昌府区东昌路 88 号', areaCode: '371502' },
        incidentDate: daysAgo(3),
        amount: 268.5,
        description: '套餐与宣传图片严重不符，店家拒绝退款。',
        demand: '退还餐费',
      }),
    });
    const answer = (await res.json()) as { trackingNo: string; accessCode: string };
    const row = await sys.until('the complaint to be assigned', async () => {
      const [c] = await sys.q<{ id: string; assignee_code: string | null }>(
        `select id::text as id, assignee_code from cases where tracking_no = $1`,
        [answer.trackingNo],
      );
      return c?.assignee_code ? c : null;
    });
    filed = { ...answer, caseId: row.id, unit: row.assignee_code!, answer };
  });
  afterAll(() => sys?.close());

  async function signIn(page: Page, username: string, password: string, lands: string) {
    await page.goto(`${sys.baseUrl}/staff/login`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(`${sys.baseUrl}${lands}`, { waitUntil: 'commit' });
  }

  /** Opens a page, waits for what shows it is ready, and answers its problems and its h1 count. */
  async function check(
    page: Page,
    path: string | null,
    ready: (p: Page) => Promise<unknown>,
  ): Promise<{ problems: AxeProblem[]; h1: number }> {
    if (path) await page.goto(`${sys.baseUrl}${path}`);
    await ready(page);
    await page.waitForLoadState('networkidle');
    return { problems: await axeProblems(page), h1: await page.locator('h1').count() };
  }

  it.each([
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ])('consumer, staff and dashboard pages at %s size: 0 critical, 0 serious, one h1 each', async (_size, viewport) => {
    const found: Record<string, { problems: AxeProblem[]; h1: number }> = {};
    const { context, page } = await sys.page(viewport);
    // Where the receipt page reads the filing from (the tab's storage), as the filing page leaves it.
    await context.addInitScript(
      `sessionStorage.setItem('weiquan.filed', ${JSON.stringify(JSON.stringify({ answer: filed.answer, uploaded: 0 }))})`,
    );

    found['landing /'] = await check(page, '/', (p) => p.getByTestId('station-count').waitFor());
    found['filing /complaint/new'] = await check(page, '/complaint/new', (p) =>
      p.getByRole('combobox', { name: '消费类别', exact: true }).waitFor(),
    );
    // The filing form's outline: the page's h1, then one h2 per card, no level skipped.
    const levels = await page.evaluate<number[]>("[...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => +h.tagName[1])");
    expect(levels[0]).toBe(1);
    expect(levels.filter((l) => l === 2).length).toBeGreaterThanOrEqual(5);
    expect(levels.every((l, i) => i === 0 || l <= levels[i - 1] + 1)).toBe(true);
    found['receipt /complaint/done'] = await check(page, '/complaint/done', (p) => p.getByTestId('tracking-no').waitFor());
    found['tracking /track'] = await check(page, '/track', (p) => p.getByTestId('track-submit').waitFor());
    await page.getByLabel('查询编号').fill(filed.trackingNo);
    await page.getByLabel('查询码').fill(filed.accessCode);
    await page.getByTestId('track-submit').click();
    found['tracking, a case shown'] = await check(page, null, (p) => p.getByTestId('case-status').waitFor());
    found['public record /disclosure/businesses'] = await check(page, '/disclosure/businesses', (p) => p.locator('h1').first().waitFor());
    found['staff sign-in /staff/login'] = await check(page, '/staff/login', (p) => p.getByTestId('login-submit').waitFor());
    await context.close();

    const officer = await sys.staff('regulator-staff', filed.unit);
    const staff = await sys.page(viewport);
    await signIn(staff.page, officer.username, officer.password, '/staff');
    found['staff queue /staff'] = await check(staff.page, null, (p) => p.locator('.ant-table-row').first().waitFor());
    found['case file /staff/cases/{id}'] = await check(staff.page, `/staff/cases/${filed.caseId}`, (p) =>
      p.getByTestId('case-status').waitFor(),
    );
    await staff.context.close();

    const admin = await sys.staff('admin');
    const desk = await sys.page(viewport);
    await signIn(desk.page, admin.username, admin.password, '/dashboard');
    found['dashboard /dashboard'] = await check(desk.page, null, (p) => p.locator('.wq-kpi-value').first().waitFor());
    found['businesses /staff/businesses'] = await check(desk.page, '/staff/businesses', (p) => p.getByTestId('business-table').waitFor());
    await desk.context.close();

    const problems = Object.entries(found).flatMap(([name, f]) => f.problems.map((x) => ({ page: name, ...x })));
    const headings = Object.entries(found)
      .filter(([, f]) => f.h1 !== 1)
      .map(([name, f]) => `${name}: ${f.h1} h1`);
    console.log(`axe at ${viewport.width} px: ${Object.keys(found).length} pages, ${problems.length} critical or serious`);
    expect(problems).toEqual([]);
    expect(headings).toEqual([]);
  });
});
