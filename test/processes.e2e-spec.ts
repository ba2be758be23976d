import type { ChildProcess } from 'node:child_process';
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestEnv } from './support/test-env';
import { createTestEnv, deleteRedisKeys } from './support/test-env';

/**
 * The built processes as an operator runs them: the start command end to end (embedded PostgreSQL,
 * private Redis; or DATABASE_URL and REDIS_URL), and refusal of a bad environment.
 */
const ROOT = join(__dirname, '..');
const built = (rel: string) => {
  const path = join(ROOT, rel);
  if (!existsSync(path)) throw new Error(`${rel} is missing: run "npm run build" (npm test does it)`);
  return path;
};

/** The environment without anything that would point the child at our services by accident. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of ['DATABASE_URL', 'REDIS_URL', 'PORT', 'DATA_DIR', 'DATA_KEY', 'TOKEN_SECRET', 'QUEUE_PREFIX']) delete env[k];
  // The test command has installed and built already: the start command must not do it again here.
  return { ...env, LOG_LEVEL: 'warn', WEIQUAN_NO_PREPARE: '1', ...extra };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

describe('a bad environment stops start-up with a message naming the variable', () => {
  const key = randomBytes(32).toString('base64');
  const env = cleanEnv({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres', DATA_KEY: key, TOKEN_SECRET: key });

  it.each([
    ['api', { PORT: 'abc' }, 'dist/apps/api/src/main.js', /PORT: must be an integer between 1 and 65535 \(got "abc"\)/],
    ['worker', { REDIS_URL: 'localhost:6379' }, 'dist/apps/worker/src/main.js', /REDIS_URL: must be a URL starting with redis:\/\//],
    ['api', { DATABASE_URL: '' }, 'dist/apps/api/src/main.js', /DATABASE_URL: is required but not set/],
    ['cli', { DATA_KEY: 'short' }, 'dist/apps/cli/src/main.js', /DATA_KEY: must be 32 bytes/],
  ])('%s with %j exits 1', (_name, overrides, script, message) => {
    const r = spawnSync(process.execPath, [built(script), ...(script.includes('cli') ? ['migrate'] : [])], {
      env: { ...env, ...overrides },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/配置无效 \/ invalid configuration/);
    expect(r.stderr).toMatch(message);
  });
});

describe('the import command (operators replacing the sample list)', () => {
  let t: TestEnv;
  let dir: string;
  beforeAll(async () => {
    t = await createTestEnv();
    dir = mkdtempSync(join(tmpdir(), 'weiquan-import-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t?.dispose();
  });

  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [built('dist/apps/cli/src/main.js'), ...args], { env: cleanEnv(t.env), encoding: 'utf8', timeout: 30_000 });

  it('refuses a file with a bad row, printing its line and reason, exit 1, nothing written', async () => {
    expect(cli('setup').status).toBe(0);
    const file = join(dir, 'bureau.csv');
    writeFileSync(
      file,
      [
        '站点编码,站点名称,类型,区域代码,地址,纬度,经度,受理品类,容量',
        'R-1,甲服务站,商场,371502,东昌府区甲路1号,36.45,115.98,餐饮服务,30',
        'R-2,乙服务站,社区,370000,东昌府区乙路2号,36.46,115.99,household,20',
      ].join('\n'),
    );
    const r = cli('directory:import', file);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('目录未作任何改动');
    expect(r.stderr).toMatch(/第 3 行 \(line 3\) \[areaCode\]: 未知的区域代码 "370000"/);
    const [{ n }] = await t.dataSource.query(`select count(*)::int as n from station where active and code like 'ST-%'`);
    expect(n).toBe(191);
    const missing = cli('directory:import', file.replace('bureau', 'none'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/找不到文件 \/ file not found: .*none\.csv/);
  });

  it('imports a good file in replace mode and reports the counts', async () => {
    const file = join(dir, 'good.csv');
    writeFileSync(
      file,
      ['code,name,type,areaCode,address,categories,capacity', 'G-1,好服务站,market,371521,阳谷县某路,food,25'].join('\n'),
    );
    const r = cli('directory:import', file, '--mode', 'replace');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/新增 created 1, 更新 updated 0, 停用 deactivated 191/);
    const [{ n }] = await t.dataSource.query(`select count(*)::int as n from station where active`);
    expect(n).toBe(1);
  });

  it('answers bad usage with exit 2 and the usage text', () => {
    const r = cli('directory:import', 'x.csv', '--mode', 'sideways');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--mode/);
  });
});

describe('npm start (scripts/start.mjs)', () => {
  // Two full starts on embedded PostgreSQL: slow on a loaded 2-core machine, so a generous limit.
  jest.setTimeout(240_000);
  let child: ChildProcess | undefined;
  let dataDir: string;
  let output = '';

  async function start(env: NodeJS.ProcessEnv, args: string[]): Promise<string> {
    output = '';
    child = spawn(process.execPath, [join(ROOT, 'scripts', 'start.mjs'), ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (b) => (output += b));
    child.stderr!.on('data', (b) => (output += b));
    const until = Date.now() + 150_000;
    // The banner's last line: the lines after "weiquan is up" (addresses, process ids, accounts) may
    // arrive in a later chunk of output.
    while (!output.includes('Ctrl+C 停止 / to stop')) {
      if (child.exitCode !== null) throw new Error(`start exited ${child.exitCode}:\n${output}`);
      if (Date.now() > until) throw new Error(`start did not come up:\n${output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    return output;
  }

  async function stop(): Promise<number | null> {
    if (!child || child.exitCode !== null) return child?.exitCode ?? null;
    const exited = new Promise<number | null>((r) => child!.once('exit', (code) => r(code)));
    child.kill('SIGTERM');
    return exited;
  }

  async function expectServing(base: string) {
    const stations = (await (await fetch(`${base}/api/v1/directory/stations`)).json()) as { areaCode: string; active: boolean }[];
    expect(stations).toHaveLength(191);
    expect(stations.every((s) => s.active)).toBe(true);
    expect(new Set(stations.map((s) => s.areaCode)).size).toBe(11);
    const ready = (await (await fetch(`${base}/health/ready`)).json()) as { details: Record<string, { status: string }> };
    expect(ready.details.database.status).toBe('up');
    expect(ready.details.redis.status).toBe('up');
    const page = await (await fetch(`${base}/`, { headers: { accept: 'text/html' } })).text();
    expect(page).toContain('聊城市消费维权服务平台');
  }

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'weiquan-start-'));
  });

  afterEach(async () => {
    await stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('with no environment: embedded PostgreSQL and a private Redis, then a clean stop; data survives a restart', async () => {
    const port = await freePort();
    const env = cleanEnv({ DATA_DIR: dataDir, PORT: String(port) });
    const banner = await start(env, ['--private-redis']);
    expect(banner).toMatch(/embedded PostgreSQL/);
    expect(banner).toMatch(/private redis-server on 127\.0\.0\.1:(\d+) \(pid (\d+)\)/);
    const redisPid = Number(banner.match(/\(pid (\d+)\)/)![1]);
    await expectServing(`http://127.0.0.1:${port}`);
    expect(existsSync(join(dataDir, 'secrets.json'))).toBe(true);

    // Demo accounts, one per role, printed and usable: a station's staff signs in and sees its queue.
    const accounts: { username: string; password: string; role: string }[] = JSON.parse(
      readFileSync(join(dataDir, 'demo-accounts.json'), 'utf8'),
    );
    expect(accounts.map((a) => a.role).sort()).toEqual([
      'admin',
      'business',
      'city-analyst',
      'regulator-staff',
      'regulator-staff',
      'station-admin',
      'station-staff',
    ]);
    for (const a of accounts) expect(banner).toContain(a.username);
    const staff = accounts.find((a) => a.role === 'station-staff')!;
    const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: staff.username, password: staff.password }),
    });
    expect(login.status).toBe(200);
    const { accessToken } = (await login.json()) as { accessToken: string };
    const queue = await fetch(`http://127.0.0.1:${port}/api/v1/cases?overdue=false`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(queue.status).toBe(200);
    expect(await queue.json()).toEqual({ items: [], nextCursor: null });
    // The demo business (an enrolled tenant of the station's venue) signs in to its portal.
    const business = accounts.find((a) => a.role === 'business')!;
    const bizLogin = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: business.username, password: business.password }),
    });
    const bizToken = ((await bizLogin.json()) as { accessToken: string }).accessToken;
    const bizQueue = await fetch(`http://127.0.0.1:${port}/api/v1/business/cases`, { headers: { authorization: `Bearer ${bizToken}` } });
    expect(bizQueue.status).toBe(200);

    // Consumers file at the same time: the API's pooled connections share PGlite's one session, so
    // the statement each prepares must not collide with another's; each filing is then looked up.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const filings = await Promise.all(
      Array.from({ length: 8 }, async (_, i) => {
        const res = await fetch(`http://127.0.0.1:${port}/api/v1/complaints`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            kind: i % 4 === 0 ? 'both' : 'complaint',
            categoryCode: 'catering',
            consumer: { name: '王五', phone: `1380635${String(i).padStart(4, '0')}`, address: '东昌府区柳园街道' },
            respondent: { name: `聊城市第${i}餐饮店`, address: '东昌府区东昌路 1 号', areaCode: '371502' },
            incidentDate: today,
            description: '菜品变质，店家拒绝退款。',
            demand: '退还餐费',
          }),
        });
        return { status: res.status, body: (await res.json()) as { trackingNo: string; accessCode: string; linkedTrackingNo?: string } };
      }),
    );
    expect(filings.map((f) => f.status)).toEqual(Array(8).fill(201));
    expect(filings.filter((f) => f.body.linkedTrackingNo)).toHaveLength(2);
    for (const { body } of filings) {
      const status = await fetch(`http://127.0.0.1:${port}/api/v1/complaints/${body.trackingNo}`, {
        headers: { 'x-access-code': body.accessCode },
      });
      expect(status.status).toBe(200);
    }

    expect(await stop()).toBe(0);
    await new Promise((r) => setTimeout(r, 300));
    expect(() => process.kill(redisPid, 0)).toThrow(); // the private Redis went with it

    // Second start on the same data: nothing re-created, still 191 stations.
    const again = await start(env, ['--private-redis']);
    expect(again).toMatch(/migrations applied: none/);
    expect(again).toMatch(/"stations":0/);
    await expectServing(`http://127.0.0.1:${port}`);
  });

  describe('with DATABASE_URL and REDIS_URL', () => {
    let t: TestEnv;
    beforeAll(async () => {
      t = await createTestEnv();
    });
    afterAll(async () => {
      await t?.dispose();
    });

    it('uses them', async () => {
      const port = await freePort();
      const prefix = `tstart${process.pid}`;
      const banner = await start(
        cleanEnv({ DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: t.databaseUrl, REDIS_URL: t.redisUrl, QUEUE_PREFIX: prefix }),
        [],
      );
      expect(banner).toMatch(/DATABASE_URL \(127\.0\.0\.1:5432\)/);
      expect(banner).toMatch(/REDIS_URL/);
      await expectServing(`http://127.0.0.1:${port}`);
      const [{ n }] = await t.dataSource.query(`select count(*)::int as n from station`);
      expect(n).toBe(191);
      expect(await stop()).toBe(0);
      await deleteRedisKeys(t.redisUrl, prefix);
    });

    it('restarts a worker or an API that dies, keeps the rest up, and says so', async () => {
      const port = await freePort();
      const prefix = `tsup${process.pid}`;
      const base = `http://127.0.0.1:${port}`;
      const banner = await start(
        cleanEnv({ DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: t.databaseUrl, REDIS_URL: t.redisUrl, QUEUE_PREFIX: prefix }),
        [],
      );
      const [, apiPid, workerPid] = banner.match(/api pid (\d+), worker pid (\d+)/)!.map(Number);

      // The worker is killed: the API keeps answering throughout, and the worker comes back.
      process.kill(workerPid, 'SIGKILL');
      const until = Date.now() + 15_000;
      let restarted: RegExpMatchArray | null;
      while (!(restarted = output.match(/worker 已重启 \/ restarted \(pid (\d+)\)/)) && Date.now() < until) {
        expect((await fetch(`${base}/health/live`)).status).toBe(200);
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(output).toMatch(/worker 已退出 \/ exited \(SIGKILL\); 1 秒后重启/);
      expect(restarted).not.toBeNull();
      const newWorker = Number(restarted![1]);
      expect(newWorker).not.toBe(workerPid);
      expect(() => process.kill(newWorker, 0)).not.toThrow();

      // The new worker does the work: a complaint filed now is routed to a unit.
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
      const filed = await fetch(`${base}/api/v1/complaints`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          kind: 'complaint',
          categoryCode: 'catering',
          consumer: { name: '赵六', phone: '13806351234' },
          respondent: { name: '聊城市某餐饮店', address: '东昌府区东昌路 2 号', areaCode: '371502' },
          incidentDate: today,
          description: '菜品变质，店家拒绝退款。',
          demand: '退还餐费',
        }),
      });
      expect(filed.status).toBe(201);
      const { trackingNo, accessCode } = (await filed.json()) as { trackingNo: string; accessCode: string };
      let assignee: unknown = null;
      for (let i = 0; i < 50 && !assignee; i++) {
        await new Promise((r) => setTimeout(r, 200));
        const view = await fetch(`${base}/api/v1/complaints/${trackingNo}`, { headers: { 'x-access-code': accessCode } });
        assignee = ((await view.json()) as { assignee: unknown }).assignee;
      }
      expect(assignee).toMatchObject({ code: expect.any(String) });

      // The API is killed: it answers again within seconds.
      process.kill(apiPid, 'SIGKILL');
      let back = false;
      for (let i = 0; i < 75 && !back; i++) {
        await new Promise((r) => setTimeout(r, 200));
        back = await fetch(`${base}/health/live`).then(
          (r) => r.ok,
          () => false,
        );
      }
      expect(back).toBe(true);
      expect(output).toMatch(/api 已重启 \/ restarted/);
      expect(await stop()).toBe(0);
      await deleteRedisKeys(t.redisUrl, prefix);
    });
  });
});
