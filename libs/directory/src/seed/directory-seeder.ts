import { Injectable, Logger } from '@nestjs/common';
import { DirectoryRepository } from '../directory.repository';
import { DirectoryImportService } from '../import/directory-import.service';
import { readSeedData, SeedData } from './seed-files';

export interface SeedReport {
  areas: number;
  regulators: number;
  categories: number;
  venues: number;
  stations: number;
}

/**
 * Fills the directory from seeds/: adds whatever is missing and never overwrites, so it runs at
 * every start, and an imported real station list (or an admin's edit) survives it.
 */
@Injectable()
export class DirectorySeeder {
  private readonly logger = new Logger(DirectorySeeder.name);

  constructor(
    private readonly repo: DirectoryRepository,
    private readonly importer: DirectoryImportService,
  ) {}

  async seed(data: SeedData = readSeedData()): Promise<SeedReport> {
    const added = await this.repo.transaction(async (tx) => {
      await this.repo.lockDirectory(tx);
      return {
        areas: await this.repo.insertMissingAreas(tx, data.areas),
        regulators: await this.repo.insertMissingRegulators(tx, data.regulators),
        categories: await this.repo.insertMissingCategories(tx, data.categories),
        venues: await this.repo.insertMissingVenues(tx, data.venues),
      };
    });
    const stations = await this.importer.importStations({
      text: data.stationsFile.text,
      fileName: data.stationsFile.path,
      mode: 'insert-missing',
    });
    if (!stations.accepted) {
      const first = stations.problems
        .slice(0, 5)
        .map((p) => `line ${p.line}: ${p.messageEn}`)
        .join('; ');
      throw new Error(`seeds/stations.json is invalid: ${first}`);
    }
    const report = { ...added, stations: stations.created };
    this.logger.log(report, 'directory seeded (rows added)');
    return report;
  }
}
