import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { pgTransaction } from '@weiquan/core';
import type { PgSql, Sql } from '@weiquan/core';
import { DataSource } from 'typeorm';
import type { AlertScope } from './alert-access.rules';
import type { AlertStatus, Detection, SubjectKind, WatchCounts } from './early-warning.rules';

/** What an alert shows as its evidence: the figures the detector decided on. */
export interface AlertEvidence {
  window: WatchCounts;
  baseline: WatchCounts;
  /** Days the baseline really covers (shorter than configured when the history is younger). */
  baselineDays: number;
  findings: Detection['findings'];
}

export interface AlertRow {
  id: string;
  subjectKind: SubjectKind;
  subjectKey: string;
  subjectName: string;
  areaCode: string;
  categoryCode: string | null;
  creditCode: string | null;
  status: AlertStatus;
  firstDay: string;
  lastDay: string;
  windowFrom: string;
  windowTo: string;
  evidence: AlertEvidence;
  score: string;
  units: string[];
  closedOn: string | null;
  createdAt: Date;
}

export interface AlertEventRow {
  id: string;
  at: Date;
  type: 'opened' | 'updated' | 'acknowledged' | 'acted' | 'dismissed';
  userName: string | null;
  unitCode: string | null;
  note: string | null;
  data: Record<string, unknown>;
}

export interface NewAlert {
  subjectKind: SubjectKind;
  subjectKey: string;
  subjectName: string;
  areaCode: string;
  categoryCode: string | null;
  creditCode: string | null;
  day: string;
  windowFrom: string;
  windowTo: string;
  evidence: AlertEvidence;
  score: number;
  units: string[];
}

const COLUMNS = `a.id::text as id, a.subject_kind as "subjectKind", a.subject_key as "subjectKey", a.subject_name as "subjectName",
  a.area_code as "areaCode", a.category_code as "categoryCode", a.credit_code as "creditCode", a.status,
  a.first_day::text as "firstDay", a.last_day::text as "lastDay", a.window_from::text as "windowFrom", a.window_to::text as "windowTo",
  a.evidence, a.score::text as score, a.units, a.closed_on::text as "closedOn", a.created_at as "createdAt"`;

/** Every query of the early warning's alerts. */
@Injectable()
export class AlertsRepository {
  /** Statements outside a transaction (the reads). */
  readonly plain: Sql;

  constructor(@InjectDataSource() private readonly db: DataSource) {
    this.plain = db;
  }

  transaction<T>(work: (sql: PgSql) => Promise<T>): Promise<T> {
    return pgTransaction(this.db, work);
  }

  /** Each subject's latest alert (its status, and the day it closed), for the quiet period. */
  async latest(
    sql: Sql,
    subjects: readonly { kind: SubjectKind; key: string }[],
  ): Promise<Map<string, { id: string; status: AlertStatus; closedOn: string | null }>> {
    if (!subjects.length) return new Map();
    const rows = await sql.query<{ kind: string; key: string; id: string; status: AlertStatus; closedOn: string | null }>(
      `select s.k as kind, s.s as key, l.id::text as id, l.status, l.closed_on::text as "closedOn"
         from unnest($1::text[], $2::text[]) as s(k, s)
         join lateral (select id, status, closed_on from warning_alert
                        where subject_kind = s.k and subject_key = s.s order by id desc limit 1 for update) l on true`,
      [subjects.map((s) => s.kind), subjects.map((s) => s.key)],
    );
    return new Map(rows.map((r) => [`${r.kind}|${r.key}`, { id: r.id, status: r.status, closedOn: r.closedOn }]));
  }

  /** A new alert and its 'opened' event; null when an open one exists for the subject (another detector won). */
  async open(sql: Sql, a: NewAlert): Promise<string | null> {
    const [row] = await sql.query<{ id: string }>(
      `with a as (
         insert into warning_alert (subject_kind, subject_key, subject_name, area_code, category_code, credit_code,
                                    first_day, last_day, window_from, window_to, evidence, score, units)
         values ($1, $2, $3, $4, $5, $6, $7, $7, $8, $9, $10, $11, $12)
         on conflict (subject_kind, subject_key) where status in ('new', 'acknowledged') do nothing
         returning id
       ), e as (insert into warning_alert_event (alert_id, type, data) select id, 'opened', $10 from a)
       select id::text as id from a`,
      [
        a.subjectKind,
        a.subjectKey,
        a.subjectName,
        a.areaCode,
        a.categoryCode,
        a.creditCode,
        a.day,
        a.windowFrom,
        a.windowTo,
        a.evidence,
        a.score,
        a.units,
      ],
    );
    return row?.id ?? null;
  }

  /** An open alert's figures brought up to date (the outbreak goes on); an 'updated' event when they changed. */
  async refresh(
    sql: Sql,
    id: string,
    day: string,
    windowFrom: string,
    windowTo: string,
    evidence: AlertEvidence,
    score: number,
  ): Promise<void> {
    await sql.query(
      `with u as (
         update warning_alert set last_day = $2, window_from = least(window_from, $3::date), window_to = $4, evidence = $5, score = $6, updated_at = now()
          where id = $1 and evidence is distinct from $5::jsonb
          returning id
       )
       insert into warning_alert_event (alert_id, type, data) select id, 'updated', $5 from u`,
      [id, day, windowFrom, windowTo, evidence, score],
    );
  }

  /** The market bureaus an alert in an area concerns: the area's county bureau (if any) and the city bureau. */
  async bureausFor(sql: Sql, areaCode: string): Promise<{ code: string; name: string }[]> {
    return sql.query<{ code: string; name: string }>(
      `select code, name from regulator
        where kind = 'market' and active and (level = 'city' or (level = 'county' and area_code = $1))
        order by case level when 'county' then 0 else 1 end, code`,
      [areaCode],
    );
  }

  list(
    sql: Sql,
    scope: Exclude<AlertScope, null>,
    statuses: readonly AlertStatus[] | null,
    before: string | null,
    limit: number,
  ): Promise<AlertRow[]> {
    const params: unknown[] = [limit];
    const p = (v: unknown) => `$${params.push(v)}`;
    const conds = ['true'];
    if (!scope.all) conds.push(`a.area_code = ${p(scope.areaCode)}`);
    if (statuses) conds.push(`a.status = any(${p(statuses)}::text[])`);
    if (before) conds.push(`a.id < ${p(before)}::bigint`);
    return sql.query<AlertRow>(`select ${COLUMNS} from warning_alert a where ${conds.join(' and ')} order by a.id desc limit $1`, params);
  }

  /** Alerts per status within a scope (the list's tabs). */
  async counts(sql: Sql, scope: Exclude<AlertScope, null>): Promise<Record<string, number>> {
    const rows = await sql.query<{ status: string; n: string }>(
      `select status, count(*)::text as n from warning_alert a where ${scope.all ? 'true' : 'a.area_code = $1'} group by status`,
      scope.all ? [] : [scope.areaCode],
    );
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  }

  async get(sql: Sql, id: string, lock = false): Promise<AlertRow | null> {
    const [row] = await sql.query<AlertRow>(`select ${COLUMNS} from warning_alert a where a.id = $1${lock ? ' for update' : ''}`, [id]);
    return row ?? null;
  }

  events(sql: Sql, id: string): Promise<AlertEventRow[]> {
    return sql.query<AlertEventRow>(
      `select e.id::text as id, e.at, e.type, u.display_name as "userName", e.unit_code as "unitCode", e.note, e.data
         from warning_alert_event e left join staff_user u on u.id = e.user_id
        where e.alert_id = $1 order by e.id`,
      [id],
    );
  }

  /** A status change and its event, by a staff member. */
  async move(
    sql: Sql,
    id: string,
    to: AlertStatus,
    by: { userId: string; unitCode: string | null },
    note: string | null,
    data: Record<string, unknown>,
    closedOn: string | null,
  ): Promise<void> {
    await sql.query(
      `with u as (update warning_alert set status = $2, closed_on = coalesce($6, closed_on), updated_at = now() where id = $1 returning id)
       insert into warning_alert_event (alert_id, type, user_id, unit_code, note, data) select id, $2, $3, $4, $5, $7 from u`,
      [id, to, by.userId, by.unitCode, note, closedOn, data],
    );
  }

  /** Names of units by code (the bureaus told of an alert). */
  async unitNames(sql: Sql, codes: readonly string[]): Promise<Map<string, string>> {
    if (!codes.length) return new Map();
    const rows = await sql.query<{ code: string; name: string }>(`select code, name from regulator where code = any($1::text[])`, [codes]);
    return new Map(rows.map((r) => [r.code, r.name]));
  }

  /** Names of areas by code, in one query. */
  async areaNames(sql: Sql, codes: readonly string[]): Promise<Map<string, string>> {
    if (!codes.length) return new Map();
    const rows = await sql.query<{ code: string; name: string }>(`select code, name from area where code = any($1::text[])`, [codes]);
    return new Map(rows.map((r) => [r.code, r.name]));
  }

  /** Names of categories by code, in one query. */
  async categoryNames(sql: Sql, codes: readonly string[]): Promise<Map<string, string>> {
    if (!codes.length) return new Map();
    const rows = await sql.query<{ code: string; name: string }>(`select code, name from category where code = any($1::text[])`, [codes]);
    return new Map(rows.map((r) => [r.code, r.name]));
  }
}
