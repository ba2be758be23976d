import type { Response } from 'supertest';
import type { Routed } from './support/case-kit';
import { CaseKit, Staff } from './support/case-kit';
import { TINY_PNG, uscc } from './support/fixtures';

/**
 * The access-control matrix (OWASP ASVS L2, V4 "access control"; docs/ARCHITECTURE.md invariant 7):
 * every principal × every case-scoped operation the served OpenAPI document lists × one case of each
 * kind, each held by a known unit. Who may read what is libs/cases/src/handling/case-scope.ts:
 *  - the holding unit (the owner) reads everything of its case and acts on it;
 *  - city analysts, administrators and the county bureau overseeing a station's or a business's
 *    case of its area read the case file only: no personal data in full, no files, no action (403);
 *  - anyone else (another station, another county bureau, the city bureau, a sector regulator,
 *    another enrolled business) gets 403 or 404 on every operation, and finds the case in no list;
 *  - a business reads only through /business/cases, staff never do (403 by role either way).
 * Nobody but the owner ever gets a body with the consumer's phone in full; no outsider ever gets one
 * with the tracking number or the respondent's name. All failures are collected, then asserted at once.
 */
jest.setTimeout(120_000);

type Relation = 'owner' | 'reader' | 'outsider';
type Expect = 'ok' | 403 | 'denied';

interface Op {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** The path as the document lists it, e.g. /api/v1/cases/{id}/actions */
  path: string;
}

interface MatrixCase extends Routed {
  label: string;
  phone: string;
  respondentName: string;
  attachmentId: string;
  /** The area of the holding unit (a station's or a business's), for the county bureau's oversight. */
  unitArea: string | null;
}

interface Principal {
  label: string;
  staff: Staff;
}

const NOTE = '访问矩阵测试备注';
const BIZ_A = uscc('91371502MA3E1A4B5');
const BIZ_B = uscc('91371502MA3F2C6D7');
const CITY_WIDE = new Set(['city-analyst', 'admin']);

describe('access matrix: role × operation × case', () => {
  let kit: CaseKit;
  let admin: Staff;
  let ops: Op[] = [];
  const lists: Op[] = [];
  const cases: MatrixCase[] = [];
  const principals: Principal[] = [];

  /** One account per role and unit, whatever the case it is needed for. */
  const accounts = new Map<string, Staff>();
  const staffOf = async (role: Staff['role'], unit: string | null): Promise<Staff> => {
    const key = `${role}@${unit ?? '-'}`;
    if (!accounts.has(key)) accounts.set(key, await kit.staff(role, unit));
    return accounts.get(key)!;
  };
  const businessUser = async (creditCode: string): Promise<Staff> => {
    const key = `business@${creditCode}`;
    if (!accounts.has(key)) {
      const username = `biz-${creditCode.slice(-6).toLowerCase()}-${accounts.size}`;
      const res = await kit.http
        .post(`/api/v1/admin/businesses/${creditCode}/users`)
        .set('Authorization', `Bearer ${await admin.auth()}`)
        .send({ username, displayName: '李经理', password: 'case handling test pw' });
      if (res.status !== 201) throw new Error(`business user of ${creditCode}: ${res.status} ${JSON.stringify(res.body)}`);
      accounts.set(key, new Staff(kit, res.body.user.id, username, 'business', creditCode));
    }
    return accounts.get(key)!;
  };
  const enrol = async (creditCode: string, name: string) => {
    const res = await kit.http
      .post('/api/v1/admin/businesses')
      .set('Authorization', `Bearer ${await admin.auth()}`)
      .send({ creditCode, name, areaCode: '371502' });
    if (res.status !== 201) throw new Error(`enrolling ${creditCode}: ${res.status} ${JSON.stringify(res.body)}`);
  };

  beforeAll(async () => {
    kit = await CaseKit.start();
    admin = await staffOf('admin', null);

    // The operations: from the document the API serves, those about one case (a bearer token), and the two lists.
    const doc = (await kit.http.get('/docs/openapi.json').expect(200)).body as {
      paths: Record<string, Record<string, { security?: Record<string, unknown>[] }>>;
    };
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
        const bearer = (op.security ?? []).some((s) => 'bearer' in s);
        if (!bearer) continue;
        if (/^\/api\/v1\/(business\/)?cases\/\{id\}/.test(path)) ops.push({ method: method as Op['method'], path });
        if (method === 'get' && /^\/api\/v1\/(business\/)?cases$/.test(path)) lists.push({ method: 'get', path });
      }
    }
    // Reads first, writes last: the writes (a note, a file) leave every case usable for the other rows.
    ops = ops.sort((a, b) => Number(a.method !== 'get') - Number(b.method !== 'get') || a.path.localeCompare(b.path));

    // Two enrolled businesses of 东昌府区 (no venue, so no station steps in).
    await enrol(BIZ_A, '聊城市访问矩阵甲餐饮有限公司');
    await enrol(BIZ_B, '聊城市访问矩阵乙餐饮有限公司');

    const make = async (label: string, over: Record<string, unknown>) => {
      const f = await kit.file(over);
      const r = await kit.route(f.trackingNo, f.accessCode);
      const up = await kit.http
        .post(`/api/v1/complaints/${f.trackingNo}/attachments`)
        .set('X-Access-Code', f.accessCode)
        .field('shareWithBusiness', 'true')
        .attach('file', Buffer.concat([TINY_PNG, Buffer.from(label)]), `${label}.png`);
      if (up.status !== 201) throw new Error(`attaching to ${label}: ${up.status} ${JSON.stringify(up.body)}`);
      const unitArea =
        r.assigneeType === 'station'
          ? (await kit.q<{ a: string }>(`select area_code as a from station where code = $1`, [r.assigneeCode]))[0].a
          : (r.assigneeType as string) === 'business'
            ? (await kit.q<{ a: string }>(`select area_code as a from business where credit_code = $1`, [r.assigneeCode]))[0].a
            : null;
      cases.push({
        ...r,
        label,
        phone: f.phone,
        respondentName: (over.respondent as { name: string }).name,
        attachmentId: String(up.body.attachments[0].id),
        unitArea,
      });
    };
    const respondent = (name: string, creditCode?: string) => ({
      name,
      address: '东昌府区东昌路 88 号',
      areaCode: '371502',
      ...(creditCode ? { creditCode } : {}),
    });
    await make('formal@bureau', { respondent: respondent('聊城市访问矩阵正式投诉饭店') });
    await make('settlement@station', { path: 'settlement', respondent: respondent('聊城市访问矩阵和解饭店') });
    await make('report@regulator', { kind: 'report', respondent: respondent('聊城市访问矩阵举报饭店') });
    await make('settlement@business', { path: 'settlement', respondent: respondent('聊城市访问矩阵甲餐饮有限公司', BIZ_A) });
    expect(cases.map((c) => [c.label, c.assigneeType])).toEqual([
      ['formal@bureau', 'regulator'],
      ['settlement@station', 'station'],
      ['report@regulator', 'regulator'],
      ['settlement@business', 'business'],
    ]);
    expect(cases[3].assigneeCode).toBe(BIZ_A);

    // The principals: every case's owner, the outsiders, the city-wide roles.
    const station = cases[1].assigneeCode;
    const [{ code: otherStation }] = await kit.q<{ code: string }>(
      `select code from station where active and area_code = $1 and code <> $2 order by code limit 1`,
      [cases[1].unitArea, station],
    );
    const area = cases[1].unitArea!;
    const otherCounty = area === '371521' ? 'MR-371522' : 'MR-371521';
    const add = (label: string, staff: Staff) => {
      if (!principals.some((p) => p.staff === staff)) principals.push({ label, staff });
    };
    for (const c of cases)
      add(
        `owner of ${c.label} (${c.assigneeCode})`,
        (c.assigneeType as string) === 'business'
          ? await businessUser(c.assigneeCode)
          : await staffOf(c.assigneeType === 'station' ? 'station-staff' : 'regulator-staff', c.assigneeCode),
      );
    add(`station-admin ${station}`, await staffOf('station-admin', station));
    add(`county bureau MR-${area}`, await staffOf('regulator-staff', `MR-${area}`));
    add(`station-staff ${otherStation}`, await staffOf('station-staff', otherStation));
    add(`station-admin ${otherStation}`, await staffOf('station-admin', otherStation));
    add(`regulator-staff ${otherCounty}`, await staffOf('regulator-staff', otherCounty));
    add('regulator-staff MR-371500 (city bureau)', await staffOf('regulator-staff', 'MR-371500'));
    add('regulator-staff CT-371500 (sector)', await staffOf('regulator-staff', 'CT-371500'));
    add(`business ${BIZ_B}`, await businessUser(BIZ_B));
    add('city-analyst', await staffOf('city-analyst', null));
    add('admin', admin);
    for (const p of principals) await p.staff.auth();
  });

  afterAll(async () => {
    await kit?.close();
  });

  /** What case-scope.ts says this principal is to this case. */
  const relation = (s: Staff, c: MatrixCase): Relation => {
    if (CITY_WIDE.has(s.role)) return 'reader';
    if (s.unitCode === c.assigneeCode) return 'owner';
    if (s.role === 'business') return 'outsider';
    const county = s.role === 'regulator-staff' && /^MR-3715\d\d$/.test(s.unitCode ?? '') && s.unitCode !== 'MR-371500';
    if (county && (c.assigneeType as string) !== 'regulator' && c.unitArea === s.unitCode!.slice(3)) return 'reader';
    return 'outsider';
  };

  /** What the principal must get from one operation; null when the matrix has no rule for it. */
  const expected = (rel: Relation, s: Staff, op: Op): Expect | null => {
    if (rel === 'outsider') return 'denied';
    const business = s.role === 'business';
    const portal = op.path.startsWith('/api/v1/business/');
    const key = `${op.method.toUpperCase()} ${op.path.replace(/^\/api\/v1(\/business)?/, '')}`;
    // A business never uses the staff endpoints, staff never the portal (the role guard: 403).
    if (portal !== business) return 403;
    if (op.path.endsWith('/designation')) return 403; // only the city bureau designates, and none of these cases is its
    if (rel === 'reader') return key === 'GET /cases/{id}' ? 'ok' : 403;
    // owner
    if (business) {
      if (key === 'POST /cases/{id}/actions') return 403; // a note is not a business's action
      return ['GET /cases/{id}', 'GET /cases/{id}/attachments/{attachmentId}', 'POST /cases/{id}/attachments'].includes(key) ? 'ok' : null;
    }
    return [
      'GET /cases/{id}',
      'GET /cases/{id}/personal-data',
      'GET /cases/{id}/attachments/{attachmentId}',
      'POST /cases/{id}/actions',
    ].includes(key)
      ? 'ok'
      : null;
  };

  const send = async (s: Staff, op: Op, c: MatrixCase): Promise<Response> => {
    const url = op.path.replace('{id}', c.id).replace('{attachmentId}', c.attachmentId);
    if (/\{[^}]+\}/.test(url)) throw new Error(`no value for a parameter of ${op.path}`);
    const req = kit.http[op.method](url)
      .set('Authorization', `Bearer ${await s.auth()}`)
      .set('Accept-Language', 'en');
    if (op.method === 'get' || op.method === 'delete') return req;
    if (op.path.endsWith('/attachments')) return req.attach('file', Buffer.concat([TINY_PNG, Buffer.from('matrix')]), 'matrix.png');
    if (op.path.endsWith('/actions')) return req.send({ action: 'note', note: NOTE });
    if (op.path.endsWith('/designation')) return req.send({ unitCode: 'MR-371521', note: '访问矩阵越权指定' });
    return req.send({});
  };

  const bodyText = (res: Response) => {
    const b = res.body;
    if (Buffer.isBuffer(b)) return b.toString('latin1');
    return (res.text ?? '') + (b && typeof b === 'object' ? JSON.stringify(b) : '');
  };

  it('no principal reaches a case its role and unit do not allow, on any case operation of the OpenAPI document or in any list', async () => {
    const failures: string[] = [];
    const tally = { tried: 0, 403: 0, 404: 0, ownerOk: 0, readerOk: 0, leaks: 0, other: 0 };
    const byOp = new Map<string, { 403: number; 404: number }>();

    // The document must list what the matrix is about; a new case operation joins the matrix by itself.
    const keys = ops.map((o) => `${o.method.toUpperCase()} ${o.path}`);
    for (const k of [
      'GET /api/v1/cases/{id}',
      'GET /api/v1/cases/{id}/personal-data',
      'POST /api/v1/cases/{id}/actions',
      'GET /api/v1/business/cases/{id}',
    ])
      if (!keys.includes(k)) failures.push(`the OpenAPI document lists no ${k}`);
    if (lists.length !== 2) failures.push(`expected the two case lists in the document, found ${lists.map((l) => l.path).join(', ')}`);

    for (const op of ops) {
      for (const c of cases) {
        for (const { label, staff } of principals) {
          const rel = relation(staff, c);
          const exp = expected(rel, staff, op);
          const res = await send(staff, op, c);
          const where = `${label} [${rel}] ${op.method.toUpperCase()} ${op.path} on ${c.label} (#${c.id})`;
          tally.tried++;
          const text = bodyText(res);
          const ok = res.status >= 200 && res.status < 300;
          if (res.status === 403 || res.status === 404) {
            tally[res.status]++;
            const k = `${op.method.toUpperCase()} ${op.path}`;
            const row = byOp.get(k) ?? { 403: 0, 404: 0 };
            row[res.status]++;
            byOp.set(k, row);
          } else if (ok && rel === 'owner') tally.ownerOk++;
          else if (ok && rel === 'reader') tally.readerOk++;
          else tally.other++;

          // Leaks: the full phone to anyone but the owner; the tracking number or the respondent to an outsider.
          const leaked: string[] = [];
          if (rel !== 'owner' && text.includes(c.phone)) leaked.push(`phone ${c.phone}`);
          if (rel === 'outsider' && text.includes(c.trackingNo)) leaked.push(`tracking number ${c.trackingNo}`);
          if (rel === 'outsider' && text.includes(c.respondentName)) leaked.push(`respondent ${c.respondentName}`);
          if (leaked.length) {
            tally.leaks++;
            failures.push(`LEAK ${where}: answered ${res.status} with ${leaked.join(', ')}`);
          }

          if (exp === null) failures.push(`${where}: no rule in the matrix for this operation (answered ${res.status})`);
          else if (exp === 'denied' && res.status !== 403 && res.status !== 404)
            failures.push(`${where}: expected 403 or 404, got ${res.status} ${text.slice(0, 200)}`);
          else if (exp === 403 && res.status !== 403) failures.push(`${where}: expected 403, got ${res.status} ${text.slice(0, 200)}`);
          else if (exp === 'ok' && !ok) failures.push(`${where}: expected 2xx, got ${res.status} ${text.slice(0, 200)}`);
        }
      }
    }

    // The lists: an outsider's never holds the case (nor its number); the owner's and a reader's do.
    for (const list of lists) {
      const portal = list.path.startsWith('/api/v1/business/');
      for (const c of cases) {
        for (const { label, staff } of principals) {
          const rel = relation(staff, c);
          for (const query of portal ? ['?view=all&limit=100'] : ['?limit=100', `?q=${c.trackingNo}`]) {
            const res = await kit.http
              .get(`${list.path}${query}`)
              .set('Authorization', `Bearer ${await staff.auth()}`)
              .set('Accept-Language', 'en');
            const where = `${label} [${rel}] GET ${list.path}${query} for ${c.label} (#${c.id})`;
            tally.tried++;
            const text = bodyText(res);
            const ids: string[] = (res.body?.items ?? []).map((i: { id: string }) => String(i.id));
            if (res.status === 403) tally[403]++;
            if (rel !== 'owner' && text.includes(c.phone)) {
              tally.leaks++;
              failures.push(`LEAK ${where}: the phone ${c.phone}`);
            }
            if ((staff.role === 'business') !== portal) {
              if (res.status !== 403) failures.push(`${where}: expected 403 (role), got ${res.status}`);
              continue;
            }
            if (res.status !== 200) {
              failures.push(`${where}: expected 200, got ${res.status} ${text.slice(0, 200)}`);
              continue;
            }
            if (rel === 'outsider') {
              if (ids.includes(c.id) || text.includes(c.trackingNo)) {
                tally.leaks++;
                failures.push(`LEAK ${where}: the outsider's list holds the case`);
              }
            } else {
              if (rel === 'owner') tally.ownerOk++;
              else tally.readerOk++;
              if (!ids.includes(c.id)) failures.push(`${where}: the ${rel}'s list lacks the case`);
            }
          }
        }
      }
    }

    const roles = cases
      .map((c) => {
        const n = (r: Relation) => principals.filter((p) => relation(p.staff, c) === r).length;
        return `${c.label} at ${c.assigneeCode}: ${n('owner')} owner, ${n('reader')} read-only, ${n('outsider')} outsiders`;
      })
      .join('; ');
    const perOp = [...byOp].map(([k, v]) => `${k}: ${v[403]}×403 ${v[404]}×404`).join('; ');
    console.log(
      `access matrix: ${tally.tried} combinations (${principals.length} principals × ${ops.length} case operations × ${cases.length} cases, ` +
        `+ ${lists.length} lists) — ${tally[403]} answered 403, ${tally[404]} answered 404, ${tally.ownerOk} owner 2xx, ` +
        `${tally.readerOk} read-only 2xx (analyst, admin, overseeing county bureau), ${tally.other} other, ${tally.leaks} leaks. Cases: ${roles}. Per operation: ${perOp}`,
    );
    expect(failures).toEqual([]);
  });
});
