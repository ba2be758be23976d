import { Injectable } from '@nestjs/common';
import { CalendarService, chinaDate } from '@weiquan/calendar';
import { AppConfig, LocalizedException } from '@weiquan/core';
import type { Sql } from '@weiquan/core';
import type { StaffPrincipal } from '@weiquan/identity';
import { NotificationWriter } from '@weiquan/notifications';
import type { Transition } from '../case-state';
import { AssignmentRepository } from '../lifecycle/assignment.repository';
import type { CaseRow } from '../handling/cases.repository';
import { CasesRepository } from '../handling/cases.repository';
import { SettlementRepository } from './settlement.repository';

/**
 * The business as a party to a settlement case, beside the station: the station of the business's
 * venue steps in on a case the business holds, a station passes a case to the enrolled business it
 * was named by, and a business says its piece to the department in the formal stage. The state
 * machine (case-state.ts) decides whether each is allowed; this applies it.
 */
@Injectable()
export class BusinessPartyService {
  constructor(
    private readonly repo: SettlementRepository,
    private readonly assignments: AssignmentRepository,
    private readonly cases: CasesRepository,
    private readonly calendar: CalendarService,
    private readonly notifications: NotificationWriter,
    private readonly config: AppConfig,
  ) {}

  /** The venue's station takes over its tenant's settlement case. */
  async stepIn(p: StaffPrincipal, c: CaseRow, t: Transition): Promise<boolean> {
    const u = p.unit;
    if (u?.type !== 'station' || !u.venueCode || c.assigneeType !== 'business') throw notYourTenant();
    return this.cases.transaction((sql) =>
      this.repo.stepIn(sql, { id: c.id, from: t.from, to: t.to }, { code: u.code, name: u.name, venueCode: u.venueCode! }, p.userId),
    );
  }

  /** The station passes the case to the enrolled business it confirmed; the consumer is told who answers, by when. */
  async refer(p: StaffPrincipal, c: CaseRow, t: Transition, business: { code: string; name: string }): Promise<boolean> {
    const today = chinaDate(new Date());
    const due = (await this.calendar.due(today, this.config.settlement.days)).date;
    return this.cases.transaction(async (sql: Sql) => {
      const done = await this.assignments.referToBusiness(sql, { id: c.id, from: t.from }, p.unit!.code, business, due, p.userId);
      if (done)
        await this.notifications.write(sql, {
          caseId: c.id,
          kind: 'settlement-assigned',
          dedupeKey: `business:${business.code}`,
          params: { unitName: business.name, dueDate: due, business: true },
        });
      return done;
    });
  }

  /** The business's statement to the department handling the complaint against it (not shown to the consumer). */
  statement(p: StaffPrincipal, c: CaseRow, note: string): Promise<boolean> {
    return this.cases.transaction((sql) => this.repo.statement(sql, { id: c.id, status: c.status }, p.unit!.code, p.userId, note));
  }
}

function notYourTenant() {
  return new LocalizedException(403, {
    zh: '只有经营者所在场所的服务站可以介入其协商和解案件',
    en: 'only the station of the business’s venue may step in on its settlement cases',
  });
}
