import { Injectable } from '@nestjs/common';
import type { PreparingSql, Sql } from '@weiquan/core';

/**
 * The case lifecycle's first write: the cases of one submission, their first history event and the
 * routing work, as one statement (intake checks and decides; see libs/complaints intake.service.ts).
 * Which earlier case a filing repeats is intake's rule (repeat.rules.ts): its statuses come in as
 * parameters.
 */

export interface NewCase {
  trackingNo: string;
  accessCodeHash: Buffer;
  track: 'complaint' | 'report';
  ruleSet: string;
  categoryCode: string;
  issueType: string | null;
  purchaseChannel: string | null;
  prepaid: boolean;
  intakeChannel: string;
  consumerName: string;
  consumerPhoneEnc: Buffer;
  consumerPhoneHash: Buffer;
  consumerPhoneTail: string;
  consumerAddressEnc: Buffer | null;
  /** Keyed hash of the normalised address (Art. 17(4)), when it names a household. */
  consumerAddressHash: Buffer | null;
  consumerIdNumberEnc: Buffer | null;
  /** Optional; read back only to send notifications. */
  consumerEmailEnc: Buffer | null;
  respondentName: string;
  respondentKey: string;
  respondentCreditCode: string | null;
  respondentAddress: string;
  respondentAreaCode: string;
  respondentVenueCode: string | null;
  respondentOnline: boolean;
  respondentPlatformName: string | null;
  respondentLat: number | null;
  respondentLng: number | null;
  incidentDate: string;
  amountFen: number | null;
  /** The consumer's own words, encrypted (PersonalDataCipher): they often hold personal data. */
  descriptionEnc: Buffer;
  demandEnc: Buffer;
  consentToPublish: boolean;
  /** The consumer lets the business complained about see their phone and address. */
  consentBusinessContact: boolean;
  flags: string[];
  receivedAt: Date;
  receivedOn: string;
  /** The phone's keyed hash and what its repeat rule compares (repeat.rules.ts): what makes two submissions one matter. */
  matterKey: Buffer;
  /** How long the first case holds the matter: while it is open, or (Order 121 reports) unless withdrawn. */
  repeatRule: string;
  /** The first deadline (acceptance, or the report decision) if the case is not a duplicate. */
  /** The settlement stage, or formal at once. */
  stage: 'settlement' | 'formal';
  /** The member of staff who entered it (phone, letter, counter): the actor of its first event; null online. */
  enteredBy?: string | null;
  /** The acceptance (or 立案 decision) deadline; none in the settlement stage, where no statutory clock runs. */
  due: string | null;
  dueProvisional: boolean;
  /**
   * The filing receipt SMS (tracking number and access code), on the first case of a submission only:
   * its composed text (no access code), the parameters its template is filled from, and the access
   * code encrypted (erased once sent).
   */
  receipt: { text: string; params: Record<string, unknown>; secretEnc: Buffer } | null;
}

/** Field, column, SQL type: the columns a new case is inserted with. */
const COLUMNS: [keyof NewCase, string, string][] = [
  ['trackingNo', 'tracking_no', 'text'],
  ['accessCodeHash', 'access_code_hash', 'bytea'],
  ['track', 'track', 'text'],
  ['ruleSet', 'rule_set', 'text'],
  ['categoryCode', 'category_code', 'text'],
  ['issueType', 'issue_type', 'text'],
  ['purchaseChannel', 'purchase_channel', 'text'],
  ['prepaid', 'prepaid', 'boolean'],
  ['intakeChannel', 'intake_channel', 'text'],
  ['consumerName', 'consumer_name', 'text'],
  ['consumerPhoneEnc', 'consumer_phone_enc', 'bytea'],
  ['consumerPhoneHash', 'consumer_phone_hash', 'bytea'],
  ['consumerPhoneTail', 'consumer_phone_tail', 'text'],
  ['consumerAddressEnc', 'consumer_address_enc', 'bytea'],
  ['consumerAddressHash', 'consumer_address_hash', 'bytea'],
  ['consumerIdNumberEnc', 'consumer_id_number_enc', 'bytea'],
  ['consumerEmailEnc', 'consumer_email_enc', 'bytea'],
  ['respondentName', 'respondent_name', 'text'],
  ['respondentKey', 'respondent_key', 'text'],
  ['respondentCreditCode', 'respondent_credit_code', 'text'],
  ['respondentAddress', 'respondent_address', 'text'],
  ['respondentAreaCode', 'respondent_area_code', 'text'],
  ['respondentVenueCode', 'respondent_venue_code', 'text'],
  ['respondentOnline', 'respondent_online', 'boolean'],
  ['respondentPlatformName', 'respondent_platform_name', 'text'],
  ['respondentLat', 'respondent_lat', 'numeric'],
  ['respondentLng', 'respondent_lng', 'numeric'],
  ['incidentDate', 'incident_date', 'date'],
  ['amountFen', 'amount_fen', 'bigint'],
  ['descriptionEnc', 'description_enc', 'bytea'],
  ['demandEnc', 'demand_enc', 'bytea'],
  ['consentToPublish', 'consent_to_publish', 'boolean'],
  ['consentBusinessContact', 'consent_business_contact', 'boolean'],
  ['flags', 'flags', 'text[]'],
  ['receivedAt', 'received_at', 'timestamptz'],
  ['receivedOn', 'received_on', 'date'],
  ['stage', 'stage', 'text'],
];
/** Not inserted as such: the matter's key and rule, the deadline a non-duplicate gets, and the receipt SMS. */
const EXTRA: [keyof NewCase | 'receiptSecret', string, string][] = [
  ['matterKey', 'matter_key', 'bytea'],
  ['repeatRule', 'repeat_rule', 'text'],
  ['due', 'due', 'date'],
  ['dueProvisional', 'due_provisional', 'boolean'],
  ['enteredBy', 'entered_by', 'text'],
  ['receipt', 'receipt', 'jsonb'],
  ['receiptSecret', 'receipt_secret', 'bytea'],
];
const ALL = [...COLUMNS, ...EXTRA];

/**
 * The insert of one submission (1 case, or 2 for "both") as a single statement, so that without an
 * Idempotency-Key a submission costs one round trip and is atomic by itself:
 *  - ids are drawn first, so the two cases of "both" are linked as they are inserted;
 *  - each case claims its matter (its key and rule: repeat.rules.ts) in matter_claim. The claim
 *    succeeds when the matter is new, or when the case holding it no longer does: under `while-open`
 *    it is no longer open (refused, withdrawn, transferred, concluded, closed: a refiling is a new
 *    complaint, however soon), under `art35` it was withdrawn. No time window. ON CONFLICT waits for
 *    a concurrent claim of the same matter, so of two simultaneous submissions exactly one wins;
 *  - the holder is taken over only when this statement sees it and sees it finished: a holder it
 *    cannot see was inserted since its snapshot, so it is new and open;
 *  - a case that loses is stored as a duplicate of the claim's case, gets no deadline and no outbox
 *    row (it is not routed); its event records the rule; the winner gets its history event and its
 *    outbox row.
 * The last two parameters are the statuses of the rules (OPEN_STATUSES, ART35_RELEASED_BY).
 * Built once per row count and prepared once per connection (see insertCases).
 */
const statements = new Map<number, string>();
function insertStatement(rowCount: number): string {
  let statement = statements.get(rowCount);
  if (!statement) {
    let n = 0;
    const rows = Array.from({ length: rowCount }, () => `(${ALL.map(([, , type]) => `$${++n}::${type}`).join(', ')})`);
    const cols = COLUMNS.map(([, col]) => col);
    const open = `$${++n}::text[]`;
    const released = `$${++n}::text[]`;
    // The holding case h still holds the matter claim mc (holdsMatter in repeat.rules.ts).
    const holds = (mc: string) => `(case ${mc}.rule when 'art35' then h.status <> all(${released}) else h.status = any(${open}) end)`;
    statement = `
      with v as materialized (
        select x.*, nextval(pg_get_serial_sequence('cases', 'id')) as id
          from (values ${rows.join(', ')}) as x (${ALL.map(([, col]) => col).join(', ')})
      ),
      claim as (
        insert into matter_claim (key, case_id, received_at, rule)
        select matter_key, id, received_at, repeat_rule from v
        on conflict (key) do update set case_id = excluded.case_id, received_at = excluded.received_at, rule = excluded.rule
          where exists (select 1 from cases h where h.id = matter_claim.case_id and not ${holds('matter_claim')})
        returning key
      ),
      prior as (
        select mc.key, mc.case_id from matter_claim mc join v on mc.key = v.matter_key
         where exists (select 1 from cases h where h.id = mc.case_id and ${holds('mc')})
      ),
      c as (
        insert into cases (id, ${cols.join(', ')}, status, duplicate_of_id, linked_case_id, acceptance_due, acceptance_due_provisional)
        overriding system value
        select v.id, ${cols.map((col) => `v.${col}`).join(', ')},
               case when claim.key is null then 'duplicate' else 'received' end,
               case when claim.key is null then prior.case_id end,
               (select v2.id from v v2 where v2.id <> v.id),
               case when claim.key is null then null else v.due end,
               claim.key is not null and v.due_provisional
          from v left join claim on claim.key = v.matter_key left join prior on prior.key = v.matter_key and claim.key is null
        returning id, tracking_no, status, received_at, duplicate_of_id, acceptance_due, acceptance_due_provisional
      ),
      e as (
        insert into case_event (case_id, at, type, actor_type, actor_id, to_status, public, data)
        select c.id, c.received_at, c.status, case when v.entered_by is null then 'system' else 'staff' end, v.entered_by, c.status, true,
               case when c.status = 'duplicate' then jsonb_build_object('duplicateOf', c.duplicate_of_id::text, 'rule', v.repeat_rule) else '{}'::jsonb end
          from c join v on v.id = c.id
      ),
      o as (
        insert into outbox (topic, payload) select 'case.received', jsonb_build_object('caseId', id::text, 'round', 0) from c where status = 'received'
      ),
      n as (
        insert into notification (case_id, kind, channel, text, params, secret_enc)
        select c.id, 'received', 'sms', v.receipt->>'text', v.receipt->'params', v.receipt_secret
          from c join v on v.id = c.id where v.receipt is not null
        returning id
      ),
      no as (
        insert into outbox (topic, payload) select 'notification.created', jsonb_build_object('notificationId', id::text) from n
      )
      select c.id::text as id, c.tracking_no as "trackingNo", c.status, c.acceptance_due as "dueDate",
             c.acceptance_due_provisional as "dueProvisional", c.duplicate_of_id::text as "duplicateOfId",
             orig.tracking_no as "duplicateOfTrackingNo", case when c.status = 'duplicate' then v.repeat_rule end as "repeatRule"
        from c join v on v.id = c.id left join cases orig on orig.id = c.duplicate_of_id`;
    statements.set(rowCount, statement);
  }
  return statement;
}

/** A column's parameter: the receipt goes in as JSON (text and parameters) and its secret as bytes. */
function columnValue(c: NewCase, k: keyof NewCase | 'receiptSecret'): unknown {
  if (k === 'receipt') return c.receipt ? { text: c.receipt.text, params: c.receipt.params } : null;
  if (k === 'receiptSecret') return c.receipt?.secretEnc ?? null;
  return c[k];
}

export interface InsertedCase {
  id: string;
  trackingNo: string;
  status: 'received' | 'duplicate';
  dueDate: string | null;
  dueProvisional: boolean;
  duplicateOfId: string | null;
  duplicateOfTrackingNo: string | null;
  /** For a duplicate: the rule it repeats under. */
  repeatRule: 'while-open' | 'art35' | null;
}

/** Writes a submission's cases. */
@Injectable()
export class CaseIntakeRepository {
  /**
   * Inserts the cases of one submission (see insertStatement), as one statement. Prepared: parsing
   * and analysing this statement was most of PostgreSQL's time per submission (2.6 → 0.8 ms of CPU,
   * docs/PERFORMANCE.md), and its generic plan is as good as a custom one.
   */
  async insertCases(
    sql: PreparingSql,
    cases: NewCase[],
    repeat: { open: readonly string[]; released: readonly string[] },
  ): Promise<InsertedCase[]> {
    const params = [...cases.flatMap((c) => ALL.map(([k]) => columnValue(c, k))), repeat.open, repeat.released];
    const inserted = await sql.prepared<InsertedCase>(`intake_insert_${cases.length}`, insertStatement(cases.length), params);
    for (const row of inserted) {
      // The claim we lost to was committed after this statement's snapshot was taken: the original
      // is known now (ON CONFLICT waited for it); record it.
      if (row.status === 'duplicate' && row.duplicateOfId === null) {
        const matterKey = cases.find((c) => c.trackingNo === row.trackingNo)!.matterKey;
        Object.assign(row, await this.linkLateOriginal(sql, row.id, matterKey));
      }
    }
    return cases.map((c) => inserted.find((i) => i.trackingNo === c.trackingNo)!);
  }

  private async linkLateOriginal(
    sql: Sql,
    caseId: string,
    matterKey: Buffer,
  ): Promise<Pick<InsertedCase, 'duplicateOfId' | 'duplicateOfTrackingNo'>> {
    const [row] = await sql.query<Pick<InsertedCase, 'duplicateOfId' | 'duplicateOfTrackingNo'>>(
      `with u as (update cases set duplicate_of_id = (select case_id from matter_claim where key = $2) where id = $1 returning duplicate_of_id)
       select u.duplicate_of_id::text as "duplicateOfId", o.tracking_no as "duplicateOfTrackingNo" from u join cases o on o.id = u.duplicate_of_id`,
      [caseId, matterKey],
    );
    return row ?? { duplicateOfId: null, duplicateOfTrackingNo: null };
  }
}
