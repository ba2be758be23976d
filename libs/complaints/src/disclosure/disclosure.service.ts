import { Injectable } from '@nestjs/common';
import { findReason } from '@weiquan/cases';
import { Lang, LocalizedException } from '@weiquan/core';
import { isValidUscc } from '../intake/identity.rules';
import { issueText } from '../intake/issue-types';
import { DisclosureRepository } from './disclosure.repository';

/** Published complaint information about businesses; nothing about any consumer. */
@Injectable()
export class DisclosureService {
  constructor(private readonly repo: DisclosureRepository) {}

  async list(q: { respondent?: string; categoryCode?: string; cursor?: string; limit?: number }, lang: Lang) {
    const limit = q.limit ?? 20;
    const term = q.respondent?.trim();
    const code = term?.toUpperCase();
    const before = q.cursor ? decodeCursor(q.cursor) : undefined;
    const rows = await this.repo.list({
      ...(code && isValidUscc(code) ? { creditCode: code } : term ? { name: term } : {}),
      categoryCode: q.categoryCode,
      before,
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    return {
      items: page.map((r) => ({
        respondent: { name: r.respondentName, creditCode: r.respondentCreditCode },
        category: { code: r.categoryCode, name: r.categoryName },
        issue: r.issueType ? { code: r.issueType, text: issueText(r.issueType, lang) } : null,
        receivedOn: r.receivedOn,
        concludedOn: r.concludedAt ? r.concludedAt.toISOString().slice(0, 10) : null,
        outcome: r.outcome,
        outcomeText:
          r.outcome === 'resolved'
            ? { zh: '调解成功', en: 'resolved by mediation' }[lang]
            : `${{ zh: '终止调解', en: 'mediation terminated' }[lang]}${r.outcomeReasonCode ? `：${findReason('termination', 'order121', r.outcomeReasonCode)?.text[lang] ?? ''}` : ''}`,
      })),
      nextCursor: rows.length > limit ? Buffer.from(`d:${page[page.length - 1].id}`).toString('base64url') : null,
    };
  }
}

function decodeCursor(cursor: string): string {
  const raw = Buffer.from(cursor, 'base64url').toString();
  if (!/^d:\d{1,18}$/.test(raw)) {
    throw new LocalizedException(
      400,
      { zh: 'cursor 无效，请使用上一页返回的 nextCursor', en: 'invalid cursor; pass the nextCursor of the previous page' },
      [{ field: 'cursor', message: { zh: '无效', en: 'invalid' } }],
    );
  }
  return raw.slice(2);
}
