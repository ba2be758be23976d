import { Injectable } from '@nestjs/common';
import { HandlesJob, JobHandler } from '@weiquan/core';
import { ClocksService } from './clocks.service';

@Injectable()
@HandlesJob('cases.sweep-clocks')
export class SweepClocksHandler implements JobHandler<'cases.sweep-clocks'> {
  constructor(private readonly clocks: ClocksService) {}

  async handle(): Promise<void> {
    await this.clocks.sweep();
  }
}
