import { Injectable } from '@nestjs/common';
import { DisclosureService } from '@weiquan/complaints/disclosure/disclosure.service';
import { Lang, LocalizedException } from '@weiquan/core';
import { BusinessStatsService } from '@weiquan/stats';
import { BusinessDisclosureRepository } from './business-disclosure.repository';
import type { PublicBusinessRow } from './business-disclosure.repository';
import type { BusinessRecordDto, PublicBusinessDto, PublicBusinessPageDto } from './dto/business-disclosure.dto';

const CURSOR = /^b:[0-9A-Z]{18}$/;
const CREDIT_CODE = /^[0-9A-Z]{18}$/;

/**
 * The public record of enrolled businesses (消费投诉信息公示, Order 121 Art. 38): who they are, their
 * statement, their figures from the business rollup (never the cases table), and the complaints about
 * them that their consumers consented to publish, from the published-complaint query. Nothing about
 * any consumer, and nothing private about the business.
 */
@Injectable()
export class BusinessDisclosureService {
  constructor(
    private readonly repo: BusinessDisclosureRepository,
    private readonly stats: BusinessStatsService,
    private readonly disclosure: DisclosureService,
  ) {}

  async search(q: { q?: string; cursor?: string; limit?: number }): Promise<PublicBusinessPageDto> {
    const limit = q.limit ?? 20;
    const rows = await this.repo.search({
      text: q.q?.trim() || undefined,
      after: q.cursor ? decodeCursor(q.cursor) : undefined,
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    return {
      items: page.map(publicView),
      nextCursor: rows.length > limit ? Buffer.from(`b:${page[page.length - 1].creditCode}`).toString('base64url') : null,
    };
  }

  async record(creditCode: string, q: { cursor?: string; limit?: number }, lang: Lang): Promise<BusinessRecordDto> {
    const code = creditCode.trim().toUpperCase();
    const b = CREDIT_CODE.test(code) ? await this.repo.find(code) : null;
    if (!b)
      throw new LocalizedException(404, {
        zh: `没有统一社会信用代码为 ${creditCode} 的在线纠纷解决企业`,
        en: `no enrolled business has the credit code ${creditCode}`,
      });
    const [f, published] = await Promise.all([
      this.stats.allTime(code),
      this.disclosure.list({ respondent: code, cursor: q.cursor, limit: q.limit }, lang),
    ]);
    return {
      ...publicView(b),
      statement: b.statement,
      statementAt: b.statementAt?.toISOString() ?? null,
      figures: {
        received: f.received,
        settledAtSource: f.settledAtSource,
        settlementRate: f.settlementRate,
        mediationConcluded: f.mediationConcluded,
        mediationSuccessful: f.mediationSuccessful,
        mediationSuccessRate: f.mediationSuccessRate,
        medianResponseWorkingDays: f.medianResponseWorkingDays,
        medianResponseOverTenWorkingDays: f.medianResponseOverTenWorkingDays,
        answeredInTimeRate: f.answeredInTimeRate,
      },
      complaints: published.items,
      complaintsNextCursor: published.nextCursor,
    };
  }
}

function publicView(b: PublicBusinessRow): PublicBusinessDto {
  return { creditCode: b.creditCode, name: b.name, areaName: b.areaName, venueName: b.venueName, odrActive: b.odrActive };
}

function decodeCursor(cursor: string): string {
  const raw = Buffer.from(cursor, 'base64url').toString();
  if (!CURSOR.test(raw))
    throw new LocalizedException(
      400,
      { zh: 'cursor 无效，请使用上一页返回的 nextCursor', en: 'invalid cursor; pass the nextCursor of the previous page' },
      [{ field: 'cursor', message: { zh: '无效', en: 'invalid' } }],
    );
  return raw.slice(2);
}
