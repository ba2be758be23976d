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
    await sys.shot(page, 'landing-phone');
    await context.close();
  });
});
