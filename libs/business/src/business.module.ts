import { Module } from '@nestjs/common';
import { CasesApiModule } from '@weiquan/cases';
import { ComplaintsApiModule } from '@weiquan/complaints';
import { CryptoModule } from '@weiquan/core';
import { IdentityModule } from '@weiquan/identity';
import { AdminBusinessesController } from './admin-businesses.controller';
import { BusinessRepository } from './business.repository';
import { BusinessService } from './business.service';
import { DemoBusiness } from './demo-business';
import { AdminBusinessImportController } from './import/admin-business-import.controller';
import { BusinessImportModule } from './import/business-import.module';
import { BusinessCaseRepository } from './portal/business-case.repository';
import { BusinessPortalController } from './portal/business-portal.controller';
import { BusinessUploadGuard } from './portal/business-upload.guard';
import { BusinessPortalService } from './portal/business-portal.service';

/** Enrolled businesses for any process: the table's repository, the file import, the demo business (the CLI's setup). */
@Module({
  imports: [BusinessImportModule],
  providers: [BusinessRepository, DemoBusiness],
  exports: [BusinessRepository, DemoBusiness, BusinessImportModule],
})
export class BusinessModule {}

/**
 * Businesses as parties: enrolment for online dispute resolution (administrators, county bureaus,
 * venue stations), and the business portal. The business answers through the case actions of
 * libs/cases; this library never writes `cases`.
 */
@Module({
  imports: [BusinessModule, IdentityModule, ComplaintsApiModule, CasesApiModule, CryptoModule],
  controllers: [AdminBusinessImportController, AdminBusinessesController, BusinessPortalController],
  providers: [BusinessService, BusinessCaseRepository, BusinessPortalService, BusinessUploadGuard],
})
export class BusinessApiModule {}
