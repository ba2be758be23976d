import { UNIT_EMAIL_LIST_LIMIT, unitAlertDedupeKey, unitAlertEmail, unitEmailNote } from './unit-alert-email';
import type { UnitAlertLine } from './unit-alert-email';

const line = (over: Partial<UnitAlertLine>): UnitAlertLine => ({
  kind: 'overdue',
  trackingNo: '2612010012345',
  status: 'assigned',
  dueOn: '2026-12-01',
  clock: 'due',
  holder: null,
  ...over,
});

describe('a unit’s email of its clock alerts', () => {
  it('groups its cases as due soon, overdue and escalated, each by due date, in Chinese with English below', () => {
    const { subject, text } = unitAlertEmail('东昌府区市场监督管理局', '2026-12-04', [
      line({
        kind: 'escalated',
        trackingNo: '2611200010001',
        status: 'settling',
        dueOn: '2026-12-02',
        holder: '金鼎购物中心消费维权服务站',
      }),
      line({ kind: 'overdue', trackingNo: '2611250010002', dueOn: '2026-12-03' }),
      line({ kind: 'reminder', trackingNo: '2611280010003', status: 'mediating', dueOn: '2026-12-07' }),
      line({ kind: 'overdue', trackingNo: '2611240010004', status: 'deciding', dueOn: '2026-12-01' }),
    ]);
    expect(subject).toBe(
      '【聊城市消费维权】2026-12-04 办理期限提醒：即将到期 1 件，已超期 2 件，下级单位超期（已升级） 1 件 / Case deadline alerts: due soon 1, overdue 2, escalated 1',
    );
    expect(text).toBe(
      [
        '东昌府区市场监督管理局：',
        '',
        '截至 2026-12-04，以下案件的办理期限需要关注（共 4 件）。请登录消费维权工作台，在待办案件中按查询编号查看并办理。',
        '',
        '【即将到期】1 件',
        '  查询编号 2611280010003；状态：调解中；期限：2026-12-07',
        '',
        '【已超期】2 件',
        '  查询编号 2611240010004；状态：核查中；期限：2026-12-01',
        '  查询编号 2611250010002；状态：已分派，等待受理；期限：2026-12-03',
        '',
        '【下级单位超期（已升级）】1 件',
        '  查询编号 2611200010001；状态：协商和解：等待服务站接手；期限：2026-12-02；承办单位：金鼎购物中心消费维权服务站',
        '',
        '本邮件由聊城市消费维权投诉举报处理系统自动发送，请勿回复。邮件只列查询编号，不含当事人信息。',
        '',
        '——',
        '',
        'To 东昌府区市场监督管理局:',
        '',
        'As of 2026-12-04, the deadlines of these cases need attention (4 in all). Sign in to the staff console and find each one in the case queue by its tracking number.',
        '',
        'Due soon: 1',
        '  2611280010003: in mediation; due 2026-12-07',
        '',
        'Overdue: 2',
        '  2611240010004: under review; due 2026-12-01',
        '  2611250010002: assigned, awaiting acceptance; due 2026-12-03',
        '',
        'Overdue at units you oversee (escalated to you): 1',
        '  2611200010001: settlement: waiting for the station to take it up; due 2026-12-02; held by 金鼎购物中心消费维权服务站',
        '',
        "Sent automatically by Liaocheng's consumer complaint system; please do not reply. Only tracking numbers are listed, nothing about the consumers.",
        '',
      ].join('\n'),
    );
  });

  it.each<[string, UnitAlertLine, string, string]>([
    [
      'the city bureau’s own designation deadline',
      line({ kind: 'reminder', clock: 'designation', dueOn: '2026-12-08' }),
      '  查询编号 2612010012345；状态：已分派，等待受理；指定处理机关期限：2026-12-08',
      '  2612010012345: assigned, awaiting acceptance; designation due 2026-12-08',
    ],
    [
      'an escalated case no unit holds now',
      line({ kind: 'escalated', holder: null }),
      '  查询编号 2612010012345；状态：已分派，等待受理；期限：2026-12-01；承办单位：暂无',
      '  2612010012345: assigned, awaiting acceptance; due 2026-12-01; held by no unit',
    ],
  ])('says so of %s', (_what, alert, zh, en) => {
    const { text } = unitAlertEmail('聊城市市场监督管理局', '2026-12-04', [alert]);
    expect(text).toContain(`\n${zh}\n`);
    expect(text).toContain(`\n${en}\n`);
  });

  it('leaves out empty groups, and counts what it does not list', () => {
    const many = Array.from({ length: UNIT_EMAIL_LIST_LIMIT + 3 }, (_, i) => line({ trackingNo: `26120100${String(i).padStart(5, '0')}` }));
    const { subject, text } = unitAlertEmail('阳谷县市场监督管理局', '2026-12-04', many);
    expect(subject).toBe('【聊城市消费维权】2026-12-04 办理期限提醒：已超期 103 件 / Case deadline alerts: overdue 103');
    expect(text).not.toContain('即将到期');
    expect(text).not.toContain('Due soon');
    expect(text.match(/查询编号 26120100/g)).toHaveLength(UNIT_EMAIL_LIST_LIMIT);
    expect(text).toContain('  ……另有 3 件，请在工作台查看');
    expect(text).toContain('  … and 3 more: see the staff console');
  });
});

describe('the day’s key of a unit’s email', () => {
  it.each([
    ['2026-12-04T00:00:00+08:00', '2026-12-04'],
    ['2026-12-04T23:59:59+08:00', '2026-12-04'],
    // Midnight in China, not in UTC: 16:00 UTC is the next day there.
    ['2026-12-03T15:59:59Z', '2026-12-03'],
    ['2026-12-03T16:00:00Z', '2026-12-04'],
    ['2026-12-31T16:30:00Z', '2027-01-01'],
  ])('%s → %s', (instant, key) => expect(unitAlertDedupeKey(new Date(instant))).toBe(key));

  it('links to the staff console when the site’s address is known, in both languages, and carries no link otherwise', () => {
    const lines = [line({})];
    const linked = unitAlertEmail('东昌府区市场监督管理局', '2026-12-04', lines, 'https://12315.liaocheng.example/staff').text.split('\n');
    expect(linked.filter((l) => l.includes('https://'))).toEqual([
      '工作台：https://12315.liaocheng.example/staff',
      'Staff console: https://12315.liaocheng.example/staff',
    ]);
    // Each right under the paragraph that asks the unit to sign in.
    expect(linked[linked.indexOf('工作台：https://12315.liaocheng.example/staff') - 1]).toMatch(/^截至 2026-12-04/);
    expect(unitAlertEmail('东昌府区市场监督管理局', '2026-12-04', lines).text).not.toMatch(/工作台：|Staff console:|https?:/);
  });

  it('is the same for every sweep of one day', () => {
    const sweeps = ['2026-12-04T00:05:00+08:00', '2026-12-04T00:10:00+08:00', '2026-12-04T18:45:00+08:00'];
    expect(new Set(sweeps.map((s) => unitAlertDedupeKey(new Date(s))))).toEqual(new Set(['2026-12-04']));
  });
});

describe('what a unit’s console line says of its email', () => {
  const outcome = { withEmail: new Set(['A', 'B']), emailed: new Set(['A', 'C']) };
  it.each([
    ['A', outcome, '今日邮件已写入待发送 / the day’s email queued'],
    ['B', outcome, '今日邮件已写过，新提醒并入下一封 / the day’s email was written already: these go in the next'],
    ['D', outcome, '无提醒邮箱 / no alert email'],
    ['A', null, '邮件未配置 / email not configured'],
  ] as const)('%s', (unit, given, note) => expect(unitEmailNote(unit, given)).toBe(note));
});
