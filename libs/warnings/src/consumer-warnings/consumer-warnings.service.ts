import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { chinaDate } from '@weiquan/calendar';
import { isValidUscc } from '@weiquan/complaints/intake/identity.rules';
import { invalid, LocalizedException, pgTransaction } from '@weiquan/core';
import type { FieldProblem, Sql } from '@weiquan/core';
import type { StaffPrincipal } from '@weiquan/identity';
import { DataSource } from 'typeorm';
import {
  dateProblems,
  listScope,
  mayPublishFor,
  NOT_ALLOWED,
  outsideArea,
  personalDataProblems,
  publishScope,
  warningStatus,
  withdrawRefusal,
} from './consumer-warning.rules';
import type { PublishScope } from './consumer-warning.rules';
import { ConsumerWarningsRepository } from './consumer-warnings.repository';
import type { WarningRow } from './consumer-warnings.repository';
import type { ConsumerWarningDto, PublicConsumerWarningDto, PublishConsumerWarning } from './dto/consumer-warning.dto';

const NOT_FOUND = (id: string) => new LocalizedException(404, { zh: `没有编号为 ${id} 的消费提示`, en: `no consumer warning ${id}` });

/**
 * Consumer warnings (消费提示, Order 121 Art. 38): a market regulator publishes one for the public,
 * lists its own, withdraws one early; the public reads those in force today. The rules are
 * consumer-warning.rules.ts; "today" is the China date of this process's clock.
 */
@Injectable()
export class ConsumerWarningsService {
  constructor(
    private readonly repo: ConsumerWarningsRepository,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /** Publishes in its own transaction. */
  publish(actor: StaffPrincipal, input: PublishConsumerWarning): Promise<ConsumerWarningDto> {
    return pgTransaction(this.db, (sql) => this.publishIn(sql, actor, input));
  }

  /**
   * Publishes inside the caller's transaction (the alert module turns an alert into a warning and
   * marks the alert in one commit). Every check runs here, whoever calls: 403 for a caller who may
   * not publish (or not there), 400 naming each bad field.
   */
  async publishIn(
    sql: Sql,
    actor: StaffPrincipal,
    input: PublishConsumerWarning,
    alertId: string | null = null,
  ): Promise<ConsumerWarningDto> {
    const scope = this.scope(actor);
    const w = {
      title: input.title?.trim() ?? '',
      body: input.body?.trim() ?? '',
      categoryCode: input.categoryCode || null,
      areaCode: input.areaCode || null,
      businessName: input.businessName?.trim() || null,
      creditCode: input.creditCode?.trim().toUpperCase() || null,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
    };
    const problems: FieldProblem[] = [...textProblems(w), ...dateProblems(w.startsOn, w.endsOn, chinaDate(new Date()))];
    const known = await this.repo.known(sql, w.areaCode, w.categoryCode);
    if (!known.area)
      problems.push({
        field: 'areaCode',
        message: { zh: `不是本市的区县编码（${w.areaCode}）`, en: `is not an area of the city (${w.areaCode})` },
      });
    if (!known.category)
      problems.push({
        field: 'categoryCode',
        message: { zh: `没有这个消费类别（${w.categoryCode}）`, en: `no such category (${w.categoryCode})` },
      });
    if (problems.length) throw invalid(problems);
    this.checkArea(scope, w.areaCode);
    const id = await this.repo.insert(sql, { ...w, unitCode: actor.unit!.code, publishedBy: actor.userId, alertId });
    return view((await this.repo.find(sql, id))!, chinaDate(new Date()));
  }

  /** The bureau's list for a member of staff: what their unit may see, newest first, with each one's status today. */
  async list(actor: StaffPrincipal): Promise<ConsumerWarningDto[]> {
    const scope = listScope(actor);
    if (!scope) throw new LocalizedException(403, { zh: '无权查看消费提示列表', en: 'not allowed to list consumer warnings' });
    const today = chinaDate(new Date());
    return (await this.repo.list(scope)).map((w) => view(w, today));
  }

  /** Ends a warning early (the same people who may publish it there); 409 once withdrawn or ended. */
  withdraw(actor: StaffPrincipal, id: string, reason: string): Promise<ConsumerWarningDto> {
    const scope = this.scope(actor);
    if (!/^\d{1,18}$/.test(id)) throw NOT_FOUND(id);
    return pgTransaction(this.db, async (sql) => {
      const w = await this.repo.find(sql, id, true);
      if (!w) throw NOT_FOUND(id);
      this.checkArea(scope, w.areaCode);
      const today = chinaDate(new Date());
      const refused = withdrawRefusal(warningStatus(w, today));
      if (refused) throw new LocalizedException(409, refused);
      await this.repo.withdraw(sql, id, actor.userId, reason.trim());
      return view((await this.repo.find(sql, id))!, today);
    });
  }

  /** The public list: warnings in force today, newest first. */
  async active(q: { areaCode?: string; categoryCode?: string; creditCode?: string }): Promise<PublicConsumerWarningDto[]> {
    return this.repo.active(chinaDate(new Date()), q);
  }

  private scope(actor: StaffPrincipal): PublishScope {
    const scope = publishScope(actor);
    if (!scope) throw new LocalizedException(403, NOT_ALLOWED);
    return scope;
  }

  private checkArea(scope: PublishScope, areaCode: string | null): void {
    if (mayPublishFor(scope, areaCode)) return;
    const message = outsideArea(scope);
    throw new LocalizedException(403, message, [{ field: 'areaCode', message }]);
  }
}

/** What the DTO checks over HTTP, again for callers that come without one (publishIn from an alert). */
function textProblems(w: { title: string; body: string; businessName: string | null; creditCode: string | null }): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const chars = (s: string) => [...s].length;
  if (chars(w.title) < 2 || chars(w.title) > 60)
    problems.push({ field: 'title', message: { zh: '应为 2–60 个字', en: 'must be 2–60 characters' } });
  if (chars(w.body) < 10 || chars(w.body) > 2000)
    problems.push({ field: 'body', message: { zh: '应为 10–2000 个字', en: 'must be 10–2000 characters' } });
  if (w.businessName !== null && (chars(w.businessName) < 2 || chars(w.businessName) > 100))
    problems.push({ field: 'businessName', message: { zh: '应为 2–100 个字', en: 'must be 2–100 characters' } });
  if (w.creditCode !== null && !isValidUscc(w.creditCode))
    problems.push({ field: 'creditCode', message: { zh: '统一社会信用代码无效', en: 'is not a valid unified social credit code' } });
  return [...problems, ...personalDataProblems(w)];
}

function view(w: WarningRow, today: string): ConsumerWarningDto {
  return {
    id: w.id,
    title: w.title,
    body: w.body,
    categoryCode: w.categoryCode,
    categoryName: w.categoryName,
    areaCode: w.areaCode,
    areaName: w.areaName,
    businessName: w.businessName,
    creditCode: w.creditCode,
    startsOn: w.startsOn,
    endsOn: w.endsOn,
    status: warningStatus(w, today),
    unitCode: w.unitCode,
    unitName: w.unitName,
    publishedById: w.publishedById,
    publishedByName: w.publishedByName,
    publishedAt: w.publishedAt.toISOString(),
    alertId: w.alertId,
    withdrawnAt: w.withdrawnAt?.toISOString() ?? null,
    withdrawnByName: w.withdrawnByName,
    withdrawReason: w.withdrawReason,
  };
}
