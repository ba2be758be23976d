import type { FormInstance } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../lib/api';
import type { ApiError } from '../../lib/api';
import { isCreditCode } from '../../lib/credit-code';
import type { T } from '../../lib/words';
import type { Area, Station } from '../../api/types';

/** What the business forms share: the places a business may be enrolled in, the API's problems beside the fields, the credit code's check. */
export interface Venue {
  code: string;
  name: string;
  areaCode: string;
}

/** The county-level areas and the venues (read off the stations) a business may be enrolled in. */
export function usePlaces(): { areas: Area[]; venues: Venue[] } {
  const [places, setPlaces] = useState<{ areas: Area[]; venues: Venue[] }>({ areas: [], venues: [] });
  useEffect(() => {
    let live = true;
    Promise.all([api<Area[]>('/directory/areas'), api<Station[]>('/directory/stations')]).then(
      ([areas, stations]) => {
        const venues = new Map<string, Venue>();
        for (const s of stations) if (s.venue && !venues.has(s.venue.code)) venues.set(s.venue.code, { ...s.venue, areaCode: s.areaCode });
        if (live) setPlaces({ areas, venues: [...venues.values()] });
      },
      () => undefined, // the form still works with codes the API checks
    );
    return () => {
      live = false;
    };
  }, []);
  return places;
}

/** A 400's field problems beside their fields; what no field of the form takes, as one line. */
export function showProblems<V>(form: FormInstance<V>, e: ApiError, fields: readonly string[]): string | null {
  const byField = new Map<string, string[]>();
  const rest: string[] = [];
  for (const d of e.details) {
    if (fields.includes(d.field)) byField.set(d.field, [...(byField.get(d.field) ?? []), d.message]);
    else rest.push(d.field ? `${d.field}: ${d.message}` : d.message);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name: name as never, errors })));
  return byField.size && !rest.length ? null : [e.message, ...rest].join('；');
}

export const creditCodeRule = (t: T) => ({
  validator: (_: unknown, v?: string) =>
    !v || isCreditCode(v.trim().toUpperCase())
      ? Promise.resolve()
      : Promise.reject(
          new Error(
            t(
              '统一社会信用代码应为 18 位且校验码正确（GB 32100）',
              'A credit code has 18 characters and a correct check character (GB 32100)',
            ),
          ),
        ),
});
