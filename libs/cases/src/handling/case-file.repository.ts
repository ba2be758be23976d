import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Sql } from '@weiquan/core';
import { DataSource } from 'typeorm';
import type { LinkedRow } from './reporter-confidentiality';

export interface CaseEventRow {
  id: string;
  at: Date;
  type: string;
  actorType: string;
  actorId: string | null;
  unitCode: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  action: string | null;
  reasonCode: string | null;
  note: string | null;
  public: boolean;
  data: Record<string, unknown>;
}

export interface RoutingDecisionRow {
  round: number;
  rule: string;
  reason: string;
  assigneeType: string;
  assigneeCode: string;
  transfer: boolean;
  candidates: unknown;
  decidedAt: Date;
}

export interface CaseAttachmentRow {
  id: string;
  name: string;
  mime: string;
  size: number;
  createdAt: Date;
  /** The consumer's, or the business's (added with its answer). */
  uploadedBy: 'consumer' | 'business';
  /** The consumer let the business see it. */
  sharedWithBusiness: boolean;
}

/** An enrolled business whose name matches a respondent given by name only. */
export interface BusinessMatchRow {
  creditCode: string;
  name: string;
  exact: boolean;
}

/**
 * The case file's other parts (history, routing rounds, linked cases, attachments) and the audit of
 * full personal-data views: reads for one case the caller may already see (CasesRepository.find
 * decides that), and the one audit insert.
 */
@Injectable()
export class CaseFileRepository {
  private readonly sql: Sql;

  constructor(@InjectDataSource() db: DataSource) {
    this.sql = db;
  }

  history(caseId: string): Promise<CaseEventRow[]> {
    return this.sql.query<CaseEventRow>(
      `select id::text as id, at, type, actor_type as "actorType", actor_id as "actorId", unit_code as "unitCode", from_status as "fromStatus",
              to_status as "toStatus", action, reason_code as "reasonCode", note, public, data
         from case_event e where case_id = $1 order by e.id`,
      [caseId],
    );
  }

  routing(caseId: string): Promise<RoutingDecisionRow[]> {
    return this.sql.query<RoutingDecisionRow>(
      `select round, rule, reason, assignee_type as "assigneeType", assignee_code as "assigneeCode", transfer, candidates, decided_at as "decidedAt"
         from routing_decision where case_id = $1 order by round`,
      [caseId],
    );
  }

  /** Cases linked to this one either way: the other half of a "both" submission, reports opened from it, its original. */
  linked(c: { id: string; linkedCaseId: string | null; duplicateOfId: string | null }): Promise<LinkedRow[]> {
    return this.sql.query<LinkedRow>(
      `select id::text as id, tracking_no as "trackingNo", track, status, assignee_code as "assigneeCode", intake_channel as "intakeChannel",
              case when id = $2 then 'linked' when id = $3 then 'duplicate-of' when duplicate_of_id = $1 then 'duplicate' else 'linked' end as relation
         from cases l
        where (linked_case_id = $1 or id = $2 or id = $3 or duplicate_of_id = $1) and id <> $1
        order by l.id`,
      [c.id, c.linkedCaseId, c.duplicateOfId],
    );
  }

  attachments(caseId: string): Promise<CaseAttachmentRow[]> {
    return this.sql.query<CaseAttachmentRow>(
      `select id::text as id, name, mime, size, created_at as "createdAt", uploaded_by as "uploadedBy",
              shared_with_business as "sharedWithBusiness"
         from attachment a where case_id = $1 order by a.id`,
      [caseId],
    );
  }

  /**
   * Enrolled businesses (online dispute resolution not suspended) of the respondent's area whose
   * name matches a respondent given without a credit code: the same normalised name, or one name
   * containing the other ("某某餐饮" and "聊城市某某餐饮有限公司"), at least 4 characters. Offered to
   * the station to confirm, never applied by itself.
   */
  businessMatches(c: {
    respondentKey: string;
    respondentAreaCode: string;
    respondentCreditCode: string | null;
  }): Promise<BusinessMatchRow[]> {
    if (c.respondentCreditCode || !c.respondentKey.startsWith('name:') || [...c.respondentKey.slice(5)].length < 4)
      return Promise.resolve([]);
    return this.sql.query<BusinessMatchRow>(
      `select credit_code as "creditCode", name, name_key = $1 as exact
         from business b
        where b.area_code = $2 and b.odr_suspended_at is null
          and (b.name_key = $1 or strpos(b.name_key, substr($1, 6)) > 0
               or (char_length(b.name_key) >= 9 and strpos($1, substr(b.name_key, 6)) > 0))
        order by exact desc, char_length(b.name_key), credit_code
        limit 3`,
      [c.respondentKey, c.respondentAreaCode],
    );
  }

  async auditPersonalDataView(
    caseId: string,
    who: { userId: string; username: string; unitCode: string | null },
    fields: string[],
  ): Promise<void> {
    await this.sql.query(`insert into personal_data_access (case_id, user_id, username, unit_code, fields) values ($1, $2, $3, $4, $5)`, [
      caseId,
      who.userId,
      who.username,
      who.unitCode,
      fields,
    ]);
  }
}
