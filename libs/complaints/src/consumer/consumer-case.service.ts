import { Inject, Injectable } from '@nestjs/common';
import {
  canRate,
  canWithdraw,
  casePeriods,
  CaseHandlingService,
  CaseStatus,
  clockBasis,
  ClockName,
  CLOCK_TEXT,
  normaliseTrackingNo,
  ruleSet,
  REMEDY_TEXT,
  RuleSetCode,
  SettlementService,
  STATUS_TEXT,
  withdrawalTerminates,
} from '@weiquan/cases';
import { ConsumerStepsRepository } from '@weiquan/cases/lifecycle/consumer-steps.repository';
import { AppConfig, fenToYuan, Lang, LocalizedException } from '@weiquan/core';
import { timingSafeEqual } from 'node:crypto';
import type { Readable } from 'node:stream';
import { IntakeService } from '../intake/intake.service';
import { AttachmentStore, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_CASE, sniffMime } from './attachment.store';
import { CaseForConsumer, ConsumerCaseRepository } from './consumer-case.repository';
import { dataText, eventText } from './timeline';

/** Multipart file names arrive decoded as Latin-1; browsers send UTF-8 (e.g. 小票.png). */
function fileName(raw: string): string {
  const utf8 = Buffer.from(raw, 'latin1').toString('utf8');
  const name = utf8.includes('\uFFFD') ? raw : utf8;
  return name.replace(/[\\/\0]/g, '_').slice(0, 200) || 'file';
}

/** Nothing more can be added to a case closed by the department, settled at the source, or withdrawn. */
const FINISHED = ['closed', 'settled', 'withdrawn'];

const NOT_FOUND = () =>
  new LocalizedException(404, { zh: '未找到该受理编号，或查询码不正确', en: 'no case with that tracking number and access code' });

export interface UploadedFileInput {
  originalname: string;
  buffer: Buffer;
  size: number;
}

/** The consumer's side of a case, keyed by tracking number and access code (no account). */
@Injectable()
export class ConsumerCaseService {
  constructor(
    private readonly repo: ConsumerCaseRepository,
    private readonly intake: IntakeService,
    private readonly store: AttachmentStore,
    private readonly handling: CaseHandlingService,
    private readonly settlement: SettlementService,
    private readonly steps: ConsumerStepsRepository,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /** Whether a clock runs on the city's policy rather than the law, as the case's periods say. */
  private isCityPolicy(clock: ClockName, ruleSetCode: string): boolean {
    const periods = casePeriods(ruleSet(ruleSetCode as RuleSetCode), this.config.cityPolicy);
    return clockBasis(clock, periods)?.kind !== 'law';
  }

  /** A wrong code and an unknown number answer the same, so neither can be probed. */
  private async open(trackingNo: string, accessCode: string | undefined): Promise<CaseForConsumer> {
    const no = normaliseTrackingNo(trackingNo);
    const c = no ? await this.repo.byTrackingNo(no) : null;
    const expected = c ? c.accessCodeHash : Buffer.alloc(32);
    const given = this.intake.accessCodeHash(no ?? '', accessCode?.trim() ?? '');
    if (!c || !accessCode || !timingSafeEqual(Buffer.from(expected), given)) throw NOT_FOUND();
    return c;
  }

  async status(trackingNo: string, accessCode: string | undefined, lang: Lang) {
    const c = await this.open(trackingNo, accessCode);
    const [events, clocks] = await Promise.all([this.repo.publicEvents(c.id), this.repo.clocks(c.id)]);
    const refs = await this.repo.trackingNos(events.map((e) => dataText(e.data.duplicateOf)).filter(Boolean));
    const attachments = await this.repo.attachments(c.id);
    return {
      trackingNo: c.trackingNo,
      track: c.track,
      status: c.status,
      statusText: STATUS_TEXT[c.status as CaseStatus]?.[lang] ?? c.status,
      category: { code: c.categoryCode, name: c.categoryName },
      respondentName: c.respondentName,
      receivedAt: c.receivedAt,
      assignee: c.assigneeCode ? { code: c.assigneeCode, name: c.assigneeName, type: c.assigneeType } : null,
      /** The running deadline, if any; each clock with its due day, and when it was met or paused. */
      dueDate: c.dueOn,
      deadlines: [
        ...(c.acceptanceDue
          ? [
              {
                kind: c.track === 'complaint' ? 'acceptance' : 'decision',
                text: CLOCK_TEXT[c.track === 'complaint' ? 'acceptance' : 'decision'][lang],
                dueDate: c.acceptanceDue,
                provisional: c.acceptanceDueProvisional,
                metOn: c.firstClockMetOn,
                pausedOn: c.firstClockPausedOn,
              },
            ]
          : []),
        ...clocks.map((k) => ({
          kind: k.clock,
          text: `${CLOCK_TEXT[k.clock as ClockName]?.[lang] ?? k.clock}${this.isCityPolicy(k.clock as ClockName, c.ruleSet) ? POLICY_NOTE[lang] : ''}`,
          dueDate: k.dueOn,
          provisional: k.provisional,
          metOn: k.metOn,
          pausedOn: k.pausedOn,
        })),
      ],
      stage: c.stage,
      settlement: settlementView(c, lang),
      linkedTrackingNo: c.linkedTrackingNo,
      duplicateOfTrackingNo: c.duplicateOfTrackingNo,
      rating: c.rating ? { rating: c.rating, comment: c.ratingComment } : null,
      attachments: attachments.map((a) => ({ id: a.id, name: a.name, mime: a.mime, size: a.size, at: a.createdAt })),
      timeline: events.map((e) => ({
        at: e.at,
        type: e.type,
        // A duplicate that lost a simultaneous claim learnt its original just after its event was written.
        text: eventText(e, lang, {
          track: c.track,
          trackingNoOf: (id) => refs.get(id) ?? c.duplicateOfTrackingNo ?? undefined,
        }),
      })),
    };
  }

  /** The consumer accepts the business's offer: settled at the source, closed. */
  async acceptOffer(trackingNo: string, accessCode: string | undefined): Promise<{ status: 'settled'; amountRecovered: string }> {
    const c = await this.open(trackingNo, accessCode);
    const r = await this.settlement.acceptOffer(c.id);
    if (!r.ok) throw settlementRefused(r.why, c.status);
    return { status: 'settled', amountRecovered: fenToYuan(r.amountRecoveredFen) };
  }

  /**
   * The consumer leaves the settlement stage for a formal complaint to the department (at any time
   * while it is open; rejecting the offer is the same step). The worker routes it by jurisdiction.
   */
  async escalate(
    trackingNo: string,
    accessCode: string | undefined,
    reason: string | undefined,
  ): Promise<{ status: 'received'; stage: 'formal' }> {
    const c = await this.open(trackingNo, accessCode);
    const r = await this.settlement.escalateByConsumer({ id: c.id, status: c.status as CaseStatus }, reason?.trim() || null);
    if (!r.ok) throw settlementRefused(r.why, c.status);
    return { status: 'received', stage: 'formal' };
  }

  /**
   * Before 受理 the case is withdrawn; during mediation a withdrawal terminates it on ground 1
   * (Order 121 Art. 23(1); Order 20 Art. 21(1)), written by case handling like a staff termination.
   */
  async withdraw(trackingNo: string, accessCode: string | undefined, reason: string | undefined): Promise<{ status: string }> {
    const c = await this.open(trackingNo, accessCode);
    if (!canWithdraw(c.status as CaseStatus)) {
      throw new LocalizedException(409, {
        zh: `当前状态（${STATUS_TEXT[c.status as CaseStatus]?.zh ?? c.status}）不能撤回`,
        en: `cannot be withdrawn in its current state (${c.status})`,
      });
    }
    const terminates = withdrawalTerminates(c.track, c.status as CaseStatus);
    const done = terminates
      ? await this.handling.withdrawnInMediation(c.id, c.status as CaseStatus, reason?.trim() || null)
      : await this.withdrawn(c, reason);
    if (!done)
      throw new LocalizedException(409, {
        zh: '案件状态刚刚发生变化，请刷新后重试',
        en: 'the case changed meanwhile; reload and try again',
      });
    return { status: terminates ? 'terminated' : 'withdrawn' };
  }

  private withdrawn(c: CaseForConsumer, reason: string | undefined): Promise<boolean> {
    return this.repo.transaction(async (tx) => {
      const changed = await this.steps.transition(tx, {
        id: c.id,
        from: c.status,
        to: 'withdrawn',
        type: 'withdrawn',
        note: reason ?? null,
      });
      if (changed) await this.repo.releaseMatter(tx, c.id);
      return changed;
    });
  }

  async supplement(trackingNo: string, accessCode: string | undefined, text: string): Promise<{ added: true }> {
    const c = await this.open(trackingNo, accessCode);
    if (FINISHED.includes(c.status)) {
      throw new LocalizedException(409, { zh: '案件已结束，不能再补充材料', en: 'the case is finished; nothing can be added' });
    }
    await this.repo.transaction((tx) => this.steps.addEvent(tx, c.id, 'supplement', text));
    return { added: true };
  }

  async attach(trackingNo: string, accessCode: string | undefined, files: UploadedFileInput[]) {
    const c = await this.open(trackingNo, accessCode);
    if (!files.length)
      throw new LocalizedException(400, { zh: '请选择要上传的文件（字段名 file）', en: 'no file uploaded (field name "file")' });
    if (FINISHED.includes(c.status)) {
      throw new LocalizedException(409, { zh: '案件已结束，不能再上传附件', en: 'the case is finished; nothing can be attached' });
    }
    const checked = files.map((f) => {
      const mime = sniffMime(f.buffer);
      if (f.size > MAX_ATTACHMENT_BYTES)
        throw new LocalizedException(413, { zh: `文件 ${f.originalname} 超过 10 MB`, en: `${f.originalname} is larger than 10 MB` });
      if (!mime) {
        throw new LocalizedException(415, {
          zh: `文件 ${f.originalname} 不是图片（JPEG/PNG/WebP/GIF）或 PDF`,
          en: `${f.originalname} is not an image (JPEG/PNG/WebP/GIF) or a PDF`,
        });
      }
      return { file: f, mime, name: fileName(f.originalname) };
    });
    // Files first (content-addressed, harmless if unused), then the rows in one transaction.
    const stored = await Promise.all(checked.map(async (x) => ({ ...x, sha256: await this.store.put(x.file.buffer) })));
    return this.repo.transaction(async (tx) => {
      await this.repo.lockCase(tx, c.id);
      if ((await this.repo.countAttachments(tx, c.id)) + stored.length > MAX_ATTACHMENTS_PER_CASE) {
        throw new LocalizedException(409, {
          zh: `每件最多 ${MAX_ATTACHMENTS_PER_CASE} 个附件`,
          en: `at most ${MAX_ATTACHMENTS_PER_CASE} attachments per case`,
        });
      }
      const added = [];
      for (const s of stored) {
        const id = await this.repo.addAttachment(tx, c.id, { sha256: s.sha256, mime: s.mime, size: s.file.size, name: s.name });
        if (id) await this.steps.addEvent(tx, c.id, 'attachment', null, { name: s.name, attachmentId: id });
        added.push({ id, name: s.name, mime: s.mime, size: s.file.size, duplicate: id === null });
      }
      return { attachments: added };
    });
  }

  async download(
    trackingNo: string,
    accessCode: string | undefined,
    attachmentId: string,
  ): Promise<{ mime: string; name: string; size: number; stream: Readable }> {
    const c = await this.open(trackingNo, accessCode);
    const a = (await this.repo.attachments(c.id)).find((x) => x.id === attachmentId);
    if (!a) throw new LocalizedException(404, { zh: '没有这个附件', en: 'no such attachment' });
    return { mime: a.mime, name: a.name, size: a.size, stream: this.store.open(a.sha256) };
  }

  async rate(trackingNo: string, accessCode: string | undefined, rating: string, comment: string | undefined) {
    const c = await this.open(trackingNo, accessCode);
    if (!canRate(c.status as CaseStatus, c.track)) {
      throw new LocalizedException(409, { zh: '投诉办结后才能评价', en: 'a complaint can be rated once it is closed' });
    }
    const done = await this.repo.transaction(async (tx) => {
      const ok = await this.steps.rate(tx, c.id, rating, comment ?? null);
      if (ok) await this.steps.addEvent(tx, c.id, 'rated', null, { rating });
      return ok;
    });
    if (!done) throw new LocalizedException(409, { zh: '已经评价过了', en: 'already rated' });
    return { rating, comment: comment ?? null };
  }
}

const POLICY_NOTE: Record<Lang, string> = { zh: '（本市工作规范，非法定期限）', en: ' (city policy, not a legal deadline)' };

/** The settlement stage as the consumer sees it: who helps, by when, and the offer to accept or reject. */
function settlementView(c: CaseForConsumer, lang: Lang) {
  if (c.stage !== 'settlement') return null;
  const station = c.assigneeType === 'station' && c.assigneeCode;
  return {
    handler: station
      ? {
          code: c.assigneeCode!,
          name: c.assigneeName ?? c.assigneeCode!,
          type: 'station' as const,
          phone: c.stationPhone,
          address: c.stationAddress,
        }
      : null,
    takeUpDueDate: c.status === 'settling' ? c.takeUpDue : null,
    dueDate: c.settlementDue,
    offer: c.offer
      ? {
          remedy: c.offer.remedy,
          remedyText: REMEDY_TEXT[c.offer.remedy][lang],
          amount: c.offer.amountFen === null ? null : fenToYuan(c.offer.amountFen),
          message: c.offer.message,
          at: c.offer.at,
        }
      : null,
  };
}

function settlementRefused(why: 'not-in-settlement' | 'no-offer' | 'moved', status: string) {
  const st = STATUS_TEXT[status as CaseStatus];
  switch (why) {
    case 'no-offer':
      return new LocalizedException(409, {
        zh: '商家尚未提出和解方案，暂时没有可以接受的方案；您也可以随时转为正式投诉',
        en: 'the business has made no offer yet; you may still complain formally at any time',
      });
    case 'moved':
      return new LocalizedException(409, {
        zh: '案件状态刚刚发生变化，请刷新后重试',
        en: 'the case changed meanwhile; reload and try again',
      });
    default:
      return new LocalizedException(409, {
        zh: `案件已不在协商和解阶段（当前：${st?.zh ?? status}）`,
        en: `the case is no longer in the settlement stage (now: ${st?.en ?? status})`,
      });
  }
}
