import type { Routed, Staff } from './support/case-kit';
import { CaseKit } from './support/case-kit';

/** Who sees which case and what of it (docs/ARCHITECTURE.md, invariant 7), and the audit trail the database keeps. */
describe('staff case access', () => {
  let kit: CaseKit;
  /** A station complaint whose consumer's phone is 13812348000. */
  let c: Routed;
  let handler: Staff;
  let stationAdmin: Staff;
  let otherStation: Staff;
  let otherBureau: Staff;
  let cityBureau: Staff;
  let sector: Staff;
  let county: Staff;
  let analyst: Staff;
  let admin: Staff;

  const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((i) => i.id);

  beforeAll(async () => {
    kit = await CaseKit.start();
    // A station's case: the consumer asked for its help to settle first.
    c = await kit.assigned({
      path: 'settlement',
      consumer: { name: '王小明', phone: '13812348000', address: '东昌府区古楼街道光岳路 12 号', idNumber: '11010519491231002X' },
    });
    expect(c.assigneeType).toBe('station');
    const [{ area_code: area }] = await kit.q<{ area_code: string }>(`select area_code from station where code = $1`, [c.assigneeCode]);
    const [{ code: other }] = await kit.q<{ code: string }>(
      `select code from station where active and area_code = $1 and code <> $2 order by code limit 1`,
      [area, c.assigneeCode],
    );
    handler = await kit.handlerOf(c);
    stationAdmin = await kit.staff('station-admin', c.assigneeCode);
    otherStation = await kit.staff('station-staff', other);
    county = await kit.staff('regulator-staff', `MR-${area}`);
    otherBureau = await kit.staff('regulator-staff', area === '371521' ? 'MR-371522' : 'MR-371521');
    cityBureau = await kit.staff('regulator-staff', 'MR-371500');
    sector = await kit.staff('regulator-staff', 'CT-371500');
    analyst = await kit.staff('city-analyst');
    admin = await kit.staff('admin');
  });

  afterAll(async () => {
    await kit?.close();
  });

  it('asks for a token on every staff endpoint', async () => {
    const calls = [
      kit.http.get('/api/v1/cases'),
      kit.http.get(`/api/v1/cases/${c.id}`),
      kit.http.get(`/api/v1/cases/${c.id}/personal-data`),
      kit.http.post(`/api/v1/cases/${c.id}/actions`).send({ action: 'accept' }),
      kit.http.get(`/api/v1/cases/${c.id}`).set('Authorization', 'Bearer not.a.token'),
      kit.http.post(`/api/v1/cases/${c.id}/actions`).set('Authorization', 'Bearer not.a.token').send({ action: 'accept' }),
    ];
    for (const res of await Promise.all(calls)) {
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer');
    }
    expect((await handler.detail(c.id)).status).toBe('settling');
  });

  it('a unit that does not handle the case, nor oversee its station, finds nothing: 404 and not in its list', async () => {
    for (const who of [otherStation, otherBureau, cityBureau, sector]) {
      expect([who.username, (await who.get(`/cases/${c.id}`)).status]).toEqual([who.username, 404]);
      expect((await who.get(`/cases/${c.id}/personal-data`)).status).toBe(404);
      expect((await who.act(c.id, { action: 'accept' })).status).toBe(404);
      expect((await who.act(c.id, { action: 'note', note: '越权备注' })).status).toBe(404);
      const list = await who.get('/cases?limit=100');
      expect(list.status).toBe(200);
      expect(ids(list)).not.toContain(c.id);
      expect(ids(await who.get(`/cases?q=${c.trackingNo}`))).toEqual([]);
    }
    // The 404 is the same as for a case that does not exist.
    const missing = await otherStation.get('/cases/987654321');
    expect((await otherStation.get(`/cases/${c.id}`)).body).toEqual(missing.body);
    expect((await handler.detail(c.id)).history.filter((h: { actor: { type: string } }) => h.actor.type === 'staff')).toEqual([]);
  });

  it('the city analyst and the administrator read every case, but may neither act nor see personal data in full', async () => {
    for (const who of [analyst, admin]) {
      const d = await who.detail(c.id);
      expect(d).toMatchObject({
        status: 'settling',
        handledByYou: false,
        allowedActions: [],
        consumer: { hidden: false, phone: '138****8000', name: '王**', revealable: false },
      });
      expect(ids(await who.get(`/cases?q=${c.trackingNo}`))).toEqual([c.id]);
      expect((await who.act(c.id, { action: 'accept' })).status).toBe(403);
      expect((await who.get(`/cases/${c.id}/personal-data`)).status).toBe(403);
    }
    expect((await analyst.get('/cases?limit=100')).body.items.map((i: { id: string }) => i.id)).toContain(c.id);
  });

  it('the county bureau of the station’s area reads the station’s case, but may not act on it', async () => {
    const d = await county.detail(c.id);
    expect(d).toMatchObject({ handledByYou: false, allowedActions: [], consumer: { phone: '138****8000', revealable: false } });
    expect(ids(await county.get('/cases?limit=100'))).toContain(c.id);
    const acting = await county.act(c.id, { action: 'accept' });
    expect(acting.status).toBe(403);
    expect(acting.body.message).toBe('your role or unit may read this case but not act on it');
    expect((await county.get(`/cases/${c.id}/personal-data`)).status).toBe(403);
    // A station complaint of another area is not the bureau's to see.
    const elsewhere = await kit.assigned({
      path: 'settlement',
      respondent: { name: '茌平区测试饭店', address: '茌平区振兴路 1 号', areaCode: '371503' },
    });
    expect(elsewhere.assigneeType).toBe('station');
    expect((await county.get(`/cases/${elsewhere.id}`)).status).toBe(county.unitCode === 'MR-371503' ? 200 : 404);
  });

  it('shows the phone masked in the list and the file, in full only through /personal-data for the handling unit, and records every full view', async () => {
    const list = await handler.get('/cases');
    const item = list.body.items.find((i: { id: string }) => i.id === c.id);
    expect(item.consumer).toEqual({ hidden: false, name: '王小明', phone: '138****8000' });
    const d = await handler.detail(c.id);
    expect(d.consumer).toMatchObject({
      hidden: false,
      name: '王小明',
      phone: '138****8000',
      idNumber: '110105********002X',
      revealable: true,
    });
    expect(d.consumer.address).toMatch(/^东昌府区古楼\*+$/);
    expect(JSON.stringify(list.body) + JSON.stringify(d)).not.toContain('13812348000');
    expect(await kit.q(`select count(*)::int as n from personal_data_access where case_id = $1`, [c.id])).toEqual([{ n: 0 }]);

    const full = await handler.get(`/cases/${c.id}/personal-data`);
    expect(full.status).toBe(200);
    expect(full.body).toEqual({
      name: '王小明',
      phone: '13812348000',
      address: '东昌府区古楼街道光岳路 12 号',
      idNumber: '11010519491231002X',
      email: null,
    });
    await stationAdmin.get(`/cases/${c.id}/personal-data`).then((r) => expect(r.status).toBe(200));
    const views = await kit.q(`select user_id, username, unit_code, fields from personal_data_access where case_id = $1 order by id`, [
      c.id,
    ]);
    expect(views).toEqual([
      { user_id: handler.id, username: handler.username, unit_code: c.assigneeCode, fields: ['name', 'phone', 'address', 'idNumber'] },
      {
        user_id: stationAdmin.id,
        username: stationAdmin.username,
        unit_code: c.assigneeCode,
        fields: ['name', 'phone', 'address', 'idNumber'],
      },
    ]);
  });

  it('hides a reporter from everyone but the unit handling the report', async () => {
    const r = await kit.assigned({ kind: 'report', consumer: { name: '赵举报', phone: '13912340001' } });
    const officer = await kit.handlerOf(r);
    const d = await analyst.detail(r.id);
    expect(d.consumer).toEqual({ hidden: true, name: null, phone: null, address: null, idNumber: null, email: null, revealable: false });
    const row = (await analyst.get(`/cases?q=${r.trackingNo}`)).body.items[0];
    expect(row.consumer).toEqual({ hidden: true, name: null, phone: null });
    expect(d.claimant).toBeNull();
    expect(JSON.stringify(d)).not.toMatch(/赵举报|13912340001|0001/);
    expect((await officer.detail(r.id)).consumer).toMatchObject({ hidden: false, name: '赵举报', phone: '139****0001', revealable: true });
    expect((await officer.get(`/cases/${r.id}/personal-data`)).body.phone).toBe('13912340001');
  });

  it('lists the unit’s queue with filters and keyset pages', async () => {
    const toSettle = { path: 'settlement' };
    const more = [await kit.assigned(toSettle), await kit.assigned(toSettle), await kit.assigned(toSettle)].filter(
      (x) => x.assigneeCode === c.assigneeCode,
    );
    const all = ids(await handler.get('/cases?limit=100'));
    expect(all).toEqual([...all].sort((a, b) => Number(b) - Number(a)));
    expect(all).toEqual(expect.arrayContaining([c.id, ...more.map((m) => m.id)]));
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await handler.get(`/cases?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(1);
      paged.push(...ids(res));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all);
    expect(ids(await handler.get(`/cases?status=settling&track=complaint&categoryCode=catering&q=${c.trackingNo.slice(0, 12)}`))).toContain(
      c.id,
    );
    expect(ids(await handler.get('/cases?status=closed,refused'))).toEqual([]);
    expect(ids(await handler.get('/cases?track=report'))).toEqual([]);
    expect(ids(await handler.get(`/cases?q=${encodeURIComponent('办理测试餐饮店')}&limit=100`))).toEqual(all);
    expect(ids(await handler.get('/cases?overdue=false&limit=100'))).toEqual(all);
    expect(ids(await handler.get('/cases?overdue=true'))).toEqual([]);
  });

  it('keeps the history and the personal-data audit log append-only in the database itself', async () => {
    await handler.do(c.id, { action: 'note', note: '审计测试备注' });
    const before = await kit.q(`select count(*)::int as n from case_event where case_id = $1`, [c.id]);
    await expect(kit.raw(`update case_event set note = 'x' where case_id = $1`, [c.id])).rejects.toThrow(/append-only/);
    await expect(kit.raw(`delete from case_event where case_id = $1`, [c.id])).rejects.toThrow(/append-only/);
    await expect(kit.raw(`truncate case_event cascade`)).rejects.toThrow(/append-only/);
    expect(await kit.q(`select count(*)::int as n from case_event where case_id = $1`, [c.id])).toEqual(before);
    expect(await kit.q(`select count(*)::int as n from case_event where case_id = $1 and note = 'x'`, [c.id])).toEqual([{ n: 0 }]);

    await handler.get(`/cases/${c.id}/personal-data`);
    const views = await kit.q(`select count(*)::int as n from personal_data_access where case_id = $1`, [c.id]);
    expect(views[0].n).toBeGreaterThan(0);
    await expect(kit.raw(`update personal_data_access set username = 'someone-else' where case_id = $1`, [c.id])).rejects.toThrow(
      /append-only/,
    );
    await expect(kit.raw(`delete from personal_data_access where case_id = $1`, [c.id])).rejects.toThrow(/append-only/);
    await expect(kit.raw(`truncate personal_data_access`)).rejects.toThrow(/append-only/);
    expect(await kit.q(`select count(*)::int as n from personal_data_access where case_id = $1`, [c.id])).toEqual(views);
  });
});
