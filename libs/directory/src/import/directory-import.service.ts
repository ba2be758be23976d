import { Injectable, Logger } from '@nestjs/common';
import { DirectoryRepository } from '../directory.repository';
import { detectFormat, parseStationFile } from './station-file.parser';
import { planStationImport } from './station-import.rules';
import { ImportMode, ImportProblem } from './station-import.types';

export interface ImportRequest {
  text: string;
  /** Used to tell CSV from JSON when `format` is not given. */
  fileName: string;
  format?: 'csv' | 'json';
  mode: ImportMode;
  /** Check and count everything, then roll back. */
  dryRun?: boolean;
}

export interface ImportReport {
  accepted: boolean;
  mode: ImportMode;
  dryRun: boolean;
  rows: number;
  created: number;
  updated: number;
  deactivated: number;
  venuesCreated: number;
  problems: ImportProblem[];
}

class DryRunRollback extends Error {}

/** Imports the bureau's station list: all of it in one transaction, or nothing. */
@Injectable()
export class DirectoryImportService {
  private readonly logger = new Logger(DirectoryImportService.name);

  constructor(private readonly repo: DirectoryRepository) {}

  async importStations(req: ImportRequest): Promise<ImportReport> {
    const format = req.format ?? detectFormat(req.fileName, req.text);
    const parsed = parseStationFile(req.text, format);
    const report: ImportReport = {
      accepted: false,
      mode: req.mode,
      dryRun: !!req.dryRun,
      rows: parsed.rows.length,
      created: 0,
      updated: 0,
      deactivated: 0,
      venuesCreated: 0,
      problems: parsed.problems,
    };
    if (parsed.problems.length > 0) return report;

    try {
      await this.repo.transaction(async (tx) => {
        await this.repo.lockDirectory(tx);
        const plan = planStationImport(parsed.rows, await this.repo.reference(tx));
        if (plan.problems.length > 0) {
          report.problems = plan.problems;
          return;
        }
        report.venuesCreated = await this.repo.insertMissingVenues(tx, plan.newVenues);
        Object.assign(report, await this.repo.writeStations(tx, plan.stations, req.mode !== 'insert-missing'));
        if (req.mode === 'replace') {
          report.deactivated = await this.repo.deactivateStationsExcept(
            tx,
            plan.stations.map((s) => s.code),
          );
        }
        report.accepted = true;
        if (req.dryRun) throw new DryRunRollback();
      });
    } catch (err) {
      if (!(err instanceof DryRunRollback)) throw err;
    }
    if (report.accepted && !report.dryRun) {
      const { created, updated, deactivated, venuesCreated } = report;
      this.logger.log({ file: req.fileName, mode: req.mode, created, updated, deactivated, venuesCreated }, 'station list imported');
    }
    return report;
  }
}
