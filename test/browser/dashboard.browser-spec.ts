import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { daysAgo, shanghaiDay, uscc } from '../support/fixtures';
import { axeProblems } from './support/axe';
import { BrowserSystem, DESKTOP } from './support/system';

/**
 * The regulator dashboard in a real browser: two complaints filed through the API, one handled to
 * the end by the county bureau (accepted, resolved with ¥1,280.50 recovered, closed, rated), applied by
 * the worker's statistics aggregator; then a city analyst's dashboard shows them in the counts
 * (complaints and reports apart, with 环比 and 同比), the recovered amount, the charts and the
 * breakdowns collected at filing, links to the cases behind them, and the CSV export downloads under
 * a Chinese name with the filters it was made with.
 */
const TABLET = { width: 768, height: 1024 };
const PHONE = { width: 390, height: 844 };

const CREDIT_CODE = uscc('91371502MA3C5LJ0X');

interface Session {
  token: string;
  user: Record<string, unknown>;
}

describe('regulator dashboard (chromium)', () => {
  let sys: BrowserSystem;
  let analyst: Session;
  let unitStaff: Session;
  let unitCode: string;
  /** The prepaid complaint (about a refund). */
  let firstTrackingNo: string;
  jest.setTimeout(180_000);

  const call = async (method: string, path: string, opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {}) => {
    const res = await fetch(`${sys.baseUrl}/api/v1${path}`, {
      method,
      headers: {
        'Accept-Language': 'en',
        ...(opts.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...(opts.token ? { Authorization: `Bearer ${opts.token}` } : {}),
        ...opts.headers,
      },
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  const must = async (method: string, path: string, expected: number, opts: Parameters<typeof call>[2] = {}) => {
    const res = await call(method, path, opts);
    if (res.status !== expected) throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const login = async (account: { username: string; password: string }): Promise<Session> => {
    const body = await must('POST', '/auth/login', 200, { body: account });
    return { token: body.accessToken, user: body.user };
  };
  /** A browser page signed in as `who`: the token and user put where the session keeps them (no login page needed). */
  const signedIn = async (who: Session, viewport = DESKTOP, lang?: 'en') => {
    const { context, page } = await sys.page(viewport, { lang });
    await context.addInitScript(
      `sessionStorage.setItem('weiquan.token', ${JSON.stringify(who.token)}); sessionStorage.setItem('weiquan.user', ${JSON.stringify(JSON.stringify(who.user))});`,
    );
    return { context, page };
  };
  const kpi = (page: Page, name: string) => page.getByTestId(`kpi-${name}-value`);
  /** Every chart has drawn: a canvas inside each container. */
  const chartsDrawn = async (page: Page, ids: string[]) => {
    for (const id of ids) await page.locator(`[data-testid="${id}"] canvas`).first().waitFor();
  };

  beforeAll(async () => {
    sys = await BrowserSystem.start();
    // Filed with the department (the formal stage): it accepts, mediates and closes.
    const body = (n: number, respondent: Record<string, unknown>) => ({
      kind: 'complaint',
      path: 'formal',
      categoryCode: 'catering',
      channel: 'offline',
      ...(n === 1 ? { issueType: 'refund', prepaid: true } : {}),
      consumer: { name: '张三', phone: `1390635${String(8800 + n)}`, address: '东昌府区柳园街道某小区 3 号楼' },
      respondent: { address: '东昌府区东昌路 88 号', areaCode: '371502', ...respondent },
      incidentDate: daysAgo(3),
      amount: 1500,
      description: '在该店消费的套餐与宣传图片严重不符，分量明显不足，店家拒绝退款。',
      demand: '退还餐费 1500 元',
    });
    const first = await must('POST', '/complaints', 201, {
      body: body(1, { name: '聊城市看板测试餐饮有限公司', creditCode: CREDIT_CODE }),
    });
    const second = await must('POST', '/complaints', 201, { body: body(2, { name: '聊城市看板测试火锅店' }) });
    firstTrackingNo = first.trackingNo;

    // The worker routes them in the background.
    const routed = (trackingNo: string) =>
      sys.until(`${trackingNo} assigned`, async () => {
        const [row] = await sys.q<{ id: string; status: string; assignee_type: string; assignee_code: string }>(
          `select id::text as id, status, assignee_type, assignee_code from cases where tracking_no = $1`,
          [trackingNo],
        );
        return row?.status === 'assigned' ? row : null;
      });
    const a = await routed(first.trackingNo);
    const b = await routed(second.trackingNo);

    // The department's staff handle them: both accepted, the first resolved with money back and closed.
    const handler = async (c: { assignee_type: string; assignee_code: string }) =>
      login(await sys.staff(c.assignee_type === 'station' ? 'station-staff' : 'regulator-staff', c.assignee_code));
    const staffA = await handler(a);
    const staffB = a.assignee_code === b.assignee_code ? staffA : await handler(b);
    await must('POST', `/cases/${a.id}/actions`, 200, { token: staffA.token, body: { action: 'accept' } });
    await must('POST', `/cases/${a.id}/actions`, 200, {
      token: staffA.token,
      body: { action: 'resolve', amountRecovered: 1280.5, agreement: true },
    });
    await must('POST', `/cases/${a.id}/actions`, 200, { token: staffA.token, body: { action: 'close' } });
    await must('POST', `/cases/${b.id}/actions`, 200, { token: staffB.token, body: { action: 'accept' } });
    // The consumer rates the closed one.
    await must('POST', `/complaints/${first.trackingNo}/rating`, 201, {
      headers: { 'X-Access-Code': first.accessCode },
      body: { rating: 'satisfied' },
    });
    unitStaff = staffA;
    unitCode = a.assignee_code;

    // The statistics aggregator (a worker job every few seconds) applies the history to the rollups.
    analyst = await login(await sys.staff('city-analyst'));
    await sys.until(
      'the aggregator has applied the cases',
      async () => {
        const s = await must('GET', '/stats/summary', 200, { token: analyst.token });
        return s.received >= 2 && s.resolved >= 1 && s.satisfactionRate !== null ? s : null;
      },
      60_000,
    );
  });
  afterAll(() => sys?.close());

  it('shows the analyst complaints and reports apart, with 环比 and 同比, the recovered amount and the charts; the CSV export downloads', async () => {
    const { context, page } = await signedIn(analyst);
    await page.goto(`${sys.baseUrl}/dashboard`);
    await page.getByTestId('dashboard').waitFor();
    await expectText(page, 'kpi-complaints-value', '2');
    expect(await kpi(page, 'reports').textContent()).toBe('0');
    expect(await kpi(page, 'recovered').textContent()).toBe('¥1,280.50');
    expect(await kpi(page, 'mediationSuccessRate').textContent()).toBe('100%');
    expect(await kpi(page, 'satisfactionRate').textContent()).toBe('100%');
    expect(await page.getByTestId('kpi-satisfactionRate').textContent()).toContain('参考值 96.8%');
    expect(await kpi(page, 'open').textContent()).toBe('1');
    expect(await kpi(page, 'overdue').textContent()).toBe('0');
    // Nothing was counted before this year's cases: no base to compare with is "—", never 0%.
    expect(await page.getByTestId('kpi-complaints-change-mom').textContent()).toBe('环比 —');
    expect(await page.getByTestId('kpi-complaints-change-yoy').textContent()).toBe('同比 —');
    expect(await page.getByTestId('kpi-satisfactionRate-change-yoy').textContent()).toBe('同比 —');
    const year = shanghaiDay(new Date()).slice(0, 4);
    expect(await page.getByTestId('comparison-periods').textContent()).toContain(`同比：与 ${+year - 1}-01-01 至`);

    await chartsDrawn(page, ['chart-trends', 'chart-area', 'chart-category']);
    await page.getByTestId('hotspots').getByText('聊城市看板测试餐饮有限公司').waitFor();
    expect(await page.getByTestId('hotspots').textContent()).toContain(CREDIT_CODE);
    await page.getByTestId('units').getByText(unitCode).waitFor();
    // The breakdowns collected at filing: issue type, purchase channel, prepaid.
    await page.getByTestId('by-issueType').getByText('退款、退货、退卡').waitFor();
    expect(await page.getByTestId('by-issueType').textContent()).toContain('未填写');
    expect(await page.getByTestId('by-channel').textContent()).toContain('线下购买');
    expect(await page.getByTestId('by-prepaid').textContent()).toMatch(/预付式消费.*50%/);
    // All of it in, at desktop size: no critical or serious axe problem.
    await page.waitForLoadState('networkidle');
    expect(await axeProblems(page)).toEqual([]);

    // The filters go to the URL (a city analyst filters by area too).
    expect(await page.getByTestId('filter-area').count()).toBe(1);
    // Each segmented control is its own radio group (a test build once named them all "test-id", and
    // a click on one then went unheard).
    const groups = await page.evaluate<string[]>(
      `[...document.querySelectorAll('.ant-segmented')].map((s) => s.querySelector('input').name)`,
    );
    expect(groups.length).toBeGreaterThan(1);
    expect(new Set(groups).size).toBe(groups.length);
    await page.getByTestId('filter-track').getByText('投诉').click();
    await page.waitForURL(/track=complaint/, { waitUntil: 'commit' });
    // The router renders a URL change in a transition: until the control shows the new choice, a
    // click on the old one is a click on the choice already made, and nothing happens.
    await page.getByTestId('filter-track').locator('.ant-segmented-item-selected', { hasText: '投诉' }).waitFor();
    await expectText(page, 'kpi-complaints-value', '2');
    await page.getByTestId('filter-track').getByText('全部').click();
    await page.waitForURL((u) => !u.search.includes('track='), { waitUntil: 'commit' });
    // The export reads the filters the page shows: wait until it shows 全部 again (the same transition).
    await page.getByTestId('filter-track').locator('.ant-segmented-item-selected', { hasText: '全部' }).waitFor();

    // CSV by month: a UTF-8 file under a Chinese name, the filters it was made with, then the Chinese header row and this month's figures.
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    expect(csv.suggestedFilename()).toMatch(/^聊城市消费投诉统计_\d{4}.*_按月份\.csv$/);
    const text = readFileSync(await csv.path(), 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [head, table] = text.slice(1).split('\r\n\r\n');
    expect(head).toContain(`统计期间,${year}-01-01 至 ${shanghaiDay(new Date())}`);
    expect(head).toContain('统计范围,全市');
    expect(head).toContain('类型,全部（投诉和举报）');
    expect(table.split(/\r?\n/)[0]).toBe(
      '起始日,截止日,月份,名称,收到,其中投诉,其中举报,受理,不予受理,调解成功,终止调解,办结,撤回,按时受理率,调解成功率,挽回经济损失（元）,平均办理工作日,满意率,回访率,举报立案,举报不予立案,举报人按时告知率,' +
        '分派服务站协商和解,源头化解,转为正式投诉,源头化解率,转为正式投诉率,源头化解挽回金额（元）,平均和解用时（工作日）',
    );
    const rows: Record<string, string>[] = parse(table, { columns: true });
    const month = shanghaiDay(new Date()).slice(0, 7);
    expect(rows.find((r) => r['月份'] === month)).toMatchObject({
      收到: '2',
      其中投诉: '2',
      其中举报: '0',
      受理: '2',
      调解成功: '1',
      办结: '1',
      '挽回经济损失（元）': '1280.50',
      调解成功率: '100%',
      满意率: '100%',
    });
    expect(rows.reduce((n, r) => n + Number(r['收到']), 0)).toBe(2);

    // XLSX by unit.
    await page.getByTestId('export-by').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '按单位' }).click();
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
    expect(xlsx.suggestedFilename()).toMatch(/^聊城市消费投诉统计_.*_按单位\.xlsx$/);
    expect(
      readFileSync(await xlsx.path())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');

    await page.evaluate('window.scrollTo(0, 0)');
    await sys.shot(page, 'dashboard-desktop');
    await context.close();
  });

  it('opens the cases behind a figure: a KPI, a category row, a business', async () => {
    const { context, page } = await signedIn(analyst);
    await page.goto(`${sys.baseUrl}/dashboard`);
    await expectText(page, 'kpi-complaints-value', '2');
    const today = shanghaiDay(new Date());
    const period = `from=${today.slice(0, 4)}-01-01&to=${today}`;
    // The period's counts open the cases received in the period; the open and overdue counts (now) the open work.
    expect(await page.getByTestId('kpi-complaints-cases').getAttribute('href')).toBe(
      `/staff?view=all&sort=newest&track=complaint&${period}`,
    );
    expect(await page.getByTestId('kpi-reports-cases').getAttribute('href')).toBe(`/staff?view=all&sort=newest&track=report&${period}`);
    expect(await page.getByTestId('kpi-overdue-cases').getAttribute('href')).toBe('/staff?due=overdue');
    // The category table (the pie's legend): its name opens the category's cases received in the period.
    await page.getByTestId('category-table').getByRole('link').first().click();
    await page.waitForURL(`**/staff?view=all&sort=newest&category=catering&${period}`);
    await page.getByTestId('queue-table').locator('[data-testid^="queue-row-"]').first().waitFor();
    expect(await page.getByTestId('queue-table').locator('[data-testid^="queue-row-"]').count()).toBe(2);
    expect(await page.getByTestId('cut-period').textContent()).toBe(`期间：${today.slice(0, 4)}-01-01 至 ${today}`);
    await page.goBack();
    // A business of the hotspots: its cases received in the period, by the key the figures group it by.
    await page.getByTestId('hotspots').getByRole('link', { name: '聊城市看板测试火锅店' }).click();
    await page.waitForURL(new RegExp(`/staff\\?view=all&sort=newest&${period}&respondent=`));
    await page.getByTestId('cut-respondent').getByText('被投诉人：聊城市看板测试火锅店').waitFor();
    const rows = page.getByTestId('queue-table').locator('[data-testid^="queue-row-"]');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    await context.close();
  });

  it('opens the cases of an area bar, a month of the trends or a breakdown row in the queue, which shows why the list is cut and keeps it when paging', async () => {
    const { context, page } = await signedIn(analyst);
    const today = shanghaiDay(new Date());
    const period = `${today.slice(0, 4)}-01-01`;
    const rows = page.getByTestId('queue-table').locator('[data-testid^="queue-row-"]');
    await page.goto(`${sys.baseUrl}/dashboard`);
    await chartsDrawn(page, ['chart-area']);
    // A click in 东昌府区's row of the area chart (the only area, so the whole plot is its row).
    const chart = page.getByTestId('chart-area');
    const size = (await chart.boundingBox())!;
    await chart.click({ position: { x: size.width * 0.6, y: size.height / 2 } });
    await page.waitForURL(`**/staff?view=all&sort=newest&area=371502&from=${period}&to=${today}`);
    await page.getByTestId('cut-area').getByText('区域：东昌府区').waitFor();
    expect(await page.getByTestId('cut-period').textContent()).toBe(`期间：${period} 至 ${today}`);
    await rows.first().waitFor();
    expect(await rows.count()).toBe(2);
    await page.goBack();

    // A click on this month's column of the trends (by month, from January: one column a month; the
    // plot is the chart less its 48 px left and 56 px right margins): the cases received this month.
    await chartsDrawn(page, ['chart-trends']);
    const trends = page.getByTestId('chart-trends');
    const box = (await trends.boundingBox())!;
    const months = Number(today.slice(5, 7));
    await trends.click({ position: { x: 48 + (box.width - 104) * ((months - 0.5) / months), y: box.height / 2 } });
    await page.waitForURL(`**/staff?view=all&sort=newest&from=${today.slice(0, 7)}-01&to=${today}`);
    await rows.first().waitFor();
    expect(await rows.count()).toBe(2);
    await page.goBack();

    // A row of the prepaid breakdown: only the prepaid complaint.
    await page.getByTestId('by-prepaid').getByRole('link', { name: '预付式消费', exact: true }).click();
    await page.waitForURL(`**/staff?view=all&sort=newest&from=${period}&to=${today}&prepaid=true`);
    await page.getByTestId('cut-prepaid').getByText('预付式消费').waitFor();
    await page.getByTestId(`queue-row-${firstTrackingNo}`).waitFor();
    expect(await rows.count()).toBe(1);
    // The status counts above the list count the same cut: one case in all, not every case the analyst reads.
    await expectText(page, 'count-all', '全部 1');
    await sys.shot(page, 'queue-cut');

    // Paging keeps the cut: the next page is asked for with the same filters (a next page made up here).
    const asked: URL[] = [];
    await page.route(
      (u) => u.pathname === '/api/v1/cases',
      async (route) => {
        const url = new URL(route.request().url());
        asked.push(url);
        const res = await route.fetch();
        const body = (await res.json()) as { nextCursor: string | null };
        // "c:1", a newest-first cursor before every case: an empty next page.
        await route.fulfill({ response: res, json: url.searchParams.has('cursor') ? body : { ...body, nextCursor: 'Yzox' } });
      },
    );
    await page.getByRole('button', { name: '刷新' }).click();
    await page.getByTestId('queue-more').click();
    await page.getByText('已全部加载').waitFor();
    const more = asked.find((u) => u.searchParams.has('cursor'))!;
    expect(Object.fromEntries(more.searchParams)).toMatchObject({
      prepaid: 'true',
      receivedFrom: period,
      receivedTo: today,
      cursor: 'Yzox',
    });
    await page.unroute((u) => u.pathname === '/api/v1/cases');

    // A chip removed widens the list again: both complaints of the period.
    await page.getByTestId('cut-prepaid').click();
    await page.waitForURL((u) => !u.search.includes('prepaid'));
    await page.getByTestId('cut-period').waitFor();
    await expectCount(rows, 2);
    await expectText(page, 'count-all', '全部 2');
    await context.close();
  });

  it('never runs the period past today, and keeps the legend off the chart on a phone', async () => {
    const today = shanghaiDay(new Date());
    const { context, page } = await signedIn(analyst, PHONE);
    const asked: string[] = [];
    page.on('request', (r) => r.url().includes('/stats/summary') && asked.push(new URL(r.url()).search));
    await page.goto(`${sys.baseUrl}/dashboard?from=${today.slice(0, 4)}-01-01&to=2099-12-31`);
    await expectText(page, 'kpi-complaints-value', '2');
    expect(await page.getByTestId('dashboard-scope').textContent()).toContain(`至 ${today}`);
    expect(asked.every((q) => q.includes(`to=${today}`))).toBe(true);

    await chartsDrawn(page, ['chart-trends']);
    const canvas = (await page.getByTestId('chart-trends').boundingBox())!;
    const legend = page.getByTestId('trends-legend');
    const box = (await legend.boundingBox())!;
    // Below the plot, not over it, and inside the screen.
    expect(box.y).toBeGreaterThanOrEqual(canvas.y + canvas.height);
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
    // Its buttons hide and show a series.
    const reports = legend.getByRole('button', { name: '举报' });
    expect(await reports.getAttribute('aria-pressed')).toBe('true');
    await reports.click();
    expect(await reports.getAttribute('aria-pressed')).toBe('false');
    // With its figures, links and tables in: no critical or serious axe problem on a phone.
    await page.getByTestId('units').getByText(unitCode).waitFor();
    await page.getByTestId('by-issueType').getByText('未填写').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await axeProblems(page)).toEqual([]);
    await sys.shot(page, 'dashboard-phone');
    await context.close();
  });

  it('fits a tablet, and reads in English', async () => {
    const tablet = await signedIn(analyst, TABLET);
    await tablet.page.goto(`${sys.baseUrl}/dashboard`);
    await expectText(tablet.page, 'kpi-complaints-value', '2');
    await chartsDrawn(tablet.page, ['chart-trends', 'chart-area', 'chart-category']);
    // Nothing wider than the screen: the tables scroll inside their cards.
    expect(await tablet.page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(TABLET.width);
    await sys.shot(tablet.page, 'dashboard-tablet');
    await tablet.context.close();

    const en = await signedIn(analyst, DESKTOP, 'en');
    await en.page.goto(`${sys.baseUrl}/dashboard?interval=day`);
    await expectText(en.page, 'kpi-complaints-value', '2');
    expect(await en.page.getByTestId('kpi-complaints-change-mom').textContent()).toBe('vs prev. —');
    expect(await en.page.getByTestId('kpi-satisfactionRate').textContent()).toContain('Reference 96.8%');
    await chartsDrawn(en.page, ['chart-trends', 'chart-area', 'chart-category']);
    await sys.shot(en.page, 'dashboard-desktop-en');
    await en.context.close();
  });

  it('says so when the period has no data', async () => {
    const { context, page } = await signedIn(analyst);
    await page.goto(`${sys.baseUrl}/dashboard?from=2020-01-01&to=2020-12-31`);
    await page.getByTestId('dashboard-empty').waitFor();
    expect(await kpi(page, 'complaints').textContent()).toBe('0');
    expect(await kpi(page, 'reports').textContent()).toBe('0');
    expect(await kpi(page, 'satisfactionRate').textContent()).toBe('—');
    await page.getByTestId('trends').getByText('所选期间没有数据').waitFor();
    await sys.shot(page, 'dashboard-empty');
    await context.close();
  });

  it('shows a unit (the county bureau that handled them) its own figures, without the area filter', async () => {
    const { context, page } = await signedIn(unitStaff);
    await page.goto(`${sys.baseUrl}/dashboard?area=371502`);
    await page.getByTestId('kpi-complaints-value').waitFor();
    await chartsDrawn(page, ['chart-trends', 'chart-category']);
    expect(await page.getByTestId('dashboard-error').count()).toBe(0);
    expect(await page.getByTestId('filter-area').count()).toBe(0);
    expect(Number(await kpi(page, 'complaints').textContent())).toBeGreaterThanOrEqual(1);
    // Its figures are cut by unit, which has no issue type, channel or prepaid: it says so.
    expect(await page.getByTestId('by-issueType').textContent()).toContain('本账号的统计按单位汇总');
    expect(await kpi(page, 'recovered').textContent()).toBe('¥1,280.50');
    // Its row of the unit table opens the cases it holds received in the period; figures cut by unit have no area.
    const today = shanghaiDay(new Date());
    const own = page.getByTestId('units').getByRole('link').first();
    await own.waitFor();
    expect(await own.getAttribute('href')).toBe(`/staff?view=all&sort=newest&from=${today.slice(0, 4)}-01-01&to=${today}&unit=${unitCode}`);
    await sys.shot(page, 'dashboard-unit');
    await context.close();
  });

  it('a role without access to the statistics sees a message, not a broken page', async () => {
    const { context, page } = await signedIn(analyst);
    // Every staff role may read /stats today; a 403 (a role taken away, a unit outside the caller's scope) is simulated.
    await page.route('**/api/v1/stats/**', (route) =>
      route.fulfill({
        status: 403,
        contentType: 'application/json',
        body: JSON.stringify({ statusCode: 403, error: 'Forbidden', message: '无权访问' }),
      }),
    );
    await page.goto(`${sys.baseUrl}/dashboard`);
    await page.getByTestId('dashboard-forbidden').waitFor();
    expect(await page.getByTestId('dashboard-forbidden').textContent()).toContain('无权查看统计数据');
    await sys.shot(page, 'dashboard-forbidden');
    await context.close();
  });
});

/** Waits until there are exactly `n` of them (a list reloading keeps its last rows meanwhile). */
async function expectCount(locator: ReturnType<Page['locator']>, n: number): Promise<void> {
  const end = Date.now() + 15_000;
  while ((await locator.count()) !== n && Date.now() < end) await new Promise((r) => setTimeout(r, 200));
  expect(await locator.count()).toBe(n);
}

/** Waits until the element's text is exactly `text` (figures arrive after the first paint). */
async function expectText(page: Page, testId: string, text: string): Promise<void> {
  const el = page.getByTestId(testId);
  await el.waitFor();
  const end = Date.now() + 15_000;
  let last: string | null = null;
  while (Date.now() < end) {
    last = await el.textContent();
    if (last === text) return;
    await page.waitForTimeout(200);
  }
  expect(last).toBe(text);
}
