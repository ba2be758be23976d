import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The early warning's rollup (watch-rollup.rules.ts): complaints per respondent and day, prepaid and
 * closure-signalling among them; and the subjects whose counts moved since the detector last looked
 * (respondents and area × category slices), which the aggregator writes in the transaction that moves
 * the counts and the detector takes in the transaction that records its alerts, so no change is
 * evaluated twice or lost.
 *
 * The existing history is counted here, from the received events, as the aggregator would have; a
 * later `npm run cli -- stats:rebuild` gives the same rows. Nothing is marked changed: the past does
 * not alert.
 */
export class StatsWatch1763700002450 implements MigrationInterface {
  name = 'StatsWatch1763700002450';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table stat_watch_day (
        respondent_key  text not null,
        day             date not null,
        complaints      bigint not null default 0,
        prepaid         bigint not null default 0,
        signal          bigint not null default 0,
        prepaid_signal  bigint not null default 0,
        primary key (respondent_key, day)
      )`);
    await q.query(`
      create table stat_watch_changed (
        kind         text not null check (kind in ('business', 'slice')),
        subject_key  text not null,
        changed_at   timestamptz not null default now(),
        primary key (kind, subject_key)
      )`);
    await q.query(`
      insert into stat_watch_day (respondent_key, day, complaints, prepaid, signal, prepaid_signal)
      select c.respondent_key, (e.at at time zone 'Asia/Shanghai')::date, count(*),
             count(*) filter (where c.prepaid),
             count(*) filter (where c.issue_type in ('closure', 'refund')),
             count(*) filter (where c.prepaid and c.issue_type in ('closure', 'refund'))
        from case_event e join cases c on c.id = e.case_id
       where e.type = 'received' and c.track = 'complaint'
         and e.id <= (select last_event_id from stat_watermark where id = 1)
         and not exists (select 1 from stat_gap g where g.event_id = e.id)
       group by 1, 2`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table stat_watch_changed, stat_watch_day`);
  }
}
