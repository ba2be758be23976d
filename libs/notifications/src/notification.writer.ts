import { Injectable } from '@nestjs/common';
import { AppConfig, Sql } from '@weiquan/core';
import { NotificationKind, NotificationParams, notificationText } from './notification.templates';

/**
 * Where the tracking number goes in a text composed before the statement reads it from the case.
 * Control characters never survive in the parameters (cleanParam), so the slot cannot be forged,
 * and only its first occurrence is replaced.
 */
const TRACKING_NO_SLOT = '\u0001TN\u0001';

/**
 * One statement: reads the case (its track, tracking number and whether it has an email), writes
 * one notification per channel (SMS always; email when the case has an address and SMTP is
 * configured) unless that (case, kind, channel, dedupe key) exists, and one outbox row for each row
 * it really wrote. A case that does not exist writes nothing.
 */
const WRITE = `
  with c as (
    select id, tracking_no, track, consumer_email_enc is not null as has_email from cases where id = $1
  ),
  ch (channel) as (
    select 'sms' from c
    union all
    select 'email' from c where c.has_email and $6::boolean
  ),
  n as (
    insert into notification (case_id, kind, channel, dedupe_key, text, params)
    select c.id, $2, ch.channel, $3,
           regexp_replace(case when c.track = 'report' then $5 else $4 end, $7, c.tracking_no), $8
      from c cross join ch
    on conflict (case_id, kind, channel, dedupe_key) do nothing
    returning id
  )
  insert into outbox (topic, payload)
  select 'notification.created', jsonb_build_object('notificationId', id::text) from n order by id`;

/** The kind of a unit's daily email of its clock alerts (a unit's, not a consumer's: no SMS template). */
export const UNIT_ALERTS_KIND = 'unit-alerts';

/** The kind of an early-warning alert's email to the bureaus it concerns. */
export const EARLY_WARNING_KIND = 'early-warning';

/** A unit's email, composed by the caller; `dedupeKey` makes a second one for the same key (and kind) a no-op. */
export interface UnitEmail {
  unitCode: string;
  /** Default: the daily clock alerts (UNIT_ALERTS_KIND). */
  kind?: typeof UNIT_ALERTS_KIND | typeof EARLY_WARNING_KIND;
  dedupeKey: string;
  subject: string;
  text: string;
}

/** The unit emails and their outbox rows; answers those really written (a key already used writes nothing). */
const WRITE_UNIT_EMAILS = `
  with n as (
    insert into notification (unit_code, kind, channel, dedupe_key, subject, text)
    select x."unitCode", coalesce(x.kind, '${UNIT_ALERTS_KIND}'), 'email', x."dedupeKey", x.subject, x.text
      from jsonb_to_recordset($1::jsonb) as x("unitCode" text, kind text, "dedupeKey" text, subject text, text text)
    on conflict (unit_code, kind, dedupe_key) where unit_code is not null do nothing
    returning id, unit_code
  ),
  o as (
    insert into outbox (topic, payload)
    select 'notification.created', jsonb_build_object('notificationId', id::text) from n order by id
  )
  select id::text as id, unit_code as "unitCode" from n`;

/**
 * Writes the consumer notifications of one step of a case. Called by case-handling code inside its
 * own transaction, so the step and its notification commit together or not at all
 * (docs/ARCHITECTURE.md, invariant 2); the worker sends them (NotificationsWorkerModule).
 */
@Injectable()
export class NotificationWriter {
  constructor(private readonly config: AppConfig) {}

  /** Writes the notification(s) of one step and the outbox row(s) in the caller's transaction; the same (caseId, kind, dedupeKey) twice writes nothing the second time. */
  async write(sql: Sql, n: { caseId: string; kind: NotificationKind; params?: NotificationParams; dedupeKey?: string }): Promise<void> {
    const complaintText = notificationText(n.kind, 'complaint', TRACKING_NO_SLOT, n.params);
    const reportText = notificationText(n.kind, 'report', TRACKING_NO_SLOT, n.params);
    const emailEnabled = this.config.notifications.smtpUrl !== null;
    await sql.query(WRITE, [
      n.caseId,
      n.kind,
      n.dedupeKey ?? '',
      complaintText,
      reportText,
      emailEnabled,
      TRACKING_NO_SLOT,
      n.params ?? {},
    ]);
  }

  /** Whether unit emails can go out at all (SMTP_URL set); without it none is ever written. */
  get unitEmailsEnabled(): boolean {
    return this.config.notifications.smtpUrl !== null;
  }

  /** The address of a page of the site (`path` from the root), for an email to link to; null when PUBLIC_BASE_URL is not set. */
  link(path: string): string | null {
    const base = this.config.notifications.publicBaseUrl;
    return base === null ? null : `${base}${path}`;
  }

  /**
   * Writes units' emails and their outbox rows in the caller's transaction, for the worker to send
   * like a consumer's email; nothing without SMTP. Answers the ids written, by unit.
   */
  async writeUnitEmails(sql: Sql, emails: readonly UnitEmail[]): Promise<{ id: string; unitCode: string }[]> {
    if (!this.unitEmailsEnabled || emails.length === 0) return [];
    return sql.query<{ id: string; unitCode: string }>(WRITE_UNIT_EMAILS, [JSON.stringify(emails)]);
  }
}
