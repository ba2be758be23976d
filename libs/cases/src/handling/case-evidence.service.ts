import { Injectable } from '@nestjs/common';
import { LocalizedException } from '@weiquan/core';
import type { StaffPrincipal } from '@weiquan/identity';
import { actingUnit, readScope } from './case-scope';
import { CaseFileRepository } from './case-file.repository';
import { CasesRepository } from './cases.repository';

/**
 * Staff opening a case's evidence (the consumer's and the business's files): the handling unit only,
 * like personal data in full, and every file opened is recorded in `personal_data_access`
 * (field `attachment:<id>`). The files themselves belong to libs/complaints, which streams them.
 */
@Injectable()
export class CaseEvidenceService {
  constructor(
    private readonly cases: CasesRepository,
    private readonly file: CaseFileRepository,
  ) {}

  /** The case's id if this person may open its files: 404 outside their scope, 403 for a reader who does not handle it. */
  async mayOpen(p: StaffPrincipal, id: string): Promise<string> {
    const c = /^\d{1,18}$/.test(id) ? await this.cases.find(readScope(p), id) : null;
    if (!c) throw new LocalizedException(404, { zh: '未找到该案件', en: 'no such case' });
    const unit = actingUnit(p);
    if (!unit || c.assigneeCode !== unit || p.unit?.type === 'business')
      throw new LocalizedException(403, {
        zh: '只有承办单位可以打开案件附件（每次查看留痕）',
        en: 'only the handling unit may open the case’s files (every view is recorded)',
      });
    return c.id;
  }

  /** Records that this person opened the file. */
  opened(p: StaffPrincipal, caseId: string, attachmentId: string): Promise<void> {
    return this.file.auditPersonalDataView(caseId, { userId: p.userId, username: p.username, unitCode: actingUnit(p) }, [
      `attachment:${attachmentId}`,
    ]);
  }
}
