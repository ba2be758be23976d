import { metrics, rate, zeroCounters } from './metrics';

describe('metrics from counters', () => {
  it('computes rates with four decimals, null below a zero line, money in yuan, days with one decimal', () => {
    const k = {
      ...zeroCounters(),
      received: 10,
      assigned: 12,
      accepted: 5,
      refused: 1,
      acceptance_decided: 6,
      acceptance_on_time: 4,
      resolved: 2,
      terminated: 1,
      recovered_fen: 128055,
      concluded: 3,
      handling_days: 20,
      complaints_closed: 3,
      reports_closed: 1,
      follow_ups: 1,
      rated: 3,
      rated_satisfied: 1,
      rated_basically: 1,
    };
    expect(metrics(k, false)).toMatchObject({
      received: 10,
      closed: 4,
      onTimeAcceptanceRate: 0.6667,
      mediationSuccessRate: 0.6667,
      recovered: '1280.55',
      averageHandlingWorkingDays: 6.7,
      satisfactionRate: 0.6667,
      followUpRate: 0.3333,
      reporterNotifiedOnTimeRate: null,
    });
    expect(metrics(k, true).received).toBe(12);
    expect(metrics(zeroCounters(), false)).toMatchObject({
      onTimeAcceptanceRate: null,
      averageHandlingWorkingDays: null,
      recovered: '0.00',
    });
    expect(rate(1, 8)).toBe(0.125);
  });
});
