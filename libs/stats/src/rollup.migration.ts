import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The counters as they were when this migration was written (a later change adds its own migration). */
const COUNTERS = [
  'received',
  'duplicates',
  'assigned',
  'transferred',
  'handed_back',
  'withdrawn',
  'accepted',
  'refused',
  'acceptance_decided',
  'acceptance_on_time',
  'resolved',
  'agreements',
  'recovered_fen',
  'terminated',
  'concluded',
  'handling_days',
  'complaints_closed',
  'reports_closed',
  'follow_ups',
  'rated',
  'rated_satisfied',
  'rated_basically',
  'reports_opened',
  'reports_not_opened',
  'reporter_notice_due',
  'reporter_notice_on_time',
];
const RESPONDENT_COUNTERS = [
  'complaints',
  'reports',
  'accepted',
  'refused',
  'resolved',
  'terminated',
  'withdrawn',
  'recovered_fen',
  'reports_opened',
];
const columns = (names: string[]) => names.map((c) => `${c} bigint not null default 0`).join(',\n        ');

/**
 * Statistics rollups (docs/ARCHITECTURE.md, invariant 6): counters per day and per month, maintained from the case
 * history by the stats.apply-events job, so no /stats request reads the cases table. A key column
 * holding '*' is a grouping row (all areas, all categories): any slice of the city reads a few rows.
 */
export class Stats1763700001000 implements MigrationInterface {
  name = 'Stats1763700001000';

  async up(q: QueryRunner): Promise<void> {
    for (const grain of ['day', 'month']) {
      // By the respondent's area (where the conduct happened), category, track, purchase channel, prepaid.
      await q.query(`
      create table stat_area_${grain} (
        area_code      text not null,
        category_code  text not null,
        ${grain}       date not null,
        track          text not null,
        channel        text not null,
        prepaid        boolean not null,
        ${columns(COUNTERS)},
        primary key (area_code, category_code, ${grain}, track, channel, prepaid)
      )`);
      // Hotspots by category (area '*', every category) read this one.
      await q.query(`create index stat_area_${grain}_category_idx on stat_area_${grain} (category_code, area_code, ${grain})`);
      // By the unit that acted (or received the case), category, track.
      await q.query(`
      create table stat_unit_${grain} (
        category_code  text not null,
        unit_code      text not null,
        ${grain}       date not null,
        track          text not null,
        ${columns(COUNTERS)},
        primary key (category_code, unit_code, ${grain}, track)
      )`);
    }
    // Respondents by month: keyed by intake's respondent key (USCC when known, else the normalised
    // name); unit '*' is the whole city. The display name is the one of the latest event counted.
    await q.query(`
      create table stat_respondent_month (
        unit_code        text not null,
        respondent_key   text not null,
        month            date not null,
        respondent_name  text not null,
        area_code        text not null,
        name_event_id    bigint not null,
        ${columns(RESPONDENT_COUNTERS)},
        primary key (unit_code, respondent_key, month)
      )`);
    // Hotspot candidates: each month's most complained-about respondents, read from the top.
    await q.query(`create index stat_respondent_month_rank_idx on stat_respondent_month (unit_code, month, (complaints + reports) desc)`);

    // Open cases now, by where their running deadline falls: "overdue today" is a sum over due_on < today.
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
    // What each open case contributes to stat_open now, so a change is applied as an exact difference.
    await q.query(`
      create table stat_open_case (
        case_id        bigint primary key,
        unit_code      text not null,
        area_code      text not null,
        category_code  text not null,
        track          text not null,
        channel        text not null,
        prepaid        boolean not null,
        due_on         date not null
      )`);

    // How far the history has been applied, and the ids below it not yet visible (late commits).
    await q.query(`
      create table stat_watermark (
        id             smallint primary key check (id = 1),
        last_event_id  bigint not null default 0,
        updated_at     timestamptz not null default now()
      )`);
    await q.query(`insert into stat_watermark (id) values (1)`);
    await q.query(`create table stat_gap (event_id bigint primary key, seen_at timestamptz not null default now())`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table stat_gap, stat_watermark, stat_open_case, stat_open, stat_respondent_month,
                   stat_unit_month, stat_unit_day, stat_area_month, stat_area_day`);
  }
}
