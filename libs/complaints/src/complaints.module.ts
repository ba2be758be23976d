import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { CalendarModule } from '@weiquan/calendar';
import { CasesApiModule } from '@weiquan/cases';
import { AppConfig, RedisClient } from '@weiquan/core';
import { DirectoryModule } from '@weiquan/directory';
import { IdentityModule } from '@weiquan/identity';
import { RoutingModule } from '@weiquan/routing';
import { CaseLifecycleModule } from '@weiquan/cases/lifecycle/lifecycle.module';
import { SettlementOptionsController } from './settlement-options.controller';
import { ComplaintsController } from './complaints.controller';
import { ConsumerThrottleGuard } from './complaints.throttle';
import { AttachmentStore } from './consumer/attachment.store';
import { ConsumerUploadGuard } from './consumer/consumer-upload.guard';
import { ConsumerCaseRepository } from './consumer/consumer-case.repository';
import { ConsumerCaseService } from './consumer/consumer-case.service';
import { IntakeDirectory } from './intake/intake-directory';
import { IntakeRepository } from './intake/intake.repository';
import { IntakeService } from './intake/intake.service';
import { StaffIntakeController } from './staff/staff-intake.controller';
import { StaffEvidenceController } from './staff/staff-evidence.controller';
import { DisclosureController } from './disclosure/disclosure.controller';
import { DisclosureRepository } from './disclosure/disclosure.repository';
import { DisclosureService } from './disclosure/disclosure.service';
import { CaseAttachments } from './consumer/case-attachments';
import { AccessAttempts } from './consumer/access-attempts';
import { AccessCodeRecovery } from './consumer/access-code-recovery';

/** Intake for any process (the staff desk will use it too): no routes. */
@Module({
  imports: [DirectoryModule, CalendarModule, CaseLifecycleModule],
  providers: [IntakeRepository, IntakeDirectory, IntakeService],
  exports: [IntakeService],
})
class IntakeModule {}

/** The consumer's public endpoints, rate-limited per client in Redis so limits hold across API processes. */
@Module({
  imports: [
    IntakeModule,
    CasesApiModule,
    IdentityModule,
    RoutingModule,
    ThrottlerModule.forRootAsync({
      inject: [AppConfig, RedisClient],
      useFactory: (config: AppConfig, redis: RedisClient) => ({
        throttlers: [
          { name: 'intake', ttl: 60_000, limit: config.rateLimits.intakePerMinute },
          { name: 'lookup', ttl: 60_000, limit: config.rateLimits.lookupPerMinute },
        ],
        storage: new ThrottlerStorageRedisService(redis),
        generateKey: (_ctx, tracker, name) => `${config.redis.prefix}:throttle:${name}:${tracker}`,
      }),
    }),
  ],
  controllers: [SettlementOptionsController, ComplaintsController, StaffIntakeController, StaffEvidenceController, DisclosureController],
  providers: [
    ConsumerCaseRepository,
    ConsumerCaseService,
    AttachmentStore,
    CaseAttachments,
    AccessAttempts,
    AccessCodeRecovery,
    ConsumerThrottleGuard,
    ConsumerUploadGuard,
    DisclosureRepository,
    DisclosureService,
  ],
  exports: [CaseAttachments],
})
export class ComplaintsApiModule {}
