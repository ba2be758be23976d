import { Injectable } from '@nestjs/common';
import { HandlesJob, JobHandler } from '@weiquan/core';
import { SettlementService } from './settlement.service';

/**
 * Settlement cases past their city deadline become formal complaints. The job keeps the name it had
 * when it escalated late stations (job names are fixed: a schedule already in Redis must still find
 * its handler).
 */
@Injectable()
@HandlesJob('routing.escalate-stations')
export class EscalateSettlementsHandler implements JobHandler<'routing.escalate-stations'> {
  constructor(private readonly settlement: SettlementService) {}

  async handle(): Promise<void> {
    await this.settlement.escalateLapsed();
  }
}
