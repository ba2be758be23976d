import type { MigrationInterface, QueryRunner } from 'typeorm';

/** stat_open's rows from stat_open_case, as this migration writes them (open.rules OPEN_GROUPINGS then). */
const FILL = `
  insert into stat_open (unit_code, area_code, category_code, track, channel, prepaid, open, overdue)
  select case when grouping(unit_code) = 1 then '*' else unit_code end,
         case when grouping(area_code) = 1 then '*' else area_code end,
         case when grouping(category_code) = 1 then '*' else category_code end,
         track, channel, prepaid, count(*), count(*) filter (where due_on < (now() at time zone 'Asia/Shanghai')::date)
    from stat_open_case
   group by grouping sets ((unit_code, area_code, category_code, track, channel, prepaid), (track, channel, prepaid),
                           (area_code, track, channel, prepaid), (category_code, track, channel, prepaid), (unit_code, track, channel, prepaid))`;

/**
 * Open and overdue counts per unit and slice instead of per due date (open.rules.ts): at a million
 * cases the per-due-date rows had grown to 100,000 and every city-wide read summed them all. The
 * per-case contributions (stat_open_case) stay; overdue counts are as of a day kept beside the watermark.
 */
export class StatsOpenByUnit1763700001200 implements MigrationInterface {
  name = 'StatsOpenByUnit1763700001200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`drop table stat_open`);
    await q.query(`
      create table stat_open (
        unit_code      text not null,
        area_code      text not null,
        category_code  text not null,
        track          text not null,
        channel        text not null,
        prepaid        boolean not null,
        open           bigint not null check (open >= 0),
        overdue        bigint not null,
        primary key (unit_code, area_code, category_code, track, channel, prepaid)
      )`);
    await q.query(`alter table stat_watermark add column open_as_of date not null default (now() at time zone 'Asia/Shanghai')::date`);
    await q.query(`create index stat_open_case_due_idx on stat_open_case (due_on)`);
    await q.query(FILL);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop index stat_open_case_due_idx`);
    await q.query(`alter table stat_watermark drop column open_as_of`);
    await q.query(`drop table stat_open`);
    await q.query(`
      create table stat_open (
        unit_code      text not null,
        area_code      text not null,
        category_code  text not null,
        track          text not null,
        channel        text not null,
        prepaid        boolean not null,
        due_on         date not null,
        open           bigint not null check (open >= 0),
        primary key (unit_code, area_code, category_code, track, channel, prepaid, due_on)
      )`);
    await q.query(`
      insert into stat_open (unit_code, area_code, category_code, track, channel, prepaid, due_on, open)
      select unit_code, area_code, category_code, track, channel, prepaid, due_on, count(*) from stat_open_case
       group by unit_code, area_code, category_code, track, channel, prepaid, due_on`);
  }
}
