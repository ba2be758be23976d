import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Consumer warnings and risk notices (消费预警和风险提示, Order 121 Art. 38) that a market regulator
 * publishes for the public: for the whole city (`area_code` null) or one area, optionally about a
 * category or a named business, shown between `starts_on` and `ends_on` (China days) unless withdrawn.
 *
 * - `unit_code`: the publishing regulator, whose name the public sees; `published_by` (the member of
 *   staff) is for the bureau's own list only;
 * - `alert_id`: the early-warning alert it came from (libs/warnings/src/alerts). No foreign key: that
 *   table belongs to the alerts part and may be migrated after this one;
 * - withdrawal ends it early and keeps the row (who, when, why), so the bureau's list stays complete.
 */
export class ConsumerWarnings1763700002500 implements MigrationInterface {
  name = 'ConsumerWarnings1763700002500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table consumer_warning (
        id               bigserial primary key,
        title            text not null check (length(title) between 2 and 60),
        body             text not null check (length(body) between 10 and 2000),
        category_code    varchar(40) references category (code),
        area_code        varchar(12) references area (code),
        business_name    text check (length(business_name) between 2 and 100),
        credit_code      varchar(18) check (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$'),
        starts_on        date not null,
        ends_on          date not null,
        unit_code        varchar(32) not null references regulator (code),
        published_by     bigint not null references staff_user (id),
        published_at     timestamptz not null default now(),
        alert_id         bigint,
        withdrawn_at     timestamptz,
        withdrawn_by     bigint references staff_user (id),
        withdraw_reason  text,
        check (ends_on >= starts_on),
        check ((withdrawn_at is null) = (withdrawn_by is null) and (withdrawn_at is null) = (withdraw_reason is null))
      )`);
    // The public read: warnings not withdrawn whose period holds today (ends_on >= today, the
    // selective side once warnings pile up), newest first.
    await q.query(
      `create index consumer_warning_active_idx on consumer_warning (ends_on, starts_on, published_at desc) where withdrawn_at is null`,
    );
    // A business's public record shows the warnings naming it.
    await q.query(`create index consumer_warning_credit_code_idx on consumer_warning (credit_code) where credit_code is not null`);
    await q.query(`create index consumer_warning_alert_idx on consumer_warning (alert_id) where alert_id is not null`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table consumer_warning`);
  }
}
