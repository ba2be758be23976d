import { AppConfig } from '@weiquan/core';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CaseKit } from './support/case-kit';
import { TINY_PNG } from './support/fixtures';
import { AttachmentStore } from '@weiquan/complaints/consumer/attachment.store';

/**
 * The consumer's key and files (issue 18, "Consumers' keys and files"): guessing access codes for a
 * tracking number stops after 10 wrong ones whatever address the guesses come from; a refused upload
 * writes nothing to disk; stored names lose control, bidi and zero-width characters; downloads are
 * never cached.
 */
describe('consumers’ keys and files', () => {
  let kit: CaseKit;

  beforeAll(async () => {
    kit = await CaseKit.start();
  });

  afterAll(async () => {
    await kit?.close();
  });

  const view = (no: string, code: string, from = '203.0.113.9') =>
    kit.http.get(`/api/v1/complaints/${no}`).set('X-Access-Code', code).set('X-Forwarded-For', from);

  it('ten wrong access codes, from ten addresses, shut the tracking number: the right code answers the same 404 for the hour, after 200 guesses too', async () => {
    const target = await kit.file();
    const other = await kit.file();
    expect((await view(target.trackingNo, target.accessCode)).status).toBe(200);
    const wrong = target.accessCode === '00000000' ? '11111111' : '00000000';
    const answers = [];
    for (let i = 0; i < 10; i++) answers.push(await view(target.trackingNo, wrong, `198.51.100.${i + 1}`));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(404));
    // 190 more guesses (different codes, each from its own claimed address): all the same 404.
    const more = [];
    for (let i = 0; i < 190; i++) {
      const guess = String(10_000_000 + i * 7919).slice(0, 8);
      if (guess !== target.accessCode) more.push((await view(target.trackingNo, guess, `198.51.${100 + (i % 50)}.${i % 250}`)).status);
    }
    expect(new Set(more)).toEqual(new Set([404]));
    const shut = await view(target.trackingNo, target.accessCode);
    expect(shut.status).toBe(404);
    // Indistinguishable from a wrong code or an unknown number.
    expect(shut.body).toEqual(answers[0].body);
    expect((await view('2612039999999', wrong)).body).toEqual(answers[0].body);
    // Another number is untouched.
    expect((await view(other.trackingNo, other.accessCode)).status).toBe(200);
  });

  it('a refused upload writes nothing to disk; a stored name loses control, bidi and zero-width characters; downloads are not cached', async () => {
    const c = await kit.file();
    const base = `/api/v1/complaints/${c.trackingNo}/attachments`;
    // Fill the case up to its 20 files, each a different PNG.
    const png = (n: number) => Buffer.concat([TINY_PNG, Buffer.from(`#${n}`)]);
    for (let i = 0; i < 20; i += 5) {
      const req = kit.http.post(base).set('X-Access-Code', c.accessCode);
      for (let j = i; j < i + 5; j++) void req.attach('file', png(j), `p${j}.png`);
      expect((await req).status).toBe(201);
    }
    const extra = png(99);
    const store = kit.api.app.get(AttachmentStore);
    const stored = (content: Buffer) => {
      const name = store.fileName(createHash('sha256').update(content).digest('hex'));
      return join(root, name.slice(0, 2), name);
    };
    const root = join(kit.api.app.get(AppConfig).dataDir, 'attachments');
    const refused = await kit.http.post(base).set('X-Access-Code', c.accessCode).attach('file', extra, 'extra.png');
    expect(refused.status).toBe(409);
    expect(existsSync(stored(extra))).toBe(false);

    const d = await kit.file();
    // A content never stored before (the store keeps one copy per content, across test runs too).
    const unique = Buffer.concat([TINY_PNG, randomBytes(16)]);
    const named = await kit.http
      .post(`/api/v1/complaints/${d.trackingNo}/attachments`)
      .set('X-Access-Code', d.accessCode)
      .attach('file', unique, { filename: 'fapiao\u202Egnp.exe\u200B.png', contentType: 'image/png' });
    expect(named.status).toBe(201);
    expect(named.body.attachments[0].name).toBe('fapiaognp.exe.png');
    const got = await kit.http
      .get(`/api/v1/complaints/${d.trackingNo}/attachments/${named.body.attachments[0].id}`)
      .set('X-Access-Code', d.accessCode);
    expect(got.status).toBe(200);
    expect(got.headers['cache-control']).toBe('no-store');
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    // Encrypted at rest: the stored file is not the upload, the download is.
    const onDisk = readFileSync(stored(unique));
    expect(onDisk.includes(TINY_PNG.subarray(0, 8))).toBe(false);
    expect(Buffer.from(got.body as Buffer).equals(unique)).toBe(true);
  });

  it('the same new content twice in one upload is stored once, without an error (each write has its own temporary file)', async () => {
    const c = await kit.file();
    const same = Buffer.concat([TINY_PNG, randomBytes(16)]);
    const res = await kit.http
      .post(`/api/v1/complaints/${c.trackingNo}/attachments`)
      .set('X-Access-Code', c.accessCode)
      .attach('file', same, 'a.png')
      .attach('file', same, 'b.png');
    expect(res.status).toBe(201);
    expect(res.body.attachments.map((a: { duplicate: boolean }) => a.duplicate)).toEqual([false, true]);
  });

  it('the handling unit opens the evidence from the case file, every view recorded; a reader who does not handle it cannot', async () => {
    const c = await kit.assigned();
    const up = await kit.http
      .post(`/api/v1/complaints/${c.trackingNo}/attachments`)
      .set('X-Access-Code', c.accessCode)
      .attach('file', TINY_PNG, '小票.png');
    const id = up.body.attachments[0].id as string;
    const handler = await kit.handlerOf(c);
    const opened = await handler.get(`/cases/${c.id}/attachments/${id}`);
    expect(opened.status).toBe(200);
    expect(opened.headers['cache-control']).toBe('no-store');
    const audit = await kit.q<{ username: string; fields: string[] }>(
      `select username, fields from personal_data_access where case_id = $1 order by id`,
      [c.id],
    );
    expect(audit).toEqual([{ username: handler.username, fields: [`attachment:${id}`] }]);
    expect((await (await kit.staff('city-analyst')).get(`/cases/${c.id}/attachments/${id}`)).status).toBe(403);
    const elsewhere = c.assigneeCode === 'ST-371502-002' ? 'ST-371502-001' : 'ST-371502-002';
    expect((await (await kit.staff('station-staff', elsewhere)).get(`/cases/${c.id}/attachments/${id}`)).status).toBe(404);
    expect((await handler.get(`/cases/${c.id}/attachments/999999`)).status).toBe(404);
  });
});
