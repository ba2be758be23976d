import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PersonalDataCipher, pgTransaction } from '@weiquan/core';
import { DataSource } from 'typeorm';

/** Cases sealed per transaction: short transactions, so a sealing pass never holds many rows locked. */
const BATCH = 1_000;

/**
 * Seals the description and demand of cases written before they were kept encrypted
 * (migration CaseTexts1763700002120), a batch per transaction, and empties the plain columns.
 * Rows being changed by someone else are skipped and sealed by the next pass. Idempotent: a second
 * pass finds nothing.
 */
@Injectable()
export class CaseTextsRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cipher: PersonalDataCipher,
  ) {}

  async sealLegacy(): Promise<number> {
    let sealed = 0;
    for (;;) {
      const n = await pgTransaction(this.db, async (sql) => {
        const rows = await sql.query<{ id: string; description: string | null; demand: string | null }>(
          `select id::text as id, description, demand from cases
            where description is not null or demand is not null
            order by id limit $1 for update skip locked`,
          [BATCH],
        );
        if (!rows.length) return 0;
        const seal = (text: string | null) => (text === null ? null : this.cipher.encrypt(text));
        await sql.query(
          `update cases c set description_enc = coalesce(v.description_enc, c.description_enc),
                              demand_enc = coalesce(v.demand_enc, c.demand_enc), description = null, demand = null
             from unnest($1::bigint[], $2::bytea[], $3::bytea[]) as v (id, description_enc, demand_enc)
            where c.id = v.id`,
          [rows.map((r) => r.id), rows.map((r) => seal(r.description)), rows.map((r) => seal(r.demand))],
        );
        return rows.length;
      });
      sealed += n;
      if (n < BATCH) return sealed;
    }
  }
}
