import { NOTIFICATION_KINDS } from '../notification.templates';
import type { CaseTrack, NotificationKind, NotificationParams } from '../notification.templates';
import { renderSms, SECRET_MASK, SMS_TEMPLATES, SMS_VARIABLE_MAX, smsVariables } from './sms-templates';

const NO = '2612030017727';
const LONG = '聊城市东昌府区古楼街道办事处某某大型综合商业广场消费者权益保护服务站（试点）';
const FULL: NotificationParams = {
  reason: '不属于本部门职责范围，且投诉人未能提供购买凭证等必要材料，经核实无法认定存在消费纠纷',
  basis: '《市场监督管理投诉举报处理办法》（总局令第121号）第十六条第（一）项',
  amountYuan: '268.50',
  unitName: LONG,
  decision: 'not-opened',
  dueDate: '2026-12-17',
  remedy: '退款',
  business: true,
  linkedTrackingNo: '2612030017735',
};

const placeholders = (text: string) => [...text.matchAll(/\{(\d+)\}/g)].map((m) => Number(m[1]));

describe('SMS templates (what is registered with the provider)', () => {
  it('numbers each template’s variables 1…n, keeps it under the providers’ 500 characters, and has no brackets that look like a signature', () => {
    for (const kind of NOTIFICATION_KINDS) {
      const { text } = SMS_TEMPLATES[kind];
      const numbers = placeholders(text);
      expect(numbers).toEqual(numbers.map((_, i) => i + 1));
      expect(text.length).toBeLessThan(500);
      expect(text).not.toMatch(/[【】[\]]/);
    }
  });

  const cases: [NotificationKind, CaseTrack, string, NotificationParams][] = NOTIFICATION_KINDS.flatMap((kind) =>
    (['complaint', 'report'] as const).flatMap((track): [NotificationKind, CaseTrack, string, NotificationParams][] => [
      [kind, track, 'every parameter, long ones', FULL],
      [kind, track, 'no parameters', {}],
    ]),
  );
  it.each(cases)('%s (%s, %s): one variable per placeholder, none empty, none over 35 characters', (kind, track, _what, params) => {
    const variables = smsVariables(kind, { track, trackingNo: NO, params, secret: '73920148' });
    expect(variables).toHaveLength(placeholders(SMS_TEMPLATES[kind].text).length);
    for (const value of variables) {
      expect(value.length).toBeGreaterThan(0);
      expect([...value].length).toBeLessThanOrEqual(SMS_VARIABLE_MAX);
      expect(value).not.toMatch(/\p{Cc}/u);
    }
    const sms = renderSms(kind, variables);
    expect(sms.startsWith('【聊城市场监管】')).toBe(true);
    expect(sms).not.toMatch(/\{\d+\}|undefined|待核/);
    expect(sms).toContain(NO);
  });

  it('the receipt carries the tracking number(s) and the access code, which only the SMS itself holds', () => {
    const one = smsVariables('received', { track: 'complaint', trackingNo: NO, params: {}, secret: '73920148' });
    expect(renderSms('received', one)).toBe(
      `【聊城市场监管】您的投诉已收到，查询编号${NO}，查询码73920148，请妥善保管。凭查询编号和查询码可在线查询办理进度。`,
    );
    const both = smsVariables('received', {
      track: 'complaint',
      trackingNo: NO,
      params: { linkedTrackingNo: '2612030017735' },
      secret: SECRET_MASK,
    });
    expect(renderSms('received', both, '聊城消费维权')).toBe(
      `【聊城消费维权】您的投诉和举报已收到，查询编号${NO}（投诉）、2612030017735（举报），查询码${SECRET_MASK}，请妥善保管。凭查询编号和查询码可在线查询办理进度。`,
    );
  });

  it('a new access code (recovery) is in the SMS itself only, with the case it opens', () => {
    const variables = smsVariables('access-code', { track: 'report', trackingNo: NO, params: {}, secret: '73920148' });
    expect(renderSms('access-code', variables)).toBe(
      `【聊城市场监管】您的举报（查询编号${NO}）已按申请重新发放查询码：73920148，原查询码作废，请妥善保管。如非本人申请，请拨打12315反映。`,
    );
    expect(smsVariables('access-code', { track: 'report', trackingNo: NO, params: {} })[1]).toBe(SECRET_MASK);
  });

  it('a new access code for a "both" filing names both numbers, each with what it is, and never cuts one short', () => {
    const both = smsVariables('access-code', {
      track: 'report',
      trackingNo: NO,
      params: { linkedTrackingNo: '2612030017735' },
      secret: '73920148',
    });
    expect(renderSms('access-code', both)).toBe(
      `【聊城市场监管】您的${NO}（举报）、2612030017735（投诉）已按申请重新发放查询码：73920148，原查询码作废，请妥善保管。如非本人申请，请拨打12315反映。`,
    );
    // Numbers past a million serials a day are a digit longer: the words go, the numbers stay whole.
    const [long] = smsVariables('access-code', {
      track: 'complaint',
      trackingNo: '26120312345670',
      params: { linkedTrackingNo: '26120312345688' },
      secret: '73920148',
    });
    expect(long).toBe('26120312345670、26120312345688');
  });

  it('a refusal names the ground, its article and item, and the other ways to settle (Order 121 Art. 15, 消保法 Art. 39)', () => {
    const sms = renderSms(
      'refused',
      smsVariables('refused', {
        track: 'complaint',
        trackingNo: NO,
        params: { reason: '不属于本部门职责范围', basis: '总局令第121号第十六条第（一）项' },
      }),
    );
    expect(sms).toBe(
      `【聊城市场监管】您的投诉（查询编号${NO}）不予受理，原因：不属于本部门职责范围（依据：总局令第121号第十六条第（一）项）。` +
        '您还可以通过与经营者协商和解、调解组织调解、向有关行政部门投诉、仲裁、向人民法院起诉等途径解决争议（《消费者权益保护法》第三十九条），详情请凭查询编号和查询码在线查看。',
    );
  });

  it('an amount recovered is in yuan as given; none is said plainly, never as 0', () => {
    const v = (amountYuan?: string) =>
      smsVariables('mediation-resolved', { track: 'complaint', trackingNo: NO, params: { amountYuan } })[1];
    expect(v('268.50')).toBe('268.50元');
    expect(v(undefined)).toBe('不涉及金额');
  });

  it('joint-case: one SMS names all of the consumer’s complaints in the group when they fit, else how many', () => {
    const params = { jointNo: 'GT2612040000176', jointCount: 3, otherTrackingNos: '2612030017735' };
    expect(renderSms('joint-case', smsVariables('joint-case', { track: 'complaint', trackingNo: NO, params }))).toBe(
      `【聊城市场监管】经您同意，您的投诉（查询编号${NO}、2612030017735）与针对同一经营者的其他投诉按共同投诉处理，共同投诉编号GT2612040000176，共3件投诉。各件投诉仍可凭原查询编号和查询码查询办理进度。`,
    );
    const many = smsVariables('joint-case', {
      track: 'complaint',
      trackingNo: NO,
      params: { ...params, otherTrackingNos: '2612030017735、2612030017743' },
    });
    expect(many[0]).toBe(`投诉（查询编号${NO}）等3件`);
  });
});
