import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Offer } from '@weiquan/cases';
import { businessCondition } from '@weiquan/cases/handling/case-scope';
import { PersonalDataCipher } from '@weiquan/core';
import type { Sql } from '@weiquan/core';
import { DataSource } from 'typeorm';

/** A complaint as its business may read it: no routing, no clocks, no staff notes, never a report. */
export interface BusinessCaseRow {
  id: string;
  trackingNo: string;
  stage: 'settlement' | 'formal';
  status: string;
  categoryCode: string;
  categoryName: string;
  issueType: string | null;
  purchaseChannel: string | null;
  prepaid: boolean;
  consumerName: string;
  consumerPhoneEnc: Buffer;
  consumerAddressEnc: Buffer | null;
  consentBusinessContact: boolean;
  respondentName: string;
  incidentDate: string;
  amountFen: string | null;
  description: string;
  demand: string;
  receivedAt: Date;
  assigneeType: 'station' | 'regulator' | 'business' | null;
  assigneeCode: string | null;
  assigneeName: string | null;
  settlementDue: string | null;
  offer: (Offer & { at: string }) | null;
  amountRecoveredFen: string | null;
}

/** A history event the business is told of (business-case.view.ts says which, and in what words). */
type SealedRow = BusinessCaseRow & { descriptionEnc: Buffer | null; demandEnc: Buffer | null };

export interface NoticeRow {
  at: Date;
  type: string;
  unitCode: string | null;
  unitName: string | null;
  note: string | null;
  data: Record<string, unknown>;
}

/** The events a business sees: its own steps, the consumer's decisions, and the department's mediation notices. */
const NOTICE_TYPES = [
  'assigned',
  'referred-to-business',
  'stepped-in',
  'take-up',
  'record-offer',
  'accept-offer',
  'escalated',
  'start-mediation',
  'resolve',
  'terminate',
  'withdrawn',
  'statement',
  'attachment',
];

const COLUMNS = `
  c.id::text as id, c.tracking_no as "trackingNo", c.stage, c.status, c.category_code as "categoryCode", cat.name as "categoryName",
  c.issue_type as "issueType", c.purchase_channel as "purchaseChannel", c.prepaid, c.consumer_name as "consumerName",
  c.consumer_phone_enc as "consumerPhoneEnc", c.consumer_address_enc as "consumerAddressEnc",
  c.consent_business_contact as "consentBusinessContact", c.respondent_name as "respondentName", c.incident_date::text as "incidentDate",
  c.amount_fen::text as "amountFen", c.description, c.demand, c.description_enc as "descriptionEnc", c.demand_enc as "demandEnc",
  c.received_at as "receivedAt", c.assignee_type as "assigneeType",
  c.assignee_code as "assigneeCode", coalesce(s.name, r.name, b.name) as "assigneeName", c.settlement_due::text as "settlementDue",
  c.offer, c.amount_recovered_fen::text as "amountRecoveredFen"`;
const FROM = `
  from cases c
  join category cat on cat.code = c.category_code
  left join station s on c.assignee_type = 'station' and s.code = c.assignee_code
  left join regulator r on c.assignee_type = 'regulator' and r.code = c.assignee_code
  left join business b on c.assignee_type = 'business' and b.credit_code = c.assignee_code`;

/** The business portal's reads of `cases` (written only by libs/cases): scoped to the business in SQL. */
@Injectable()
export class BusinessCaseRepository {
  private readonly sql: Sql;

  constructor(
    @InjectDataSource() db: DataSource,
    private readonly cipher: PersonalDataCipher,
  ) {
    this.sql = db;
  }

  /**
   * The business's complaints. `open`: those it holds now, nearest due day first (one page: a
   * business's open queue is short); otherwise every one, newest first, keyset-paged by id.
   */
  async list(creditCode: string, f: { open: boolean; before?: string; limit: number }): Promise<BusinessCaseRow[]> {
    const params: unknown[] = [creditCode];
    const conds = [businessCondition(1)];
    if (f.open) conds.push(`c.assignee_code = $1 and c.status in ('settling', 'negotiating', 'offered')`);
    else if (f.before) conds.push(`c.id < $${params.push(f.before)}::bigint`);
    params.push(f.limit);
    const order = f.open ? 'c.settlement_due nulls last, c.id desc' : 'c.id desc';
    const rows = await this.sql.query<SealedRow>(
      `select ${COLUMNS} ${FROM} where ${conds.join(' and ')} order by ${order} limit $${params.length}`,
      params,
    );
    return rows.map((r) => this.opened(r));
  }

  async find(creditCode: string, id: string): Promise<BusinessCaseRow | null> {
    const [row] = await this.sql.query<SealedRow>(`select ${COLUMNS} ${FROM} where c.id = $2 and ${businessCondition(1)}`, [
      creditCode,
      id,
    ]);
    return row ? this.opened(row) : null;
  }

  /** The complaint's description and demand opened (they are stored encrypted). */
  private opened({ descriptionEnc, demandEnc, ...row }: SealedRow): BusinessCaseRow {
    return {
      ...row,
      description: this.cipher.openText(descriptionEnc, row.description),
      demand: this.cipher.openText(demandEnc, row.demand),
    };
  }

  notices(caseId: string): Promise<NoticeRow[]> {
    return this.sql.query<NoticeRow>(
      `select e.at, e.type, e.unit_code as "unitCode", coalesce(s.name, r.name) as "unitName", e.note, e.data
         from case_event e
         left join station s on s.code = e.unit_code
         left join regulator r on r.code = e.unit_code
        where e.case_id = $1 and e.type = any($2::text[])
        order by e.id`,
      [caseId, NOTICE_TYPES],
    );
  }
}
