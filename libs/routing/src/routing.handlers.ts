import { Injectable } from '@nestjs/common';
import { HandlesJob, JobHandler, JobPayloads } from '@weiquan/core';
import { RoutingService } from './routing.service';

@Injectable()
@HandlesJob('routing.route-cases')
export class RouteCasesHandler implements JobHandler<'routing.route-cases'> {
  constructor(private readonly routing: RoutingService) {}

  async handle(p: JobPayloads['routing.route-cases']): Promise<void> {
    await this.routing.routeMany(p.cases);
  }
}

@Injectable()
@HandlesJob('routing.reconcile')
export class ReconcileHandler implements JobHandler<'routing.reconcile'> {
  constructor(private readonly routing: RoutingService) {}

  async handle(): Promise<void> {
    await this.routing.reconcile();
  }
}
