import { Injectable, Logger } from '@nestjs/common';
import { chinaDate } from '@weiquan/calendar';
import type { Sql } from '@weiquan/core';
import { EARLY_WARNING_KIND, NotificationWriter } from '@weiquan/notifications';
import { daysIn } from '@weiquan/stats/period';
import { WatchRepository } from '@weiquan/stats';
import type { WatchedCounts } from '@weiquan/stats';
import { alertEmail } from './alert-email';
import { AlertsRepository } from './alerts.repository';
import type { AlertEvidence } from './alerts.repository';
import { alertDecision, detect, watchPeriods } from './early-warning.rules';
import type { Detection } from './early-warning.rules';
import { WarningThresholdsConfig } from './warning-thresholds';

/** Changed subjects evaluated per transaction. */
const EVALUATE_BATCH = 200;

interface Found {
  counts: WatchedCounts;
  detection: Detection;
}

/** What an alert names: its subject, its area and, for a slice, its category. */
interface Subject {
  subjectName: string;
  areaCode: string;
  areaName: string | null;
  categoryCode: string | null;
  creditCode: string | null;
}

/**
 * Runs the detector over the subjects whose counts moved (the aggregator marks them) and records
 * what it finds: a new alert, told to the bureaus it concerns, or an open alert's figures brought up
 * to date. Taking the subjects, recording the alerts and writing the emails is one transaction, so
 * a crash evaluates them again and an alert is told exactly once. It reads rollups only: the cost
 * follows the complaints that came in, not the size of the history.
 */
@Injectable()
export class EarlyWarningService {
  private readonly logger = new Logger(EarlyWarningService.name);

  constructor(
    private readonly repo: AlertsRepository,
    private readonly watch: WatchRepository,
    private readonly writer: NotificationWriter,
    private readonly config: WarningThresholdsConfig,
  ) {}

  /** Evaluates every changed subject, a batch per transaction (`now`: the clock, for tests). */
  async evaluatePending(now = new Date(), maxBatches = 50): Promise<{ evaluated: number; opened: string[]; updated: number }> {
    const total = { evaluated: 0, opened: [] as string[], updated: 0 };
    for (let i = 0; i < maxBatches; i++) {
      const done = await this.repo.transaction((sql) => this.evaluateBatch(sql, chinaDate(now)));
      if (!done) break;
      total.evaluated += done.evaluated;
      total.opened.push(...done.opened);
      total.updated += done.updated;
    }
    return total;
  }

  private async evaluateBatch(sql: Sql, today: string): Promise<{ evaluated: number; opened: string[]; updated: number } | null> {
    const t = this.config.thresholds;
    const subjects = await this.watch.takeChanged(sql, EVALUATE_BATCH);
    if (!subjects.length) return null;
    const { window, baseline } = watchPeriods(today, t);
    const start = await this.watch.historyStart(sql);
    // A baseline cannot reach before the first day the system holds.
    const baselineDays =
      start === null || start > baseline.to
        ? 0
        : Math.min(t.baselineDays, daysIn(start > baseline.from ? start : baseline.from, baseline.to));
    const businesses = await this.watch.businessCounts(
      sql,
      subjects.filter((s) => s.kind === 'business').map((s) => s.key),
      window,
      baseline,
    );
    // A category in an area is compared with its own past: with less history than one window, there is none yet.
    const slices =
      baselineDays >= t.windowDays
        ? await this.watch.sliceCounts(
            sql,
            subjects.filter((s) => s.kind === 'slice').map((s) => splitSlice(s.key)),
            window,
            baseline,
          )
        : new Map<string, WatchedCounts>();
    const found: Found[] = [];
    for (const counts of [...businesses.values(), ...slices.values()]) {
      const detection = detect(counts.kind, counts.window, counts.baseline, t, baselineDays);
      if (detection) found.push({ counts, detection });
    }
    const latest = await this.repo.latest(
      sql,
      found.map((f) => ({ kind: f.counts.kind, key: f.counts.key })),
    );
    const toOpen: { f: Found; evidence: AlertEvidence }[] = [];
    let updated = 0;
    for (const f of found) {
      const prior = latest.get(`${f.counts.kind}|${f.counts.key}`) ?? null;
      const evidence: AlertEvidence = {
        window: f.counts.window,
        baseline: f.counts.baseline,
        baselineDays,
        findings: f.detection.findings,
      };
      const decision = alertDecision(prior, today, t);
      if (decision === 'update' && prior) {
        await this.repo.refresh(sql, prior.id, today, window.from, window.to, evidence, f.detection.score);
        updated++;
      } else if (decision === 'open') toOpen.push({ f, evidence });
    }
    const described = await this.describe(
      sql,
      toOpen.map((o) => o.f.counts),
    );
    const bureaus = new Map<string, { code: string; name: string }[]>();
    const opened: string[] = [];
    for (const [i, { f, evidence }] of toOpen.entries()) {
      const subject = described[i];
      if (!bureaus.has(subject.areaCode)) bureaus.set(subject.areaCode, await this.repo.bureausFor(sql, subject.areaCode));
      const id = await this.openAlert(sql, f, subject, bureaus.get(subject.areaCode) ?? [], evidence, today, window);
      if (id) opened.push(id);
    }
    return { evaluated: subjects.length, opened, updated };
  }

  private async openAlert(
    sql: Sql,
    f: Found,
    subject: Subject,
    bureaus: { code: string; name: string }[],
    evidence: AlertEvidence,
    today: string,
    window: { from: string; to: string },
  ): Promise<string | null> {
    const id = await this.repo.open(sql, {
      subjectKind: f.counts.kind,
      subjectKey: f.counts.key,
      ...subject,
      day: today,
      windowFrom: window.from,
      windowTo: window.to,
      evidence,
      score: f.detection.score,
      units: bureaus.map((b) => b.code),
    });
    if (!id) return null;
    const mail = alertEmail({
      id,
      subjectName: subject.subjectName,
      areaName: subject.areaName,
      evidence,
      windowFrom: window.from,
      windowTo: window.to,
      link: this.writer.link(`/staff/warnings?alert=${id}`),
    });
    // Exactly once: the alert id is the email's dedupe key, written in the alert's transaction.
    const emailed = await this.writer.writeUnitEmails(
      sql,
      bureaus.map((b) => ({ unitCode: b.code, kind: EARLY_WARNING_KIND, dedupeKey: `alert-${id}`, ...mail })),
    );
    for (const b of bureaus)
      this.logger.warn(
        { alertId: id, unit: b.code, subject: subject.subjectName, email: emailed.some((e) => e.unitCode === b.code) },
        `early warning for ${b.name}: ${mail.subject}`,
      );
    return id;
  }

  /**
   * Each subject in words: a business's name and area (credit code when known), or a category in an
   * area. Names are read once for all the subjects about to open.
   */
  private async describe(sql: Sql, all: readonly WatchedCounts[]): Promise<Subject[]> {
    if (!all.length) return [];
    const respondents = await this.watch.respondents(
      sql,
      all.filter((c) => c.kind === 'business').map((c) => c.key),
    );
    const slices = all.filter((c) => c.kind === 'slice').map((c) => splitSlice(c.key));
    const areaCodes = [
      ...all.filter((c) => c.kind === 'business').map((c) => respondents.get(c.key)?.areaCode ?? ''),
      ...slices.map((s) => s.areaCode),
    ];
    const [areas, categories] = [
      await this.repo.areaNames(sql, [...new Set(areaCodes)]),
      await this.repo.categoryNames(sql, [...new Set(slices.map((s) => s.categoryCode))]),
    ];
    return all.map((c) => {
      if (c.kind === 'business') {
        const r = respondents.get(c.key);
        const areaCode = r?.areaCode ?? '';
        return {
          subjectName: r?.name ?? c.key.replace(/^(uscc|name):/, ''),
          areaCode,
          areaName: areas.get(areaCode) ?? null,
          categoryCode: null,
          creditCode: c.key.startsWith('uscc:') ? c.key.slice(5) : null,
        };
      }
      const { areaCode, categoryCode } = splitSlice(c.key);
      const areaName = areas.get(areaCode) ?? null;
      const categoryName = categories.get(categoryCode) ?? null;
      return {
        subjectName: `${areaName ?? areaCode} · ${categoryName ?? categoryCode}`,
        areaCode,
        areaName,
        categoryCode,
        creditCode: null,
      };
    });
  }
}

function splitSlice(key: string): { areaCode: string; categoryCode: string } {
  const [areaCode, categoryCode] = key.split('|');
  return { areaCode, categoryCode };
}
