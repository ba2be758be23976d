import { Module } from '@nestjs/common';
import { DisclosureRepository } from '@weiquan/complaints/disclosure/disclosure.repository';
import { DisclosureService } from '@weiquan/complaints/disclosure/disclosure.service';
import { StatsModule } from '@weiquan/stats';
import { BusinessDisclosureController } from './business-disclosure.controller';
import { BusinessDisclosureRepository } from './business-disclosure.repository';
import { BusinessDisclosureService } from './business-disclosure.service';

/**
 * GET /disclosure/businesses[/{creditCode}]: the businesses' public record. The figures come from the
 * business rollup (StatsModule), the complaints from the published-complaint query of libs/complaints.
 * The rate limit's settings and Redis storage are the ThrottlerModule's that ComplaintsApiModule
 * registers (a global module): the API process has both.
 */
@Module({
  imports: [StatsModule],
  controllers: [BusinessDisclosureController],
  providers: [BusinessDisclosureRepository, BusinessDisclosureService, DisclosureRepository, DisclosureService],
})
export class BusinessDisclosureModule {}
