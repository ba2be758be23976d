import { Injectable } from '@nestjs/common';
import { CalendarService, chinaDate } from '@weiquan/calendar';
import { makeAccessCode, makeTrackingNo, ruleSetOn } from '@weiquan/cases';
import { invalid, LocalizedException, PersonalDataCipher } from '@weiquan/core';
import { notificationText } from '@weiquan/notifications';
import type { NotificationParams } from '@weiquan/notifications';
import { createHash, randomInt } from 'node:crypto';
import { CreateComplaintDto } from '../dto/create-complaint.dto';
import { normaliseAddress } from './identity.rules';
import { notAComplaint } from './not-a-complaint.guard';
import { isCaseKind } from './request-kind.rules';
import type { CaseKind } from './request-kind.rules';
import { checkSubmission } from './intake.rules';
import { IntakeDirectory } from './intake-directory';
import { CaseIntakeRepository } from '@weiquan/cases/lifecycle/case-intake.repository';
import type { InsertedCase, NewCase } from '@weiquan/cases/lifecycle/case-intake.repository';
import { IntakeRepository } from './intake.repository';
import { ART35_RELEASED_BY, OPEN_STATUSES, repeatKeyText } from './repeat.rules';
import type { RepeatRule, RepeatSubject } from './repeat.rules';

type IntakeChannel = 'web' | 'phone' | 'letter' | 'counter';

export interface IntakeOptions {
  /** Art. 8 channels: online, or staff recording a phone call, letter or counter visit. */
  channel: IntakeChannel;
  /** When it was actually received (deadlines count from it); now for online submissions. */
  receivedAt?: Date;
  idempotencyKey?: string;
  /** The staff user who entered it (phone, letter, counter), recorded as the actor of its first event. */
  enteredBy?: string;
}

export interface SubmissionAnswer {
  trackingNo: string;
  accessCode: string;
  kind: CaseKind;
  status: 'received' | 'duplicate';
  /** The settlement stage (a station helps both sides agree first) or the formal complaint. */
  stage: 'settlement' | 'formal';
  /** For a duplicate: `while-open` (the first case is still being handled) or `art35` (a repeated report). */
  repeatRule?: RepeatRule;
  receivedAt: string;
  acceptanceDueDate: string | null;
  acceptanceDueProvisional: boolean;
  linkedTrackingNo?: string;
  duplicateOfTrackingNo?: string;
  cases: {
    trackingNo: string;
    track: 'complaint' | 'report';
    status: 'received' | 'duplicate';
    dueDate: string | null;
    duplicateOfTrackingNo?: string;
    repeatRule?: RepeatRule;
  }[];
}

/**
 * What makes two submissions one matter, and by which rule (docs/RULES.md, "Repeat and abusive
 * filing"; repeat.rules.ts): the same complainant (keyed phone hash) and what the rule compares.
 */
function matterKey(phoneHash: Buffer, subject: RepeatSubject): { key: Buffer; rule: RepeatRule } {
  const { rule, text } = repeatKeyText(subject);
  return { key: createHash('sha256').update(phoneHash).update(text, 'utf8').digest(), rule };
}

/** The statuses in which an earlier case still holds its matter, per repeat rule (repeat.rules.ts). */
const REPEAT = { open: OPEN_STATUSES, released: ART35_RELEASED_BY };

/** Stable JSON (sorted keys) so the same body always hashes the same for Idempotency-Key. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Receives a complaint or report: checks it, and commits the case(s), their first history event and
 * the routing work in one transaction before answering. Nothing acknowledged is ever lost.
 */
@Injectable()
export class IntakeService {
  constructor(
    private readonly repo: IntakeRepository,
    private readonly cases: CaseIntakeRepository,
    private readonly directory: IntakeDirectory,
    private readonly calendar: CalendarService,
    private readonly cipher: PersonalDataCipher,
  ) {}

  async submit(dto: CreateComplaintDto, opts: IntakeOptions): Promise<SubmissionAnswer> {
    const receivedAt = opts.receivedAt ?? new Date();
    const receivedOn = chinaDate(receivedAt);
    const kind = dto.kind;
    // Not a complaint or report (Art. 44): the controllers' guard answers first; this is the rule for any other caller.
    if (!isCaseKind(kind)) throw notAComplaint(kind, receivedOn);
    // "Not in the future" means not after the day it was received (today, for online submissions).
    const { problems, checked } = checkSubmission(dto, { ...(await this.directory.snapshot()), today: receivedOn });
    if (opts.receivedAt && receivedAt.getTime() > Date.now() + 60_000) {
      problems.push({ field: 'receivedAt', message: { zh: '接收时间不能晚于现在', en: 'must not be in the future' } });
    }
    if (kind === 'report' && dto.path === 'settlement')
      problems.push({
        field: 'path',
        message: {
          zh: '举报只由市场监管部门办理，不能选择先行和解；如需与商家协商解决您自己的消费纠纷，请提交投诉',
          en: 'a report is handled by the regulator only and cannot be settled; file a complaint to settle your own dispute',
        },
      });
    if (problems.length) throw invalid(problems);

    const rules = ruleSetOn(receivedOn);
    // Reports are for a regulator only; a complaint goes to a station to settle unless the consumer chose otherwise.
    const complaintStage = dto.path ?? 'settlement';
    const tracks: ('complaint' | 'report')[] = kind === 'both' ? ['complaint', 'report'] : [kind];
    const accessCode = makeAccessCode(randomInt);
    const phoneHash = this.cipher.hash('phone', checked.phone);
    const address = dto.consumer.address ? normaliseAddress(dto.consumer.address) : null;
    const sealed = {
      phone: this.cipher.encrypt(checked.phone),
      address: dto.consumer.address ? this.cipher.encrypt(dto.consumer.address) : null,
      idNumber: dto.consumer.idNumber ? this.cipher.encrypt(dto.consumer.idNumber.toUpperCase()) : null,
      email: dto.consumer.email ? this.cipher.encrypt(dto.consumer.email) : null,
      description: this.cipher.encrypt(dto.description),
      demand: this.cipher.encrypt(dto.demand),
    };
    const dues = {
      complaint: await this.calendar.due(receivedOn, rules.acceptance.days),
      report: await this.calendar.due(receivedOn, rules.decision.days),
    };
    const trackingNos = await Promise.all(tracks.map(async () => makeTrackingNo(receivedOn, await this.repo.nextSerial())));
    const requestHash = opts.idempotencyKey
      ? createHash('sha256')
          .update(canonical({ channel: opts.channel, body: dto }))
          .digest()
      : null;

    const matters = tracks.map((track) =>
      matterKey(phoneHash, {
        track,
        ruleSet: rules.code,
        respondentKey: checked.respondentKey,
        categoryCode: dto.categoryCode,
        incidentDate: dto.incidentDate,
        description: dto.description,
      }),
    );
    const cases: NewCase[] = tracks.map((track, i) => ({
      trackingNo: trackingNos[i],
      accessCodeHash: this.accessCodeHash(trackingNos[i], accessCode),
      track,
      ruleSet: rules.code,
      categoryCode: dto.categoryCode,
      issueType: dto.issueType ?? null,
      purchaseChannel: dto.channel ?? null,
      prepaid: dto.prepaid ?? false,
      intakeChannel: opts.channel,
      enteredBy: opts.enteredBy ?? null,
      consumerName: dto.consumer.name.trim(),
      consumerPhoneEnc: sealed.phone,
      consumerPhoneHash: phoneHash,
      consumerPhoneTail: checked.phone.slice(-4),
      consumerAddressEnc: sealed.address,
      consumerAddressHash: address === null ? null : this.cipher.hash('address', address),
      consumerIdNumberEnc: sealed.idNumber,
      consumerEmailEnc: sealed.email,
      respondentName: dto.respondent.name.trim(),
      respondentKey: checked.respondentKey,
      respondentCreditCode: checked.creditCode,
      respondentAddress: dto.respondent.address.trim(),
      respondentAreaCode: dto.respondent.areaCode,
      respondentVenueCode: dto.respondent.venueCode ?? null,
      respondentOnline: dto.respondent.online ?? false,
      respondentPlatformName: dto.respondent.platformName ?? null,
      respondentLat: dto.respondent.lat ?? null,
      respondentLng: dto.respondent.lng ?? null,
      incidentDate: dto.incidentDate,
      amountFen: checked.amountFen,
      descriptionEnc: sealed.description,
      demandEnc: sealed.demand,
      consentToPublish: dto.consentToPublish ?? false,
      consentBusinessContact: dto.contactByBusiness ?? false,
      flags: checked.flags,
      receivedAt,
      receivedOn,
      matterKey: matters[i].key,
      repeatRule: matters[i].rule,
      stage: track === 'complaint' ? complaintStage : 'formal',
      due: track === 'complaint' && complaintStage === 'settlement' ? null : dues[track].date,
      dueProvisional: !(track === 'complaint' && complaintStage === 'settlement') && dues[track].provisional,
      // One receipt SMS per submission, with the tracking number(s) and the access code.
      receipt: i === 0 ? this.receipt(track, trackingNos, accessCode) : null,
    }));

    const answer = (inserted: InsertedCase[]): SubmissionAnswer => {
      const [first, second] = inserted;
      return {
        trackingNo: first.trackingNo,
        accessCode,
        kind,
        status: first.status,
        stage: cases[0].stage,
        ...(first.repeatRule ? { repeatRule: first.repeatRule } : {}),
        receivedAt: receivedAt.toISOString(),
        acceptanceDueDate: first.dueDate,
        acceptanceDueProvisional: first.dueProvisional,
        ...(second ? { linkedTrackingNo: second.trackingNo } : {}),
        ...(first.duplicateOfTrackingNo ? { duplicateOfTrackingNo: first.duplicateOfTrackingNo } : {}),
        cases: inserted.map((c, i) => ({
          trackingNo: c.trackingNo,
          track: tracks[i],
          status: c.status,
          dueDate: c.dueDate,
          ...(c.duplicateOfTrackingNo ? { duplicateOfTrackingNo: c.duplicateOfTrackingNo } : {}),
          ...(c.repeatRule ? { repeatRule: c.repeatRule } : {}),
        })),
      };
    };

    if (!opts.idempotencyKey) return answer(await this.cases.insertCases(this.repo.autocommit, cases, REPEAT));

    return this.repo.transaction(async (tx) => {
      const claim = await this.repo.claimIdempotencyKey(tx, opts.idempotencyKey!, requestHash!);
      if (claim.state === 'mismatch') {
        throw new LocalizedException(422, {
          zh: '该 Idempotency-Key 已用于另一份不同的提交；新的提交请使用新的 Key',
          en: 'this Idempotency-Key was used for a different submission; use a new key for a new one',
        });
      }
      // The first answer, as this service sealed it (authenticated encryption: it is what was written).
      if (claim.state === 'replay')
        return JSON.parse(this.cipher.decrypt(Buffer.from((claim.response as { sealed: string }).sealed, 'base64'))) as SubmissionAnswer;
      const result = answer(await this.cases.insertCases(tx, cases, REPEAT));
      // The answer holds the access code: kept encrypted, and only for the 24 hours a retry may come.
      await this.repo.saveIdempotentResponse(tx, opts.idempotencyKey!, {
        sealed: this.cipher.encrypt(JSON.stringify(result)).toString('base64'),
      });
      return result;
    });
  }

  /** The filing receipt: its stored text never holds the access code; the code goes encrypted, for the SMS only. */
  private receipt(track: 'complaint' | 'report', trackingNos: string[], accessCode: string): NewCase['receipt'] {
    const params: NotificationParams = trackingNos[1] ? { linkedTrackingNo: trackingNos[1] } : {};
    return {
      text: notificationText('received', track, trackingNos[0], params),
      params: { ...params },
      secretEnc: this.cipher.encrypt(accessCode),
    };
  }

  accessCodeHash(trackingNo: string, accessCode: string): Buffer {
    return this.cipher.hash('access-code', `${trackingNo}:${accessCode}`);
  }
}
