import { Injectable } from '@nestjs/common';
import { AreaRow, CategoryRow, DirectoryRepository, RegulatorRow, StationFilter, StationRow } from './directory.repository';

/** The public directory: areas, categories, regulators and stations, as the contract lists them. */
@Injectable()
export class DirectoryService {
  constructor(private readonly repo: DirectoryRepository) {}

  areas(): Promise<AreaRow[]> {
    return this.repo.areas();
  }

  categories(): Promise<CategoryRow[]> {
    return this.repo.categories();
  }

  regulators(): Promise<RegulatorRow[]> {
    return this.repo.regulators();
  }

  venueAreas(): Promise<Map<string, string>> {
    return this.repo.venueAreas();
  }

  stations(filter: StationFilter): Promise<StationRow[]> {
    return this.repo.stations(filter);
  }
}
