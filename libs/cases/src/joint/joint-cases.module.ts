import { Module } from '@nestjs/common';
import { NotificationsModule } from '@weiquan/notifications';
import { CaseLifecycleModule } from '../lifecycle/lifecycle.module';
import { JointCasesRepository } from './joint-cases.repository';
import { JointCasesService } from './joint-cases.service';

/**
 * Joint complaints (Order 121 Art. 12) for any caller: the cases API's controller, and the
 * early-warning alerts, which group an alert's complaints in their own transaction (`createIn`).
 */
@Module({
  imports: [CaseLifecycleModule, NotificationsModule],
  providers: [JointCasesRepository, JointCasesService],
  exports: [JointCasesService],
})
export class JointCasesModule {}
