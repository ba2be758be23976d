import { Module } from '@nestjs/common';
import { CalendarModule } from '@weiquan/calendar';
import { EscalateStationsHandler, ReconcileHandler, RouteCasesHandler } from './routing.handlers';
import { RoutingMetrics } from './routing.metrics';
import { RoutingRepository } from './routing.repository';
import { RoutingService } from './routing.service';

/** Routing for the worker: the decision rules applied to cases, with their job handlers. */
@Module({
  imports: [CalendarModule],
  providers: [RoutingRepository, RoutingService, RoutingMetrics, RouteCasesHandler, EscalateStationsHandler, ReconcileHandler],
  exports: [RoutingService],
})
export class RoutingModule {}
