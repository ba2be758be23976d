import { Injectable } from '@nestjs/common';
import { CaseHoldersRepository } from '@weiquan/cases';
import { chinaDate } from '@weiquan/calendar';
import { LocalizedException } from '@weiquan/core';
import type { Lang, Sql } from '@weiquan/core';
import type { StaffPrincipal } from '@weiquan/identity';
import { findingText } from './alert-email';
import { alertActScope, alertReadScope, inScope } from './alert-access.rules';
import { AlertsRepository } from './alerts.repository';
import type { AlertRow } from './alerts.repository';
import { ALERT_MOVES } from './early-warning.rules';
import type { AlertStatus } from './early-warning.rules';
import type { AlertDetailDto, AlertDto, AlertListQuery, AlertPageDto } from './dto/alerts.dto';

const STATUS_TEXT: Record<AlertStatus, { zh: string; en: string }> = {
  new: { zh: '新预警', en: 'new' },
  acknowledged: { zh: '已确认', en: 'acknowledged' },
  acted: { zh: '已处置', en: 'acted on' },
  dismissed: { zh: '已排除', en: 'dismissed' },
};

/** The bureau's alert list and what a bureau does with an alert (every step recorded in its history). */
@Injectable()
export class AlertsService {
  constructor(
    private readonly repo: AlertsRepository,
    private readonly holders: CaseHoldersRepository,
  ) {}

  async list(actor: StaffPrincipal, q: AlertListQuery, lang: Lang = 'zh'): Promise<AlertPageDto> {
    const scope = alertReadScope(actor);
    if (!scope) throw noAlerts();
    const limit = q.limit ?? 20;
    const sql = this.repo.plain;
    const rows = await this.repo.list(sql, scope, q.status ? [q.status] : null, q.before ?? null, limit + 1);
    const page = rows.slice(0, limit);
    return {
      items: await this.views(sql, actor, page, lang),
      nextBefore: rows.length > limit ? page[page.length - 1].id : null,
      counts: { new: 0, acknowledged: 0, acted: 0, dismissed: 0, ...(await this.repo.counts(sql, scope)) },
    };
  }

  async get(actor: StaffPrincipal, id: string, lang: Lang = 'zh'): Promise<AlertDetailDto> {
    const sql = this.repo.plain;
    const row = await this.readable(sql, actor, id);
    const [view] = await this.views(sql, actor, [row], lang);
    const history = await this.repo.events(sql, id);
    const c = view.cases;
    return {
      ...view,
      holders: await this.holders.holders({
        respondentKey: c.respondent,
        areaCode: c.areaCode,
        categoryCode: c.categoryCode,
        receivedFrom: c.receivedFrom,
        receivedTo: c.receivedTo,
      }),
      history: history.map((e) => ({
        at: e.at.toISOString(),
        type: e.type,
        userName: e.userName,
        unitCode: e.unitCode,
        note: e.note,
        data: e.data,
      })),
    };
  }

  acknowledge(actor: StaffPrincipal, id: string, note: string | null, lang: Lang = 'zh'): Promise<AlertDetailDto> {
    return this.move(actor, id, 'acknowledged', note, lang);
  }

  dismiss(actor: StaffPrincipal, id: string, reason: string, lang: Lang = 'zh'): Promise<AlertDetailDto> {
    return this.move(actor, id, 'dismissed', reason, lang);
  }

  /**
   * Marks an alert acted on, in the caller's transaction, after the action itself (a joint case, a
   * consumer warning) was written there: both commit or neither. Answers the alert as it was.
   */
  async actedIn(sql: Sql, actor: StaffPrincipal, id: string, data: Record<string, unknown>): Promise<AlertRow> {
    // Acting again on an alert already acted on (a second joint case, a warning after the joint case) is recorded too.
    const row = await this.toActOn(sql, actor, id);
    await this.repo.move(sql, id, 'acted', { userId: actor.userId, unitCode: actor.unit?.code ?? null }, null, data, chinaDate(new Date()));
    return row;
  }

  /** The alert, locked, if the actor may act on it and it was not dismissed (409). */
  async toActOn(sql: Sql, actor: StaffPrincipal, id: string): Promise<AlertRow> {
    const row = await this.actionable(sql, actor, id);
    if (row.status !== 'acted') checkMove(row.status, 'acted');
    return row;
  }

  /** The alert, locked, if the actor may act on it (404 if it may not even read it). */
  async actionable(sql: Sql, actor: StaffPrincipal, id: string): Promise<AlertRow> {
    const row = await this.readable(sql, actor, id, true);
    if (!inScope(alertActScope(actor), row.areaCode))
      throw new LocalizedException(403, {
        zh: '只有该地区的县级市场监管部门和市市场监管局可以处置此预警',
        en: "only the area's county market-regulation bureau and the city bureau act on this alert",
      });
    return row;
  }

  private async move(actor: StaffPrincipal, id: string, to: AlertStatus, note: string | null, lang: Lang): Promise<AlertDetailDto> {
    await this.repo.transaction(async (sql) => {
      const row = await this.actionable(sql, actor, id);
      checkMove(row.status, to);
      const closes = to === 'dismissed' || to === 'acted';
      await this.repo.move(
        sql,
        id,
        to,
        { userId: actor.userId, unitCode: actor.unit?.code ?? null },
        note,
        {},
        closes ? chinaDate(new Date()) : null,
      );
    });
    return this.get(actor, id, lang);
  }

  private async readable(sql: Sql, actor: StaffPrincipal, id: string, lock = false): Promise<AlertRow> {
    const scope = alertReadScope(actor);
    if (!scope) throw noAlerts();
    const row = /^\d{1,18}$/.test(id) ? await this.repo.get(sql, id, lock) : null;
    // An alert of another area is as unknown as one that does not exist.
    if (!row || !inScope(scope, row.areaCode)) throw new LocalizedException(404, { zh: '没有这条预警', en: 'no such alert' });
    return row;
  }

  private async views(sql: Sql, actor: StaffPrincipal, rows: AlertRow[], lang: Lang): Promise<AlertDto[]> {
    const names = await this.repo.unitNames(sql, [...new Set(rows.flatMap((r) => r.units))]);
    const areas = await this.repo.areaNames(sql, [...new Set(rows.map((r) => r.areaCode))]);
    const act = alertActScope(actor);
    return rows.map((r) => ({
      id: r.id,
      subjectKind: r.subjectKind,
      subjectName: r.subjectName,
      areaCode: r.areaCode,
      areaName: areas.get(r.areaCode) ?? null,
      categoryCode: r.categoryCode,
      creditCode: r.creditCode,
      status: r.status,
      firstDay: r.firstDay,
      lastDay: r.lastDay,
      windowFrom: r.windowFrom,
      windowTo: r.windowTo,
      evidence: {
        ...r.evidence,
        findings: r.evidence.findings.map((f) => ({ ...f, text: findingText(f, r.evidence.baselineDays, lang) })),
      },
      score: Number(r.score),
      units: r.units.map((code) => ({ code, name: names.get(code) ?? code })),
      canAct: inScope(act, r.areaCode) && (r.status === 'new' || r.status === 'acknowledged' || r.status === 'acted'),
      cases:
        r.subjectKind === 'business'
          ? { respondent: r.subjectKey, receivedFrom: r.windowFrom, receivedTo: r.lastDay, track: 'complaint' as const }
          : {
              areaCode: r.areaCode,
              categoryCode: r.categoryCode ?? undefined,
              receivedFrom: r.windowFrom,
              receivedTo: r.lastDay,
              track: 'complaint' as const,
            },
      createdAt: r.createdAt.toISOString(),
    }));
  }
}

function checkMove(from: AlertStatus, to: AlertStatus): void {
  if (!ALERT_MOVES[from].includes(to))
    throw new LocalizedException(409, {
      zh: `预警${STATUS_TEXT[from].zh}，不能改为${STATUS_TEXT[to].zh}`,
      en: `the alert is ${STATUS_TEXT[from].en} and cannot become ${STATUS_TEXT[to].en}`,
    });
}

function noAlerts() {
  return new LocalizedException(403, {
    zh: '消费预警仅供市场监管部门和市级统计分析人员查看',
    en: 'early-warning alerts are for the market-regulation bureaus and the city analysts',
  });
}
