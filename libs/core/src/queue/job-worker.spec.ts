import type { JobHandler } from './job-handler';
import { MissingJobHandlersError, resolveHandlers } from './job-worker';
import type { JobName } from './queue.contract';
import { JOB_NAMES, JOBS, QUEUES, SCHEDULES } from './queue.contract';

const handler: JobHandler<JobName> = { handle: () => Promise.resolve() };

describe('the job contract', () => {
  it('gives every job a known queue, at least one attempt and kept failures', () => {
    for (const name of JOB_NAMES) {
      expect(Object.values(QUEUES)).toContain(JOBS[name].queue);
      expect(JOBS[name].attempts).toBeGreaterThanOrEqual(1);
      expect(JOBS[name].keepFailed).toBeGreaterThan(0);
    }
  });

  it('schedules only jobs of the contract', () => {
    for (const s of SCHEDULES) expect(JOB_NAMES).toContain(s.job);
  });
});

describe('resolveHandlers (the worker refuses to start on a gap)', () => {
  it('accepts exactly one handler per job', () => {
    const map = resolveHandlers(JOB_NAMES.map((name) => ({ name, handler })));
    expect([...map.keys()].sort()).toEqual([...JOB_NAMES].sort());
  });

  it('refuses when a job has no handler, naming it', () => {
    expect(() => resolveHandlers([])).toThrow(MissingJobHandlersError);
    expect(() => resolveHandlers([])).toThrow(/no handler for job\(s\): ops\.heartbeat/);
  });

  it('refuses two handlers for one job', () => {
    const name = JOB_NAMES[0];
    expect(() =>
      resolveHandlers([
        { name, handler },
        { name, handler },
      ]),
    ).toThrow(/two handlers/);
  });
});
