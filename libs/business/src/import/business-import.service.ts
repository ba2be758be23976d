import { Injectable, Logger } from '@nestjs/common';
import type { RecordKind } from '@weiquan/directory/import/record-file.parser';
import { detectFormat, parseRecordFile } from '@weiquan/directory/import/record-file.parser';
import { BusinessImportRepository } from './business-import.repository';
import type { BusinessImportProblem } from './business-import.rules';
import { creditCodeOf, csvHeaderLine, planBusinessImport } from './business-import.rules';

export interface BusinessImportRequest {
  text: string;
  /** Used to tell CSV from JSON when `format` is not given. */
  fileName: string;
  format?: 'csv' | 'json';
  /** Check and count everything, write nothing. */
  dryRun?: boolean;
  /** Who imports: recorded as `enrolled_by` of the businesses it adds (the username, or 'cli'). */
  by: string;
}

export interface BusinessImportReport {
  accepted: boolean;
  dryRun: boolean;
  rows: number;
  added: number;
  updated: number;
  unchanged: number;
  problems: BusinessImportProblem[];
}

const BUSINESSES: RecordKind = { listKey: 'businesses', zh: '经营者', en: 'business', enPlural: 'businesses' };

/**
 * Imports businesses enrolled for online dispute resolution from a CSV or JSON file
 * (business-import.rules.ts says what the file may hold): every row, in one transaction, or none.
 * Merge only: new credit codes are enrolled, enrolled ones updated; nothing is deleted or suspended.
 */
@Injectable()
export class BusinessImportService {
  private readonly logger = new Logger(BusinessImportService.name);

  constructor(private readonly repo: BusinessImportRepository) {}

  async importBusinesses(req: BusinessImportRequest): Promise<BusinessImportReport> {
    const format = req.format ?? detectFormat(req.fileName, req.text);
    const parsed = parseRecordFile(req.text, format, BUSINESSES);
    const report: BusinessImportReport = {
      accepted: false,
      dryRun: !!req.dryRun,
      rows: parsed.rows.length,
      added: 0,
      updated: 0,
      unchanged: 0,
      problems: parsed.problems,
    };
    if (parsed.problems.length > 0) return report;

    await this.repo.transaction(async (tx) => {
      await this.repo.lock(tx);
      const codes = [...new Set(parsed.rows.map(creditCodeOf).filter((c) => /^[0-9A-Z]{18}$/.test(c)))];
      const plan = planBusinessImport(parsed.rows, await this.repo.reference(tx, codes), {
        columnsLine: format === 'csv' ? csvHeaderLine(req.text) : undefined,
      });
      if (plan.problems.length > 0) {
        report.problems = plan.problems;
        return;
      }
      Object.assign(report, { accepted: true, added: plan.added.length, updated: plan.updated.length, unchanged: plan.unchanged });
      if (req.dryRun) return;
      // The enrolled rows are locked and imports serialised: the write does what the plan says. Its own
      // counts are reported all the same (a business enrolled through the API meanwhile is an update).
      const written = await this.repo.merge(tx, [...plan.added, ...plan.updated], req.by);
      report.unchanged += plan.added.length + plan.updated.length - written.added - written.updated;
      Object.assign(report, written);
    });
    if (report.accepted && !report.dryRun) {
      const { added, updated, unchanged } = report;
      this.logger.log({ file: req.fileName, by: req.by, added, updated, unchanged }, 'businesses imported');
    }
    return report;
  }
}
