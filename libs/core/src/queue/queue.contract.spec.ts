import { JOBS, routeBatches, ROUTE_BATCH } from './queue.contract';

describe('routing jobs in the contract', () => {
  const cases = Array.from({ length: ROUTE_BATCH + 1 }, (_, i) => ({ caseId: String(i + 1), round: 0 }));
  const id = (p: Parameters<NonNullable<(typeof JOBS)['routing.route-cases']['jobId']>>[0]) => JOBS['routing.route-cases'].jobId!(p);

  it('split a backlog into batches of at most ROUTE_BATCH cases', () => {
    expect(routeBatches(cases).map((j) => j.payload.cases.length)).toEqual([ROUTE_BATCH, 1]);
  });

  it('give the same batch the same job id (held once), and another round another id', () => {
    const [a] = routeBatches(cases.slice(0, 3));
    const [b] = routeBatches(cases.slice(0, 3));
    expect(id(a.payload)).toBe(id(b.payload));
    expect(id(routeBatches([{ caseId: '1', round: 1 }])[0].payload)).not.toBe(id(routeBatches([{ caseId: '1', round: 0 }])[0].payload));
  });

  it('give a reconciler sweep a new id, so a completed or failed job of the same cases does not swallow it', () => {
    const [first] = routeBatches(cases.slice(0, 3));
    const [sweep] = routeBatches(cases.slice(0, 3), '1795312345678');
    expect(id(sweep.payload)).not.toBe(id(first.payload));
    expect(sweep.payload.cases).toEqual(first.payload.cases);
  });
});
