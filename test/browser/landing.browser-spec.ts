import { axeProblems } from './support/axe';
import { BrowserSystem, PHONE } from './support/system';

/** The pages are served by the API from its build, and work in a real browser at phone size. */
describe('landing page (chromium)', () => {
  let sys: BrowserSystem;
  jest.setTimeout(90_000);

  beforeAll(async () => {
    sys = await BrowserSystem.start();
  });
  afterAll(() => sys?.close());

  it('shows the station directory in Chinese at phone size', async () => {
    const { context, page } = await sys.page(PHONE);
    await page.goto(sys.baseUrl);
    await page.getByTestId('station-count').waitFor();
    expect(await page.getByTestId('station-count').textContent()).toContain('191');
    // No warning in force: no 消费提示 section at all.
    expect(await page.getByTestId('consumer-warnings').count()).toBe(0);
    // The hero's second button reads white on the red, like the first reads red on white, not as a blue link.
    const track = await page.evaluate(
      `(() => { const s = getComputedStyle(document.querySelector('[data-testid="go-track"]')); return [s.color, s.textDecorationLine]; })()`,
    );
    expect(track).toEqual(['rgb(255, 255, 255)', 'none']);
    await sys.shot(page, 'landing-phone');
    await context.close();
  });

  it('shows a consumer warning the bureau published: title, until when, the unit; its text opens on a tap; axe finds nothing serious', async () => {
    const officer = await sys.staff('regulator-staff', 'MR-371502');
    const login = await fetch(`${sys.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(officer),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const endsOn = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + 30 * 86_400_000));
    const published = await fetch(`${sys.baseUrl}/api/v1/consumer-warnings`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({
        title: '谨慎办理健身房预付卡',
        body: '近期我区多家健身场所关停，消费者预付费用难以退回。办理预付卡前请查看经营者资质，不一次性大额充值。',
        areaCode: '371502',
        startsOn: today,
        endsOn,
      }),
    });
    expect(published.status).toBe(201);

    const { context, page } = await sys.page(PHONE);
    await page.goto(sys.baseUrl);
    const warning = page.getByTestId('consumer-warning');
    await warning.waitFor();
    await page.getByTestId('station-count').waitFor();
    const section = page.getByTestId('consumer-warnings');
    expect(await section.getByRole('heading', { level: 2 }).textContent()).toBe('消费提示');
    const summary = await warning.locator('summary').textContent();
    expect(summary).toContain('谨慎办理健身房预付卡');
    expect(summary).toContain(`有效期至 ${endsOn}`);
    expect(summary).toContain('聊城市东昌府区市场监督管理局');
    expect(await warning.getByText('近期我区多家健身场所关停', { exact: false }).isVisible()).toBe(false);
    await warning.locator('summary').click();
    expect(await warning.getByText('近期我区多家健身场所关停', { exact: false }).isVisible()).toBe(true);
    expect(await axeProblems(page)).toEqual([]);
    await sys.shot(page, 'landing-phone-warning');
    await context.close();
  });
});
