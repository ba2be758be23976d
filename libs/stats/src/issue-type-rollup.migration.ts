import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The area rollups by issue type too (what the complaint is about: quality, refund, false
 * advertising…; intake's issue types, `unknown` when none was given), so the dashboard breaks the
 * figures down by it as it does by purchase channel and prepaid cards, still from the rollups alone
 * (docs/ARCHITECTURE.md, invariant 6). The key column joins the primary key; the grouping rows ('*'
 * area, '*' category) carry it like the other detail columns.
 *
 * Rows already in the tables cannot be split by issue type without replaying the history: they are
 * kept as they are, under `unknown`, so every other figure reads the same. `npm run cli --
 * stats:rebuild` replays the history through the rules and attributes it.
 */
export class StatsIssueType1763700002200 implements MigrationInterface {
  name = 'StatsIssueType1763700002200';

  async up(q: QueryRunner): Promise<void> {
    for (const grain of ['day', 'month']) {
      const t = `stat_area_${grain}`;
      await q.query(`alter table ${t} add column issue_type text not null default 'unknown'`);
      await q.query(`alter table ${t} alter column issue_type drop default`);
      await q.query(`alter table ${t} drop constraint ${t}_pkey`);
      await q.query(`alter table ${t} add primary key (area_code, category_code, ${grain}, track, channel, prepaid, issue_type)`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const grain of ['day', 'month']) {
      const t = `stat_area_${grain}`;
      // Folds the issue types back into one row per key, as the table was.
      const keys = `area_code, category_code, ${grain}, track, channel, prepaid`;
      const cols = (await q.query(
        `select column_name from information_schema.columns
          where table_name = $1 and data_type = 'bigint' order by ordinal_position`,
        [t],
      )) as { column_name: string }[];
      const counters = cols.map((c) => c.column_name);
      await q.query(`create temp table folded as
                     select ${keys}, ${counters.map((c) => `sum(${c})::bigint as ${c}`).join(', ')} from ${t} group by ${keys}`);
      await q.query(`delete from ${t}`);
      await q.query(`alter table ${t} drop constraint ${t}_pkey`);
      await q.query(`alter table ${t} drop column issue_type`);
      await q.query(`insert into ${t} (${keys}, ${counters.join(', ')}) select ${keys}, ${counters.join(', ')} from folded`);
      await q.query(`drop table folded`);
      await q.query(`alter table ${t} add primary key (${keys})`);
    }
  }
}
