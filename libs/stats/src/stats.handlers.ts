import { Injectable } from '@nestjs/common';
import { HandlesJob, JobHandler } from '@weiquan/core';
import { RollupService } from './rollup.service';

/** Applies new history events to the rollups (scheduled every few seconds; a busy run is a no-op). */
@Injectable()
@HandlesJob('stats.apply-events')
export class ApplyEventsHandler implements JobHandler<'stats.apply-events'> {
  constructor(private readonly rollups: RollupService) {}

  async handle(): Promise<void> {
    await this.rollups.applyPending();
  }
}
