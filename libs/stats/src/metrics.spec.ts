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

  it('settlement at the source: rate and escalation rate over the outcomes, money and days apart from mediation', () => {
    const k = {
      ...zeroCounters(),
      assigned: 7,
      settlement_assigned: 6,
      settled: 3,
      settled_fen: 86050,
      settle_days: 10,
      escalated: 1,
      resolved: 1,
      recovered_fen: 20000,
      concluded: 1,
      handling_days: 9,
      complaints_closed: 1,
    };
    expect(metrics(k, true)).toMatchObject({
      received: 7,
      settlementAssigned: 6,
      settled: 3,
      escalated: 1,
      settledAtSourceRate: 0.75,
      escalationRate: 0.25,
      recoveredAtSource: '860.50',
      recovered: '200.00',
      averageSettlementWorkingDays: 3.3,
      averageHandlingWorkingDays: 9,
      // A settlement finishes the case: 办结 counts it; the follow-up rate stays over complaints closed by the department.
      closed: 4,
      followUpRate: 0,
    });
    expect(metrics(zeroCounters(), false)).toMatchObject({
      settledAtSourceRate: null,
      escalationRate: null,
      recoveredAtSource: '0.00',
      averageSettlementWorkingDays: null,
    });
  });
});
