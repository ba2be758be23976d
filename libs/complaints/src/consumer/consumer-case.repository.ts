import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Remedy } from '@weiquan/cases';
import type { Sql } from '@weiquan/core';
import { DataSource } from 'typeorm';

export interface CaseForConsumer {
  id: string;
  trackingNo: string;
  accessCodeHash: Buffer;
  track: 'complaint' | 'report';
  status: string;
  categoryCode: string;
  categoryName: string;
  respondentName: string;
  receivedAt: Date;
  acceptanceDue: string | null;
  acceptanceDueProvisional: boolean;
  firstClockMetOn: string | null;
  firstClockPausedOn: string | null;
  ruleSet: string;
  linkedTrackingNo: string | null;
  duplicateOfTrackingNo: string | null;
  rating: string | null;
  ratingComment: string | null;
  assigneeType: 'station' | 'regulator' | 'business' | null;
  assigneeCode: string | null;
  assigneeName: string | null;
  dueOn: string | null;
  stage: 'settlement' | 'formal';
  takeUpDue: string | null;
  settlementDue: string | null;
  offer: { remedy: Remedy; amountFen: number | null; message: string; at: string; response?: 'full' | 'partial' } | null;
  /** When the handling concluded (a settlement: when the consumer accepted the offer). */
  concludedAt: Date | null;
  /** The helping station's phone and address, from the directory. */
  stationPhone: string | null;
  stationAddress: string | null;
  /** The handling regulator's phone and address, from the directory (null where it has none). */
  regulatorPhone: string | null;
  regulatorAddress: string | null;
}

export interface AttachmentRow {
  id: string;
  sha256: string;
  mime: string;
  size: number;
  name: string;
  createdAt: Date;
  uploadedBy: 'consumer' | 'business';
  sharedWithBusiness: boolean;
}

/** A workflow clock as the consumer may see it. */
export interface ConsumerClockRow {
  clock: string;
  dueOn: string;
  provisional: boolean;
  pausedOn: string | null;
  metOn: string | null;
}

/** A history event the consumer may read (`public`). */
export interface PublicEventRow {
  at: Date;
  type: string;
  toStatus: string | null;
  note: string | null;
  data: Record<string, unknown>;
}

/** What access-code recovery needs of a case: whom the code goes to is checked by the phone's keyed hash. */
export interface CaseForRecovery {
  id: string;
  trackingNo: string;
  track: 'complaint' | 'report';
  phoneHash: Buffer;
  /** The other case of a "both" filing (a complaint and a report filed together, linked both ways, one code), if any. */
  pair: { id: string; trackingNo: string } | null;
}

/** Every query behind the consumer's own view of a case. */
@Injectable()
export class ConsumerCaseRepository {
  private readonly sql: Sql;

  constructor(@InjectDataSource() private readonly db: DataSource) {
    this.sql = db;
  }

  /** A TypeORM transaction: a bare UPDATE or DELETE on it answers [rows, count] (see Sql). */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  async byTrackingNo(trackingNo: string, tx: Sql = this.sql): Promise<CaseForConsumer | null> {
    const [row] = await tx.query<CaseForConsumer>(
      `select c.id::text as id, c.tracking_no as "trackingNo", c.access_code_hash as "accessCodeHash", c.track, c.status,
              c.category_code as "categoryCode", cat.name as "categoryName", c.respondent_name as "respondentName",
              c.received_at as "receivedAt", c.acceptance_due as "acceptanceDue", c.acceptance_due_provisional as "acceptanceDueProvisional", c.first_clock_met_on as "firstClockMetOn", c.first_clock_paused_on as "firstClockPausedOn", c.rule_set as "ruleSet",
              l.tracking_no as "linkedTrackingNo", d.tracking_no as "duplicateOfTrackingNo", c.rating, c.rating_comment as "ratingComment",
              c.assignee_type as "assigneeType", c.assignee_code as "assigneeCode", coalesce(s.name, r.name, b.name) as "assigneeName", c.due_on as "dueOn", c.concluded_at as "concludedAt",
              c.stage, c.take_up_due::text as "takeUpDue", c.settlement_due::text as "settlementDue", c.offer,
              s.phone as "stationPhone", s.address as "stationAddress", r.phone as "regulatorPhone", r.address as "regulatorAddress"
         from cases c
         join category cat on cat.code = c.category_code
         left join station s on c.assignee_type = 'station' and s.code = c.assignee_code
         left join regulator r on c.assignee_type = 'regulator' and r.code = c.assignee_code
         left join business b on c.assignee_type = 'business' and b.credit_code = c.assignee_code
         left join cases l on l.id = c.linked_case_id
         left join cases d on d.id = c.duplicate_of_id
        where c.tracking_no = $1`,
      [trackingNo],
    );
    return row ?? null;
  }

  async forRecovery(trackingNo: string): Promise<CaseForRecovery | null> {
    const [row] = await this.sql.query<CaseForRecovery>(
      `select c.id::text as id, c.tracking_no as "trackingNo", c.track, c.consumer_phone_hash as "phoneHash",
              case when l.id is not null then jsonb_build_object('id', l.id::text, 'trackingNo', l.tracking_no) end as pair
         from cases c
         left join cases l on l.id = c.linked_case_id and l.linked_case_id = c.id and l.consumer_phone_hash = c.consumer_phone_hash
        where c.tracking_no = $1`,
      [trackingNo],
    );
    return row ?? null;
  }

  /** The workflow clocks (mediation, notices, follow-up) as the consumer may see them. */
  clocks(caseId: string): Promise<ConsumerClockRow[]> {
    return this.sql.query<ConsumerClockRow>(
      `select clock, due_on as "dueOn", provisional, paused_on as "pausedOn", met_on as "metOn" from case_clock where case_id = $1 order by due_on`,
      [caseId],
    );
  }

  publicEvents(caseId: string): Promise<PublicEventRow[]> {
    return this.sql.query<PublicEventRow>(
      `select at, type, to_status as "toStatus", note, data from case_event where case_id = $1 and public order by id`,
      [caseId],
    );
  }

  async trackingNos(ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = await this.sql.query<{ id: string; trackingNo: string }>(
      `select id::text as id, tracking_no as "trackingNo" from cases where id = any($1::bigint[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.trackingNo]));
  }

  /** A withdrawn case no longer holds its matter: a new complaint about it is not a duplicate. */
  async releaseMatter(tx: Sql, caseId: string): Promise<void> {
    await tx.query(`delete from matter_claim where case_id = $1`, [caseId]);
  }

  attachments(caseId: string): Promise<AttachmentRow[]> {
    return this.sql.query<AttachmentRow>(
      `select id::text as id, sha256, mime, size, name, created_at as "createdAt", uploaded_by as "uploadedBy",
              shared_with_business as "sharedWithBusiness"
         from attachment a where case_id = $1 order by a.id`,
      [caseId],
    );
  }

  /** The files a case holds (in the caller's transaction when given). */
  async countAttachments(tx: Sql | undefined, caseId: string): Promise<number> {
    const [{ n }] = await (tx ?? this.sql).query<{ n: number }>(`select count(*)::int as n from attachment where case_id = $1`, [caseId]);
    return n;
  }

  /** Adds an attachment unless the same file is already on the case; returns whether it was new. */
  async addAttachment(
    tx: Sql,
    caseId: string,
    a: { sha256: string; mime: string; size: number; name: string; uploadedBy: 'consumer' | 'business'; sharedWithBusiness: boolean },
  ): Promise<string | null> {
    const rows = await tx.query<{ id: string }>(
      `insert into attachment (case_id, sha256, mime, size, name, uploaded_by, shared_with_business) values ($1, $2, $3, $4, $5, $6, $7)
       on conflict (case_id, sha256) do nothing returning id::text as id`,
      [caseId, a.sha256, a.mime, a.size, a.name, a.uploadedBy, a.sharedWithBusiness],
    );
    return rows[0]?.id ?? null;
  }

  async lockCase(tx: Sql, caseId: string): Promise<void> {
    await tx.query(`select 1 from cases where id = $1 for update`, [caseId]);
  }
}
