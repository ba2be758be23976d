import { Injectable } from '@nestjs/common';
import { Refreshing } from '@weiquan/core';
import { DirectoryService } from '@weiquan/directory';
import { nationalCountyCodes } from './national-areas';

export interface DirectorySnapshot {
  categories: ReadonlySet<string>;
  areaCodes: ReadonlySet<string>;
  cityAreas: ReadonlySet<string>;
  venues: ReadonlyMap<string, string>;
}

/** The directory changes rarely; intake checks codes against a copy at most this old. */
const REFRESH_MS = 30_000;

@Injectable()
export class IntakeDirectory {
  private readonly cache = new Refreshing(REFRESH_MS, () => this.load());

  constructor(private readonly directory: DirectoryService) {}

  snapshot(): Promise<DirectorySnapshot> {
    return this.cache.get();
  }

  private async load(): Promise<DirectorySnapshot> {
    const categories = await this.directory.categories();
    const areas = await this.directory.areas();
    const venues = await this.directory.venueAreas();
    const cityAreas = new Set(areas.map((a) => a.code));
    return {
      categories: new Set(categories.map((c) => c.code)),
      areaCodes: new Set([...nationalCountyCodes(), ...cityAreas]),
      cityAreas,
      venues,
    };
  }
}
