import { HttpException } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { Bilingual } from './language';

export interface FieldProblem {
  field: string;
  message: Bilingual;
}

/**
 * A client error whose message and per-field details exist in both languages; the error filter
 * answers in the caller's (Accept-Language, Chinese by default).
 */
export class LocalizedException extends HttpException {
  constructor(
    status: number,
    readonly text: Bilingual,
    readonly fields: FieldProblem[] = [],
    readonly extra: Record<string, unknown> = {},
  ) {
    super({ statusCode: status, error: STATUS_CODES[status] ?? 'Error', message: text.en }, status);
  }
}

export function invalid(fields: FieldProblem[]): LocalizedException {
  return new LocalizedException(
    400,
    {
      zh: `请求有 ${fields.length} 处错误：${fields.map((f) => `${f.field}：${f.message.zh}`).join('；')}`,
      en: `${fields.length} problem(s): ${fields.map((f) => `${f.field}: ${f.message.en}`).join('; ')}`,
    },
    fields,
  );
}
