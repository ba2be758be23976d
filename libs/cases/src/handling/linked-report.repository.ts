import { Injectable } from '@nestjs/common';
import { PersonalDataCipher } from '@weiquan/core';
import type { Sql } from '@weiquan/core';
import { addWorkingDays } from '@weiquan/calendar';
import type { CalendarOverrides, IsoDate } from '@weiquan/calendar';
import { randomInt } from 'node:crypto';
import { ruleSetOn } from '../rule-set';
import { makeAccessCode, makeTrackingNo } from '../tracking-number';
import type { CaseRow } from './cases.repository';

/**
 * The report opened from a violation lead found in mediation (case-handling.service.ts): a copy of
 * the complaint's facts on the report track, linked to it, received now and routed like any other
 * (outbox), in the caller's transaction. Its access code is random and unknown: the reporter is the
 * handling unit. It carries the complaint's words (opened by the caller, who holds the case) and the
 * lead, sealed again.
 */
@Injectable()
export class LinkedReportRepository {
  constructor(private readonly cipher: PersonalDataCipher) {}

  /**
   * Opens it in the action's transaction: its own tracking number, received today, its decision
   * period counted on the calendar the action read (`cal`: nothing waits for a second connection).
   */
  async open(sql: Sql, c: CaseRow, today: IsoDate, cal: CalendarOverrides, note: string): Promise<{ id: string; trackingNo: string }> {
    const rules = ruleSetOn(today);
    const due = addWorkingDays(today, rules.decision.days, cal);
    const trackingNo = makeTrackingNo(today, await this.nextTrackingSerial(sql));
    const accessCodeHash = this.cipher.hash('access-code', `${trackingNo}:${makeAccessCode(randomInt)}`);
    return this.insert(sql, {
      caseId: c.id,
      description: c.description,
      demand: c.demand,
      trackingNo,
      accessCodeHash,
      receivedOn: today,
      due: due.date,
      dueProvisional: due.provisional,
      ruleSet: rules.code,
      note,
    });
  }

  private async insert(
    sql: Sql,
    from: {
      caseId: string;
      description: string;
      demand: string;
      trackingNo: string;
      accessCodeHash: Buffer;
      receivedOn: string;
      due: string;
      dueProvisional: boolean;
      ruleSet: string;
      note: string;
    },
  ): Promise<{ id: string; trackingNo: string }> {
    const [row] = await sql.query<{ id: string; trackingNo: string }>(
      `with n as (
         insert into cases (tracking_no, access_code_hash, track, status, rule_set, category_code, issue_type, purchase_channel, prepaid,
                            intake_channel, consumer_name, consumer_phone_enc, consumer_phone_hash, consumer_phone_tail, consumer_address_enc,
                            consumer_id_number_enc, respondent_name, respondent_key, respondent_credit_code, respondent_address,
                            respondent_area_code, respondent_venue_code, respondent_online, respondent_platform_name, respondent_lat,
                            respondent_lng, incident_date, amount_fen, description_enc, demand_enc, consent_to_publish, flags, received_at,
                            received_on, acceptance_due, acceptance_due_provisional, linked_case_id)
         select $2, $3, 'report', 'received', $7, category_code, issue_type, purchase_channel, prepaid,
                'referral', consumer_name, consumer_phone_enc, consumer_phone_hash, consumer_phone_tail, consumer_address_enc,
                consumer_id_number_enc, respondent_name, respondent_key, respondent_credit_code, respondent_address,
                respondent_area_code, respondent_venue_code, respondent_online, respondent_platform_name, respondent_lat,
                respondent_lng, incident_date, amount_fen, $9, $10, false, '{}', now(),
                $4::date, $5::date, $6, id
           from cases where id = $1
         returning id, tracking_no
       ),
       e as (
         insert into case_event (case_id, type, actor_type, to_status, note, public, data)
         select id, 'received', 'system', 'received', $8, false, jsonb_build_object('referredFrom', $1::text) from n
       ),
       o as (insert into outbox (topic, payload) select 'case.received', jsonb_build_object('caseId', id::text, 'round', 0) from n)
       select id::text as id, tracking_no as "trackingNo" from n`,
      [
        from.caseId,
        from.trackingNo,
        from.accessCodeHash,
        from.receivedOn,
        from.due,
        from.dueProvisional,
        from.ruleSet,
        from.note,
        this.cipher.encrypt(`${from.description}\n\n【调解中发现的违法线索】${from.note}`),
        this.cipher.encrypt(from.demand),
      ],
    );
    return row;
  }

  private nextTrackingSerial(sql: Sql): Promise<number> {
    return sql.query<{ n: string }>(`select nextval('tracking_no_seq')::int8 as n`).then((r) => Number(r[0].n));
  }
}
