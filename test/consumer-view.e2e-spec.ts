import { CaseKit } from './support/case-kit';

/**
 * The tracking view (GET /complaints/{trackingNo}): every deadline says what it is and what sets it
 * (the article of law, or the city's policy), and the handling unit comes with the phone and address
 * the directory holds, never one it does not.
 */
describe('the consumer’s view: deadline explanations and the handling unit', () => {
  let kit: CaseKit;
  const BUREAU = 'MR-371502'; // 聊城市东昌府区市场监督管理局, in the seeded directory with its phone
  const view = (c: { trackingNo: string; accessCode: string }) => kit.consumerView(c.trackingNo, c.accessCode);

  beforeAll(async () => {
    kit = await CaseKit.start();
  });

  afterAll(async () => {
    await kit?.close();
  });

  it('a formal complaint: the acceptance deadline cites Order 121 Art. 15; the bureau’s phone and address once it is assigned', async () => {
    const filed = await kit.file();
    const before = await view(filed);
    expect(before.handlingUnit).toBeNull();
    const acceptance = {
      basis: 'law',
      zh: '法定期限：市场监管部门应自收到您的投诉之日起 7 个工作日内决定是否受理并告知您（《市场监督管理投诉举报处理办法》第十五条）。',
      en: 'Legal deadline: the department must decide within 7 working days of receiving your complaint whether to accept it, and tell you (SAMR Order 121 Art. 15).',
    };
    expect(before.dueDateExplanation).toEqual(acceptance);
    expect(before.deadlines).toEqual([expect.objectContaining({ kind: 'acceptance', explanation: acceptance })]);

    const c = await kit.route(filed.trackingNo, filed.accessCode);
    expect(c).toMatchObject({ assigneeType: 'regulator', assigneeCode: BUREAU });
    const after = await view(filed);
    expect(after.handlingUnit).toEqual({
      type: 'regulator',
      code: BUREAU,
      name: '聊城市东昌府区市场监督管理局',
      phone: '0635-8267315',
      address: '山东省聊城市东昌府区柳园街道柳园南路57号',
      note: null,
    });
    expect(after.dueDateExplanation).toEqual(acceptance);
  });

  it('a report: the decision deadline cites Order 121 Art. 35 and the penalty procedure’s Art. 18', async () => {
    const r = await kit.assigned({ kind: 'report' });
    const seen = await view(r);
    expect(seen.dueDateExplanation).toMatchObject({
      basis: 'law',
      zh: expect.stringContaining('（《市场监督管理投诉举报处理办法》第三十五条，《市场监督管理行政处罚程序规定》第十八条）'),
      en: expect.stringContaining('(SAMR Order 121 Art. 35; Administrative Penalty Procedure Provisions Art. 18)'),
    });
    expect(seen.deadlines[0].explanation).toEqual(seen.dueDateExplanation);
  });

  it('the settlement stage: its deadlines are the city’s policy, never cited as law; the station’s contact is the directory’s', async () => {
    const c = await kit.assigned({ path: 'settlement' });
    expect(c.assigneeType).toBe('station');
    const [station] = await kit.q<{ name: string; phone: string; address: string }>(
      `select name, phone, address from station where code = $1`,
      [c.assigneeCode],
    );
    const seen = await view(c);
    expect(seen.handlingUnit).toEqual({ type: 'station', code: c.assigneeCode, ...station, note: null });
    // No statutory clock runs before the formal complaint: what runs is the station's take-up day.
    expect(seen.deadlines).toEqual([]);
    expect(seen.dueDate).toBe(seen.settlement.takeUpDueDate);
    expect(seen.dueDateExplanation).toEqual(seen.settlement.takeUpDueDateExplanation);
    expect(seen.settlement).toMatchObject({
      takeUpDueDateExplanation: {
        basis: 'policy',
        zh: '本市政策（非法定期限）：服务站应在收到您的投诉后 2 个工作日内接手并与您联系，逾期未接手的自动转为向市场监管部门正式投诉。',
        en: expect.stringMatching(/^City policy, not a legal deadline: /),
      },
      dueDateExplanation: { basis: 'policy', zh: expect.stringContaining('10 个工作日内协助您与经营者协商') },
      notDeliveredUntil: null,
      notDeliveredUntilExplanation: null,
    });
    for (const e of [seen.settlement.takeUpDueDateExplanation, seen.settlement.dueDateExplanation])
      expect(`${e.zh}${e.en}`).not.toMatch(/《|Order|Art\./);
  });

  it('a unit the directory has no phone for: phone null, and the note says so', async () => {
    const c = await kit.assigned({ path: 'settlement' });
    await kit.q(`update station set phone = null where code = $1`, [c.assigneeCode]);
    const seen = await view(c);
    expect(seen.handlingUnit).toMatchObject({
      phone: null,
      address: expect.any(String),
      note: {
        zh: '单位名录中没有该单位的电话；需要帮助可拨打 12315。',
        en: 'The unit directory has no phone number for this unit; for help, call 12315.',
      },
    });
    // The settlement block reads the same directory.
    expect(seen.settlement.handler.phone).toBeNull();
  });
});
