import {
  chineseDate,
  cleanParam,
  emailSubject,
  MAX_PARAM_CHARS,
  NOTIFICATION_KINDS,
  notificationText,
  SIGNATURE,
} from './notification.templates';

const NO = '2611210012342';

describe('notification texts', () => {
  it('signs every text, names the case by its tracking number and says whether it is a complaint or a report', () => {
    for (const kind of NOTIFICATION_KINDS) {
      const complaint = notificationText(kind, 'complaint', NO, {
        reason: '原因',
        unitName: '东昌府区柳园消费维权服务站',
        decision: 'opened',
      });
      expect(complaint.startsWith(SIGNATURE)).toBe(true);
      expect(complaint).toContain(`（查询编号 ${NO}）`);
      expect(complaint.endsWith('。')).toBe(true);
      const report = notificationText(kind, 'report', NO, { decision: 'not-opened' });
      expect(report).toContain(`举报（查询编号 ${NO}）`);
    }
    expect(notificationText('accepted', 'complaint', NO)).toContain(`投诉（查询编号 ${NO}）`);
  });

  it('accepted: names the handling unit and the deadline when given', () => {
    expect(notificationText('accepted', 'complaint', NO, { unitName: '东昌府区柳园消费维权服务站', dueDate: '2026-12-03' })).toBe(
      `【聊城市场监管】您的投诉（查询编号 ${NO}）已受理，承办单位：东昌府区柳园消费维权服务站，办理期限至2026年12月3日。可凭查询编号和查询码在线查询办理进度。`,
    );
    expect(notificationText('accepted', 'complaint', NO)).toBe(
      `【聊城市场监管】您的投诉（查询编号 ${NO}）已受理。可凭查询编号和查询码在线查询办理进度。`,
    );
  });

  it('refused, terminated and transferred give the reason; terminated tells the consumer their remedies', () => {
    // Order 121 Art. 15: the ground, its article and item, and the other ways to settle (消保法 Art. 39).
    const refused = notificationText('refused', 'complaint', NO, {
      reason: '未提供规定的材料，或者提供虚假材料',
      basis: '总局令第121号第十六条第（五）项',
    });
    expect(refused).toContain(
      `您的投诉（查询编号 ${NO}）不予受理，原因：未提供规定的材料，或者提供虚假材料（依据：总局令第121号第十六条第（五）项）。`,
    );
    for (const way of ['协商和解', '消费者协会', '调解组织', '行政部门投诉', '仲裁', '人民法院', '《消费者权益保护法》第三十九条']) {
      expect(refused).toContain(way);
    }
    const terminated = notificationText('mediation-terminated', 'complaint', NO, { reason: '经营者拒绝调解' });
    expect(terminated).toContain('已终止调解，原因：经营者拒绝调解。');
    expect(terminated).toContain('仲裁');
    expect(notificationText('transferred', 'complaint', NO, { unitName: '济南市市场监督管理局' })).toBe(
      `【聊城市场监管】您的投诉（查询编号 ${NO}）已移送济南市市场监督管理局处理。`,
    );
    expect(notificationText('transferred', 'complaint', NO)).toContain('已移送有管辖权的部门处理');
  });

  it('resolved states the amount recovered when there is one', () => {
    expect(notificationText('mediation-resolved', 'complaint', NO, { amountYuan: '268.50' })).toBe(
      `【聊城市场监管】您的投诉（查询编号 ${NO}）已调解成功，为您挽回经济损失 268.50 元。`,
    );
    expect(notificationText('mediation-resolved', 'complaint', NO)).toBe(`【聊城市场监管】您的投诉（查询编号 ${NO}）已调解成功。`);
  });

  it('closed invites a rating of a complaint; follow-up announces the visit', () => {
    expect(notificationText('closed', 'complaint', NO)).toContain('评价');
    expect(notificationText('closed', 'report', NO)).not.toContain('评价');
    expect(notificationText('follow-up', 'complaint', NO, { unitName: '柳园服务站', dueDate: '2027-01-08' })).toBe(
      `【聊城市场监管】您的投诉（查询编号 ${NO}）已办结，柳园服务站将于2027年1月8日前对办理情况进行回访，请留意来电。`,
    );
  });

  it('report decision: opened or not, with the reason', () => {
    expect(notificationText('report-decision', 'report', NO, { decision: 'opened' })).toBe(
      `【聊城市场监管】您的举报（查询编号 ${NO}）经核查，已决定立案调查。感谢您的监督。`,
    );
    expect(notificationText('report-decision', 'report', NO, { decision: 'not-opened', reason: '违法事实不成立' })).toBe(
      `【聊城市场监管】您的举报（查询编号 ${NO}）经核查，决定不予立案，原因：违法事实不成立。感谢您的监督。`,
    );
  });

  it('free text is cleaned of control characters and cut, so a text stays an SMS and the writer’s slot cannot be forged', () => {
    expect(cleanParam(' a\u0001TN\u0001b \n c ')).toBe('a TN b c');
    const long = '很'.repeat(200);
    const cut = cleanParam(long);
    expect([...cut]).toHaveLength(MAX_PARAM_CHARS);
    expect(cut.endsWith('…')).toBe(true);
    expect(notificationText('refused', 'complaint', NO, { reason: 'x\u0001TN\u0001y' })).not.toContain('\u0001');
  });

  it('formats dates the Chinese way', () => {
    expect(chineseDate('2026-04-15')).toBe('2026年4月15日');
    expect(chineseDate('soon')).toBe('soon');
  });

  it('a new access code: the stored text says the old code is void and never holds the new one (only the SMS does)', () => {
    expect(notificationText('access-code', 'complaint', NO)).toBe(
      `【聊城市场监管】您的投诉（查询编号 ${NO}）已按您的申请重新发放查询码，原查询码作废；新查询码只以短信发送，请妥善保管。如非本人申请，请拨打12315反映。`,
    );
  });

  it('a new access code for a "both" filing names the other case too (they share the code)', () => {
    expect(notificationText('access-code', 'report', NO, { linkedTrackingNo: '2612030017735' })).toContain(
      `您的举报（查询编号 ${NO}）及投诉（查询编号 2612030017735）已按您的申请重新发放查询码`,
    );
  });

  it('has an email subject for every kind', () => {
    for (const kind of NOTIFICATION_KINDS) expect(emailSubject(kind)).toMatch(/^聊城市消费维权：\S+$/);
  });

  it('joint-case (Order 121 Art. 12): says it was with the consumer’s consent, names the joint number and the consumer’s other complaints', () => {
    expect(
      notificationText('joint-case', 'complaint', NO, { jointNo: 'GT2612040000176', jointCount: 3, otherTrackingNos: '2612030017735' }),
    ).toBe(
      `【聊城市场监管】经您同意，您的投诉（查询编号 ${NO}）及投诉（查询编号 2612030017735）与针对同一经营者的其他投诉按共同投诉处理（共同投诉编号 GT2612040000176，共 3 件）。各件投诉仍可凭原查询编号和查询码查询办理进度。`,
    );
    expect(notificationText('joint-case', 'complaint', NO, { jointNo: 'GT2612040000176', jointCount: 2 })).not.toContain('及投诉');
  });
});
