import type { StationType } from '../directory.types';

/** One record of the bureau's file, as read, with the line it starts on. */
export interface RawStationRow {
  line: number;
  fields: Record<string, unknown>;
}

export interface ImportProblem {
  /** 1-based line in the file (0 when the problem is about the whole file). */
  line: number;
  field?: string;
  code:
    | 'syntax'
    | 'empty-file'
    | 'missing'
    | 'unknown-column'
    | 'invalid'
    | 'duplicate-code'
    | 'unknown-area'
    | 'unknown-type'
    | 'unknown-category'
    | 'unknown-venue'
    | 'venue-area-mismatch'
    | 'bad-coordinates';
  message: string;
  messageEn: string;
}

export interface StationRecord {
  code: string;
  name: string;
  type: StationType;
  areaCode: string;
  venueCode: string | null;
  address: string;
  lat: number | null;
  lng: number | null;
  categories: string[];
  capacity: number;
  active: boolean;
  phone: string | null;
  /** Where the sweep's alerts are emailed; absent when the file has no such column (the address kept). */
  alertEmail?: string | null;
}

export interface NewVenue {
  code: string;
  name: string;
  type: StationType;
  areaCode: string;
  address: string | null;
  lat: number | null;
  lng: number | null;
}

/** What the rules need to know about the directory as it stands. */
export interface DirectoryReference {
  areas: { code: string; name: string; lat: number | null; lng: number | null }[];
  categories: { code: string; name: string }[];
  venues: { code: string; name: string; areaCode: string }[];
}

/**
 * replace: the file is the whole list (stations missing from it are deactivated, never deleted);
 * merge: add and update the file's stations, leave the rest;
 * insert-missing: add stations whose code is new, touch nothing that exists (the seeder's mode).
 */
export type ImportMode = 'replace' | 'merge' | 'insert-missing';

export interface ImportPlan {
  stations: StationRecord[];
  newVenues: NewVenue[];
  problems: ImportProblem[];
}
