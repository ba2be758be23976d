import { Injectable } from '@nestjs/common';
import { CalendarService, chinaDate } from '@weiquan/calendar';
import { Lang, PersonalDataCipher } from '@weiquan/core';
import type { StaffPrincipal } from '@weiquan/identity';
import type { IssueType, PurchaseChannel } from '../case-attributes';
import { actingUnit, readScope } from './case-scope';
import { caseListItem } from './case-view';
import { decodeCursor, encodeCursor } from './case-cursor';
import { CaseQueueRepository } from './case-queue.repository';
import type { CaseCut, CaseListFilter } from './case-queue.repository';
import { isFinished, SOON_WORKING_DAYS } from './open-work';
import { namedOrNone, NOT_GIVEN, receivedRange, walksFromNewest } from './queue-filter.rules';
import { statusesNamed } from './status-search';

/** What narrows the queue besides the status (the list's and the status counts' filters). */
export interface CutQuery {
  categoryCode?: string;
  track?: 'complaint' | 'report';
  overdue?: boolean;
  dueWithinDays?: number;
  q?: string;
  areaCode?: string;
  /** China calendar days, both included (checked real and in order by the DTO). */
  receivedFrom?: string;
  receivedTo?: string;
  channel?: PurchaseChannel | typeof NOT_GIVEN;
  prepaid?: boolean;
  issueType?: IssueType | typeof NOT_GIVEN;
  unit?: string;
  venue?: string;
  respondent?: string;
}

export interface ListQuery extends CutQuery {
  status?: string[];
  /** `open` (no finished case) or `all`, when no status is asked for. */
  view?: 'open' | 'all';
  sort?: 'newest' | 'due';
  cursor?: string;
  limit?: number;
}

/** The staff queue: its pages, the count of each status, and the header's overdue and due-soon counts. */
@Injectable()
export class CaseQueueService {
  constructor(
    private readonly repo: CaseQueueRepository,
    private readonly calendar: CalendarService,
    private readonly cipher: PersonalDataCipher,
  ) {}

  /** Today in China, and the last day of "due soon" on the official calendar. */
  async days(): Promise<{ today: string; soonBy: string }> {
    const today = chinaDate(new Date());
    return { today, soonBy: (await this.calendar.due(today, SOON_WORKING_DAYS)).date };
  }

  async list(p: StaffPrincipal, q: ListQuery, lang: Lang) {
    const limit = q.limit ?? 20;
    const sort = q.sort ?? 'newest';
    const { today, soonBy } = await this.days();
    const filter: CaseListFilter = {
      ...(await this.cut(q, today)),
      statuses: q.status,
      openWork: q.view === 'open',
      sort,
      // One respondent's cases are few: gathered by its index, never found by walking every id down.
      gatherThenSort: sort === 'newest' && (!walksFromNewest(q.receivedTo, today) || q.respondent !== undefined),
      after: q.cursor ? decodeCursor(q.cursor, sort) : undefined,
      limit: limit + 1,
    };
    const rows = await this.repo.list(readScope(p), filter);
    const page = rows.slice(0, limit);
    const unit = actingUnit(p);
    const last = page[page.length - 1];
    return {
      items: page.map((r) =>
        caseListItem(r, { today, soonBy, lang, handler: r.assigneeCode === unit, phone: (b) => this.cipher.decrypt(b) }),
      ),
      nextCursor:
        rows.length > limit ? encodeCursor(sort === 'due' ? { sort, dueOn: last.dueOn, id: last.id } : { sort, id: last.id }) : null,
    };
  }

  /** How many cases in each status, of those the caller may read that the queue's other filters keep. */
  async counts(p: StaffPrincipal, q: CutQuery = {}) {
    const { statuses, followUpsDue } = await this.repo.statusCounts(readScope(p), await this.cut(q, chinaDate(new Date())));
    return {
      statuses: statuses.map((r) => ({ status: r.status, count: r.n })),
      // Open work: every case not finished, and the closed ones whose follow-up visit is still due (open-work.ts).
      open: statuses.filter((r) => !isFinished(r.status)).reduce((n, r) => n + r.n, 0) + followUpsDue,
      total: statuses.reduce((n, r) => n + r.n, 0),
    };
  }

  private async cut(q: CutQuery, today: string): Promise<CaseCut> {
    const search = q.q?.trim() || undefined;
    const { since, before } = receivedRange(q.receivedFrom, q.receivedTo);
    return {
      categoryCode: q.categoryCode,
      track: q.track,
      overdue: q.overdue,
      dueBy: q.dueWithinDays !== undefined ? (await this.calendar.due(today, q.dueWithinDays)).date : undefined,
      q: search,
      qStatuses: search ? statusesNamed(search) : undefined,
      areaCode: q.areaCode,
      receivedSince: since,
      receivedBefore: before,
      channel: namedOrNone<PurchaseChannel>(q.channel),
      issueType: namedOrNone<IssueType>(q.issueType),
      prepaid: q.prepaid,
      unitCode: q.unit,
      venueCode: q.venue,
      respondentKey: q.respondent,
      today,
    };
  }

  async workload(p: StaffPrincipal) {
    const { today, soonBy } = await this.days();
    const w = await this.repo.workload(readScope(p), today, soonBy);
    return { ...w, soonDays: SOON_WORKING_DAYS, today, soonBy };
  }
}
