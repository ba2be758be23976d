import { Module } from '@nestjs/common';
import { ComplaintsApiModule } from '@weiquan/complaints';
import { CryptoModule } from '@weiquan/core';
import { IdentityModule } from '@weiquan/identity';
import { AdminBusinessesController } from './admin-businesses.controller';
import { BusinessRepository } from './business.repository';
import { BusinessService } from './business.service';
import { BusinessCaseRepository } from './portal/business-case.repository';
import { BusinessPortalController } from './portal/business-portal.controller';
import { BusinessPortalService } from './portal/business-portal.service';

/**
 * Businesses as parties: enrolment for online dispute resolution (administrators, county bureaus,
 * venue stations), and the business portal. The business answers through the case actions of
 * libs/cases; this library never writes `cases`.
 */
@Module({
  imports: [IdentityModule, ComplaintsApiModule, CryptoModule],
  controllers: [AdminBusinessesController, BusinessPortalController],
  providers: [BusinessRepository, BusinessService, BusinessCaseRepository, BusinessPortalService],
})
export class BusinessApiModule {}
