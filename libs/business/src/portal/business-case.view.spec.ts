import type { NoticeRow } from './business-case.repository';
import { businessActions, businessStatus, noticeText } from './business-case.view';

const ME = '91371502MA3C8X2Q13';
const event = (type: string, over: Partial<NoticeRow> = {}): NoticeRow => ({
  at: new Date('2026-11-02T02:00:00Z'),
  type,
  unitCode: null,
  unitName: null,
  note: null,
  data: {},
  ...over,
});

describe('what a business reads of a complaint against it', () => {
  it.each([
    ['settlement', 'settling', '待答复'],
    ['settlement', 'offered', '已答复，待消费者确认'],
    ['settlement', 'settled', '已和解'],
    ['formal', 'assigned', '已转为向市场监管部门投诉'],
    ['formal', 'paused', '监管部门调解中'],
    ['formal', 'refused', '已结束'],
  ] as const)('%s / %s reads "%s" (no statutory internals)', (stage, status, text) => {
    expect(businessStatus(stage, status).zh).toBe(text);
  });

  it.each([
    ['its own assignment', event('assigned', { data: { assignee: { type: 'business', code: ME } } }), '消费者的投诉已转交贵单位协商处理'],
    [
      'another unit’s assignment (a station, the regulator)',
      event('assigned', { data: { assignee: { type: 'regulator', code: 'MR-371502' } } }),
      null,
    ],
    [
      'the consumer’s rejection, without the consumer’s reason',
      event('escalated', { note: '我不接受', data: { cause: 'offer-rejected' } }),
      '消费者未接受和解方案，已转为向市场监管部门正式投诉',
    ],
    [
      'the department’s mediation notice',
      event('start-mediation', { unitCode: 'MR-371502', unitName: '东昌府区市场监督管理局' }),
      '东昌府区市场监督管理局组织双方调解',
    ],
    [
      'a termination with its ground (both parties are told)',
      event('terminate', { note: '内部备注', data: { reason: { text: { zh: '一方当事人无正当理由不参加调解', en: 'x' } } } }),
      '调解终止：一方当事人无正当理由不参加调解',
    ],
    ['its own statement', event('statement', { unitCode: ME, note: '已退款' }), '贵单位提交说明：已退款'],
    ['a consumer’s file (not announced to the business)', event('attachment', { data: { name: 'a.png' } }), null],
    ['an event it has no business reading', event('report-violation'), null],
  ] as const)('%s', (_name, e, text) => {
    expect(noticeText(e, ME, 'zh')).toBe(text);
  });

  it('a termination’s staff note never reaches the business', () => {
    const e = event('terminate', { note: '经营者态度恶劣，拟立案', data: { reason: { text: { zh: '无法达成一致', en: 'x' } } } });
    expect(noticeText(e, ME, 'zh')).not.toContain('立案');
  });

  it('answers while it holds the case; only a statement once a department has it; nothing otherwise', () => {
    const all = () => ['take-up', 'settlement-failed', 'hand-back', 'statement'] as const;
    expect(businessActions({ assigneeCode: ME, stage: 'settlement' }, ME, () => [...all()])).toEqual([...all()]);
    expect(businessActions({ assigneeCode: 'MR-371502', stage: 'formal' }, ME, () => [...all()])).toEqual(['statement']);
    expect(businessActions({ assigneeCode: 'ST-371502-001', stage: 'settlement' }, ME, () => [...all()])).toEqual([]);
  });
});
