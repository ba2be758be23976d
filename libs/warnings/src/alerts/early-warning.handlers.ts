import { Injectable } from '@nestjs/common';
import { HandlesJob, JobHandler } from '@weiquan/core';
import { EarlyWarningService } from './early-warning.service';

/** Evaluates the subjects whose counts moved (scheduled every few seconds; nothing changed is a no-op). */
@Injectable()
@HandlesJob('warnings.evaluate')
export class EvaluateWarningsHandler implements JobHandler<'warnings.evaluate'> {
  constructor(private readonly warnings: EarlyWarningService) {}

  async handle(): Promise<void> {
    await this.warnings.evaluatePending();
  }
}
