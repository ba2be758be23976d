import { createParamDecorator } from '@nestjs/common';
import type { ExecutionContext } from '@nestjs/common';
import { LocalizedException } from '@weiquan/core';
import type { Readable } from 'node:stream';
import type { AttachmentStore, SealedUpload } from './attachment.store';
import { MAX_ATTACHMENTS_PER_CASE, sniffMime } from './attachment.store';

/** Enough of a file to recognise its type by content (magic-bytes.js reads at most this much). */
const SNIFF_BYTES = 4_100;

/**
 * Where a request's files may go, decided by the route's guard before a byte of the body is read:
 * the case (found with the caller's key, open to files), how many more files it takes, and the store.
 */
export interface UploadTarget {
  caseId: string;
  slots: number;
  store: AttachmentStore;
  received: number;
}

export type UploadRequest = { uploadTarget?: UploadTarget };

/** `@UploadCase() caseId: string`: the case the route's upload guard found (a route without the guard fails). */
export const UploadCase = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const target = context.switchToHttp().getRequest<UploadRequest>().uploadTarget;
  if (!target) throw new Error('an upload route without its upload guard');
  return target.caseId;
});

/** A file as the upload's storage engine hands it to the route: sealed in a temporary file, its type known. */
export interface UploadedFileInput extends SealedUpload {
  originalname: string;
  mime: string;
}

interface IncomingFile {
  originalname: string;
  stream: Readable;
}

export function tooManyFiles(): LocalizedException {
  return new LocalizedException(409, {
    zh: `每件最多 ${MAX_ATTACHMENTS_PER_CASE} 个附件`,
    en: `at most ${MAX_ATTACHMENTS_PER_CASE} attachments per case`,
  });
}

function notImageOrPdf(name: string): LocalizedException {
  return new LocalizedException(415, {
    zh: `文件 ${name} 不是图片（JPEG/PNG/WebP/GIF）或 PDF`,
    en: `${name} is not an image (JPEG/PNG/WebP/GIF) or a PDF`,
  });
}

/**
 * The storage engine of attachment uploads (multer's `storage`). Each file is refused before anything
 * is written when the case has no room left for it or its first bytes are not an image or a PDF;
 * otherwise it streams, sealed, into a temporary file (AttachmentStore.seal), so a request holds no
 * whole file in memory. Too large a file is cut by multer's fileSize limit (413), and multer removes
 * what an aborted request had stored. A route without a guard that set `uploadTarget` stores nothing.
 */
export const SEALED_UPLOADS = {
  _handleFile(req: UploadRequest, file: IncomingFile, done: (err: unknown, info?: Partial<UploadedFileInput>) => void): void {
    receive(req, file).then(
      (info) => done(null, info),
      (err: unknown) => {
        file.stream.resume();
        done(err);
      },
    );
  },
  _removeFile(req: UploadRequest, file: { path?: string }, done: (err: unknown) => void): void {
    if (!file.path || !req.uploadTarget) return done(null);
    req.uploadTarget.store.discard(file.path).then(
      () => done(null),
      (err: unknown) => done(err),
    );
  },
};

async function receive(req: UploadRequest, file: IncomingFile): Promise<Partial<UploadedFileInput>> {
  const target = req.uploadTarget;
  if (!target) throw new Error('an upload reached the attachment storage without a guard naming its case');
  if (++target.received > target.slots) throw tooManyFiles();
  const chunks = file.stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const head: Buffer[] = [];
  let headBytes = 0;
  let ended = false;
  while (headBytes < SNIFF_BYTES) {
    const next = await chunks.next();
    if (next.done) {
      ended = true;
      break;
    }
    head.push(next.value);
    headBytes += next.value.length;
  }
  const mime = sniffMime(Buffer.concat(head));
  if (!mime) throw notImageOrPdf(file.originalname);
  async function* content(): AsyncGenerator<Buffer> {
    yield* head;
    if (ended) return;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
  }
  const sealed = await target.store.seal(content());
  return { ...sealed, mime };
}
