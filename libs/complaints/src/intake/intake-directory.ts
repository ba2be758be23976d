import { Injectable } from '@nestjs/common';
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
  private cached?: { at: number; snapshot: Promise<DirectorySnapshot> };

  constructor(private readonly directory: DirectoryService) {}

  snapshot(): Promise<DirectorySnapshot> {
    if (!this.cached || Date.now() - this.cached.at > REFRESH_MS) {
      const snapshot = this.load();
      this.cached = { at: Date.now(), snapshot };
      snapshot.catch(() => (this.cached = undefined));
    }
    return this.cached.snapshot;
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
