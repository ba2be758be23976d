import { Injectable, StreamableFile } from '@nestjs/common';
import { ConsumerStepsRepository } from '@weiquan/cases/lifecycle/consumer-steps.repository';
import { LocalizedException } from '@weiquan/core';
import type { Readable } from 'node:stream';
import type { Response } from 'express';
import { AttachmentStore, MAX_ATTACHMENTS_PER_CASE } from './attachment.store';
import type { UploadedFileInput, UploadTarget } from './sealed-uploads';
import { tooManyFiles } from './sealed-uploads';
import { AttachmentRow, ConsumerCaseRepository } from './consumer-case.repository';

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
 * A case's files (this library owns the `attachment` table): checked by content and size as they
 * arrive (sealed-uploads.ts), stored by content hash, recorded with who added them and whether the
 * business may see them.
 */
@Injectable()
export class CaseAttachments {
  constructor(
    private readonly repo: ConsumerCaseRepository,
    private readonly store: AttachmentStore,
    private readonly steps: ConsumerStepsRepository,
  ) {}

  /** Where an upload to the case goes and how many more files it takes: the upload guards ask before a byte of the body is read. */
  async uploadTarget(caseId: string): Promise<UploadTarget> {
    const slots = MAX_ATTACHMENTS_PER_CASE - (await this.repo.countAttachments(undefined, caseId));
    if (slots <= 0) throw tooManyFiles();
    return { caseId, slots, store: this.store, received: 0 };
  }

  /**
   * Keeps the files a request uploaded (sealed in temporary files by SEALED_UPLOADS) and records
   * them; the count is checked again under the case's lock, for two uploads racing. Whatever is not
   * kept is removed.
   */
  async add(caseId: string, files: UploadedFileInput[], who: Uploader) {
    try {
      if (!files.length)
        throw new LocalizedException(400, { zh: '请选择要上传的文件（字段名 file）', en: 'no file uploaded (field name "file")' });
      return await this.repo.transaction(async (tx) => {
        await this.repo.lockCase(tx, caseId);
        if ((await this.repo.countAttachments(tx, caseId)) + files.length > MAX_ATTACHMENTS_PER_CASE) throw tooManyFiles();
        // Files into place first (content-addressed, harmless if the rows roll back), then the rows.
        for (const f of files) await this.store.keep(f);
        const added = [];
        for (const f of files) {
          const name = fileName(f.originalname);
          const id = await this.repo.addAttachment(tx, caseId, {
            sha256: f.sha256,
            mime: f.mime,
            size: f.size,
            name,
            uploadedBy: who.by,
            sharedWithBusiness: who.by === 'business' || who.sharedWithBusiness,
          });
          if (id)
            await this.steps.addEvent(
              tx,
              caseId,
              'attachment',
              null,
              { name, attachmentId: id, by: who.by },
              who.by === 'business' ? { type: 'staff', id: who.userId, unitCode: who.creditCode } : undefined,
            );
          added.push({ id, name, mime: f.mime, size: f.size, duplicate: id === null });
        }
        return { attachments: added };
      });
    } finally {
      await Promise.all(files.map((f) => this.store.discard(f.path)));
    }
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
