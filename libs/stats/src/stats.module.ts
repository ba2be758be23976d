import { Module } from '@nestjs/common';
import { IdentityModule } from '@weiquan/identity';
import { BusinessStatsRepository } from './business-stats.repository';
import { BusinessStatsService } from './business-stats.service';
import { OpenRepository } from './open.repository';
import { RollupService } from './rollup.service';
import { StatsController } from './stats.controller';
import { ApplyEventsHandler } from './stats.handlers';
import { RollupRepository } from './rollup.repository';
import { StatsRepository } from './stats.repository';
import { StatsExportService } from './stats-export.service';
import { StatsService } from './stats.service';
import { WatchRepository } from './watch.repository';

/**
 * The rollups and their maintenance, for any process (the worker's job, the CLI's rebuild, tests),
 * and the reads of the business rollup (the statistics and the businesses' public record).
 */
const PROVIDERS = [
  StatsRepository,
  RollupRepository,
  OpenRepository,
  RollupService,
  BusinessStatsRepository,
  BusinessStatsService,
  WatchRepository,
];

@Module({ providers: PROVIDERS, exports: PROVIDERS })
export class StatsModule {}

/** GET /stats/*: read from the rollups only. */
@Module({
  imports: [StatsModule, IdentityModule],
  controllers: [StatsController],
  providers: [StatsService, StatsExportService],
})
export class StatsApiModule {}

/** The worker's aggregator job. */
@Module({
  imports: [StatsModule],
  providers: [ApplyEventsHandler],
})
export class StatsWorkerModule {}
