import { RollupService, StatsWatch1763700002450 } from '@weiquan/stats';
import { CaseKit } from './support/case-kit';
import { uscc } from './support/fixtures';

/**
 * The migration that adds the early warning's rollup counts the history already applied, so an
 * upgraded system judges its first week against its real past: its rows equal the aggregator's.
 */
describe('StatsWatch migration: the history counted as the aggregator counts it', () => {
  let kit: CaseKit;

  beforeAll(async () => {
    kit = await CaseKit.start();
  });

  afterAll(async () => {
    await kit?.close();
  });

  const rows = async () => ({
    businesses: await kit.q(
      `select respondent_key, day::text, complaints, prepaid, signal, prepaid_signal from stat_watch_day order by 1, 2`,
    ),
    slices: await kit.q(
      `select area_code, category_code, day::text, complaints, prepaid, signal, prepaid_signal from stat_slice_day order by 1, 2, 3`,
    ),
  });

  it('gives the rows the aggregator gave, and marks nothing to evaluate', async () => {
    const gym = {
      name: '聊城市迁移测试健身有限公司',
      creditCode: uscc('91371502MA3F2WQ8X'),
      address: '东昌府区东昌路 5 号',
      areaCode: '371502',
    };
    await kit.file({ categoryCode: 'sports-fitness', prepaid: true, issueType: 'closure', respondent: gym });
    await kit.file({ categoryCode: 'sports-fitness', prepaid: true, issueType: 'quality', respondent: gym });
    await kit.file({ categoryCode: 'sports-fitness', issueType: 'refund', respondent: gym });
    await kit.file({ kind: 'report', categoryCode: 'sports-fitness', respondent: gym });
    await kit.file();
    await kit.api.app.get(RollupService).applyPending();
    const applied = await rows();
    expect(applied.slices).toContainEqual({
      area_code: '371502',
      category_code: 'sports-fitness',
      day: expect.any(String),
      complaints: '3',
      prepaid: '2',
      signal: '2',
      prepaid_signal: '1',
    });
    expect(applied.businesses).toContainEqual({
      respondent_key: `uscc:${gym.creditCode}`,
      day: expect.any(String),
      complaints: '3',
      prepaid: '2',
      signal: '2',
      prepaid_signal: '1',
    });

    const runner = kit.api.t.dataSource.createQueryRunner();
    try {
      const migration = new StatsWatch1763700002450();
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    expect(await rows()).toEqual(applied);
    expect(await kit.q(`select * from stat_watch_changed`)).toEqual([]);
  });
});
