import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthIndicators } from '@weiquan/core';
import { HealthController } from './health.controller';

@Module({
  imports: [TerminusModule.forRoot({ errorLogStyle: 'json' })],
  providers: [HealthIndicators],
  controllers: [HealthController],
})
export class HealthModule {}
