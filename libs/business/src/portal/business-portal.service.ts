import { Inject, Injectable } from '@nestjs/common';
import { allowedActions, CaseEvidenceService, casePeriods, ruleSet, unitMayTake } from '@weiquan/cases';
import type { CaseStatus } from '@weiquan/cases';
import { CaseAttachments } from '@weiquan/complaints';
import type { UploadedFileInput, UploadTarget } from '@weiquan/complaints';
import { issueText } from '@weiquan/complaints/intake/issue-types';
import { AppConfig, fenToYuan, LocalizedException, PersonalDataCipher } from '@weiquan/core';
import type { Lang } from '@weiquan/core';
import type { StaffPrincipal } from '@weiquan/identity';
import { BusinessCaseRepository } from './business-case.repository';
import type { BusinessCaseRow } from './business-case.repository';
import { businessActions, businessStatus, consumerForBusiness, noticeText, OPEN_FOR_BUSINESS } from './business-case.view';

const NOT_FOUND = () => new LocalizedException(404, { zh: '未找到该投诉', en: 'no such complaint' });

/**
 * The business portal: the complaints against the signed-in business, what it may read of each, and
 * its files. It answers through the case actions (`POST /cases/{id}/actions`), which the state
 * machine decides like any unit's.
 */
@Injectable()
export class BusinessPortalService {
  constructor(
    private readonly repo: BusinessCaseRepository,
    private readonly files: CaseAttachments,
    private readonly evidence: CaseEvidenceService,
    private readonly cipher: PersonalDataCipher,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  async list(p: StaffPrincipal, q: { view?: 'open' | 'all'; cursor?: string; limit?: number }, lang: Lang) {
    const me = codeOf(p);
    const open = q.view !== 'all';
    const limit = open ? 100 : (q.limit ?? 20);
    const rows = await this.repo.list(me, { open, before: q.cursor, limit: limit + 1 });
    const page = rows.slice(0, limit);
    return {
      items: page.map((c) => ({
        id: c.id,
        trackingNo: c.trackingNo,
        stage: c.stage,
        status: c.status,
        statusText: businessStatus(c.stage, c.status)[lang],
        category: { code: c.categoryCode, name: c.categoryName },
        consumerName: consumerForBusiness(c, () => '').name,
        receivedAt: c.receivedAt.toISOString(),
        dueDate: c.assigneeCode === me && OPEN_FOR_BUSINESS.includes(c.status as CaseStatus) ? c.settlementDue : null,
        yours: c.assigneeCode === me,
      })),
      nextCursor: !open && rows.length > limit ? page[page.length - 1].id : null,
    };
  }

  async detail(p: StaffPrincipal, id: string, lang: Lang) {
    const me = codeOf(p);
    const c = await this.find(me, id);
    const [notices, files] = await Promise.all([this.repo.notices(c.id), this.files.list(c.id)]);
    return {
      id: c.id,
      trackingNo: c.trackingNo,
      stage: c.stage,
      status: c.status,
      statusText: businessStatus(c.stage, c.status)[lang],
      category: { code: c.categoryCode, name: c.categoryName },
      issue: c.issueType ? { code: c.issueType, text: issueText(c.issueType, lang) } : null,
      purchaseChannel: c.purchaseChannel,
      prepaid: c.prepaid,
      respondentName: c.respondentName,
      incidentDate: c.incidentDate,
      amount: c.amountFen === null ? null : fenToYuan(c.amountFen),
      description: c.description,
      demand: c.demand,
      receivedAt: c.receivedAt.toISOString(),
      consumer: consumerForBusiness(c, (b) => this.cipher.decrypt(b)),
      /** Who has the complaint now, in the business's terms: itself, a station, or the regulator. */
      holder: c.assigneeType ? { type: c.assigneeType, name: c.assigneeCode === me ? null : c.assigneeName } : null,
      settlement:
        c.stage === 'settlement'
          ? {
              dueDate: c.assigneeCode === me ? c.settlementDue : null,
              offer: c.offer
                ? {
                    response: c.offer.response ?? null,
                    remedy: c.offer.remedy,
                    amount: c.offer.amountFen === null ? null : fenToYuan(c.offer.amountFen),
                    message: c.offer.message,
                    at: c.offer.at,
                  }
                : null,
              amountSettled: c.status === 'settled' && c.amountRecoveredFen !== null ? fenToYuan(c.amountRecoveredFen) : null,
            }
          : null,
      attachments: files
        .filter((a) => a.uploadedBy === 'business' || a.sharedWithBusiness)
        .map((a) => ({ id: a.id, name: a.name, mime: a.mime, size: a.size, at: a.createdAt.toISOString(), from: a.uploadedBy })),
      notices: notices
        .map((e) => ({ at: e.at.toISOString(), type: e.type, text: noticeText(e, me, lang) }))
        .filter((n): n is { at: string; type: string; text: string } => n.text !== null),
      allowedActions: businessActions(c, me, () =>
        allowedActions({
          track: 'complaint',
          status: c.status as CaseStatus,
          ruleSet: casePeriods(ruleSet('order121'), this.config.cityPolicy),
          referral: false,
          decisionExtended: false,
          decisionPaused: false,
          followUpDone: false,
          running: [],
        }).filter((a) => unitMayTake('business', a)),
      ),
    };
  }

  /**
   * Where the business's upload goes: a complaint it holds, or one a department handles; asked by the
   * upload guard before the body is read.
   */
  async attachable(p: StaffPrincipal, id: string): Promise<UploadTarget> {
    const me = codeOf(p);
    const c = await this.find(me, id);
    const open =
      c.assigneeCode === me ? OPEN_FOR_BUSINESS.includes(c.status as CaseStatus) : c.stage === 'formal' && !FINISHED.includes(c.status);
    if (!open)
      throw new LocalizedException(409, {
        zh: '该投诉已不需要贵单位答复，不能再上传附件',
        en: 'the complaint no longer waits for your answer; nothing can be attached',
      });
    return this.files.uploadTarget(c.id);
  }

  /** The business adds the files the upload guard let in to its answer. */
  attach(p: StaffPrincipal, caseId: string, files: UploadedFileInput[]) {
    return this.files.add(caseId, files, { by: 'business', userId: p.userId, creditCode: codeOf(p) });
  }

  /** A file the business may see: its own, or one the consumer shared with it; every file opened is recorded. */
  async download(p: StaffPrincipal, id: string, attachmentId: string) {
    const c = await this.find(codeOf(p), id);
    const file = await this.files.open(c.id, attachmentId, (a) => a.uploadedBy === 'business' || a.sharedWithBusiness);
    await this.evidence.opened(p, c.id, attachmentId);
    return file;
  }

  private async find(me: string, id: string): Promise<BusinessCaseRow> {
    const c = /^\d{1,18}$/.test(id) ? await this.repo.find(me, id) : null;
    if (!c) throw NOT_FOUND();
    return c;
  }
}

const FINISHED = ['closed', 'refused', 'withdrawn', 'settled', 'resolved', 'terminated'];

/** The business's credit code; the guard lets only business users here. */
function codeOf(p: StaffPrincipal): string {
  if (p.role !== 'business' || p.unit?.type !== 'business')
    throw new LocalizedException(403, { zh: '仅限经营者用户', en: 'business users only' });
  return p.unit.code;
}
