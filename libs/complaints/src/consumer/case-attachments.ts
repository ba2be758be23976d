import { Injectable, StreamableFile } from '@nestjs/common';
import { ConsumerStepsRepository } from '@weiquan/cases/lifecycle/consumer-steps.repository';
import { LocalizedException } from '@weiquan/core';
import type { Readable } from 'node:stream';
import type { Response } from 'express';
import { AttachmentStore, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_CASE, sniffMime } from './attachment.store';
import { AttachmentRow, ConsumerCaseRepository } from './consumer-case.repository';

export interface UploadedFileInput {
  originalname: string;
  buffer: Buffer;
  size: number;
}

/** Who adds a file: the consumer (choosing whether the business may see it), or the business answering. */
export type Uploader = { by: 'consumer'; sharedWithBusiness: boolean } | { by: 'business'; userId: string; creditCode: string };

/**
 * The stored name of an upload. Multipart file names arrive decoded as Latin-1; browsers send UTF-8
 * (e.g. 小票.png). Control characters, bidirectional overrides and zero-width characters are dropped
 * (a name like "invoice\u202Egnp.exe" must not read as something else on a staff screen), path
 * separators become "_".
 */
function fileName(raw: string): string {
  const utf8 = Buffer.from(raw, 'latin1').toString('utf8');
  const name = utf8.includes('\uFFFD') ? raw : utf8;
  const clean = name
    .normalize('NFC')
    .replace(/[\p{Cc}\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/gu, '')
    .replace(/[\\/]/g, '_')
    .trim();
  return [...clean].slice(0, 200).join('') || 'file';
}

/**
 * A case's files (this library owns the `attachment` table): checked by content and size, stored by
 * content hash, recorded with who added them and whether the business may see them.
 */
@Injectable()
export class CaseAttachments {
  constructor(
    private readonly repo: ConsumerCaseRepository,
    private readonly store: AttachmentStore,
    private readonly steps: ConsumerStepsRepository,
  ) {}

  async add(caseId: string, files: UploadedFileInput[], who: Uploader) {
    if (!files.length)
      throw new LocalizedException(400, { zh: '请选择要上传的文件（字段名 file）', en: 'no file uploaded (field name "file")' });
    const checked = files.map((f) => {
      const mime = sniffMime(f.buffer);
      if (f.size > MAX_ATTACHMENT_BYTES)
        throw new LocalizedException(413, { zh: `文件 ${f.originalname} 超过 10 MB`, en: `${f.originalname} is larger than 10 MB` });
      if (!mime) {
        throw new LocalizedException(415, {
          zh: `文件 ${f.originalname} 不是图片（JPEG/PNG/WebP/GIF）或 PDF`,
          en: `${f.originalname} is not an image (JPEG/PNG/WebP/GIF) or a PDF`,
        });
      }
      return { file: f, mime, name: fileName(f.originalname) };
    });
    // Nothing touches the disk for a request that would be refused: the count is checked first (and
    // again under the case's lock below, for two uploads racing).
    if ((await this.repo.countAttachments(undefined, caseId)) + checked.length > MAX_ATTACHMENTS_PER_CASE) throw tooMany();
    // Files next (content-addressed, harmless if unused), then the rows in one transaction.
    const stored = await Promise.all(checked.map(async (x) => ({ ...x, sha256: await this.store.put(x.file.buffer) })));
    return this.repo.transaction(async (tx) => {
      await this.repo.lockCase(tx, caseId);
      if ((await this.repo.countAttachments(tx, caseId)) + stored.length > MAX_ATTACHMENTS_PER_CASE) throw tooMany();
      const added = [];
      for (const s of stored) {
        const id = await this.repo.addAttachment(tx, caseId, {
          sha256: s.sha256,
          mime: s.mime,
          size: s.file.size,
          name: s.name,
          uploadedBy: who.by,
          sharedWithBusiness: who.by === 'business' || who.sharedWithBusiness,
        });
        if (id)
          await this.steps.addEvent(
            tx,
            caseId,
            'attachment',
            null,
            { name: s.name, attachmentId: id, by: who.by },
            who.by === 'business' ? { type: 'staff', id: who.userId, unitCode: who.creditCode } : undefined,
          );
        added.push({ id, name: s.name, mime: s.mime, size: s.file.size, duplicate: id === null });
      }
      return { attachments: added };
    });
  }

  list(caseId: string): Promise<AttachmentRow[]> {
    return this.repo.attachments(caseId);
  }

  /** One file of the case, if `visible` lets the reader see it (else the same 404 as no such file). */
  async open(
    caseId: string,
    attachmentId: string,
    visible: (a: AttachmentRow) => boolean = () => true,
  ): Promise<{ mime: string; name: string; size: number; stream: Readable }> {
    const a = (await this.repo.attachments(caseId)).find((x) => x.id === attachmentId && visible(x));
    if (!a) throw new LocalizedException(404, { zh: '没有这个附件', en: 'no such attachment' });
    return { mime: a.mime, name: a.name, size: a.size, stream: await this.store.open(a.sha256) };
  }
}

function tooMany() {
  return new LocalizedException(409, {
    zh: `每件最多 ${MAX_ATTACHMENTS_PER_CASE} 个附件`,
    en: `at most ${MAX_ATTACHMENTS_PER_CASE} attachments per case`,
  });
}

/**
 * A stored file as the answer to a download: always a download (never rendered by the browser),
 * its type never guessed, and never kept by a browser or proxy cache (it may hold personal data).
 */
export function fileAnswer(res: Response, file: { mime: string; name: string; size: number; stream: Readable }): StreamableFile {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Cache-Control', 'no-store');
  return new StreamableFile(file.stream, {
    type: file.mime,
    length: file.size,
    disposition: `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
  });
}
