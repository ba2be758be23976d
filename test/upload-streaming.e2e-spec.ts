import { AppConfig } from '@weiquan/core';
import { AttachmentStore } from '@weiquan/complaints/consumer/attachment.store';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CaseKit } from './support/case-kit';
import { TINY_PNG } from './support/fixtures';

/**
 * Uploads stream in sealed: the case and its room for files are checked before the body is read,
 * the type by the first bytes before anything is written, and the content is encrypted as it
 * arrives into a temporary file that is kept or removed; no request holds a whole file in memory and
 * no refused or failed upload leaves a file behind. A data directory of this file's own, so the
 * temporary files seen are this file's.
 */
describe('attachment uploads, streamed and sealed', () => {
  const dataDir = `/tmp/weiquan-test-uploads-${process.pid}`;
  let kit: CaseKit;
  let root: string;
  let store: AttachmentStore;

  beforeAll(async () => {
    kit = await CaseKit.start({ DATA_DIR: dataDir });
    root = join(kit.api.app.get(AppConfig).dataDir, 'attachments');
    store = kit.api.app.get(AttachmentStore);
  });

  afterAll(async () => {
    await kit?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const temporary = () => (existsSync(join(root, 'tmp')) ? readdirSync(join(root, 'tmp')) : []);
  const storedPath = (content: Buffer) => {
    const name = store.fileName(createHash('sha256').update(content).digest('hex'));
    return join(root, name.slice(0, 2), name);
  };
  const upload = (no: string, code: string) => kit.http.post(`/api/v1/complaints/${no}/attachments`).set('X-Access-Code', code);
  /** A PDF of about `mb` megabytes (a header a reader recognises, then random bytes). */
  const pdf = (mb: number) =>
    Buffer.concat([Buffer.from('%PDF-1.7\n%\xE2\xE3\xCF\xD3\n', 'latin1'), randomBytes(Math.round(mb * 1024 * 1024))]);

  it('a 6 MB PDF streams in across many chunks, is stored encrypted under its keyed name, and downloads byte for byte', async () => {
    const c = await kit.file();
    const content = pdf(6);
    const res = await upload(c.trackingNo, c.accessCode).attach('file', content, 'contract.pdf');
    expect(res.status).toBe(201);
    expect(res.body.attachments).toEqual([
      expect.objectContaining({ name: 'contract.pdf', mime: 'application/pdf', size: content.length }),
    ]);
    const onDisk = readFileSync(storedPath(content));
    // The sealed layout: marker, version, IV, tag, then as many bytes of ciphertext as of content.
    expect(onDisk.subarray(0, 4).toString()).toBe('WQE1');
    expect(onDisk.length).toBe(4 + 1 + 12 + 16 + content.length);
    expect(onDisk.includes(content.subarray(100, 164))).toBe(false);
    const got = await kit.http
      .get(`/api/v1/complaints/${c.trackingNo}/attachments/${res.body.attachments[0].id}`)
      .set('X-Access-Code', c.accessCode)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (b: Buffer) => chunks.push(b));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(got.status).toBe(200);
    expect(Buffer.from(got.body as Buffer).equals(content)).toBe(true);
    expect(temporary()).toEqual([]);
  });

  it('refusals leave no file: a wrong key (404), a case without room (409), a type that is not an image or PDF (415), a file over 10 MB (413)', async () => {
    const c = await kit.file();
    const before = () =>
      readdirSync(root)
        .filter((d) => d !== 'tmp')
        .flatMap((d) => readdirSync(join(root, d))).length;
    const files = before();

    const wrongKey = await upload(c.trackingNo, c.accessCode === '00000000' ? '11111111' : '00000000').attach('file', pdf(1), 'a.pdf');
    expect(wrongKey.status).toBe(404);

    const exe = Buffer.concat([Buffer.from('MZ'), randomBytes(64 * 1024)]);
    const wrongType = await upload(c.trackingNo, c.accessCode).attach('file', exe, 'photo.png');
    expect(wrongType.status).toBe(415);
    expect(wrongType.body.message).toContain('photo.png');

    // One good file then one too large: the whole request is refused and the good one not kept either.
    const good = Buffer.concat([TINY_PNG, randomBytes(32)]);
    const tooLarge = await upload(c.trackingNo, c.accessCode).attach('file', good, 'ok.png').attach('file', pdf(10.5), 'big.pdf');
    expect(tooLarge.status).toBe(413);
    expect(existsSync(storedPath(good))).toBe(false);

    // A case with 18 files takes 2 more: the third of an upload of three is refused, and none is kept.
    const full = await kit.file();
    for (const n of [5, 5, 5, 3]) {
      const req = upload(full.trackingNo, full.accessCode);
      for (let j = 0; j < n; j++) void req.attach('file', Buffer.concat([TINY_PNG, randomBytes(8)]), `p${j}.png`);
      expect((await req).status).toBe(201);
    }
    const three = [0, 1, 2].map(() => Buffer.concat([TINY_PNG, randomBytes(8)]));
    const over = upload(full.trackingNo, full.accessCode);
    three.forEach((b, i) => void over.attach('file', b, `x${i}.png`));
    expect((await over).status).toBe(409);
    for (const b of three) expect(existsSync(storedPath(b))).toBe(false);

    expect(temporary()).toEqual([]);
    // Only the 18 files of the full case were kept: nothing of a refused upload.
    expect(before() - files).toBe(18);
  });

  it('two uploads of the same new content at once both succeed, and it is kept once', async () => {
    const a = await kit.file();
    const b = await kit.file();
    const same = pdf(2);
    const [ra, rb] = await Promise.all([
      upload(a.trackingNo, a.accessCode).attach('file', same, 'same.pdf'),
      upload(b.trackingNo, b.accessCode).attach('file', same, 'same.pdf'),
    ]);
    expect([ra.status, rb.status]).toEqual([201, 201]);
    expect(existsSync(storedPath(same))).toBe(true);
    expect(temporary()).toEqual([]);
  });
});
