import { Injectable } from '@nestjs/common';
import { AppConfig } from '@weiquan/core';
import { filetypeinfo } from 'magic-bytes.js';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

/** What a consumer may attach, recognised by the file's content, never by its name. */
export const ALLOWED_MIME = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'application/pdf'] as const;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_CASE = 20;

export function sniffMime(bytes: Buffer): string | null {
  const found = filetypeinfo(bytes).map((t) => t.mime);
  return ALLOWED_MIME.find((m) => found.includes(m)) ?? null;
}

/** Attachments under the data directory, by content hash: the same file is stored once. */
@Injectable()
export class AttachmentStore {
  private readonly root: string;

  constructor(config: AppConfig) {
    this.root = join(config.dataDir, 'attachments');
  }

  private path(sha256: string): string {
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  async put(bytes: Buffer): Promise<string> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const target = this.path(sha256);
    if (!existsSync(target)) {
      await mkdir(join(this.root, sha256.slice(0, 2)), { recursive: true });
      // Write then rename: a crash never leaves half a file under the final name.
      const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
      await writeFile(temp, bytes);
      await rename(temp, target);
    }
    return sha256;
  }

  open(sha256: string): Readable {
    return createReadStream(this.path(sha256));
  }
}
