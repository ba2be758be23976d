import { Module } from '@nestjs/common';
import { AppConfig } from '@weiquan/core';
import { IdentityModule } from '@weiquan/identity';
import { NotificationsModule } from '@weiquan/notifications';
import { StatsModule } from '@weiquan/stats';
import { CaseHoldersModule, JointCasesModule } from '@weiquan/cases';
import { AlertActionsService } from './alerts/alert-actions.service';
import { AlertsController } from './alerts/alerts.controller';
import { AlertsRepository } from './alerts/alerts.repository';
import { AlertsService } from './alerts/alerts.service';
import { EvaluateWarningsHandler } from './alerts/early-warning.handlers';
import { EarlyWarningService } from './alerts/early-warning.service';
import { WarningThresholdsConfig } from './alerts/warning-thresholds';
import { ConsumerWarningsController, PublicWarningsController } from './consumer-warnings/consumer-warnings.controller';
import { ConsumerWarningsRepository } from './consumer-warnings/consumer-warnings.repository';
import { ConsumerWarningsService } from './consumer-warnings/consumer-warnings.service';

/**
 * Early warning and consumer warnings (消费预警和风险提示): the detector's alerts for the bureau
 * (alerts/), the consumer warnings the bureau publishes (consumer-warnings/).
 */
@Module({
  imports: [StatsModule, NotificationsModule, CaseHoldersModule],
  providers: [
    ConsumerWarningsRepository,
    ConsumerWarningsService,
    AlertsRepository,
    AlertsService,
    EarlyWarningService,
    // Checked when the process boots: bad thresholds stop it with a message naming the variable.
    { provide: WarningThresholdsConfig, inject: [AppConfig], useFactory: (config: AppConfig) => new WarningThresholdsConfig(config) },
  ],
  exports: [ConsumerWarningsService, AlertsService, AlertsRepository, EarlyWarningService],
})
class WarningsModule {}

/** The bureau's alert list and actions, and the public warnings. */
@Module({
  imports: [WarningsModule, IdentityModule, JointCasesModule],
  controllers: [ConsumerWarningsController, PublicWarningsController, AlertsController],
  providers: [AlertActionsService],
})
export class WarningsApiModule {}

/** The worker's detector job. */
@Module({
  imports: [WarningsModule],
  providers: [EvaluateWarningsHandler],
})
export class WarningsWorkerModule {}
