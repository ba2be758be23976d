import { AccountsService } from '@weiquan/identity';
import { BrowserSystem, DESKTOP } from './support/system';

/**
 * Staff are not signed out under what they are typing (issue 18): the page refreshes the token a
 * minute before it expires, and when the session ends anyway (its lifetime, a password reset) a
 * dialog asks for the password over the page, which keeps everything typed.
 */
describe('staff sessions in the browser (chromium)', () => {
  let sys: BrowserSystem;
  jest.setTimeout(180_000);

  beforeAll(async () => {
    // A 65-second token: the page refreshes it after about 5 seconds.
    sys = await BrowserSystem.start({ TOKEN_TTL_SECONDS: '65' });
  });
  afterAll(() => sys?.close());

  it('refreshes the token before it expires, and asks again over the page when the session is revoked', async () => {
    const [{ code }] = await sys.q<{ code: string }>(`select code from station where active order by code limit 1`);
    const me = await sys.staff('station-staff', code);
    const { context, page } = await sys.page(DESKTOP);
    await page.goto(`${sys.baseUrl}/staff/login`);
    await page.getByTestId('login-username').fill(me.username);
    await page.getByTestId('login-password').fill(me.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('queue-table').waitFor();
    // The page's own storage (a function run in the page: the CSP forbids evaluating strings there).
    type Storage = { sessionStorage: { getItem(k: string): string | null } };
    const token = () => page.evaluate(() => (globalThis as unknown as Storage).sessionStorage.getItem('weiquan.token'));
    const first = await token();
    const until = Date.now() + 20_000;
    while ((await token()) === first && Date.now() < until) await page.waitForTimeout(500);
    expect(await token()).not.toBe(first);
    expect(page.url()).toContain('/staff');

    // Something typed, then the session revoked (an administrator resets the password).
    const search = page.locator('input[data-testid="queue-search"], [data-testid="queue-search"] input').first();
    await search.fill('半截话：经营者承诺三日内');
    const accounts = sys.app.get(AccountsService);
    const user = (await accounts.byUsername(me.username))!;
    const { password } = await accounts.resetPassword(user.id);
    await search.press('Enter');
    await page.getByTestId('sign-in-again-password').waitFor();
    expect(await search.inputValue()).toBe('半截话：经营者承诺三日内');
    await page.getByTestId('sign-in-again-password').fill(password);
    await page.getByTestId('sign-in-again-submit').click();
    await page.getByTestId('sign-in-again-password').waitFor({ state: 'hidden' });
    expect(await search.inputValue()).toBe('半截话：经营者承诺三日内');
    expect(page.url()).toContain('/staff');
    await context.close();
  });
});
