import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Directory1763700000000 implements MigrationInterface {
  name = 'Directory1763700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table area (
        code        varchar(12) primary key,
        name        text not null,
        kind        text not null check (kind in ('district', 'county', 'county-city', 'zone')),
        lat         numeric(9, 6),
        lng         numeric(9, 6),
        sort_order  integer not null default 0
      )`);
    await q.query(`
      create table regulator (
        code        varchar(32) primary key,
        name        text not null,
        kind        text not null check (kind in ('market', 'sector')),
        level       text not null check (level in ('city', 'county', 'province')),
        area_code   varchar(12) references area (code),
        address     text,
        phone       text,
        active      boolean not null default true
      )`);
    // At most one market-regulation bureau per area: routing rules 2 and 6 look it up by area.
    await q.query(`create unique index regulator_market_area_uq on regulator (area_code) where kind = 'market' and area_code is not null`);
    await q.query(`
      create table category (
        code            varchar(40) primary key,
        name            text not null,
        "group"         text not null check ("group" in ('service', 'goods')),
        regulator_code  varchar(32) references regulator (code),
        sort_order      integer not null default 0
      )`);
    await q.query(`
      create table venue (
        code        varchar(32) primary key,
        name        text not null,
        type        text not null check (type in ('mall', 'scenic', 'market', 'community', 'platform', 'enterprise')),
        area_code   varchar(12) not null references area (code),
        address     text,
        lat         numeric(9, 6),
        lng         numeric(9, 6),
        named       boolean not null default false
      )`);
    await q.query(`
      create table station (
        code        varchar(32) primary key,
        name        text not null,
        type        text not null check (type in ('mall', 'scenic', 'market', 'community', 'platform', 'enterprise')),
        area_code   varchar(12) not null references area (code),
        venue_code  varchar(32) references venue (code),
        address     text not null,
        lat         numeric(9, 6),
        lng         numeric(9, 6),
        capacity    integer not null check (capacity > 0),
        active      boolean not null default true,
        phone       text,
        created_at  timestamptz not null default now(),
        updated_at  timestamptz not null default now(),
        check ((lat is null) = (lng is null))
      )`);
    await q.query(`create index station_area_idx on station (area_code) where active`);
    await q.query(`create index station_venue_idx on station (venue_code) where active`);
    await q.query(`
      create table station_category (
        station_code   varchar(32) not null references station (code) on delete cascade,
        category_code  varchar(40) not null references category (code),
        primary key (station_code, category_code)
      )`);
    await q.query(`create index station_category_category_idx on station_category (category_code)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table station_category, station, venue, category, regulator, area`);
  }
}
