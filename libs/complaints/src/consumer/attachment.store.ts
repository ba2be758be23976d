import { Injectable } from '@nestjs/common';
import { AppConfig, PersonalDataCipher } from '@weiquan/core';
import { filetypeinfo } from 'magic-bytes.js';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open as openFile, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';

/** What a consumer may attach, recognised by the file's content, never by its name. */
export const ALLOWED_MIME = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'application/pdf'] as const;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_CASE = 20;

export function sniffMime(bytes: Buffer): string | null {
  const found = filetypeinfo(bytes).map((t) => t.mime);
  return ALLOWED_MIME.find((m) => found.includes(m)) ?? null;
}

/** The first bytes of a file stored encrypted (files stored before encryption have none, and are read as they are). */
const SEALED = Buffer.from('WQE1');

/** A file received and sealed in a temporary file, not yet kept. */
export interface SealedUpload {
  /** The temporary file (sealed), until `keep` moves it into place or `discard` removes it. */
  path: string;
  sha256: string;
  size: number;
}

/**
 * Attachments under the data directory, by content hash: the same file is stored once. Receipts,
 * contracts and photos hold personal data, so each file is encrypted at rest like the phone number
 * (AES-256-GCM with the personal-data key, PersonalDataCipher). Uploads are sealed as they stream
 * in (no plain byte reaches the disk, no whole file is held in memory); a download (≤ 10 MB) is
 * opened in memory, so a damaged file is an error before the answer starts.
 */
@Injectable()
export class AttachmentStore {
  private readonly root: string;

  constructor(
    config: AppConfig,
    private readonly cipher: PersonalDataCipher,
  ) {
    this.root = join(config.dataDir, 'attachments');
  }

  /**
   * Where a content is kept: named by a keyed hash of its SHA-256, so the name reveals nothing of the
   * content, and deployments (or test runs) with different keys never read each other's files.
   */
  fileName(sha256: string): string {
    return this.cipher.hash('attachment-file', sha256).toString('hex');
  }

  private path(sha256: string): string {
    const name = this.fileName(sha256);
    return join(this.root, name.slice(0, 2), name);
  }

  /** Where files were kept before they were encrypted (by their plain SHA-256). */
  private legacyPath(sha256: string): string {
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  /**
   * Seals a file's content as it arrives into a temporary file of its own (two uploads of the same
   * content at once each write their own), hashing the plain content on the way. The tag is written
   * into its reserved place at the end. A failure removes the temporary file.
   */
  async seal(source: AsyncIterable<Buffer>): Promise<SealedUpload> {
    const temp = join(this.root, 'tmp', `${randomUUID()}.tmp`);
    await mkdir(dirname(temp), { recursive: true });
    const file = await openFile(temp, 'wx', 0o600);
    try {
      const sealer = this.cipher.sealer();
      const hash = createHash('sha256');
      let size = 0;
      await file.write(Buffer.concat([SEALED, sealer.head, Buffer.alloc(sealer.tagBytes)]));
      for await (const chunk of source) {
        size += chunk.length;
        hash.update(chunk);
        await file.write(sealer.update(chunk));
      }
      const { last, tag } = sealer.final();
      await file.write(last);
      await file.write(tag, 0, tag.length, SEALED.length + sealer.tagOffset);
      await file.close();
      return { path: temp, sha256: hash.digest('hex'), size };
    } catch (err) {
      await file.close().catch(() => undefined);
      await this.discard(temp);
      throw err;
    }
  }

  /** Moves a sealed upload into place under its content's name (the same content already kept: the copy is dropped). */
  async keep(upload: SealedUpload): Promise<void> {
    const target = this.path(upload.sha256);
    if (existsSync(target)) return this.discard(upload.path);
    await mkdir(dirname(target), { recursive: true });
    // Rename: a crash never leaves half a file under the final name.
    await rename(upload.path, target);
  }

  /** Removes a temporary file (gone already: nothing to do). */
  async discard(path: string): Promise<void> {
    await rm(path, { force: true });
  }

  /** The file's content, decrypted (read before the answer starts, so a bad file is an error, not half a download). */
  async open(sha256: string): Promise<Readable> {
    const current = this.path(sha256);
    const stored = await readFile(existsSync(current) ? current : this.legacyPath(sha256));
    const sealed = stored.subarray(0, SEALED.length).equals(SEALED);
    return Readable.from([sealed ? this.cipher.open(stored.subarray(SEALED.length)) : stored]);
  }
}
