import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export interface NewCase {
  trackingNo: string;
  accessCodeHash: Buffer;
  track: 'complaint' | 'report';
  status: 'received' | 'duplicate';
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
  acceptanceDue: string | null;
  acceptanceDueProvisional: boolean;
  duplicateOfId: string | null;
}

const COLUMNS: [keyof NewCase, string][] = [
  ['trackingNo', 'tracking_no'], ['accessCodeHash', 'access_code_hash'], ['track', 'track'], ['status', 'status'], ['ruleSet', 'rule_set'],
  ['categoryCode', 'category_code'], ['issueType', 'issue_type'], ['purchaseChannel', 'purchase_channel'], ['prepaid', 'prepaid'],
  ['intakeChannel', 'intake_channel'], ['consumerName', 'consumer_name'], ['consumerPhoneEnc', 'consumer_phone_enc'],
  ['consumerPhoneHash', 'consumer_phone_hash'], ['consumerPhoneTail', 'consumer_phone_tail'], ['consumerAddressEnc', 'consumer_address_enc'],
  ['consumerIdNumberEnc', 'consumer_id_number_enc'], ['respondentName', 'respondent_name'], ['respondentKey', 'respondent_key'],
  ['respondentCreditCode', 'respondent_credit_code'], ['respondentAddress', 'respondent_address'], ['respondentAreaCode', 'respondent_area_code'],
  ['respondentVenueCode', 'respondent_venue_code'], ['respondentOnline', 'respondent_online'], ['respondentPlatformName', 'respondent_platform_name'],
  ['respondentLat', 'respondent_lat'], ['respondentLng', 'respondent_lng'], ['incidentDate', 'incident_date'], ['amountFen', 'amount_fen'],
  ['description', 'description'], ['demand', 'demand'], ['consentToPublish', 'consent_to_publish'], ['flags', 'flags'],
  ['receivedAt', 'received_at'], ['receivedOn', 'received_on'], ['acceptanceDue', 'acceptance_due'],
  ['acceptanceDueProvisional', 'acceptance_due_provisional'], ['duplicateOfId', 'duplicate_of_id'],
];

export type IdempotencyClaim = { state: 'claimed' } | { state: 'replay'; response: unknown } | { state: 'mismatch' };

/** Every query of intake. Writes take the caller's transaction. */
@Injectable()
export class IntakeRepository {
  private serials: number[] = [];
  private refill?: Promise<void>;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction('READ COMMITTED', work);
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
  async claimIdempotencyKey(tx: EntityManager, key: string, requestHash: Buffer): Promise<IdempotencyClaim> {
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

  async saveIdempotentResponse(tx: EntityManager, key: string, response: unknown): Promise<void> {
    await tx.query(`update idempotency_key set response = $2 where key = $1`, [key, JSON.stringify(response)]);
  }

  /** Serialises submissions from one phone against one respondent, so a duplicate is always seen. */
  async lockSubmitter(tx: EntityManager, phoneHash: Buffer, respondentKey: string): Promise<void> {
    await tx.query(`select pg_advisory_xact_lock(hashtextextended($1, 0))`, [phoneHash.toString('hex') + respondentKey]);
  }

  /** The first case of the same phone, respondent, category and track within 30 days, if any. */
  async findOriginal(
    tx: EntityManager,
    q: { phoneHash: Buffer; respondentKey: string; categoryCode: string; track: string; receivedAt: Date },
  ): Promise<{ id: string; trackingNo: string } | null> {
    const [row] = await tx.query(
      `select id, tracking_no as "trackingNo" from cases
        where consumer_phone_hash = $1 and respondent_key = $2 and category_code = $3 and track = $4
          and received_at > $5::timestamptz - interval '30 days' and received_at <= $5::timestamptz
          and duplicate_of_id is null and status <> 'withdrawn'
        order by received_at, id limit 1`,
      [q.phoneHash, q.respondentKey, q.categoryCode, q.track, q.receivedAt],
    );
    return row ?? null;
  }

  /**
   * Inserts the cases of one submission, their first history event, and an outbox row for each case
   * that must be routed: one statement, one round trip.
   */
  async insertCases(tx: EntityManager, cases: NewCase[]): Promise<{ id: string; trackingNo: string }[]> {
    const params: unknown[] = [];
    const rows = cases.map((c) => `(${COLUMNS.map(([k]) => `$${params.push(c[k])}`).join(', ')})`);
    const inserted: { id: string; trackingNo: string }[] = await tx.query(
      `with c as (
         insert into cases (${COLUMNS.map(([, col]) => col).join(', ')}) values ${rows.join(', ')}
         returning id, tracking_no, status, received_at, duplicate_of_id
       ), e as (
         insert into case_event (case_id, at, type, actor_type, to_status, public, data)
         select id, received_at, status, 'system', status, true,
                case when duplicate_of_id is null then '{}'::jsonb else jsonb_build_object('duplicateOf', duplicate_of_id::text) end
           from c
       ), o as (
         insert into outbox (topic, payload) select 'case.received', jsonb_build_object('caseId', id::text) from c where status = 'received'
       )
       select id::text as id, tracking_no as "trackingNo" from c`,
      params,
    );
    if (inserted.length === 2) {
      await tx.query(`update cases set linked_case_id = case when id = $1 then $2 else $1 end::bigint where id in ($1, $2)`, [inserted[0].id, inserted[1].id]);
    }
    // Rows come back in insertion order for a VALUES list; match by tracking number to be sure.
    return cases.map((c) => inserted.find((i) => i.trackingNo === c.trackingNo)!);
  }
}
