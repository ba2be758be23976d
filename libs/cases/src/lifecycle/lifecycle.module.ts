import { Module } from '@nestjs/common';
import { CalendarModule } from '@weiquan/calendar';
import { NotificationsModule } from '@weiquan/notifications';
import { CasesRepository } from '../handling/cases.repository';
import { SettlementRepository } from '../settlement/settlement.repository';
import { SettlementService } from '../settlement/settlement.service';
import { BusinessPartyService } from '../settlement/business-party.service';
import { AccessCodeRepository } from './access-code.repository';
import { AssignmentRepository } from './assignment.repository';
import { CaseIntakeRepository } from './case-intake.repository';
import { ConsumerStepsRepository } from './consumer-steps.repository';
import { CaseTextsRepository } from './case-texts.repository';

/**
 * The one owner of the case lifecycle: only the repositories here (and the handling and clock
 * repositories of this library) write `cases`, `case_event` and `unit_load`. Routing, intake and the
 * consumer's endpoints decide or check, then ask these to write. It imports nothing that imports
 * routing, so routing may import it (by its path, not the library's index).
 */
@Module({
  imports: [CalendarModule, NotificationsModule],
  providers: [
    CasesRepository,
    SettlementRepository,
    SettlementService,
    BusinessPartyService,
    AssignmentRepository,
    ConsumerStepsRepository,
    AccessCodeRepository,
    CaseIntakeRepository,
  ],
  exports: [
    CasesRepository,
    SettlementService,
    BusinessPartyService,
    AssignmentRepository,
    ConsumerStepsRepository,
    AccessCodeRepository,
    CaseIntakeRepository,
  ],
})
export class CaseLifecycleModule {}

/** Sealing the free text of cases written before it was encrypted (`cli data:seal-texts`, run by `setup`). */
@Module({ providers: [CaseTextsRepository], exports: [CaseTextsRepository] })
export class CaseTextsModule {}
