import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { pgTransaction } from '@weiquan/core';
import type { Sql } from '@weiquan/core';
import { DataSource } from 'typeorm';
import type { CaseStatus } from '../case-status';
import type { ReadScope } from '../handling/case-scope';
import { scopeCondition } from '../handling/case-scope';
import type { ConsentMethod, JointCandidate } from './joint-case.rules';

/** A member case as read under its lock: what the rules decide on, and the consumer (phone hash, hex) to notify. */
export interface LockedMemberRow extends JointCandidate {
  phoneHash: string;
}

export interface JointCaseRow {
  id: string;
  jointNo: string;
  respondentKey: string;
  respondentName: string;
  unitCode: string;
  unitName: string | null;
  alertId: string | null;
  note: string | null;
  createdBy: string;
  createdAt: Date;
}

export interface JointMemberRow {
  caseId: string;
  trackingNo: string;
  status: CaseStatus;
  consentMethod: ConsentMethod;
  consentNote: string | null;
  consentRecordedBy: string;
  consentAt: Date;
  representative: boolean;
}

export interface NewJointCase {
  id: string;
  jointNo: string;
  respondentKey: string;
  respondentName: string;
  unitCode: string;
  alertId: string | null;
  note: string | null;
  createdBy: string;
  members: { caseId: string; consentMethod: ConsentMethod; consentNote: string | null; consentAt: string; representative: boolean }[];
}

/** The joint case a case is in, as its case file shows it. */
export interface CaseJointRow {
  id: string;
  jointNo: string;
  memberCount: number;
  representatives: { id: string; trackingNo: string }[];
}

const JOINT_COLUMNS = `j.id::text as id, j.joint_no as "jointNo", j.respondent_key as "respondentKey", j.respondent_name as "respondentName",
  j.unit_code as "unitCode", r.name as "unitName", j.alert_id::text as "alertId", j.note, j.created_by as "createdBy", j.created_at as "createdAt"`;

/** Every query of joint complaints (Order 121 Art. 12). Writes take the caller's transaction. */
@Injectable()
export class JointCasesRepository {
  private readonly sql: Sql;

  constructor(@InjectDataSource() private readonly db: DataSource) {
    this.sql = db;
  }

  transaction<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
    return pgTransaction(this.db, work);
  }

  /**
   * Locks the cases (in id order, so two groupings of overlapping cases wait rather than deadlock),
   * then reads them with the joint case each is already in. The read is a statement of its own: under
   * READ COMMITTED it sees a membership committed by whoever held the lock before us.
   */
  async lockMembers(sql: Sql, ids: string[]): Promise<LockedMemberRow[]> {
    await sql.query<{ id: string }>(`select id::text as id from cases where id = any($1::bigint[]) order by id for update`, [ids]);
    return sql.query<LockedMemberRow>(
      `select c.id::text as id, c.tracking_no as "trackingNo", c.track, c.status, c.respondent_key as "respondentKey",
              c.respondent_name as "respondentName", c.respondent_area_code as "respondentAreaCode",
              exists (select 1 from area a where a.code = c.respondent_area_code) as "inCity",
              j.joint_no as "jointNo", encode(c.consumer_phone_hash, 'hex') as "phoneHash"
         from cases c
         left join joint_case_member m on m.case_id = c.id
         left join joint_case j on j.id = m.joint_case_id
        where c.id = any($1::bigint[])
        order by c.id`,
      [ids],
    );
  }

  /** The id of the next joint case (its number is made from it). */
  async nextId(sql: Sql): Promise<string> {
    const [row] = await sql.query<{ id: string }>(`select nextval(pg_get_serial_sequence('joint_case', 'id'))::text as id`);
    return row.id;
  }

  async insert(sql: Sql, j: NewJointCase): Promise<void> {
    await sql.query(
      `insert into joint_case (id, joint_no, respondent_key, respondent_name, unit_code, alert_id, note, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [j.id, j.jointNo, j.respondentKey, j.respondentName, j.unitCode, j.alertId, j.note, j.createdBy],
    );
    await sql.query(
      `insert into joint_case_member (joint_case_id, case_id, consent_method, consent_note, consent_recorded_by, consent_at, representative)
       select $1, x."caseId", x."consentMethod", x."consentNote", $2, x."consentAt", x.representative
         from jsonb_to_recordset($3::jsonb)
           as x("caseId" bigint, "consentMethod" text, "consentNote" text, "consentAt" timestamptz, representative boolean)`,
      [j.id, j.createdBy, JSON.stringify(j.members)],
    );
  }

  async find(id: string, sql: Sql = this.sql): Promise<JointCaseRow | null> {
    const [row] = await sql.query<JointCaseRow>(
      `select ${JOINT_COLUMNS} from joint_case j left join regulator r on r.code = j.unit_code where j.id = $1`,
      [id],
    );
    return row ?? null;
  }

  members(jointCaseId: string, sql: Sql = this.sql): Promise<JointMemberRow[]> {
    return sql.query<JointMemberRow>(
      `select m.case_id::text as "caseId", c.tracking_no as "trackingNo", c.status, m.consent_method as "consentMethod",
              m.consent_note as "consentNote", m.consent_recorded_by as "consentRecordedBy", m.consent_at as "consentAt", m.representative
         from joint_case_member m join cases c on c.id = m.case_id
        where m.joint_case_id = $1
        order by m.case_id`,
      [jointCaseId],
    );
  }

  /** Whether the reader's scope holds at least one of the joint case's member cases. */
  async readsAMember(scope: ReadScope, jointCaseId: string): Promise<boolean> {
    const where = scopeCondition(scope, 2);
    const rows = await this.sql.query<{ one: number }>(
      `select 1 as one from cases c
        where c.id in (select case_id from joint_case_member where joint_case_id = $1) and ${where.sql}
        limit 1`,
      [jointCaseId, ...where.params],
    );
    return rows.length > 0;
  }

  /** The joint case a case is in, with its representatives, or null. */
  async ofCase(caseId: string): Promise<CaseJointRow | null> {
    const [row] = await this.sql.query<CaseJointRow>(
      `select j.id::text as id, j.joint_no as "jointNo",
              (select count(*)::int from joint_case_member x where x.joint_case_id = j.id) as "memberCount",
              coalesce((select jsonb_agg(jsonb_build_object('id', r.case_id::text, 'trackingNo', c.tracking_no) order by r.case_id)
                          from joint_case_member r join cases c on c.id = r.case_id
                         where r.joint_case_id = j.id and r.representative), '[]'::jsonb) as representatives
         from joint_case_member m join joint_case j on j.id = m.joint_case_id
        where m.case_id = $1`,
      [caseId],
    );
    return row ?? null;
  }
}
