import dayjs from 'dayjs';
import type { Page } from 'playwright-core';
import { axeProblems } from './support/axe';
import { BrowserSystem, DESKTOP, PHONE } from './support/system';

/**
 * The consumer portal in a real browser: filing a complaint on a phone (straight to the market
 * regulator, past the recommended settlement: settlement itself is settlement.browser-spec.ts),
 * keeping the number and code from the result page, finding the case again with them; the API's
 * field errors beside the fields; the form's own checks, and its draft kept on the phone through a
 * reload; a wrong code; the English switch. Every page is screenshotted at phone size, the form and
 * the status at desktop size too.
 */

/** The market-regulation bureau of 东昌府区: a formal complaint about a restaurant there goes to it (catering has no sector regulator). */
const AREA_BUREAU = '聊城市东昌府区市场监督管理局';

// A 1×1 PNG and a minimal PDF: the API checks attachments by their content, not their names.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/**
 * A control found by its label as shown: the words, then the required mark (" *") when the answer
 * is required. (The mark is hidden from screen readers, so the control's name is the words alone, but
 * getByLabel matches the label's whole text.)
 */
const labelled = (page: Page, label: string) => page.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`));

/** Picks an option, by its words, of the phone's own list picker (a <select>) found by its label. */
async function choose(page: Page, label: string, option: string): Promise<void> {
  await labelled(page, label).selectOption({ label: option });
}

/** The option a list picker found by its label shows. */
const shown = (page: Page, label: string) => labelled(page, label).locator('option:checked').innerText();

/** Where the filing page keeps its draft on the device (consumer/storage.ts). */
const DRAFT = 'weiquan.file-draft.v1';
const draftSaved = (page: Page) => page.evaluate<string | null>(`localStorage.getItem('${DRAFT}')`);

/** The error message a field's control is described by (its aria-describedby), as a screen reader reads it. */
async function errorOf(page: Page, label: string): Promise<string> {
  const ids = (await labelled(page, label).getAttribute('aria-describedby')) ?? '';
  const id = ids.split(' ').find((i) => i.endsWith('-error'));
  return id ? page.locator(`[id="${id}"]`).innerText() : '';
}

/** The page fits the viewport: nothing wider than the screen (no sideways scrolling on a phone). */
async function expectNoOverflow(page: Page): Promise<void> {
  // A string: the test's own type library has no DOM.
  const { scroll, inner } = await page.evaluate<{ scroll: number; inner: number }>(
    '({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth })',
  );
  expect(scroll).toBeLessThanOrEqual(inner);
}

/** Every required field, with what a consumer in Liaocheng would write. */
async function fillComplaint(page: Page, phone: string): Promise<void> {
  await page.getByTestId('kind-complaint').click();
  await choose(page, '消费类别', '餐饮服务');
  await choose(page, '问题类型', '商品或服务质量');
  await page.getByLabel('经营者名称').fill('聊城市东昌府区味香园餐饮店');
  await choose(page, '所在区县', '东昌府区');
  await choose(page, '所在场所（选填）', '金鼎购物中心');
  await page.getByLabel('经营地址').fill('山东省聊城市东昌府区东昌路229号金鼎购物中心四楼');
  const date = page.getByLabel('消费或事发日期');
  await date.click();
  await date.fill(dayjs().subtract(3, 'day').format('YYYY-MM-DD'));
  await date.press('Enter');
  await page.getByLabel('涉及金额（选填）').fill('268.5');
  await page
    .getByLabel('事情经过')
    .fill(
      '本人于三天前在该店用餐，点了一份价格268.5元的双人套餐。上菜后发现其中的清蒸鱼有明显异味，当场向店员反映，店员称鱼是当天进货的，拒绝更换或退款。当晚本人出现腹泻症状，保留了小票和菜品照片。',
    );
  await page.getByLabel('您的诉求').fill('要求商家退还餐费268.5元，并对食材问题作出说明。');
  await labelled(page, '姓名').fill('张明华');
  await page.getByLabel('手机号码').fill(phone);
  await page.getByLabel('通讯地址').fill('山东省聊城市东昌府区柳园街道柳园小区3号楼2单元501室');
}

describe('consumer portal (chromium)', () => {
  let sys: BrowserSystem;
  let filed: { trackingNo: string; accessCode: string } | null = null;
  jest.setTimeout(120_000);

  beforeAll(async () => {
    sys = await BrowserSystem.start();
  });
  afterAll(() => sys?.close());

  const caseCount = async () => Number((await sys.q<{ n: string }>('select count(*) as n from cases'))[0].n);

  it('files a formal complaint on a phone, shows the number and code, and finds it again with them', async () => {
    const { context, page } = await sys.page(PHONE);
    await page.goto(sys.baseUrl);
    await page.getByTestId('station-count').waitFor();
    expect(await page.getByTestId('station-count').textContent()).toContain('191');
    await expectNoOverflow(page);
    await sys.shot(page, 'consumer-landing-phone');

    await page.getByTestId('go-file').click();
    await page.waitForURL('**/complaint/new', { waitUntil: 'commit' });
    await labelled(page, '消费类别').waitFor();
    await expectNoOverflow(page);
    await sys.shot(page, 'file-phone-empty');

    await fillComplaint(page, '13863512345');
    // The mall's station is recommended; this consumer complains to the regulator directly instead.
    await page.getByTestId('path-recommended').waitFor();
    expect(await page.getByTestId('path-recommended').innerText()).toContain('推荐：由 金鼎购物中心消费维权服务站 协助协商');
    const formal = page.getByRole('radio', { name: /^直接向市场监管部门投诉/ });
    await formal.click();
    expect(await formal.isChecked()).toBe(true);
    await page.getByTestId('attachment-input').setInputFiles([
      { name: '小票.png', mimeType: 'image/png', buffer: PNG },
      { name: '用餐凭证.pdf', mimeType: 'application/pdf', buffer: PDF },
    ]);
    expect(await page.getByTestId('attachment-tile').count()).toBe(2);
    expect(await page.getByTestId('form-problem').count()).toBe(0); // nothing was sent early (Enter in the date field)
    expect(await page.getByTestId('attachment-tile').getByRole('img').count()).toBe(1); // the image has a thumbnail, the PDF an icon
    // The venue was chosen after the area: both are kept (the venue is in that area).
    expect(await shown(page, '所在区县')).toBe('东昌府区');
    expect(await shown(page, '所在场所（选填）')).toBe('金鼎购物中心');
    await expectNoOverflow(page);
    await sys.shot(page, 'file-phone-filled');

    const before = await caseCount();
    const sent = page.waitForRequest((r) => r.url().endsWith('/api/v1/complaints') && r.method() === 'POST');
    // A double click files once (the form's Idempotency-Key; the button is busy while sending).
    await page.getByTestId('submit').dblclick();
    // The amount typed as "268.5" goes as the number 268.5; the date as typed.
    expect((await sent).postDataJSON()).toMatchObject({
      path: 'formal',
      amount: 268.5,
      incidentDate: dayjs().subtract(3, 'day').format('YYYY-MM-DD'),
    });
    await page.waitForURL('**/complaint/done', { waitUntil: 'commit' });
    await page.getByTestId('tracking-no').waitFor();
    expect(await draftSaved(page)).toBeNull(); // filed: no draft is left on the phone
    const trackingNo = (await page.getByTestId('tracking-no').innerText()).replace(/\D/g, '');
    const accessCode = (await page.getByTestId('access-code').innerText()).replace(/\D/g, '');
    expect(trackingNo).toMatch(/^\d{13}$/);
    expect(accessCode).toMatch(/^\d{8}$/);
    expect(await page.getByText('查询码只显示这一次').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('acceptance-due').innerText()).toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(await page.getByTestId('path-note').getAttribute('data-stage')).toBe('formal');
    await expectNoOverflow(page);
    await sys.shot(page, 'result-phone');

    expect(await caseCount()).toBe(before + 1);
    const [row] = await sys.q<{ consumer_name: string; respondent_venue_code: string; stage: string; attachments: string }>(
      `select consumer_name, respondent_venue_code, stage, (select count(*) from attachment a where a.case_id = c.id) as attachments
         from cases c where tracking_no = $1`,
      [trackingNo],
    );
    expect(row).toMatchObject({ consumer_name: '张明华', respondent_venue_code: 'V-371502-001', stage: 'formal' });
    expect(Number(row.attachments)).toBe(2);
    filed = { trackingNo, accessCode };

    // The button on the result page opens the status straight away (the code is kept in the tab).
    await page.getByTestId('go-track').click();
    await page.getByTestId('case-status').waitFor();
    await context.close();

    // Routing runs in the worker, usually within a second; the page shows whatever the case has.
    const assignee = async () =>
      (
        await sys.q<{ name: string | null }>(
          `select coalesce(s.name, r.name) as name from cases c
           left join station s on c.assignee_type = 'station' and s.code = c.assignee_code
           left join regulator r on c.assignee_type = 'regulator' and r.code = c.assignee_code
          where c.tracking_no = $1`,
          [trackingNo],
        )
      )[0]?.name;
    // (Not a hard wait: a routing job that runs while the attachments are being stored skips the
    // locked case and completes; the case then waits for the reconcile sweep, a minute or more.)
    await sys.until('the case to be assigned', assignee, 5_000).catch(() => null);
    const unit = await assignee();

    // Another phone, nothing remembered: the consumer types the number and code from the result page.
    const other = await sys.page(PHONE);
    await other.page.goto(`${sys.baseUrl}/track`);
    await other.page.getByLabel('查询编号').fill(trackingNo.replace(/^(\d{6})(\d{6})(\d)$/, '$1 $2 $3')); // as it was shown
    await other.page.getByLabel('查询码').fill(accessCode);
    await other.page.getByTestId('track-submit').click();
    await other.page.getByTestId('case-status').waitFor();
    if (unit) {
      expect(unit).toBe(AREA_BUREAU); // formal: the department, not the mall's station
      expect(await other.page.getByTestId('case-status').innerText()).toContain('已分派');
      expect(await other.page.getByTestId('assignee').innerText()).toBe(unit);
    } else {
      expect(await other.page.getByTestId('case-status').innerText()).toMatch(/已接收|已分派/);
    }
    const timeline = await other.page.getByTestId('timeline').innerText();
    expect(timeline).toContain('已收到您的提交');
    if (unit) expect(timeline).toContain(`已分派给 ${unit}`);
    expect(timeline).toContain('小票.png');
    expect(await other.page.getByTestId('deadlines').innerText()).toMatch(/受理期限[\s\S]*\d{4}-\d{2}-\d{2}/);
    // Every deadline says what it is and what sets it: a law (its article) or the city's policy.
    const deadlines = await other.page.getByTestId('deadlines').getByRole('listitem').all();
    expect(deadlines.length).toBeGreaterThan(0);
    for (const d of deadlines) expect(await d.innerText()).toMatch(/法定期限：.*第.+条|本市政策（非法定期限）：/);
    if (unit) {
      // How to reach the bureau, from the directory: its phone to call and its address.
      expect(await other.page.getByTestId('unit-phone').getAttribute('href')).toBe('tel:06358267315');
      expect(await other.page.getByTestId('unit-address').innerText()).toContain('柳园南路57号');
    }
    expect(await other.page.getByTestId('case-attachments').innerText()).toContain('用餐凭证.pdf');
    await expectNoOverflow(other.page);
    await sys.shot(other.page, 'track-phone-status');

    // A refresh does not ask for the code again.
    await other.page.reload();
    await other.page.getByTestId('case-status').waitFor();
    await other.context.close();

    // The same status at desktop size.
    const desk = await sys.page(DESKTOP);
    await desk.page.goto(`${sys.baseUrl}/track?no=${trackingNo}`);
    await desk.page.getByLabel('查询码').fill(accessCode);
    await desk.page.getByTestId('track-submit').click();
    await desk.page.getByTestId('case-status').waitFor();
    await sys.shot(desk.page, 'track-desktop-status');
    await desk.context.close();
  });

  it("shows the API's error beside the phone field for a bad number, and files nothing", async () => {
    const { context, page } = await sys.page(PHONE);
    await page.goto(`${sys.baseUrl}/complaint/new`);
    await labelled(page, '消费类别').waitFor();
    await fillComplaint(page, '12345');
    const before = await caseCount();
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/complaints') && r.request().method() === 'POST');
    await page.getByTestId('submit').click();
    expect((await answered).status()).toBe(400);
    const phone = page.getByLabel('手机号码');
    await page.locator('#consumer_phone[aria-invalid="true"]').waitFor();
    // The error is under the field and read with it (aria-describedby).
    expect(await errorOf(page, '手机号码')).toContain('不是有效的中国大陆手机号码');
    expect(await phone.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('[aria-invalid="true"]').count()).toBe(1); // only the phone is wrong
    // The page went to the field, ready to correct it.
    await page.waitForFunction("document.activeElement && document.activeElement.id === 'consumer_phone'");
    expect(await caseCount()).toBe(before);
    await expectNoOverflow(page);
    await sys.shot(page, 'file-phone-error');
    await context.close();
  });

  it('checks the answers before sending, keeps a draft on the phone through a reload, and clears it on request', async () => {
    const { context, page } = await sys.page(PHONE);
    await page.goto(`${sys.baseUrl}/complaint/new`);
    await labelled(page, '消费类别').waitFor();
    expect(await page.getByTestId('draft-restored').count()).toBe(0); // a first visit has nothing to restore
    const filings: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/v1/complaints')) filings.push(r.url());
    });

    // Sent empty: said under the form, each missing answer beside its field, the first one focused.
    await page.getByTestId('submit').click();
    expect(await page.getByTestId('form-problem').innerText()).toContain('还有必填内容没有填写');
    await page.waitForFunction("document.activeElement && document.activeElement.id === 'categoryCode'");
    expect(await errorOf(page, '消费类别')).toBe('请选择消费类别');
    expect(await errorOf(page, '通讯地址')).toBe('投诉须提供通讯地址');
    // A date after today and an amount in tenths of a fen are refused beside their fields.
    await page.getByLabel('消费或事发日期').fill(dayjs().add(1, 'day').format('YYYY-MM-DD'));
    await page.getByLabel('涉及金额（选填）').fill('12.345');
    await page.getByTestId('submit').click();
    await page.locator('#amount[aria-invalid="true"]').waitFor();
    expect(await errorOf(page, '消费或事发日期')).toBe('日期不能晚于今天');
    expect(await errorOf(page, '涉及金额（选填）')).toBe('金额最多两位小数');
    expect(filings).toEqual([]); // nothing was sent
    expect(await axeProblems(page)).toEqual([]); // with the errors shown too
    await sys.shot(page, 'file-phone-required');

    // A phone call: the page goes away half filled in, and comes back.
    await fillComplaint(page, '13863512345');
    await page.getByLabel('身份证号（选填）').fill('37150219900307123x');
    expect(await page.getByLabel('身份证号（选填）').inputValue()).toBe('37150219900307123X'); // upper-cased as typed
    // Saved once typing pauses (polled from here: the page's policy forbids the evaluated polling of waitForFunction).
    await sys.until('the draft to be saved', async () => (await draftSaved(page))?.includes('37150219900307123X'), 5_000);
    await page.reload();
    const note = page.getByTestId('draft-restored');
    await note.waitFor();
    expect(await note.innerText()).toContain('已恢复您上次未提交的内容');
    expect(await note.innerText()).toContain('只保存在这台设备'); // personal details: on this phone only
    await labelled(page, '消费类别').locator('option:checked', { hasText: '餐饮服务' }).waitFor({ state: 'attached' });
    expect(await shown(page, '所在场所（选填）')).toBe('金鼎购物中心');
    expect(await page.getByLabel('经营者名称').inputValue()).toBe('聊城市东昌府区味香园餐饮店');
    expect(await page.getByLabel('涉及金额（选填）').inputValue()).toBe('268.5');
    expect(await page.getByLabel('事情经过').inputValue()).toContain('清蒸鱼有明显异味');
    expect(await page.getByLabel('手机号码').inputValue()).toBe('13863512345');
    expect(await page.getByLabel('身份证号（选填）').inputValue()).toBe('37150219900307123X');
    expect(await axeProblems(page)).toEqual([]);
    await expectNoOverflow(page);
    await sys.shot(page, 'file-phone-draft-restored');

    // 清空重填, confirmed: an empty form, and nothing left on the phone.
    await page.getByTestId('draft-clear').click();
    await page.getByRole('dialog').getByRole('button', { name: '清空重填' }).click();
    await note.waitFor({ state: 'detached' });
    await page.waitForFunction("document.activeElement && document.activeElement.tagName === 'H1'"); // reading starts at the top
    expect(await page.getByLabel('手机号码').inputValue()).toBe('');
    expect(await page.getByLabel('经营者名称').inputValue()).toBe('');
    expect(await draftSaved(page)).toBeNull();
    await page.reload();
    await labelled(page, '消费类别').waitFor();
    expect(await note.count()).toBe(0);

    // The "添加文件" tile shows where the keyboard is.
    await page.getByRole('checkbox', { name: '同意在“消费投诉信息公示”中公开本件投诉' }).focus();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate<{ text: string; ring: string }>(
      '({ text: document.activeElement.textContent, ring: getComputedStyle(document.activeElement).boxShadow })',
    );
    expect(focused.text).toContain('添加文件');
    expect(focused.ring).not.toBe('none');
    await context.close();
  });

  it('says "not found" for a wrong access code', async () => {
    const { context, page } = await sys.page(PHONE);
    const trackingNo =
      filed?.trackingNo ??
      (await sys.q<{ tracking_no: string }>('select tracking_no from cases limit 1'))[0]?.tracking_no ??
      '2601010000011';
    const wrong = filed?.accessCode === '11111111' ? '22222222' : '11111111';
    await page.goto(`${sys.baseUrl}/track?no=${trackingNo}`);
    expect(await page.getByLabel('查询编号').inputValue()).toBe(trackingNo); // pre-filled from the link
    await page.getByLabel('查询码').fill(wrong);
    await page.getByTestId('track-submit').click();
    await page.getByTestId('track-not-found').waitFor();
    expect(await page.getByTestId('track-not-found').innerText()).toContain('没有找到');
    expect(await page.getByTestId('case-status').count()).toBe(0);
    // A lost code can be asked for again under the form: for the number already typed, with the phone given when filing.
    await page.getByText('查询码丢了？', { exact: true }).click();
    await page.getByLabel('手机号').waitFor();
    expect(await page.getByTestId('track-recover').innerText()).toContain(trackingNo);
    await expectNoOverflow(page);
    await sys.shot(page, 'track-phone-not-found');
    await context.close();
  });

  it('switches the form to English', async () => {
    const { context, page } = await sys.page(PHONE);
    await page.goto(`${sys.baseUrl}/complaint/new`);
    await labelled(page, '消费类别').waitFor();
    await page.getByText('EN', { exact: true }).click();
    await labelled(page, 'Category').waitFor();
    for (const label of ['Business name', 'County or district', 'What happened', 'What you want', 'Mobile phone', 'Postal address']) {
      expect(await page.getByLabel(label).count()).toBeGreaterThan(0);
    }
    expect(await page.getByTestId('submit').innerText()).toContain('Submit the complaint');
    expect(await page.getByText('消费类别').count()).toBe(0);
    await expectNoOverflow(page);
    await sys.shot(page, 'file-phone-en');
    await context.close();

    // The home page and the form at desktop size, the form in both languages.
    const desk = await sys.page(DESKTOP);
    await desk.page.goto(sys.baseUrl);
    await desk.page.getByTestId('station-count').waitFor();
    await sys.shot(desk.page, 'consumer-landing-desktop');
    await desk.page.goto(`${sys.baseUrl}/complaint/new`);
    await labelled(desk.page, '消费类别').waitFor();
    await sys.shot(desk.page, 'file-desktop');
    await desk.page.getByText('EN', { exact: true }).click();
    await labelled(desk.page, 'Category').waitFor();
    await sys.shot(desk.page, 'file-desktop-en');
    await desk.context.close();
  });

  it('files "both" in English at desktop size: two linked numbers, one code; adds a note and withdraws', async () => {
    const { context, page } = await sys.page(DESKTOP, { lang: 'en' });
    await page.goto(`${sys.baseUrl}/complaint/new`);
    await labelled(page, 'Category').waitFor();
    await page.getByTestId('kind-both').click();
    await choose(page, 'Category', '餐饮服务');
    await page.getByLabel('Business name').fill('聊城市茌平区好运来超市');
    await choose(page, 'County or district', '茌平区');
    await page.getByLabel('Business address').fill('山东省聊城市茌平区振兴路16号');
    await page.getByText('Online shop', { exact: true }).click(); // the channel decides "online"
    await page.getByLabel('Platform name').fill('美团');
    const date = page.getByLabel('Date of purchase or incident');
    await date.click();
    await date.fill(dayjs().subtract(10, 'day').format('YYYY-MM-DD'));
    await date.press('Enter');
    await page.getByLabel('What happened').fill('在美团上购买的熟食已过保质期，商家仍在销售，要求退款并希望监管部门查处。');
    await page.getByLabel('What you want').fill('退款45元，并依法查处销售过期食品的行为。');
    await labelled(page, 'Name').fill('李秀英');
    await page.getByLabel('Mobile phone').fill('+86 139 6350 1122');
    await page.getByLabel('Postal address').fill('山东省聊城市茌平区信发街道幸福小区5号楼');
    await page.getByTestId('submit').click();
    await page.getByTestId('linked-note').waitFor();
    const trackingNo = (await page.getByTestId('tracking-no').innerText()).replace(/\D/g, '');
    const linked = await sys.q<{ tracking_no: string; track: string; respondent_online: boolean }>(
      `select c.tracking_no, c.track, c.respondent_online from cases c join cases f on f.linked_case_id = c.id or c.linked_case_id = f.id
        where f.tracking_no = $1`,
      [trackingNo],
    );
    expect(linked).toHaveLength(1);
    expect(linked[0]).toMatchObject({ track: 'report', respondent_online: true });
    expect((await page.getByTestId('linked-note').innerText()).replace(/\s/g, '')).toContain(linked[0].tracking_no);
    await sys.shot(page, 'result-desktop-en-both');

    // Routing and a withdrawal racing on the same case answer 409 (the page then reloads the case):
    // let the worker route it first, so the steps below are the consumer's alone.
    await sys
      .until(
        'both cases to be routed',
        async () =>
          (await sys.q(`select 1 from cases where tracking_no in ($1, $2) and status <> 'received'`, [trackingNo, linked[0].tracking_no]))
            .length === 2,
      )
      .catch(() => null);
    await page.getByTestId('go-track').click();
    await page.getByTestId('case-status').waitFor();
    await page.getByLabel('Additional information').fill('The shop still sells the expired food today; photo taken at 10:30.');
    await page.getByTestId('supplement-submit').click();
    await page.getByText('You added information').waitFor();
    await page.getByTestId('withdraw').click();
    await page.getByLabel('Reason').fill('已与商家协商退款');
    // Asked once more (it cannot be undone), in the dialog.
    await page.getByRole('dialog').getByRole('button', { name: 'Withdraw', exact: true }).click();
    await page.locator('[data-testid="case-status"][data-status="withdrawn"]').waitFor();
    expect(await page.getByTestId('withdraw').count()).toBe(0); // nothing left to withdraw
    expect(await page.getByTestId('timeline').innerText()).toContain('You withdrew it');
    await sys.shot(page, 'track-desktop-en-withdrawn');
    await context.close();
  });
});
