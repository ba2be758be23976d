import { Module } from '@nestjs/common';
import { BusinessImportRepository } from './business-import.repository';
import { BusinessImportService } from './business-import.service';

/** The business import for any process: the API's upload (BusinessApiModule) and the CLI's directory:import --businesses. */
@Module({
  providers: [BusinessImportRepository, BusinessImportService],
  exports: [BusinessImportService],
})
export class BusinessImportModule {}
