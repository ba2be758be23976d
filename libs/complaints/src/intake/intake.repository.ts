import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { pgTransaction, Sql } from '@weiquan/core';
import { DataSource } from 'typeorm';

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
  consumerIdNumberEnc: Buffer | null;
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
  description: string;
  demand: string;
  consentToPublish: boolean;
  flags: string[];
  receivedAt: Date;
  receivedOn: string;
  /** The first deadline (acceptance, or the report decision) if the case is not a duplicate. */
  due: string;
  dueProvisional: boolean;
}

/** Field, column, SQL type: the columns a new case is inserted with. */
const COLUMNS: [keyof NewCase, string, string][] = [
  ['trackingNo', 'tracking_no', 'text'], ['accessCodeHash', 'access_code_hash', 'bytea'], ['track', 'track', 'text'],
  ['ruleSet', 'rule_set', 'text'], ['categoryCode', 'category_code', 'text'], ['issueType', 'issue_type', 'text'],
  ['purchaseChannel', 'purchase_channel', 'text'], ['prepaid', 'prepaid', 'boolean'], ['intakeChannel', 'intake_channel', 'text'],
  ['consumerName', 'consumer_name', 'text'], ['consumerPhoneEnc', 'consumer_phone_enc', 'bytea'], ['consumerPhoneHash', 'consumer_phone_hash', 'bytea'],
  ['consumerPhoneTail', 'consumer_phone_tail', 'text'], ['consumerAddressEnc', 'consumer_address_enc', 'bytea'],
  ['consumerIdNumberEnc', 'consumer_id_number_enc', 'bytea'], ['respondentName', 'respondent_name', 'text'], ['respondentKey', 'respondent_key', 'text'],
  ['respondentCreditCode', 'respondent_credit_code', 'text'], ['respondentAddress', 'respondent_address', 'text'],
  ['respondentAreaCode', 'respondent_area_code', 'text'], ['respondentVenueCode', 'respondent_venue_code', 'text'],
  ['respondentOnline', 'respondent_online', 'boolean'], ['respondentPlatformName', 'respondent_platform_name', 'text'],
  ['respondentLat', 'respondent_lat', 'numeric'], ['respondentLng', 'respondent_lng', 'numeric'], ['incidentDate', 'incident_date', 'date'],
  ['amountFen', 'amount_fen', 'bigint'], ['description', 'description', 'text'], ['demand', 'demand', 'text'],
  ['consentToPublish', 'consent_to_publish', 'boolean'], ['flags', 'flags', 'text[]'], ['receivedAt', 'received_at', 'timestamptz'],
  ['receivedOn', 'received_on', 'date'],
];
/** Not inserted as such: the deadline a non-duplicate gets. */
const DUE: [keyof NewCase, string, string][] = [['due', 'due', 'date'], ['dueProvisional', 'due_provisional', 'boolean']];

/**
 * The insert of one submission (1 case, or 2 for "both"), built once. Sent unnamed on purpose: a
 * named (generic) plan for the duplicate lookup measured 30% slower than planning it with the values.
 */
const statements = new Map<number, string>();
function insertStatement(rowCount: number): string {
  let statement = statements.get(rowCount);
  if (!statement) {
    let n = 0;
    const rows = Array.from({ length: rowCount }, () => `(${[...COLUMNS, ...DUE].map(([, , type]) => `$${++n}::${type}`).join(', ')})`);
    const names = COLUMNS.map(([, col]) => col);
    statement = `with v (${[...names, ...DUE.map(([, col]) => col)].join(', ')}) as (values ${rows.join(', ')}),
       d as materialized (
         select v.tracking_no,
                (select o.id from cases o
                  where o.consumer_phone_hash = v.consumer_phone_hash and o.respondent_key = v.respondent_key
                    and o.category_code = v.category_code and o.track = v.track
                    and o.received_at > v.received_at - interval '30 days' and o.received_at <= v.received_at
                    and o.duplicate_of_id is null and o.status <> 'withdrawn'
                  order by o.received_at, o.id limit 1) as original_id
           from v
       ),
       c as (
         insert into cases (${names.join(', ')}, status, duplicate_of_id, acceptance_due, acceptance_due_provisional)
         select ${names.map((n) => `v.${n}`).join(', ')},
                case when d.original_id is null then 'received' else 'duplicate' end,
                d.original_id,
                case when d.original_id is null then v.due end,
                d.original_id is null and v.due_provisional
           from v join d using (tracking_no)
         returning id, tracking_no, status, received_at, duplicate_of_id, acceptance_due, acceptance_due_provisional
       ),
       e as (
         insert into case_event (case_id, at, type, actor_type, to_status, public, data)
         select id, received_at, status, 'system', status, true,
                case when duplicate_of_id is null then '{}'::jsonb else jsonb_build_object('duplicateOf', duplicate_of_id::text) end
           from c
       ),
       o as (
         insert into outbox (topic, payload) select 'case.received', jsonb_build_object('caseId', id::text) from c where status = 'received'
       )
       select c.id::text as id, c.tracking_no as "trackingNo", c.status, c.acceptance_due as "dueDate",
              c.acceptance_due_provisional as "dueProvisional", orig.tracking_no as "duplicateOfTrackingNo"
         from c left join cases orig on orig.id = c.duplicate_of_id`;
    statements.set(rowCount, statement);
  }
  return statement;
}

export interface InsertedCase {
  id: string;
  trackingNo: string;
  status: 'received' | 'duplicate';
  dueDate: string | null;
  dueProvisional: boolean;
  duplicateOfTrackingNo: string | null;
}

export type IdempotencyClaim = { state: 'claimed' } | { state: 'replay'; response: unknown } | { state: 'mismatch' };

/** Every query of intake. Writes take the caller's transaction. */
@Injectable()
export class IntakeRepository {
  private serials: number[] = [];
  private refill?: Promise<void>;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Intake is the hot path: its transaction runs on the pool's client directly (see pgTransaction),
   * and starts by taking the submitter's lock so that two submissions of one matter are serialised
   * and the second always sees the first (duplicates). `lockKey` is a 64-bit integer.
   */
  transaction<T>(lockKey: bigint, work: (tx: Sql) => Promise<T>): Promise<T> {
    return pgTransaction(this.db, work, { prelude: `select pg_advisory_xact_lock(${BigInt.asIntN(64, lockKey).toString()})` });
  }

  /**
   * Serial numbers for tracking numbers, fetched 100 at a time so a submission does not pay a round
   * trip for one; numbers stay unique across processes (one sequence), though not strictly in order.
   */
  async nextSerial(): Promise<number> {
    while (this.serials.length === 0) {
      this.refill ??= this.db
        .query(`select nextval('tracking_no_seq')::int8 as n from generate_series(1, 100)`)
        .then((rows: { n: string }[]) => {
          this.serials.push(...rows.map((r) => Number(r.n)));
        })
        .finally(() => (this.refill = undefined));
      await this.refill;
    }
    return this.serials.shift()!;
  }

  /**
   * Claims an Idempotency-Key for this request, or finds the first answer. A concurrent request with
   * the same key waits on the first one's uncommitted row, then sees its answer.
   */
  async claimIdempotencyKey(tx: Sql, key: string, requestHash: Buffer): Promise<IdempotencyClaim> {
    const claimed = await tx.query(
      `insert into idempotency_key (key, request_hash) values ($1, $2)
       on conflict (key) do update set request_hash = excluded.request_hash, response = null, created_at = now()
         where idempotency_key.created_at < now() - interval '24 hours'
       returning key`,
      [key, requestHash],
    );
    if (claimed.length > 0) return { state: 'claimed' };
    const [row] = await tx.query(`select request_hash, response from idempotency_key where key = $1`, [key]);
    if (!row || !Buffer.from(row.request_hash).equals(requestHash)) return { state: 'mismatch' };
    return { state: 'replay', response: row.response };
  }

  async saveIdempotentResponse(tx: Sql, key: string, response: unknown): Promise<void> {
    await tx.query(`update idempotency_key set response = $2 where key = $1`, [key, JSON.stringify(response)]);
  }

  /**
   * Inserts the cases of one submission with their first history event, and an outbox row for each
   * case that must be routed: one statement, one round trip. A case whose phone, respondent, category
   * and track match a case of the last 30 days (not itself a duplicate, not withdrawn) is stored as a
   * duplicate of it and not routed. Run after the submitter's lock, so the lookup sees every earlier
   * submission of the same matter.
   */
  async insertCases(tx: Sql, cases: NewCase[]): Promise<InsertedCase[]> {
    const params = cases.flatMap((c) => [...COLUMNS, ...DUE].map(([k]) => c[k]));
    const inserted: InsertedCase[] = await tx.query(insertStatement(cases.length), params);
    if (inserted.length === 2) {
      await tx.query(`update cases set linked_case_id = case when id = $1 then $2 else $1 end::bigint where id in ($1, $2)`, [inserted[0].id, inserted[1].id]);
    }
    return cases.map((c) => inserted.find((i) => i.trackingNo === c.trackingNo)!);
  }
}
