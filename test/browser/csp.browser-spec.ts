import type { Page } from 'playwright-core';
import { BrowserSystem, DESKTOP, PHONE } from './support/system';

/**
 * The pages and Swagger UI work under the Content-Security-Policy the API sends
 * (apps/api/src/security-headers.ts): no violation is reported, whether as a console message
 * ("Refused to …") or a securitypolicyviolation event.
 */
describe('Content-Security-Policy (chromium)', () => {
  let sys: BrowserSystem;
  jest.setTimeout(90_000);

  beforeAll(async () => {
    sys = await BrowserSystem.start();
  });
  afterAll(() => sys?.close());

  /** Every violation the page reports from now on, by either route. */
  async function watch(page: Page): Promise<() => Promise<string[]>> {
    const seen: string[] = [];
    page.on('console', (m) => {
      if (/Refused to|Content Security Policy/i.test(m.text())) seen.push(m.text());
    });
    await page.addInitScript(
      "window.__csp = []; document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));",
    );
    return async () => [...seen, ...(await page.evaluate<string[]>('window.__csp'))];
  }

  it('the landing, filing and staff login pages (and a signed-in dashboard) report no violation', async () => {
    const { context, page } = await sys.page(PHONE);
    const violations = await watch(page);
    const res = await page.goto(sys.baseUrl);
    expect(res?.headers()['content-security-policy']).toMatch(/script-src 'self'/);
    await page.getByTestId('station-count').waitFor();
    expect(await violations()).toEqual([]);

    await page.goto(`${sys.baseUrl}/complaint/new`);
    await page.getByRole('combobox', { name: '消费类别', exact: true }).waitFor();
    expect(await violations()).toEqual([]);

    await page.goto(`${sys.baseUrl}/staff/login`);
    await page.getByTestId('login-username').waitFor();
    expect(await violations()).toEqual([]);
    await context.close();

    const analyst = await sys.staff('city-analyst');
    const desk = await sys.page(DESKTOP);
    const deskViolations = await watch(desk.page);
    await desk.page.goto(`${sys.baseUrl}/staff/login?next=/dashboard`);
    await desk.page.getByTestId('login-username').fill(analyst.username);
    await desk.page.getByTestId('login-password').fill(analyst.password);
    await desk.page.getByTestId('login-submit').click();
    await desk.page.waitForURL((u) => !u.pathname.endsWith('/login'));
    await desk.page.getByTestId('dashboard').waitFor();
    await desk.page.waitForLoadState('networkidle');
    expect(await deskViolations()).toEqual([]);
    await desk.context.close();
  });

  it('the queue dashboard renders for an administrator; only its web font (fonts.googleapis.com) is refused', async () => {
    const admin = await sys.staff('admin');
    const { context, page } = await sys.page(DESKTOP);
    const violations = await watch(page);
    // The administrator's login sets the wq_token cookie for /admin/queues.
    const login = await page.request.post(`${sys.baseUrl}/api/v1/auth/login`, { data: admin });
    expect(login.status()).toBe(200);
    await page.goto(`${sys.baseUrl}/admin/queues`);
    await page.getByText('routing', { exact: true }).first().waitFor();
    expect((await violations()).filter((v) => !/fonts\.googleapis\.com/.test(v))).toEqual([]);
    await context.close();
  });

  it('Swagger UI at /docs renders the API under its own policy, with no violation', async () => {
    const { context, page } = await sys.page(DESKTOP);
    const violations = await watch(page);
    await page.goto(`${sys.baseUrl}/docs`);
    await page.locator('.swagger-ui .info .title').waitFor();
    expect(await page.locator('.swagger-ui .opblock').count()).toBeGreaterThan(10);
    await page.waitForLoadState('networkidle');
    expect(await violations()).toEqual([]);
    await context.close();
  });
});
