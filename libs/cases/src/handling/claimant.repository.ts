import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PersonalDataCipher } from '@weiquan/core';
import type { Sql } from '@weiquan/core';
import { DataSource } from 'typeorm';
import type { ClaimantCase, ClaimantFacts, OtherComplaint } from '../claimant-flags';

/** One case the claimant facts rest on, and which of the three sets it belongs to. */
interface ClaimantFactRow {
  source: 'own' | 'address' | 'others';
  id: string;
  trackingNo: string;
  track: string;
  respondentKey: string;
  categoryCode: string;
  issueType: string | null;
  description: string | null;
  /** The description sealed (null on rows from before it was). */
  descriptionEnc: Buffer | null;
  consumerName: string;
  receivedAt: Date;
  /** Tells other complainants apart (a rank of their keyed phone hash within this answer); nothing else. */
  complainant: number;
}

interface SubjectRow {
  addressKnown: boolean;
  attachments: number;
}

/** At most this many cases per set: enough for every factor's evidence, bounded for a busy business or category. */
const LIMITS = { own: 200, address: 100, others: 500 };

const CASE_COLUMNS = `x.id::text as id, x.tracking_no as "trackingNo", x.track, x.respondent_key as "respondentKey",
  x.category_code as "categoryCode", x.issue_type as "issueType", x.description, x.description_enc as "descriptionEnc",
  x.consumer_name as "consumerName",
  x.received_at as "receivedAt"`;

/**
 * The facts the claimant flags are computed from (claimant-flags.ts; docs/RULES.md, "Repeat and
 * abusive filing"), by the keyed hashes of phone and address, never the values:
 * - own: the complainant's cases (same phone hash), both tracks, received since `since`;
 * - address: complaints giving the same address (same address hash) since `since`;
 * - others: other complainants' complaints within `shortDays` of this one, against the same
 *   business or in the same category.
 * Reads only; the caller has already checked that the reader may see this case.
 */
@Injectable()
export class ClaimantRepository {
  private readonly sql: Sql;

  constructor(
    @InjectDataSource() db: DataSource,
    private readonly cipher: PersonalDataCipher,
  ) {
    this.sql = db;
  }

  async facts(caseId: string, o: { since: Date; shortDays: number }): Promise<ClaimantFacts> {
    const [rows, [subject]] = await Promise.all([
      this.sql.query<ClaimantFactRow>(
        `with me as (
           select consumer_phone_hash, consumer_address_hash, respondent_key, category_code, received_at from cases where id = $1
         ),
         found as (
           (select 'own' as source, x.*
              from cases x, me
             where x.consumer_phone_hash = me.consumer_phone_hash and x.received_at >= $2
             order by x.received_at desc limit ${LIMITS.own})
           union all
           (select 'address', x.*
              from cases x, me
             where me.consumer_address_hash is not null and x.consumer_address_hash = me.consumer_address_hash
               and x.track = 'complaint' and x.received_at >= $2
             order by x.received_at desc limit ${LIMITS.address})
           union all
           (select 'others', x.*
              from cases x, me
             where x.track = 'complaint' and x.consumer_phone_hash <> me.consumer_phone_hash
               and x.received_at between me.received_at - $3::int * interval '1 day' and me.received_at + $3::int * interval '1 day'
               and (x.respondent_key = me.respondent_key or x.category_code = me.category_code)
             order by x.received_at desc limit ${LIMITS.others})
         )
         select x.source, ${CASE_COLUMNS}, dense_rank() over (order by x.consumer_phone_hash)::int as complainant
           from found x
          order by x.received_at desc, x.id desc`,
        [caseId, o.since, o.shortDays],
      ),
      this.sql.query<SubjectRow>(
        `select c.consumer_address_hash is not null as "addressKnown",
                (select count(*)::int from attachment a where a.case_id = c.id) as attachments
           from cases c where c.id = $1`,
        [caseId],
      ),
    ]);
    // Descriptions are compared as text (near-identical complaints), so they are opened here.
    const opened = rows.map(({ descriptionEnc, ...r }) => ({ ...r, description: this.cipher.openText(descriptionEnc, r.description) }));
    const of = (source: ClaimantFactRow['source']) => opened.filter((r) => r.source === source);
    const plain = ({ source: _source, complainant: _complainant, ...c }: (typeof opened)[number]): ClaimantCase => c;
    const others: OtherComplaint[] = of('others').map(({ source: _source, ...c }) => c);
    return {
      own: of('own').map(plain),
      sameAddress: of('address').map(plain),
      others,
      addressKnown: subject?.addressKnown ?? false,
      attachments: subject?.attachments ?? 0,
    };
  }
}
