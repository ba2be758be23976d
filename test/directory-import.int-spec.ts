import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DirectoryImportService, DirectorySeeder, DirectoryService } from '@weiquan/directory';
import { CliModule } from '../apps/cli/src/cli.module';
import type { TestEnv } from './support/test-env';
import { createTestEnv } from './support/test-env';

/** The bureau's list replaces the sample directory: all of it or none of it. */
describe('directory import (PostgreSQL)', () => {
  let t: TestEnv;
  let app: INestApplicationContext;
  let importer: DirectoryImportService;

  const snapshot = async () => ({
    stations: await t.dataSource.query(`select * from station order by code`),
    categories: await t.dataSource.query(`select * from station_category order by 1, 2`),
    venues: await t.dataSource.query(`select * from venue order by code`),
  });

  const HEADER = 'code,name,type,areaCode,venueCode,venueName,address,lat,lng,categories,capacity,active,phone';
  const good = (code: string, extra: Partial<Record<'name' | 'area' | 'venueCode' | 'venueName' | 'cats' | 'capacity', string>> = {}) =>
    [
      code,
      extra.name ?? `测试服务站${code}`,
      'mall',
      extra.area ?? '371502',
      extra.venueCode ?? '',
      extra.venueName ?? '',
      '山东省聊城市东昌府区测试路1号',
      '36.45',
      '115.98',
      extra.cats ?? 'catering|clothing',
      extra.capacity ?? '30',
      'true',
      '0635-1234567',
    ].join(',');

  beforeAll(async () => {
    t = await createTestEnv();
    app = await NestFactory.createApplicationContext(CliModule.forRoot(t.config), { logger: false });
    await app.get(DirectorySeeder).seed();
    importer = app.get(DirectoryImportService);
  });

  afterAll(async () => {
    await app?.close();
    await t?.dispose();
  });

  it('seeds the sample directory once: a second run adds nothing', async () => {
    const [{ n }] = await t.dataSource.query(`select count(*)::int as n from station where active`);
    expect(n).toBe(191);
    expect(await app.get(DirectorySeeder).seed()).toEqual({ areas: 0, regulators: 0, categories: 0, venues: 0, stations: 0 });
  });

  it('refuses a file with one bad row among good ones, names its line and reason, and changes nothing', async () => {
    const before = await snapshot();
    const csv = [HEADER, good('NEW-001'), good('NEW-002', { area: '999999' }), good('NEW-003')].join('\n');
    const report = await importer.importStations({ text: csv, fileName: 'bureau.csv', mode: 'replace' });
    expect(report.accepted).toBe(false);
    expect(report.problems).toEqual([
      expect.objectContaining({ line: 3, field: 'areaCode', code: 'unknown-area', message: expect.stringContaining('999999') }),
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    // Line 1 is the header, line 2 a good row; the bad row follows.
    ['duplicate code', [good('DUP-1'), good('DUP-1')], { line: 4, code: 'duplicate-code' }],
    ['bad coordinates', [good('C-1').replace('36.45,115.98', '115.98,36.45')], { line: 3, code: 'bad-coordinates' }],
    ['unknown category', [good('K-1', { cats: 'catering|spaceflight' })], { line: 3, code: 'unknown-category' }],
    ['unknown venue', [good('V-1', { venueCode: 'NO-SUCH-VENUE' })], { line: 3, code: 'unknown-venue' }],
  ])('refuses a %s and leaves the directory as it was', async (_what, rows, expected) => {
    const before = await snapshot();
    const report = await importer.importStations({ text: [HEADER, good('OK-1'), ...rows].join('\n'), fileName: 'x.csv', mode: 'replace' });
    expect(report.accepted).toBe(false);
    expect(report.problems).toEqual([expect.objectContaining(expected)]);
    expect(await snapshot()).toEqual(before);
  });

  it('a dry run checks and counts but writes nothing', async () => {
    const before = await snapshot();
    const report = await importer.importStations({
      text: [HEADER, good('DRY-1')].join('\n'),
      fileName: 'x.csv',
      mode: 'replace',
      dryRun: true,
    });
    expect(report).toMatchObject({ accepted: true, dryRun: true, created: 1, deactivated: 191 });
    expect(await snapshot()).toEqual(before);
  });

  it('merge adds and updates without touching the rest', async () => {
    const csv = [
      HEADER,
      good('MERGE-1', { venueName: '测试新场所' }),
      good('ST-371502-001', { name: '金鼎购物中心消费维权服务站（更名）', capacity: '99' }),
    ].join('\n');
    const report = await importer.importStations({ text: csv, fileName: 'x.csv', mode: 'merge' });
    expect(report).toMatchObject({ accepted: true, created: 1, updated: 1, deactivated: 0, venuesCreated: 1 });
    const [renamed] = await t.dataSource.query(`select name, capacity, active from station where code = 'ST-371502-001'`);
    expect(renamed).toEqual({ name: '金鼎购物中心消费维权服务站（更名）', capacity: 99, active: true });
    const [{ n }] = await t.dataSource.query(`select count(*)::int as n from station where active`);
    expect(n).toBe(192);
    const cats = await t.dataSource.query(`select category_code from station_category where station_code = 'MERGE-1' order by 1`);
    expect(cats.map((c: { category_code: string }) => c.category_code)).toEqual(['catering', 'clothing']);
  });

  it('replace makes the file the whole list: the rest is deactivated, never deleted, and the seeder does not bring it back', async () => {
    const json = JSON.stringify(
      [
        {
          code: 'REAL-001',
          name: '真实服务站一',
          type: '商场',
          areaCode: '371502',
          address: '东昌府区某路1号',
          lat: 36.45,
          lng: 115.98,
          categories: ['餐饮服务', 'clothing'],
          capacity: 40,
        },
        {
          code: 'REAL-002',
          name: '真实服务站二',
          type: 'community',
          areaCode: '371581',
          address: '临清市某路2号',
          categories: 'household、elderly-care',
          capacity: 20,
          active: '是',
        },
      ],
      null,
      2,
    );
    const report = await importer.importStations({ text: json, fileName: 'bureau.json', mode: 'replace' });
    expect(report).toMatchObject({ accepted: true, created: 2, deactivated: 192 });
    const active = await t.dataSource.query(`select code from station where active order by code`);
    expect(active.map((s: { code: string }) => s.code)).toEqual(['REAL-001', 'REAL-002']);
    const [{ n }] = await t.dataSource.query(`select count(*)::int as n from station`);
    expect(n).toBe(194);

    await app.get(DirectorySeeder).seed();
    const after = await t.dataSource.query(`select code from station where active order by code`);
    expect(after).toEqual(active);
  });

  it('takes a station’s alert email from the file; a file without the column keeps it, a blank clears it; regulators get theirs apart', async () => {
    const alertEmail = async (code: string) =>
      (
        await t.dataSource.query(
          `select alert_email from station where code = $1 union all select alert_email from regulator where code = $1`,
          [code],
        )
      )[0].alert_email;
    const withColumn = (email: string) => [`${HEADER},alertEmail`, `${good('MAIL-1')},${email}`].join('\n');

    const bad = await importer.importStations({ text: withColumn('not-an-address'), fileName: 'x.csv', mode: 'merge' });
    expect(bad.problems).toEqual([expect.objectContaining({ line: 2, field: 'alertEmail', code: 'invalid' })]);
    expect(await t.dataSource.query(`select 1 from station where code = 'MAIL-1'`)).toEqual([]);

    expect(
      await importer.importStations({ text: withColumn('alerts@station.example.com'), fileName: 'x.csv', mode: 'merge' }),
    ).toMatchObject({
      accepted: true,
      created: 1,
    });
    expect(await alertEmail('MAIL-1')).toBe('alerts@station.example.com');
    // The bureau's list without the column: nothing else changed, so nothing counts as updated.
    const without = await importer.importStations({ text: [HEADER, good('MAIL-1')].join('\n'), fileName: 'x.csv', mode: 'merge' });
    expect(without).toMatchObject({ accepted: true, created: 0, updated: 0 });
    expect(await alertEmail('MAIL-1')).toBe('alerts@station.example.com');
    // Only the address changed: updated.
    expect(await importer.importStations({ text: withColumn('desk@station.example.com'), fileName: 'x.csv', mode: 'merge' })).toMatchObject(
      {
        updated: 1,
      },
    );
    expect(await alertEmail('MAIL-1')).toBe('desk@station.example.com');
    expect(await importer.importStations({ text: withColumn(''), fileName: 'x.csv', mode: 'merge' })).toMatchObject({ updated: 1 });
    expect(await alertEmail('MAIL-1')).toBeNull();

    // The seeds leave every unit without one.
    const [{ n }] = await t.dataSource.query(
      `select (select count(*) from station where alert_email is not null and code <> 'MAIL-1')::int
            + (select count(*) from regulator where alert_email is not null)::int as n`,
    );
    expect(n).toBe(0);

    // Regulators have no file: cli directory:alert-email sets it, checked the same way.
    const directory = app.get(DirectoryService);
    expect(await directory.setAlertEmail('MR-371502', ' bureau@mr.example.com ')).toEqual({
      unit: 'regulator',
      email: 'bureau@mr.example.com',
    });
    expect(await alertEmail('MR-371502')).toBe('bureau@mr.example.com');
    expect(await directory.setAlertEmail('MR-371502', 'nope')).toEqual({
      problem: expect.objectContaining({ en: expect.stringContaining('not a valid') }),
    });
    expect(await directory.setAlertEmail('NO-SUCH-UNIT', 'a@example.com')).toEqual({
      problem: expect.objectContaining({ en: 'no station or regulator has the code "NO-SUCH-UNIT"' }),
    });
    expect(await directory.setAlertEmail('MR-371502', '')).toEqual({ unit: 'regulator', email: null });
    expect(await alertEmail('MR-371502')).toBeNull();
  });

  it('reports a CSV syntax error with its line and writes nothing', async () => {
    const before = await snapshot();
    const report = await importer.importStations({ text: `${HEADER}\n${good('S-1')}\n"unclosed,quote`, fileName: 'x.csv', mode: 'merge' });
    expect(report.accepted).toBe(false);
    expect(report.problems[0]).toMatchObject({ code: 'syntax', line: 3 });
    expect(await snapshot()).toEqual(before);
  });
});
