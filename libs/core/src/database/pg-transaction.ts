import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ClientBase, Pool, PoolClient, QueryConfig, QueryResultRow } from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
import type { DataSource } from 'typeorm';

/**
 * What a repository method needs to run SQL: satisfied by a TypeORM EntityManager or DataSource and by
 * `pgTransaction` / `pgAutocommit`. `Row` is what one row of the statement's result looks like (its
 * selected columns, as node-postgres decodes them: bigint and numeric as strings, date as
 * 'YYYY-MM-DD', timestamptz as Date, jsonb parsed). It must be given: it is never inferred from
 * where the result goes, so every query states the shape it selects.
 *
 * Through TypeORM (EntityManager, DataSource) a bare UPDATE or DELETE answers `[rows, count]`
 * instead of rows: count such statements through a CTE (`with u as (update … returning …) select …`).
 */
export interface Sql {
  query<Row = unknown>(text: string, params?: unknown[]): Promise<NoInfer<Row>[]>;
}

/** Statements on the pool's own clients, where a hot statement can be prepared once per connection. */
export interface PreparingSql extends Sql {
  /**
   * Runs `text` as a prepared statement kept on the connection under `name`: parsed and analysed once
   * per connection, then sent as Bind/Execute only (for a large statement that is most of its cost).
   */
  prepared<Row = unknown>(name: string, text: string, params: unknown[]): Promise<NoInfer<Row>[]>;
}

/** A transaction's statements, plus COPY … FROM STDIN for bulk loads (text format: see copyText). */
export interface PgSql extends PreparingSql {
  copyFrom(statement: string, text: string): Promise<void>;
}

const connectionTags = new WeakMap<ClientBase, string>();

/**
 * The statement under a name unique to this connection: the embedded server (PGlite) gives all its
 * connections one session, where two connections preparing the same name would collide.
 */
function preparedOn(client: ClientBase, name: string, text: string, values: unknown[]): QueryConfig {
  let tag = connectionTags.get(client);
  if (!tag) connectionTags.set(client, (tag = randomBytes(6).toString('hex')));
  return { name: `${name}_${tag}`, text, values };
}

function poolOf(db: DataSource): Pool {
  return (db.driver as unknown as { master: Pool }).master;
}

/**
 * Single statements on the pool's clients, each atomic by itself (autocommit): for a hot path whose
 * one statement is the whole write.
 */
export function pgAutocommit(db: DataSource): PreparingSql {
  const pool = poolOf(db);
  return {
    query: async <Row>(text: string, params?: unknown[]) => (await pool.query<Row & QueryResultRow>(text, params)).rows,
    prepared: async <Row>(name: string, text: string, params: unknown[]) => {
      const client = await pool.connect();
      let failed: Error | undefined;
      try {
        return (await client.query<Row & QueryResultRow>(preparedOn(client, name, text, params))).rows;
      } catch (err) {
        failed = err as Error;
        throw err;
      } finally {
        // As pool.query does: a client whose statement failed is not trusted again.
        client.release(failed);
      }
    },
  };
}

/**
 * A transaction on the pool's own client, for hot paths (intake) where the ORM's query runner costs
 * more than the SQL: same pool, same connections, fewer allocations per statement. Rolls back on
 * any error; the client is destroyed rather than reused if the rollback itself fails.
 */
export async function pgTransaction<T>(db: DataSource, work: (sql: PgSql) => Promise<T>, opts: { prelude?: string } = {}): Promise<T> {
  const client: PoolClient = await poolOf(db).connect();
  const sql: PgSql = {
    query: async <Row>(text: string, params?: unknown[]) => (await client.query<Row & QueryResultRow>(text, params)).rows,
    prepared: async <Row>(name: string, text: string, params: unknown[]) =>
      (await client.query<Row & QueryResultRow>(preparedOn(client, name, text, params))).rows,
    copyFrom: (statement, text) => pipeline(Readable.from([text]), client.query(copyFromStdin(statement))),
  };
  let broken = false;
  // A checked-out client has no pool listener: a server restart between two statements would be an
  // unhandled 'error' event (a crash). Note it; the statement in flight fails and is retried by its caller.
  const onError = () => (broken = true);
  client.on('error', onError);
  try {
    // A parameterless first statement (e.g. taking an advisory lock) rides with BEGIN: one round trip.
    await client.query(opts.prelude ? `begin; ${opts.prelude}` : 'begin');
    const result = await work(sql);
    await client.query('commit');
    return result;
  } catch (err) {
    await client.query('rollback').catch(() => (broken = true));
    throw err;
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
}
