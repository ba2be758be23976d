import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { AREA_KINDS, STATION_TYPES } from '../directory.types';
import type { SeedArea, SeedCategory, SeedRegulator, SeedVenue } from '../directory.repository';

/** The seeds/ folder: found by walking up from here, so it works from source and from dist/. */
function findSeedsDir(start = __dirname): string {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'seeds', 'areas.json'))) return join(dir, 'seeds');
    if (dirname(dir) === dir) throw new Error(`seeds/ folder not found above ${start}`);
  }
}

const coord = z.number().nullable();
const areaFile = z.object({
  areas: z.array(
    z.object({ code: z.string().regex(/^\d{6}$/), name: z.string().min(1), kind: z.enum(AREA_KINDS), lat: coord, lng: coord }),
  ),
});
const regulatorFile = z.object({
  regulators: z.array(
    z.object({
      code: z.string().min(1),
      name: z.string().min(1),
      kind: z.enum(['market', 'sector']),
      level: z.enum(['city', 'county', 'province']),
      areaCode: z.string().nullable(),
      address: z.string().nullable(),
      phone: z.string().nullable(),
    }),
  ),
});
const categoryFile = z.object({
  categories: z.array(
    z.object({
      code: z.string().regex(/^[a-z0-9-]+$/),
      name: z.string().min(1),
      group: z.enum(['service', 'goods']),
      regulatorCode: z.string().nullable(),
    }),
  ),
});
const venueFile = z.object({
  venues: z.array(
    z.object({
      code: z.string().min(1),
      name: z.string().min(1),
      type: z.enum(STATION_TYPES),
      areaCode: z.string(),
      address: z.string().nullable(),
      lat: coord,
      lng: coord,
      named: z.boolean(),
    }),
  ),
});

function read<T>(dir: string, file: string, schema: z.ZodType<T>): T {
  const path = join(dir, file);
  const parsed = schema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${path}: ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

export interface SeedData {
  areas: SeedArea[];
  regulators: SeedRegulator[];
  categories: SeedCategory[];
  venues: SeedVenue[];
  stationsFile: { path: string; text: string };
}

export function readSeedData(dir = findSeedsDir()): SeedData {
  const stationsPath = join(dir, 'stations.json');
  return {
    areas: read(dir, 'areas.json', areaFile).areas.map((a, i) => ({ ...a, sortOrder: i })),
    regulators: read(dir, 'regulators.json', regulatorFile).regulators,
    categories: read(dir, 'categories.json', categoryFile).categories.map((c, i) => ({ ...c, sortOrder: i })),
    venues: read(dir, 'venues.json', venueFile).venues,
    stationsFile: { path: stationsPath, text: readFileSync(stationsPath, 'utf8') },
  };
}
