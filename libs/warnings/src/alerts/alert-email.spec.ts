import { alertEmail } from './alert-email';
import type { AlertEvidence } from './alerts.repository';

const evidence: AlertEvidence = {
  window: { complaints: 8, prepaid: 8, signal: 3, prepaidSignal: 3 },
  baseline: { complaints: 0, prepaid: 0, signal: 0, prepaidSignal: 0 },
  baselineDays: 90,
  findings: [{ measure: 'prepaid', count: 8, signal: 3, weighted: 11, weeklyBaseline: 0, bar: 4 }],
};

const alert = {
  id: '17',
  subjectName: '聊城市某健身有限公司',
  areaName: '东昌府区',
  evidence,
  windowFrom: '2026-11-27',
  windowTo: '2026-12-03',
};

describe('the email of a new early-warning alert', () => {
  it('names the business, its area and the figures, and links to the alert when the site’s address is known', () => {
    const { subject, text } = alertEmail({ ...alert, link: 'https://12315.liaocheng.example/staff/warnings?alert=17' });
    expect(subject).toBe('【消费预警】聊城市某健身有限公司：8 件投诉，其中预付式消费 8 件');
    const lines = text.split('\n');
    expect(lines[0]).toBe('消费预警 #17');
    expect(lines).toContain('对象：聊城市某健身有限公司（东昌府区）');
    expect(lines).toContain('期间：2026-11-27 至 2026-12-03，共收到 8 件投诉，其中预付式消费 8 件。');
    expect(lines).toContain('· 预付式消费投诉 8 件（此前 90 天平均每周 0 件，其中 3 件反映停业、跑路或无法退款）');
    expect(lines).toContain('查看：https://12315.liaocheng.example/staff/warnings?alert=17');
  });

  it('carries no link without the site’s address (never a placeholder)', () => {
    expect(alertEmail(alert).text).not.toMatch(/查看：|https?:|undefined|null/);
    expect(alertEmail({ ...alert, link: null }).text).toBe(alertEmail(alert).text);
  });
});
