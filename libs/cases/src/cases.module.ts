import { Module } from '@nestjs/common';
import { CalendarModule } from '@weiquan/calendar';
import { IdentityModule } from '@weiquan/identity';
import { NotificationsModule } from '@weiquan/notifications';
import { RoutingModule } from '@weiquan/routing';
import { AdminCalendarController } from './clocks/admin-calendar.controller';
import { SweepClocksHandler } from './clocks/clocks.handlers';
import { ClocksRepository } from './clocks/clocks.repository';
import { ClocksService } from './clocks/clocks.service';
import { UnitAlertEmails } from './clocks/unit-alert-emails';
import { UnitAlertEmailsRepository } from './clocks/unit-alert-emails.repository';
import { CaseHandlingService } from './handling/case-handling.service';
import { CaseHoldersRepository } from './handling/case-holders.repository';
import { CaseQueueRepository } from './handling/case-queue.repository';
import { CaseQueueService } from './handling/case-queue.service';
import { CaseEvidenceService } from './handling/case-evidence.service';
import { CasesController } from './handling/cases.controller';
import { LinkedReportRepository } from './handling/linked-report.repository';
import { CaseFileRepository } from './handling/case-file.repository';
import { ClaimantRepository } from './handling/claimant.repository';
import { CaseLifecycleModule } from './lifecycle/lifecycle.module';
import { EscalateSettlementsHandler } from './settlement/settlement.handlers';
import { JointCasesController } from './joint/joint-cases.controller';
import { JointCasesModule } from './joint/joint-cases.module';

/** The statutory clocks for any process (with the units' alert emails the sweep writes). */
@Module({
  imports: [CalendarModule, NotificationsModule],
  providers: [ClocksRepository, ClocksService, UnitAlertEmailsRepository, UnitAlertEmails],
  exports: [ClocksService],
})
class ClocksModule {}

/** Who holds a set of complaints now (an early-warning alert's units involved). */
@Module({ providers: [CaseHoldersRepository], exports: [CaseHoldersRepository] })
export class CaseHoldersModule {}

/** Staff case handling: the queue, the case file, actions, and the calendar administrators enter. */
@Module({
  imports: [CalendarModule, ClocksModule, IdentityModule, NotificationsModule, RoutingModule, CaseLifecycleModule, JointCasesModule],
  controllers: [CasesController, AdminCalendarController, JointCasesController],
  providers: [
    CaseFileRepository,
    ClaimantRepository,
    LinkedReportRepository,
    CaseHandlingService,
    CaseEvidenceService,
    CaseQueueRepository,
    CaseQueueService,
  ],
  // The consumer's withdrawal during mediation is written as a termination (`withdrawnInMediation`);
  // the consumer's settlement moves (accept the offer, escalate) are the settlement service's.
  exports: [CaseHandlingService, CaseEvidenceService, CaseLifecycleModule],
})
export class CasesApiModule {}

/** The worker's clock jobs: reminders and escalation, read from PostgreSQL (a Redis flush loses nothing). */
@Module({
  imports: [ClocksModule, CaseLifecycleModule],
  providers: [SweepClocksHandler, EscalateSettlementsHandler],
})
export class CasesWorkerModule {}
