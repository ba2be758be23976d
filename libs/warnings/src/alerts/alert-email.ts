import type { Lang } from '@weiquan/core';
import type { AlertEvidence } from './alerts.repository';
import type { MeasureFinding } from './early-warning.rules';

/** What an email about a new alert says (to the bureaus the alert concerns): the figures, and where to act. */
export function alertEmail(a: {
  id: string;
  subjectName: string;
  areaName: string | null;
  evidence: AlertEvidence;
  windowFrom: string;
  windowTo: string;
  /** The alert's page, when the site's address is known. */
  link?: string | null;
}): {
  subject: string;
  text: string;
} {
  const prepaid = a.evidence.findings.find((f) => f.measure === 'prepaid');
  const head = prepaid
    ? `${a.evidence.window.complaints} 件投诉，其中预付式消费 ${a.evidence.window.prepaid} 件`
    : `${a.evidence.window.complaints} 件投诉`;
  const lines = [
    `消费预警 #${a.id}`,
    '',
    `对象：${a.subjectName}${a.areaName ? `（${a.areaName}）` : ''}`,
    `期间：${a.windowFrom} 至 ${a.windowTo}，共收到 ${head}。`,
    ...a.evidence.findings.map((f) => `· ${findingText(f, a.evidence.baselineDays)}`),
    '',
    '请登录聊城市消费维权系统，在“消费预警”中查看证据和涉及的投诉，并决定处置（共同投诉、发布消费提示或说明理由后排除）。',
    ...(a.link ? [`查看：${a.link}`] : []),
    '本邮件由系统自动发送，请勿回复。',
  ];
  return { subject: `【消费预警】${a.subjectName}：${head}`, text: lines.join('\n') };
}

/** One finding in words (Chinese by default, English on request): the count, what it is compared with, and the closure signals among it. */
export function findingText(f: MeasureFinding, baselineDays: number, lang: Lang = 'zh'): string {
  if (lang === 'en') {
    const what = f.measure === 'prepaid' ? 'prepaid complaints' : 'complaints';
    const base = baselineDays > 0 ? `the previous ${baselineDays} days averaged ${f.weeklyBaseline} a week` : 'none before';
    const signal = f.signal > 0 ? `; ${f.signal} of them report a closure, a vanished business or no refund` : '';
    return `${f.count} ${what} (${base}${signal})`;
  }
  const what = f.measure === 'prepaid' ? '预付式消费投诉' : '投诉';
  const base = baselineDays > 0 ? `此前 ${baselineDays} 天平均每周 ${f.weeklyBaseline} 件` : '此前没有记录';
  const signal = f.signal > 0 ? `，其中 ${f.signal} 件反映停业、跑路或无法退款` : '';
  return `${what} ${f.count} 件（${base}${signal}）`;
}
