import { Inject, Injectable, Logger } from '@nestjs/common';
import { makeAccessCode, normaliseTrackingNo } from '@weiquan/cases';
import { AccessCodeRepository } from '@weiquan/cases/lifecycle/access-code.repository';
import { AppConfig, PersonalDataCipher } from '@weiquan/core';
import { notificationText } from '@weiquan/notifications';
import { randomInt, timingSafeEqual } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { IntakeService } from '../intake/intake.service';
import { normaliseMobile } from '../intake/identity.rules';
import { AccessAttempts } from './access-attempts';
import { mayReissue, recoveryAnswer } from './access-code-recovery.rules';
import type { RecoveryAnswer } from './access-code-recovery.rules';
import { ConsumerCaseRepository } from './consumer-case.repository';

/**
 * Every answer takes at least this long, so a right phone (which writes and commits) cannot be told
 * from a wrong one or an unknown number by the time the answer takes.
 */
const ANSWER_FLOOR_MS = 300;

/**
 * A consumer who lost the access code gets a new one by SMS to the phone on file
 * (access-code-recovery.rules.ts says when; the answer never says whether anything was sent). The
 * new code is kept encrypted on its notification until the worker sends it, then erased, like the
 * filing receipt's (intake.service.ts `receipt`).
 */
@Injectable()
export class AccessCodeRecovery {
  private readonly logger = new Logger(AccessCodeRecovery.name);

  constructor(
    private readonly repo: ConsumerCaseRepository,
    private readonly codes: AccessCodeRepository,
    private readonly intake: IntakeService,
    private readonly cipher: PersonalDataCipher,
    private readonly attempts: AccessAttempts,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  async recover(trackingNo: string, phone: string): Promise<RecoveryAnswer> {
    const started = Date.now();
    const smsAvailable = this.config.sms.provider !== 'none';
    if (smsAvailable) await this.reissueIfOnFile(trackingNo, phone, smsAvailable);
    await sleep(Math.max(0, ANSWER_FLOOR_MS - (Date.now() - started)));
    return recoveryAnswer(smsAvailable);
  }

  private async reissueIfOnFile(trackingNo: string, phone: string, smsAvailable: boolean): Promise<void> {
    const no = normaliseTrackingNo(trackingNo);
    const c = no ? await this.repo.forRecovery(no) : null;
    const given = this.cipher.hash('phone', normaliseMobile(phone) ?? '');
    const facts = { smsAvailable, found: !!c, phoneMatches: !!c && timingSafeEqual(Buffer.from(c.phoneHash), given) };
    // Today's count is read, under the case's lock, only when it is all that could still say no.
    if (!c || !mayReissue({ ...facts, reissuedToday: 0 })) return;
    // A "both" filing has one code for its complaint and its report: both get the new one, and the SMS names both.
    const cases = [c, ...(c.pair ? [c.pair] : [])];
    const issued = await this.repo.transaction(async (tx) => {
      const reissuedToday = await this.codes.lockAndCountToday(
        tx,
        cases.map((x) => x.id),
      );
      if (!mayReissue({ ...facts, reissuedToday })) return false;
      const code = makeAccessCode(randomInt);
      const params = c.pair ? { linkedTrackingNo: c.pair.trackingNo } : {};
      await this.codes.reissue(
        tx,
        cases.map((x) => ({ caseId: x.id, accessCodeHash: this.intake.accessCodeHash(x.trackingNo, code) })),
        { text: notificationText('access-code', c.track, c.trackingNo, params), params, secretEnc: this.cipher.encrypt(code) },
      );
      return true;
    });
    if (issued) await this.attempts.clear(c.trackingNo);
    else this.logger.warn({ trackingNo: c.trackingNo }, 'access code not reissued: daily limit reached');
  }
}
