import { useEffect, useState } from 'react';
import { api } from '../lib/api';
import type { Area, Category, Station } from '../api/types';

/** A place businesses sit in (mall, scenic spot, market, platform), with the area it is in: read off the stations. */
interface Venue {
  code: string;
  name: string;
  areaCode: string;
}

export interface Directory {
  categories: Category[];
  areas: Area[];
  venues: Venue[];
}

let cached: Promise<Directory> | null = null;

/** The public directory the form picks from, loaded once per page load. */
function load(): Promise<Directory> {
  cached ??= Promise.all([
    api<Category[]>('/directory/categories'),
    api<Area[]>('/directory/areas'),
    api<Station[]>('/directory/stations'),
  ]).then(([categories, areas, stations]) => {
    const venues = new Map<string, Venue>();
    for (const s of stations) if (s.venue && !venues.has(s.venue.code)) venues.set(s.venue.code, { ...s.venue, areaCode: s.areaCode });
    return { categories, areas, venues: [...venues.values()] };
  });
  cached.catch(() => (cached = null)); // a failed load is tried again next time
  return cached;
}

export function useDirectory(): { directory: Directory | null; failed: boolean } {
  const [directory, setDirectory] = useState<Directory | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    load().then(
      (d) => live && setDirectory(d),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, []);
  return { directory, failed };
}
