import { Injectable } from '@nestjs/common';
import { JointCasesService } from '@weiquan/cases';
import type { CreateJointCase, JointCaseDto } from '@weiquan/cases';
import { LocalizedException } from '@weiquan/core';
import type { StaffPrincipal } from '@weiquan/identity';
import { ConsumerWarningsService } from '../consumer-warnings/consumer-warnings.service';
import type { ConsumerWarningDto, PublishConsumerWarning } from '../consumer-warnings/dto/consumer-warning.dto';
import { AlertsRepository } from './alerts.repository';
import { AlertsService } from './alerts.service';

/**
 * Acting on an alert: grouping its complaints into a joint complaint (Order 121 Art. 12), or warning
 * consumers (Art. 38). The action and the alert's "acted on" are one transaction: neither exists
 * without the other, and a retry after a failure does not act twice.
 */
@Injectable()
export class AlertActionsService {
  constructor(
    private readonly repo: AlertsRepository,
    private readonly alerts: AlertsService,
    private readonly joint: JointCasesService,
    private readonly consumerWarnings: ConsumerWarningsService,
  ) {}

  jointCase(actor: StaffPrincipal, id: string, input: CreateJointCase): Promise<JointCaseDto> {
    return this.repo.transaction(async (sql) => {
      const alert = await this.alerts.toActOn(sql, actor, id);
      const joint = await this.joint.createIn(sql, actor, { ...input, alertId: id });
      // A business's alert groups that business's complaints, not another's (an area's alert may group any one business's).
      if (alert.subjectKind === 'business' && joint.respondent.key !== alert.subjectKey)
        throw new LocalizedException(400, {
          zh: `所选投诉的被投诉人不是预警对象（${alert.subjectName}）`,
          en: `the complaints chosen are not against the alert's business (${alert.subjectName})`,
        });
      await this.alerts.actedIn(sql, actor, id, { jointCaseId: joint.id, jointNo: joint.jointNo });
      return joint;
    });
  }

  consumerWarning(actor: StaffPrincipal, id: string, input: PublishConsumerWarning): Promise<ConsumerWarningDto> {
    return this.repo.transaction(async (sql) => {
      await this.alerts.toActOn(sql, actor, id);
      const warning = await this.consumerWarnings.publishIn(sql, actor, input, id);
      await this.alerts.actedIn(sql, actor, id, { consumerWarningId: warning.id, title: warning.title });
      return warning;
    });
  }
}
