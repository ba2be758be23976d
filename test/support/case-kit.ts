import type { StaffRole } from '@weiquan/identity';
import { AccountsService } from '@weiquan/identity';
import { RoutingService } from '@weiquan/routing';
import { Client } from 'pg';
import type { Response } from 'supertest';
import { daysAgo } from './fixtures';
import type { TestApi } from './test-api';
import { startTestApi } from './test-api';

/**
 * What the staff case-handling suites share: filing a complaint as a consumer, routing it, staff
 * accounts that sign in through the API, and a clock that can be moved for Date only (timers, the
 * database's now() and the network keep running).
 */
export { daysAgo, shanghaiDay } from './fixtures';

/** Moves `new Date()` / `Date.now()` only; run the work, then the real clock is back. */
export async function at<T>(instant: string, work: () => Promise<T>): Promise<T> {
  jest.useFakeTimers({
    doNotFake: [
      'nextTick',
      'setImmediate',
      'clearImmediate',
      'setTimeout',
      'setInterval',
      'queueMicrotask',
      'clearTimeout',
      'clearInterval',
      'hrtime',
      'performance',
    ],
  });
  jest.setSystemTime(new Date(instant));
  try {
    return await work();
  } finally {
    jest.useRealTimers();
  }
}

export interface Filed {
  trackingNo: string;
  accessCode: string;
  linkedTrackingNo?: string;
  phone: string;
}

export interface Routed {
  id: string;
  trackingNo: string;
  accessCode: string;
  track: 'complaint' | 'report';
  assigneeType: 'station' | 'regulator';
  assigneeCode: string;
}

const PASSWORD = 'case handling test pw';

/** A member of staff: an account in the directory's unit, signing in through POST /auth/login. */
export class Staff {
  private token?: { value: string; at: number };

  constructor(
    private readonly kit: CaseKit,
    readonly id: string,
    readonly username: string,
    readonly role: StaffRole,
    readonly unitCode: string | null,
  ) {}

  /** A fresh token whenever the (possibly moved) clock is far from the one the last was issued at. */
  async auth(): Promise<string> {
    if (!this.token || Math.abs(Date.now() - this.token.at) > 5 * 60_000) {
      const res = await this.kit.http.post('/api/v1/auth/login').send({ username: this.username, password: PASSWORD });
      if (res.status !== 200) throw new Error(`login of ${this.username} answered ${res.status}: ${JSON.stringify(res.body)}`);
      this.token = { value: res.body.accessToken, at: Date.now() };
    }
    return this.token.value;
  }

  async get(path: string, lang = 'en'): Promise<Response> {
    return this.kit.http
      .get(`/api/v1${path}`)
      .set('Authorization', `Bearer ${await this.auth()}`)
      .set('Accept-Language', lang);
  }

  async put(path: string, body: object): Promise<Response> {
    return this.kit.http
      .put(`/api/v1${path}`)
      .set('Authorization', `Bearer ${await this.auth()}`)
      .set('Accept-Language', 'en')
      .send(body);
  }

  async post(path: string, body: object = {}, lang = 'en'): Promise<Response> {
    return this.kit.http
      .post(`/api/v1${path}`)
      .set('Authorization', `Bearer ${await this.auth()}`)
      .set('Accept-Language', lang)
      .send(body);
  }

  async act(caseId: string, body: object): Promise<Response> {
    return this.kit.http
      .post(`/api/v1/cases/${caseId}/actions`)
      .set('Authorization', `Bearer ${await this.auth()}`)
      .set('Accept-Language', 'en')
      .send(body);
  }

  /** An action that must succeed; returns the response body. */
  async do(caseId: string, body: object): Promise<Record<string, unknown>> {
    const res = await this.act(caseId, body);
    if (res.status !== 200)
      throw new Error(`${JSON.stringify(body)} on case ${caseId} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /** The case file, which must be readable. */
  async detail(caseId: string) {
    const res = await this.get(`/cases/${caseId}`);
    if (res.status !== 200) throw new Error(`detail of ${caseId} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  }
}

export class CaseKit {
  private seq = 0;

  private constructor(readonly api: TestApi) {}

  static async start(env: Record<string, string> = {}): Promise<CaseKit> {
    return new CaseKit(
      await startTestApi({ INTAKE_RATE_LIMIT: '100000', LOOKUP_RATE_LIMIT: '100000', LOGIN_RATE_LIMIT: '100000', ...env }),
    );
  }

  get http() {
    return this.api.http;
  }

  close() {
    return this.api.close();
  }

  q<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.api.t.dataSource.query(sql, params);
  }

  /** A statement on a connection of its own, outside TypeORM (whose logger prints every failure). */
  async raw(sql: string, params: unknown[] = []): Promise<unknown[]> {
    const client = new Client({ connectionString: this.api.t.databaseUrl });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows;
    } finally {
      await client.end();
    }
  }

  /**
   * A complaint (or report, or both) about a restaurant in 东昌府区, as a consumer files it online,
   * straight to the department (the formal stage, where the statutory procedure runs). Pass
   * `path: 'settlement'` for a station's help first; a report takes no path.
   */
  body(over: Record<string, unknown> = {}) {
    const n = ++this.seq;
    const report = over.kind === 'report';
    return {
      kind: 'complaint',
      ...(report ? {} : { path: 'formal' }),
      categoryCode: 'catering',
      channel: 'offline',
      consumer: { name: '张三', phone: `1390635${String(n).padStart(4, '0')}`, address: '东昌府区柳园街道某小区 3 号楼' },
      respondent: { name: `聊城市办理测试餐饮店${n}`, address: '东昌府区东昌路 88 号', areaCode: '371502' },
      incidentDate: daysAgo(3),
      amount: 1500,
      description: '在该店消费的套餐与宣传图片严重不符，分量明显不足，店家拒绝退款。',
      demand: '退还餐费 1500 元',
      ...over,
    };
  }

  async file(over: Record<string, unknown> = {}): Promise<Filed> {
    const b = this.body(over);
    const res = await this.http.post('/api/v1/complaints').send(b);
    if (res.status !== 201) throw new Error(`filing answered ${res.status}: ${JSON.stringify(res.body)}`);
    return {
      trackingNo: res.body.trackingNo,
      accessCode: res.body.accessCode,
      linkedTrackingNo: res.body.linkedTrackingNo,
      phone: (b.consumer as { phone: string }).phone,
    };
  }

  /** Routes round `round` of the case now (what the worker does) and answers where it went. */
  async route(trackingNo: string, accessCode = '', round = 0): Promise<Routed> {
    const [{ id }] = await this.q<{ id: string }>(`select id::text as id from cases where tracking_no = $1`, [trackingNo]);
    const [outcome] = await this.api.app.get(RoutingService).routeMany([{ caseId: id, round }]);
    if (outcome?.state !== 'assigned') throw new Error(`routing ${trackingNo} round ${round}: ${JSON.stringify(outcome)}`);
    const [row] = await this.q<{ track: 'complaint' | 'report'; assignee_type: 'station' | 'regulator'; assignee_code: string }>(
      `select track, assignee_type, assignee_code from cases where id = $1`,
      [id],
    );
    return { id, trackingNo, accessCode, track: row.track, assigneeType: row.assignee_type, assigneeCode: row.assignee_code };
  }

  /** Files and routes: the case waiting at its unit. */
  async assigned(over: Record<string, unknown> = {}): Promise<Routed & { phone: string }> {
    const f = await this.file(over);
    return { ...(await this.route(f.trackingNo, f.accessCode)), phone: f.phone };
  }

  async staff(role: StaffRole, unitCode?: string | null): Promise<Staff> {
    const username = `${role.replace(/[^a-z]/g, '').slice(0, 8)}-${++this.seq}`;
    const { user } = await this.api.app
      .get(AccountsService)
      .create({ username, password: PASSWORD, displayName: username, role, unitCode: unitCode ?? undefined });
    return new Staff(this, user.id, username, role, unitCode ?? null);
  }

  /** A member of staff of the unit the case is assigned to. */
  handlerOf(c: { assigneeType: string; assigneeCode: string }): Promise<Staff> {
    return this.staff(c.assigneeType === 'station' ? 'station-staff' : 'regulator-staff', c.assigneeCode);
  }

  /** The consumer's view: GET /complaints/{no} with the access code. */
  async consumerView(trackingNo: string, accessCode: string) {
    const res = await this.http.get(`/api/v1/complaints/${trackingNo}`).set('X-Access-Code', accessCode).set('Accept-Language', 'en');
    if (res.status !== 200) throw new Error(`consumer view answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /** The SMS notices of a case's steps, in order (the filing receipt every case gets is tested on its own). */
  notificationKinds(caseId: string): Promise<string[]> {
    return this.q<{ kind: string }>(
      `select kind from notification where case_id = $1 and channel = 'sms' and kind <> 'received' order by id`,
      [caseId],
    ).then((r) => r.map((x) => x.kind));
  }
}
