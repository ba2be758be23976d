import { Injectable } from '@nestjs/common';
import type { Bilingual } from '@weiquan/core';
import { readAlertEmail } from './alert-email.rules';
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

  /** Sets a unit's alert email (a blank clears it), checked like the station file's column. */
  async setAlertEmail(
    code: string,
    given: string,
  ): Promise<{ unit: 'station' | 'regulator'; email: string | null } | { problem: Bilingual }> {
    const read = readAlertEmail(given);
    if ('problem' in read) return read;
    const unit = await this.repo.setAlertEmail(code.trim(), read.email);
    if (!unit) return { problem: { zh: `没有编码为 "${code}" 的服务站或监管部门`, en: `no station or regulator has the code "${code}"` } };
    return { unit, email: read.email };
  }
}
