import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PersonalDataCipher, pgTransaction } from '@weiquan/core';
import type { Sql } from '@weiquan/core';
import { DataSource } from 'typeorm';
import { CaseStatus, HOLDING_STATUSES } from '../case-status';
import type { Offer } from '../case-state';
import { releaseLoad } from '../lifecycle/unit-load.sql';
import type { Clock } from '../deadline';
import { ReadScope, scopeCondition } from './case-scope';

export interface CaseListRow {
  id: string;
  trackingNo: string;
  track: 'complaint' | 'report';
  status: CaseStatus;
  categoryCode: string;
  categoryName: string;
  respondentName: string;
  consumerName: string;
  consumerPhoneEnc: Buffer;
  receivedAt: Date;
  dueOn: string | null;
  /** The settlement stage's take-up day (tells which deadline a settling case's due date is). */
  takeUpDue: string | null;
  assigneeType: 'station' | 'regulator' | 'business' | null;
  assigneeCode: string | null;
  assigneeName: string | null;
  intakeChannel: string;
  flags: string[];
}

export interface CaseRow extends CaseListRow {
  ruleSet: string;
  issueType: string | null;
  purchaseChannel: string | null;
  prepaid: boolean;
  consumerPhoneHash: Buffer;
  consumerAddressEnc: Buffer | null;
  consumerIdNumberEnc: Buffer | null;
  consumerEmailEnc: Buffer | null;
  respondentKey: string;
  respondentCreditCode: string | null;
  respondentAddress: string;
  respondentAreaCode: string;
  respondentVenueCode: string | null;
  respondentOnline: boolean;
  respondentPlatformName: string | null;
  incidentDate: string;
  amountFen: string | null;
  description: string;
  demand: string;
  consentToPublish: boolean;
  receivedOn: string;
  acceptanceDue: string | null;
  acceptanceDueProvisional: boolean;
  firstClockMetOn: string | null;
  /** After a pause and resume, the first clock counts from the resume with the days it had left. */
  firstClockCountsFrom: string | null;
  firstClockDays: number | null;
  firstClockPausedOn: string | null;
  decisionExtended: boolean;
  outcomeReasonCode: string | null;
  amountRecoveredFen: string | null;
  agreement: boolean | null;
  decision: string | null;
  acceptedAt: Date | null;
  concludedAt: Date | null;
  closedAt: Date | null;
  followUpAt: Date | null;
  rating: string | null;
  ratingComment: string | null;
  linkedCaseId: string | null;
  duplicateOfId: string | null;
  routingRound: number;
  stage: 'settlement' | 'formal';
  /** The settlement stage's outcome day (city policy; its take-up day is `takeUpDue`). */
  settlementDue: string | null;
  settlementTakenUpAt: Date | null;
  /** The business's offer, as recorded by the station (`at`: ISO instant). */
  offer: (Offer & { at: string }) | null;
  escalatedOn: string | null;
  escalationCause: string | null;
  assignedAt: Date | null;
  /** The consumer agreed that the business may see their contact details. */
  consentBusinessContact: boolean;
  /** The business held the case in the settlement stage (it stays a party after escalation). */
  businessParty: boolean;
}

/** The columns of a case in a list (`c`: cases), with FROM's joins; CaseListRow. */
export const LIST_COLUMNS = `
  c.id::text as id, c.tracking_no as "trackingNo", c.track, c.status, c.category_code as "categoryCode", cat.name as "categoryName",
  c.respondent_name as "respondentName", c.consumer_name as "consumerName", c.consumer_phone_enc as "consumerPhoneEnc",
  c.received_at as "receivedAt", c.due_on as "dueOn", c.take_up_due::text as "takeUpDue", c.assignee_type as "assigneeType", c.assignee_code as "assigneeCode",
  coalesce(s.name, r.name, b.name) as "assigneeName", c.intake_channel as "intakeChannel", c.flags`;

const DETAIL_COLUMNS = `${LIST_COLUMNS},
  c.rule_set as "ruleSet", c.issue_type as "issueType", c.purchase_channel as "purchaseChannel", c.prepaid,
  c.consumer_phone_hash as "consumerPhoneHash", c.consumer_address_enc as "consumerAddressEnc",
  c.consumer_id_number_enc as "consumerIdNumberEnc", c.consumer_email_enc as "consumerEmailEnc",
  c.respondent_key as "respondentKey", c.respondent_credit_code as "respondentCreditCode", c.respondent_address as "respondentAddress",
  c.respondent_area_code as "respondentAreaCode", c.respondent_venue_code as "respondentVenueCode", c.respondent_online as "respondentOnline",
  c.respondent_platform_name as "respondentPlatformName", c.incident_date as "incidentDate", c.amount_fen::text as "amountFen",
  c.description, c.demand, c.description_enc as "descriptionEnc", c.demand_enc as "demandEnc",
  c.consent_to_publish as "consentToPublish", c.received_on as "receivedOn",
  c.acceptance_due as "acceptanceDue", c.acceptance_due_provisional as "acceptanceDueProvisional",
  c.first_clock_met_on as "firstClockMetOn", c.first_clock_counts_from as "firstClockCountsFrom", c.first_clock_days as "firstClockDays",
  c.first_clock_paused_on as "firstClockPausedOn", c.decision_extended as "decisionExtended", c.outcome_reason_code as "outcomeReasonCode",
  c.amount_recovered_fen::text as "amountRecoveredFen", c.agreement, c.decision, c.accepted_at as "acceptedAt",
  c.concluded_at as "concludedAt", c.closed_at as "closedAt", c.follow_up_at as "followUpAt", c.rating, c.rating_comment as "ratingComment",
  c.linked_case_id::text as "linkedCaseId", c.duplicate_of_id::text as "duplicateOfId", c.routing_round as "routingRound",
  c.stage, c.settlement_due::text as "settlementDue", c.settlement_taken_up_at as "settlementTakenUpAt",
  c.offer, c.escalated_on::text as "escalatedOn", c.escalation_cause as "escalationCause", c.assigned_at as "assignedAt",
  c.consent_business_contact as "consentBusinessContact", c.business_party as "businessParty"`;

export const FROM = `
  from cases c
  join category cat on cat.code = c.category_code
  left join station s on c.assignee_type = 'station' and s.code = c.assignee_code
  left join regulator r on c.assignee_type = 'regulator' and r.code = c.assignee_code
  left join business b on c.assignee_type = 'business' and b.credit_code = c.assignee_code`;

/** The sealed columns of a complaint's free text (null on rows from before they were sealed). */
type SealedTexts = { descriptionEnc: Buffer | null; demandEnc: Buffer | null };

export interface TransitionWrite {
  caseId: string;
  from: CaseStatus;
  to: CaseStatus;
  /** Staff, or the consumer (a withdrawal during mediation); unitCode: the acting unit, or the case's holder. */
  actor: { type: 'staff' | 'consumer'; userId: string | null; unitCode: string };
  action: string;
  reasonCode: string | null;
  note: string | null;
  /** The history event's public text: what the consumer reads in the timeline. */
  publicEvent: boolean;
  eventData: Record<string, unknown>;
  set: {
    clockDue: string | null;
    firstClock?: {
      dueOn: string;
      provisional: boolean;
      metOn: string | null;
      extended: boolean;
      countsFrom: string;
      days: number;
      pausedOn: string | null;
    };
    outcomeReasonCode?: string;
    amountRecoveredFen?: number;
    agreement?: boolean;
    decision?: string;
    accepted?: boolean;
    concluded?: boolean;
    closed?: boolean;
    followedUp?: boolean;
    /** `merge-into`: the earlier report this one now stands as a duplicate of. */
    duplicateOfId?: string;
    /** `record-offer`: the offer the consumer now sees. */
    offer?: Offer & { at: string };
    /** `take-up`: a station took the settlement case up. */
    takenUp?: boolean;
  };
  clocks: Clock[];
}

/** Every query of case handling. Reads take the caller's scope; writes, the caller's transaction. */
@Injectable()
export class CasesRepository {
  private readonly sql: Sql;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cipher: PersonalDataCipher,
  ) {
    this.sql = db;
  }

  /** A case row with its description and demand opened (they are stored encrypted). */
  private opened(row: (CaseRow & SealedTexts) | undefined): CaseRow | null {
    if (!row) return null;
    const { descriptionEnc, demandEnc, ...rest } = row;
    return {
      ...rest,
      description: this.cipher.openText(descriptionEnc, row.description),
      demand: this.cipher.openText(demandEnc, row.demand),
    };
  }

  transaction<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
    return pgTransaction(this.db, work);
  }

  async find(scope: ReadScope, id: string): Promise<CaseRow | null> {
    const where = scopeCondition(scope, 2);
    const [row] = await this.sql.query<CaseRow & SealedTexts>(`select ${DETAIL_COLUMNS} ${FROM} where c.id = $1 and ${where.sql}`, [
      id,
      ...where.params,
    ]);
    return this.opened(row);
  }

  /** The case, locked for an action, if it is assigned to the acting unit. */
  async lockAssigned(sql: Sql, id: string, unitCode: string): Promise<CaseRow | null> {
    const [row] = await sql.query<CaseRow & SealedTexts>(
      `select ${DETAIL_COLUMNS} ${FROM} where c.id = $1 and c.assignee_code = $2 for update of c`,
      [id, unitCode],
    );
    return this.opened(row);
  }

  /** The case, locked, whoever holds it (a consumer's withdrawal). */
  async lock(sql: Sql, id: string): Promise<CaseRow | null> {
    const [row] = await sql.query<CaseRow & SealedTexts>(`select ${DETAIL_COLUMNS} ${FROM} where c.id = $1 for update of c`, [id]);
    return this.opened(row);
  }

  /** A case's workflow clocks; inside an action, on the action's transaction. */
  async clocks(caseId: string, sql: Sql = this.sql): Promise<Clock[]> {
    return sql.query<Clock>(
      `select clock, counts_from as "countsFrom", days, count, due_on as "dueOn", provisional, paused_on as "pausedOn", met_on as "metOn"
         from case_clock where case_id = $1`,
      [caseId],
    );
  }

  /**
   * Applies a decided transition: the case row (guarded by its status, so a concurrent action on the
   * same case cannot apply twice), its clocks, the unit's load when the case stops holding a place,
   * and the history event, in the caller's transaction. Returns false if the case moved meanwhile.
   */
  async applyTransition(sql: Sql, w: TransitionWrite): Promise<boolean> {
    const s = w.set;
    const rows = await sql.query<{ id: string }>(
      `update cases set status = $2, clock_due = $4, updated_at = now(),
              acceptance_due = coalesce($5::date, acceptance_due),
              acceptance_due_provisional = coalesce($6::boolean, acceptance_due_provisional),
              first_clock_met_on = coalesce($7::date, first_clock_met_on),
              decision_extended = coalesce($8::boolean, decision_extended),
              outcome_reason_code = coalesce($9, outcome_reason_code),
              amount_recovered_fen = coalesce($10::bigint, amount_recovered_fen),
              agreement = coalesce($11::boolean, agreement),
              decision = coalesce($12, decision),
              accepted_at = case when $13::boolean then now() else accepted_at end,
              concluded_at = case when $14::boolean then now() else concluded_at end,
              closed_at = case when $15::boolean then now() else closed_at end,
              follow_up_at = case when $16::boolean then now() else follow_up_at end,
              first_clock_counts_from = case when $5::date is null then first_clock_counts_from else $17::date end,
              first_clock_days = case when $5::date is null then first_clock_days else $18::int end,
              first_clock_paused_on = case when $5::date is null then first_clock_paused_on else $19::date end,
              duplicate_of_id = coalesce($20::bigint, duplicate_of_id),
              offer = coalesce($21::jsonb, offer),
              settlement_taken_up_at = case when $22::boolean then now() else settlement_taken_up_at end
        where id = $1 and status = $3
        returning id`,
      [
        w.caseId,
        w.to,
        w.from,
        s.clockDue,
        s.firstClock?.dueOn ?? null,
        s.firstClock?.provisional ?? null,
        s.firstClock?.metOn ?? null,
        s.firstClock?.extended ?? null,
        s.outcomeReasonCode ?? null,
        s.amountRecoveredFen ?? null,
        s.agreement ?? null,
        s.decision ?? null,
        !!s.accepted,
        !!s.concluded,
        !!s.closed,
        !!s.followedUp,
        s.firstClock?.countsFrom ?? null,
        s.firstClock?.days ?? null,
        s.firstClock?.pausedOn ?? null,
        s.duplicateOfId ?? null,
        s.offer ? JSON.stringify(s.offer) : null,
        !!s.takenUp,
      ],
    );
    if (!rows.length) return false;
    if (w.clocks.length) {
      await sql.query(
        `insert into case_clock (case_id, clock, counts_from, days, count, due_on, provisional, paused_on, met_on)
         select $1, x.clock, x."countsFrom", x.days, x.count, x."dueOn", x.provisional, x."pausedOn", x."metOn"
           from jsonb_to_recordset($2::jsonb)
             as x(clock text, "countsFrom" date, days int, count text, "dueOn" date, provisional boolean, "pausedOn" date, "metOn" date)
         on conflict (case_id, clock) do update set counts_from = excluded.counts_from, days = excluded.days, count = excluded.count,
           due_on = excluded.due_on,
           provisional = excluded.provisional, paused_on = excluded.paused_on, met_on = excluded.met_on`,
        [w.caseId, JSON.stringify(w.clocks)],
      );
    }
    if (HOLDING_STATUSES.includes(w.from) && !HOLDING_STATUSES.includes(w.to)) {
      await sql.query(releaseLoad('$1'), [w.actor.unitCode]);
    }
    await sql.query(
      `insert into case_event (case_id, type, actor_type, actor_id, unit_code, from_status, to_status, action, reason_code, note, public, data)
       values ($1, $2, $12, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        w.caseId,
        w.action,
        w.actor.userId,
        w.actor.unitCode,
        w.from,
        w.to,
        w.action,
        w.reasonCode,
        w.note,
        w.publicEvent,
        JSON.stringify(w.eventData),
        w.actor.type,
      ],
    );
    return true;
  }
}
