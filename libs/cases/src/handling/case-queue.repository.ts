import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Sql } from '@weiquan/core';
import { DataSource } from 'typeorm';
import type { IssueType, PurchaseChannel } from '../case-attributes';
import type { CaseStatus } from '../case-status';
import type { CaseCursor } from './case-cursor';
import { FINISHED_STATUSES, FINISHED_WITH_FOLLOW_UP } from './open-work';
import { ReadScope, scopeCondition } from './case-scope';
import { CaseListRow, FROM, LIST_COLUMNS } from './cases.repository';

/** What narrows the queue besides the status: the list and the status counts share it. */
export interface CaseCut {
  categoryCode?: string;
  overdue?: boolean;
  /** Due on or before this day (and not overdue). */
  dueBy?: string;
  /** A search: a tracking number's first digits, or words of the respondent's name or of a status's name (`qStatuses`). */
  q?: string;
  qStatuses?: CaseStatus[];
  track?: 'complaint' | 'report';
  /** The respondent's county-level area. */
  areaCode?: string;
  /** Received at or after this instant, and before that one (a period of China days: queue-filter.rules.ts receivedRange). */
  receivedSince?: Date;
  receivedBefore?: Date;
  /** A purchase channel or issue type; null: the cases that named none. */
  channel?: PurchaseChannel | null;
  issueType?: IssueType | null;
  prepaid?: boolean;
  /** The unit that holds the case now. */
  unitCode?: string;
  /** A venue (商场、景区、市场…): the case is held now by one of its stations. */
  venueCode?: string;
  /** The respondent, by intake's key (an early-warning alert's cases). */
  respondentKey?: string;
  today: string;
}

export interface CaseListFilter extends CaseCut {
  /** Only these statuses (the status filter); else `only` when given. */
  statuses?: string[];
  /** With no status asked for: only the open work (open-work.ts isOpenWork). */
  openWork?: boolean;
  sort: 'newest' | 'due';
  /** Newest first by gathering the filters' rows and sorting them, not by walking the ids down (queue-filter.rules.ts walksFromNewest). */
  gatherThenSort?: boolean;
  after?: CaseCursor;
  limit: number;
}

export interface StatusCountRow {
  status: CaseStatus;
  n: number;
}

export interface WorkloadRow {
  open: number;
  overdue: number;
  dueSoon: number;
}

/**
 * open-work.ts isOpenWork, in SQL: not finished, or closed with its follow-up visit still due. Its
 * statuses are literals (code constants, never input), so that every plan, generic or not, proves it
 * implies the predicate of the open work's partial indexes (OpenWorkIndexes1763700002530) and may
 * read them (test/open-work-index.int-spec.ts).
 */
export const OPEN_WORK = `(c.status <> all('{${FINISHED_STATUSES.join(',')}}'::text[]) or (c.status = '${FINISHED_WITH_FOLLOW_UP}' and c.due_on is not null))`;

/**
 * The queue's reads, each in the caller's read scope (case-scope.ts, the same WHERE as every case
 * read): the list, the count of each status, and the open work's overdue and due-soon counts.
 * A station's scope is `assignee_code = $1`, which the indexes on (assignee_code, id) and
 * (assignee_code, due_on) serve; the counts group only the scope's rows. The dashboard's cuts: a
 * unit by the same (assignee_code, id); a period by (received_at) and, with an area, by
 * (respondent_area_code, received_at) (QueueFilters1763700002400); channel, prepaid and issue type
 * are too coarse for an index of their own and ride on those or the scope's.
 */
@Injectable()
export class CaseQueueRepository {
  private readonly sql: Sql;

  constructor(@InjectDataSource() db: DataSource) {
    this.sql = db;
  }

  /** A unit's queue (or the city's, for city-level readers), keyset-paged: newest first, or nearest due date first. */
  async list(scope: ReadScope, f: CaseListFilter): Promise<CaseListRow[]> {
    const where = scopeCondition(scope, 1);
    const params: unknown[] = [...where.params];
    const conds = [where.sql];
    const p = (v: unknown) => `$${params.push(v)}`;
    if (f.statuses?.length) conds.push(`c.status = any(${p(f.statuses)}::text[])`);
    else if (f.openWork) conds.push(OPEN_WORK);
    conds.push(...cutConditions(f, p));
    const a = f.after;
    if (a?.sort === 'newest') conds.push(`c.id < ${p(a.id)}::bigint`);
    if (a?.sort === 'due' && a.dueOn === null) conds.push(`(c.due_on is null and c.id > ${p(a.id)}::bigint)`);
    if (a?.sort === 'due' && a.dueOn !== null) {
      const [day, id] = [p(a.dueOn), p(a.id)];
      conds.push(`(c.due_on > ${day}::date or (c.due_on = ${day}::date and c.id > ${id}::bigint) or c.due_on is null)`);
    }
    // Nearest deadline first (so the overdue ones lead), cases with none last; the same day, the earlier received first.
    // `c.id + 0` is the same order that no index gives: the planner cannot walk the primary key for it.
    const order = f.sort === 'due' ? 'c.due_on asc nulls last, c.id asc' : f.gatherThenSort ? '(c.id + 0) desc' : 'c.id desc';
    return this.sql.query<CaseListRow>(
      `select ${LIST_COLUMNS} ${FROM} where ${conds.join(' and ')} order by ${order} limit ${p(f.limit)}`,
      params,
    );
  }

  /**
   * How many cases in each status, and how many closed ones still have their follow-up visit due (open
   * work too). Two queries, so that the first reads only the index (assignee_code, status) for a unit.
   */
  async statusCounts(scope: ReadScope, cut: CaseCut): Promise<{ statuses: StatusCountRow[]; followUpsDue: number }> {
    const where = scopeCondition(scope, 1);
    const params: unknown[] = [...where.params];
    const conds = [where.sql, ...cutConditions(cut, (v) => `$${params.push(v)}`)].join(' and ');
    const statuses = await this.sql.query<StatusCountRow>(
      `select c.status, count(*)::int as n from cases c where ${conds} group by c.status order by c.status`,
      params,
    );
    if (!statuses.some((r) => r.status === FINISHED_WITH_FOLLOW_UP)) return { statuses, followUpsDue: 0 };
    const [{ n }] = await this.sql.query<{ n: number }>(
      `select count(*)::int as n from cases c where ${conds} and c.status = '${FINISHED_WITH_FOLLOW_UP}' and c.due_on is not null`,
      params,
    );
    return { statuses, followUpsDue: n };
  }

  /** The scope's open work, and how much of it is past its deadline or due by `soonBy`. */
  async workload(scope: ReadScope, today: string, soonBy: string): Promise<WorkloadRow> {
    const where = scopeCondition(scope, 1);
    const params: unknown[] = [...where.params];
    const p = (v: unknown) => `$${params.push(v)}`;
    const [row] = await this.sql.query<WorkloadRow>(
      `select count(*)::int as open,
              count(*) filter (where c.due_on < ${p(today)}::date)::int as overdue,
              count(*) filter (where c.due_on between ${p(today)}::date and ${p(soonBy)}::date)::int as "dueSoon"
         from cases c
        where ${where.sql} and ${OPEN_WORK}`,
      params,
    );
    return row;
  }
}

/** The cut's conditions on `c` (cases), each ANDed to the caller's scope: a filter narrows what the caller may read, never widens it. */
function cutConditions(f: CaseCut, p: (v: unknown) => string): string[] {
  const conds: string[] = [];
  if (f.categoryCode) conds.push(`c.category_code = ${p(f.categoryCode)}`);
  if (f.track) conds.push(`c.track = ${p(f.track)}`);
  if (f.areaCode) conds.push(`c.respondent_area_code = ${p(f.areaCode)}`);
  if (f.receivedSince) conds.push(`c.received_at >= ${p(f.receivedSince)}::timestamptz`);
  if (f.receivedBefore) conds.push(`c.received_at < ${p(f.receivedBefore)}::timestamptz`);
  if (f.channel === null) conds.push('c.purchase_channel is null');
  else if (f.channel) conds.push(`c.purchase_channel = ${p(f.channel)}`);
  if (f.issueType === null) conds.push('c.issue_type is null');
  else if (f.issueType) conds.push(`c.issue_type = ${p(f.issueType)}`);
  if (f.prepaid !== undefined) conds.push(`c.prepaid = ${p(f.prepaid)}`);
  if (f.unitCode) conds.push(`c.assignee_code = ${p(f.unitCode)}`);
  if (f.venueCode) conds.push(`c.assignee_code = any(array(select code from station where venue_code = ${p(f.venueCode)}))`);
  if (f.respondentKey) conds.push(`c.respondent_key = ${p(f.respondentKey)}`);
  if (f.overdue === true) conds.push(`c.due_on < ${p(f.today)}::date`);
  if (f.overdue === false) conds.push(`(c.due_on is null or c.due_on >= ${p(f.today)}::date)`);
  if (f.dueBy) conds.push(`c.due_on between ${p(f.today)}::date and ${p(f.dueBy)}::date`);
  if (f.q) {
    const digits = f.q.replace(/[\s-]/g, '');
    if (/^\d{6,}$/.test(digits)) conds.push(`c.tracking_no like ${p(`${digits}%`)}`);
    else {
      const name = `c.respondent_name ilike ${p(`%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`)}`;
      conds.push(f.qStatuses?.length ? `(${name} or c.status = any(${p(f.qStatuses)}::text[]))` : name);
    }
  }
  return conds;
}
