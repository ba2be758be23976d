import { Module } from '@nestjs/common';
import { CalendarModule } from '@weiquan/calendar';
import { EscalateStationsHandler, ReconcileHandler, RouteCasesHandler } from './routing.handlers';
import { RoutingMetrics } from './routing.metrics';
import { RoutingRepository } from './routing.repository';
import { RoutingService } from './routing.service';

/** Routing for any process: the decision rules applied to cases, and hand-backs from staff. */
@Module({
  imports: [CalendarModule],
  providers: [RoutingRepository, RoutingService, RoutingMetrics],
  exports: [RoutingService],
})
export class RoutingModule {}

/** The worker's routing jobs. */
@Module({
  imports: [RoutingModule],
  providers: [RouteCasesHandler, EscalateStationsHandler, ReconcileHandler],
})
export class RoutingWorkerModule {}
