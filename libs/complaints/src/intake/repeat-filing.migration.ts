import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Repeat and abusive filing (docs/RULES.md, "Repeat and abusive filing"; repeat.rules.ts):
 *
 * - `matter_claim.rule`: which rule a claim is held by. `while-open` (every claim made so far): the
 *   case holds its matter while it is still being handled, with no time window; `art35` (reports
 *   under Order 121): the case holds the same facts unless it was withdrawn. Intake reads the
 *   holding case's status when it claims a matter, so nothing has to release a claim when a case
 *   is refused, concluded or closed.
 * - `cases.consumer_address_hash`: a keyed hash of the consumer's normalised address
 *   (`normaliseAddress`), for Art. 17(4) (several people giving the same address). Cases filed
 *   before this have none: the address is stored encrypted and the key is not the database's.
 * - indexes for the claimant facts the handler is shown (claimant.repository.ts): by address, and
 *   by respondent over time (several complainants against one business in a short time).
 */
export class RepeatFiling1763700001500 implements MigrationInterface {
  name = 'RepeatFiling1763700001500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table matter_claim add column rule text not null default 'while-open' check (rule in ('while-open', 'art35'))`);
    await q.query(`alter table cases add column consumer_address_hash bytea`);
    await q.query(
      `create index cases_address_hash_idx on cases (consumer_address_hash, received_at desc) where consumer_address_hash is not null`,
    );
    await q.query(`create index cases_respondent_recent_idx on cases (respondent_key, received_at desc)`);
    // An open case whose claim a later filing took over after the old 30-day window, and that later
    // case has finished since, holds its matter again (the earliest open case of each matter).
    await q.query(`
      insert into matter_claim (key, case_id, received_at)
      select distinct on (k) k, id, received_at
        from (select sha256(consumer_phone_hash || convert_to(respondent_key || '|' || category_code || '|' || track, 'UTF8')) as k, id, received_at
                from cases
               where duplicate_of_id is null
                 and status in ('received', 'assigned', 'accepted', 'mediating', 'paused', 'deciding')) x
       order by k, received_at, id
      on conflict (key) do update set case_id = excluded.case_id, received_at = excluded.received_at
        where not exists (select 1 from cases h where h.id = matter_claim.case_id
                             and h.status in ('received', 'assigned', 'accepted', 'mediating', 'paused', 'deciding'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop index cases_respondent_recent_idx`);
    await q.query(`drop index cases_address_hash_idx`);
    await q.query(`alter table cases drop column consumer_address_hash`);
    await q.query(`alter table matter_claim drop column rule`);
  }
}
