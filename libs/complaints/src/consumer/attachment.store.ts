import { Injectable } from '@nestjs/common';
import { AppConfig, PersonalDataCipher } from '@weiquan/core';
import { filetypeinfo } from 'magic-bytes.js';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
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

/**
 * Attachments under the data directory, by content hash: the same file is stored once. Receipts,
 * contracts and photos hold personal data, so each file is encrypted at rest like the phone number
 * (AES-256-GCM with the personal-data key, PersonalDataCipher); a file is at most 10 MB, sealed and
 * opened in memory.
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

  async put(bytes: Buffer): Promise<string> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const target = this.path(sha256);
    if (!existsSync(target)) {
      await mkdir(dirname(target), { recursive: true });
      // Write then rename: a crash never leaves half a file under the final name.
      // A temporary name of its own: two uploads of the same content at once (the same request may
      // carry it twice) each write their own file, and either rename leaves the same content in place.
      const temp = `${target}.${randomUUID()}.tmp`;
      await writeFile(temp, Buffer.concat([SEALED, this.cipher.seal(bytes)]));
      await rename(temp, target);
    }
    return sha256;
  }

  /** The file's content, decrypted (read before the answer starts, so a bad file is an error, not half a download). */
  async open(sha256: string): Promise<Readable> {
    const current = this.path(sha256);
    const stored = await readFile(existsSync(current) ? current : this.legacyPath(sha256));
    const sealed = stored.subarray(0, SEALED.length).equals(SEALED);
    return Readable.from([sealed ? this.cipher.open(stored.subarray(SEALED.length)) : stored]);
  }
}
