import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The early warning's rollups (watch-rollup.rules.ts): complaints per respondent and day, and per
 * area × category and day (the detector's grain: a slice's 97 days are 97 rows, however busy it is),
 * with the prepaid and closure-signalling ones among them; and the subjects whose counts moved since the detector last looked
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
      create table stat_slice_day (
        area_code       text not null,
        category_code   text not null,
        day             date not null,
        complaints      bigint not null default 0,
        prepaid         bigint not null default 0,
        signal          bigint not null default 0,
        prepaid_signal  bigint not null default 0,
        primary key (area_code, category_code, day)
      )`);
    await q.query(`
      create table stat_watch_changed (
        kind         text not null check (kind in ('business', 'slice')),
        subject_key  text not null,
        changed_at   timestamptz not null default now(),
        primary key (kind, subject_key)
      )`);
    // The history applied so far (below the watermark, not a gap still awaited), counted once.
    await q.query(`
      create temp table watch_history as
      select c.respondent_key, c.respondent_area_code as area_code, c.category_code, (e.at at time zone 'Asia/Shanghai')::date as day,
             c.prepaid, c.issue_type in ('closure', 'refund') as signal
        from case_event e join cases c on c.id = e.case_id
       where e.type = 'received' and c.track = 'complaint'
         and e.id <= (select last_event_id from stat_watermark where id = 1)
         and not exists (select 1 from stat_gap g where g.event_id = e.id)`);
    const counts = `count(*), count(*) filter (where prepaid), count(*) filter (where signal), count(*) filter (where prepaid and signal)`;
    await q.query(`insert into stat_watch_day (respondent_key, day, complaints, prepaid, signal, prepaid_signal)
                   select respondent_key, day, ${counts} from watch_history group by 1, 2`);
    await q.query(`insert into stat_slice_day (area_code, category_code, day, complaints, prepaid, signal, prepaid_signal)
                   select area_code, category_code, day, ${counts} from watch_history group by 1, 2, 3`);
    await q.query(`drop table watch_history`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table stat_watch_changed, stat_slice_day, stat_watch_day`);
  }
}
