import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { pgAutocommit, pgTransaction, PgSql, PreparingSql, Sql } from '@weiquan/core';
import { DataSource } from 'typeorm';

export type IdempotencyClaim = { state: 'claimed' } | { state: 'replay'; response: unknown } | { state: 'mismatch' };

/**
 * Intake's own queries: tracking serials and Idempotency-Keys. The cases themselves are written by the
 * case lifecycle (libs/cases/src/lifecycle/case-intake.repository.ts). Writes take the caller's transaction.
 */
@Injectable()
export class IntakeRepository {
  private serials: number[] = [];
  private refill?: Promise<void>;

  /** Without an Idempotency-Key the submission is a single statement: atomic by itself, one round trip. */
  readonly autocommit: PreparingSql;
  private readonly sql: Sql;

  constructor(@InjectDataSource() private readonly db: DataSource) {
    this.autocommit = pgAutocommit(db);
    this.sql = db;
  }

  /** With an Idempotency-Key the claim of the key and the submission commit together. */
  transaction<T>(work: (tx: PgSql) => Promise<T>): Promise<T> {
    return pgTransaction(this.db, work);
  }

  /**
   * Serial numbers for tracking numbers, fetched 100 at a time so a submission does not pay a round
   * trip for one; numbers stay unique across processes (one sequence), though not strictly in order.
   */
  async nextSerial(): Promise<number> {
    while (this.serials.length === 0) {
      this.refill ??= this.sql
        .query<{ n: string }>(`select nextval('tracking_no_seq')::int8 as n from generate_series(1, 100)`)
        .then((rows) => {
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
    const claimed = await tx.query<{ key: string }>(
      `insert into idempotency_key (key, request_hash) values ($1, $2)
       on conflict (key) do update set request_hash = excluded.request_hash, response = null, created_at = now()
         where idempotency_key.created_at < now() - interval '24 hours'
       returning key`,
      [key, requestHash],
    );
    if (claimed.length > 0) return { state: 'claimed' };
    const [row] = await tx.query<{ request_hash: Buffer; response: unknown }>(
      `select request_hash, response from idempotency_key where key = $1`,
      [key],
    );
    if (!row || !Buffer.from(row.request_hash).equals(requestHash)) return { state: 'mismatch' };
    return { state: 'replay', response: row.response };
  }

  async saveIdempotentResponse(tx: Sql, key: string, response: unknown): Promise<void> {
    await tx.query(`update idempotency_key set response = $2 where key = $1`, [key, JSON.stringify(response)]);
  }
}
