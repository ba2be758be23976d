import { NOTIFICATION_KINDS, renderSms, SECRET_MASK, SMS_TEMPLATES, smsVariables } from '@weiquan/notifications';

/**
 * `sms:templates`: the SMS templates to register with the provider (one per notification kind), each
 * with an example as the phone shows it; then the SMS_TEMPLATES line to fill in with the ids the
 * provider gives. Needs no database.
 */
export function printSmsTemplates(out: NodeJS.WritableStream = process.stdout): void {
  const example = {
    unitName: '聊城市东昌府区市场监督管理局',
    dueDate: '2026-12-17',
    reason: '不属于本部门职责范围',
    basis: '总局令第121号第十六条第（一）项',
    amountYuan: '268.50',
    remedy: '退款',
    decision: 'opened' as const,
  };
  out.write('短信模板（通知类，每个变量 1–35 字）/ SMS templates to register (notification type, variables of 1–35 characters)\n\n');
  for (const kind of NOTIFICATION_KINDS) {
    const sample = renderSms(
      kind,
      smsVariables(kind, { track: 'complaint', trackingNo: '2612030017727', params: example, secret: SECRET_MASK }),
    );
    out.write(`${kind}\n  模板 template: ${SMS_TEMPLATES[kind].text}\n  示例 example:  ${sample}\n\n`);
  }
  out.write(`SMS_TEMPLATES=${NOTIFICATION_KINDS.map((kind) => `${kind}=<id>`).join(',')}\n`);
}
