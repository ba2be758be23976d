import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface SessionRow {
  id: string;
  generation: number;
  /** The sign-in time, the start of the session's absolute lifetime. */
  startedAt: Date;
}

/**
 * The rows of `staff_session`. A session is live while it is not revoked and began less than
 * `maxHours` ago by the database's clock; a token is good only for the session's current generation.
 */
@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** A new session; the user's ended sessions are cleared on the way. */
  async start(userId: string, maxHours: number): Promise<SessionRow> {
    const [row] = await this.db.query<SessionRow[]>(
      `with gone as (
         delete from staff_session where user_id = $1 and (revoked_at is not null or started_at <= now() - make_interval(hours => $2))
       )
       insert into staff_session (user_id) values ($1) returning id::text as id, generation, started_at as "startedAt"`,
      [userId, maxHours],
    );
    return row;
  }

  async live(id: string, userId: string, generation: number, maxHours: number): Promise<boolean> {
    const rows = await this.db.query<unknown[]>(
      `select 1 from staff_session
        where id = $1 and user_id = $2 and generation = $3 and revoked_at is null and started_at > now() - make_interval(hours => $4)`,
      [id, userId, generation, maxHours],
    );
    return rows.length > 0;
  }

  /** Moves a live session from `generation` to the next one; null when it is not live at that generation. */
  async rotate(id: string, userId: string, generation: number, maxHours: number): Promise<SessionRow | null> {
    const [row] = await this.db.query<SessionRow[]>(
      `with u as (
         update staff_session set generation = generation + 1
          where id = $1 and user_id = $2 and generation = $3 and revoked_at is null and started_at > now() - make_interval(hours => $4)
         returning id::text as id, generation, started_at as "startedAt"
       ) select * from u`,
      [id, userId, generation, maxHours],
    );
    return row ?? null;
  }

  async revoke(id: string, userId: string): Promise<void> {
    await this.db.query(
      `with u as (update staff_session set revoked_at = now() where id = $1 and user_id = $2 and revoked_at is null returning 1) select count(*) from u`,
      [id, userId],
    );
  }

  /** Every session of the user but `keep`. */
  async revokeOthers(userId: string, keep: string): Promise<void> {
    await this.db.query(
      `with u as (update staff_session set revoked_at = now() where user_id = $1 and id <> $2 and revoked_at is null returning 1) select count(*) from u`,
      [userId, keep],
    );
  }
}
