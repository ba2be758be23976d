import { Module } from '@nestjs/common';
import { CalendarModule } from '@weiquan/calendar';
import { IdentityModule } from '@weiquan/identity';
import { NotificationsModule } from '@weiquan/notifications';
import { DesignationController } from './designation.controller';
import { ReconcileHandler, RouteCasesHandler } from './routing.handlers';
import { RoutingMetrics } from './routing.metrics';
import { RoutingRepository } from './routing.repository';
import { CaseLifecycleModule } from '@weiquan/cases/lifecycle/lifecycle.module';
import { RoutingService } from './routing.service';

/**
 * Routing for any process: the decision rules applied to cases (with the intake desk's decisions
 * and their notifications), hand-backs from staff, and the city bureau's designations.
 */
@Module({
  // Routing decides; the case lifecycle (libs/cases) writes what it decided.
  imports: [CalendarModule, NotificationsModule, CaseLifecycleModule],
  providers: [RoutingRepository, RoutingService, RoutingMetrics],
  exports: [RoutingService],
})
export class RoutingModule {}

/** The city bureau's designation of the handler of a disputed case (POST /cases/{id}/designation). */
@Module({
  imports: [RoutingModule, IdentityModule],
  controllers: [DesignationController],
})
export class RoutingApiModule {}

/** The worker's routing jobs. */
@Module({
  imports: [RoutingModule],
  providers: [RouteCasesHandler, ReconcileHandler],
})
export class RoutingWorkerModule {}
