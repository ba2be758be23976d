import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { pgTransaction } from '@weiquan/core';
import type { Sql } from '@weiquan/core';
import { DataSource } from 'typeorm';
import type { ThrottleState } from '../lockout.rules';

interface ThrottleRow extends ThrottleState {
  key: Buffer;
  now: Date;
}

/**
 * The rows of `login_throttle`, keyed by HMACs (never a username or an address in clear). `update`
 * locks the rows of the given keys (creating them if new, in key order so two attempts cannot
 * deadlock), lets `decide` see them with the database's clock, and writes what it returns, all in one
 * short transaction: concurrent attempts on one key queue on its row.
 */
@Injectable()
export class LoginThrottleRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async update<T>(
    keys: Buffer[],
    decide: (states: ThrottleState[], now: Date) => { write: ThrottleState[] | null; result: T },
  ): Promise<T> {
    return pgTransaction(this.db, async (sql) => {
      // One statement creates the rows that are new and locks all of them, in key order (no
      // deadlock between two attempts). A row deleted by forget() meanwhile is simply made again:
      // a separate insert then select could find it gone (a 500 seen once in CI).
      const rows = await sql.query<ThrottleRow>(
        `insert into login_throttle (key) select k from unnest($1::bytea[]) k order by k
         on conflict (key) do update set key = excluded.key
         returning key, failures, blocked_until as "blockedUntil", last_failure_at as "lastFailureAt", now() as now`,
        [keys],
      );
      const byKey = new Map(rows.map((r) => [r.key.toString('hex'), r]));
      const states = keys.map((k) => byKey.get(k.toString('hex'))!);
      const { write, result } = decide(
        states.map(({ failures, blockedUntil, lastFailureAt }) => ({ failures, blockedUntil, lastFailureAt })),
        rows[0]?.now ?? new Date(),
      );
      if (write) await save(sql, keys, write);
      return result;
    });
  }

  /** Until when each of these keys must wait (only keys that must wait now). */
  async blocked(keys: Buffer[]): Promise<{ key: Buffer; blockedUntil: Date }[]> {
    return this.db.query(
      `select key, blocked_until as "blockedUntil" from login_throttle where key = any($1::bytea[]) and blocked_until > now()`,
      [keys],
    );
  }

  /** Forgets a key's failures (an administrator gave the account a new password). */
  async clear(key: Buffer): Promise<void> {
    await this.db.query(`delete from login_throttle where key = $1`, [key]);
  }

  /**
   * Rows idle for longer than the given seconds carry nothing the rules still use. Rows an attempt
   * holds right now are skipped (SKIP LOCKED): the cleanup never waits for an attempt, so the two
   * can never deadlock, and a skipped row goes with a later cleanup.
   */
  async forget(idleSeconds: number): Promise<void> {
    await this.db.query(
      `delete from login_throttle
        where key in (
          select key from login_throttle
           where greatest(coalesce(last_failure_at, '-infinity'), coalesce(blocked_until, '-infinity')) < now() - make_interval(secs => $1)
           order by key for update skip locked)`,
      [idleSeconds],
    );
  }
}

async function save(sql: Sql, keys: Buffer[], states: ThrottleState[]): Promise<void> {
  await sql.query(
    `update login_throttle t set failures = v.failures, blocked_until = v.blocked_until, last_failure_at = v.last_failure_at
       from unnest($1::bytea[], $2::int[], $3::timestamptz[], $4::timestamptz[]) as v(key, failures, blocked_until, last_failure_at)
      where t.key = v.key`,
    [keys, states.map((s) => s.failures), states.map((s) => s.blockedUntil), states.map((s) => s.lastFailureAt)],
  );
}
