import { Injectable } from '@nestjs/common';
import { chinaDate } from '@weiquan/calendar';
import { FieldProblem, invalid, LocalizedException } from '@weiquan/core';
import type { StaffPrincipal } from '@weiquan/identity';
import type { BusinessFigures } from './business-metrics';
import { addBusinessCounters, businessFigures, zeroBusinessCounters } from './business-metrics';
import type { BusinessCounters } from './business-rollup.rules';
import { businessStatsScope, NO_BUSINESS_SCOPE, scopedBusinessFilter } from './business-scope.rules';
import { BusinessStatsRepository } from './business-stats.repository';
import type { BusinessInfoRow } from './business-stats.repository';
import type { BusinessSortField, BusinessStatsDto, BusinessStatsQuery, VenueBusinessStatsDto } from './dto/business-stats.dto';
import { askedPeriod, isIsoDate, splitPeriod } from './period';

/**
 * The order of two rows by a figure, nulls last whichever the direction. The median is ordered with
 * "beyond ten working days" after every exact value.
 */
export function compareFigures(a: BusinessFigures, b: BusinessFigures, field: BusinessSortField, descending: boolean): number {
  const value = (f: BusinessFigures): number | null =>
    field === 'medianResponseWorkingDays' ? (f.medianResponseOverTenWorkingDays ? Infinity : f.medianResponseWorkingDays) : f[field];
  const x = value(a);
  const y = value(b);
  if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
  if (x === y) return 0;
  return (x < y ? -1 : 1) * (descending ? -1 : 1);
}

/** GET /stats/businesses: the business rollup and the enrolled businesses only (docs/ARCHITECTURE.md, invariant 6). */
@Injectable()
export class BusinessStatsService {
  constructor(private readonly repo: BusinessStatsRepository) {}

  async league(p: StaffPrincipal, q: BusinessStatsQuery): Promise<BusinessStatsDto | VenueBusinessStatsDto> {
    const scope = businessStatsScope(p);
    if (!scope) throw new LocalizedException(403, NO_BUSINESS_SCOPE);
    const problems: FieldProblem[] = [];
    const notDate = { zh: '不是有效的日期', en: 'is not a real date' };
    if (q.from !== undefined && !isIsoDate(q.from)) problems.push({ field: 'from', message: notDate });
    if (q.to !== undefined && !isIsoDate(q.to)) problems.push({ field: 'to', message: notDate });
    const { from, to } = askedPeriod(q.from, q.to, chinaDate(new Date()));
    if (!problems.length && from > to)
      problems.push({ field: 'from', message: { zh: '起始日不能晚于截止日', en: 'must not be after to' } });
    if (q.venueCode !== undefined && !(await this.repo.venueExists(q.venueCode)))
      problems.push({ field: 'venueCode', message: { zh: `未知的场所代码 "${q.venueCode}"`, en: `unknown venue "${q.venueCode}"` } });
    if (problems.length) throw invalid(problems);
    const f = scopedBusinessFilter(scope, q);
    if ('field' in f) throw new LocalizedException(403, f.message, [{ field: f.field, message: f.message }]);

    const parts = await Promise.all(splitPeriod(from, to).map((s) => this.repo.sumPerBusiness(s.grain, s.from, s.to, f)));
    const sums = new Map<string, BusinessCounters>();
    for (const row of parts.flat()) sums.set(row.creditCode, addBusinessCounters(sums.get(row.creditCode) ?? zeroBusinessCounters(), row));
    const info = new Map((sums.size ? await this.repo.businesses([...sums.keys()]) : []).map((b) => [b.creditCode, b]));

    const sort = q.sort ?? '-received';
    const descending = sort.startsWith('-');
    const field = (descending ? sort.slice(1) : sort) as BusinessSortField;
    const order = <T extends BusinessFigures>(rows: T[], code: (r: T) => string) =>
      rows.sort((a, b) => compareFigures(a, b, field, descending) || (code(a) < code(b) ? -1 : 1));
    const limit = q.limit ?? 50;
    const base = { period: { from, to }, areaCode: f.area, venueCode: f.venue, sort };

    if (q.by === 'venue') {
      const venues = new Map<string, { venue: NonNullable<BusinessInfoRow['venue']>; k: BusinessCounters; businesses: string[] }>();
      for (const [code, k] of sums) {
        const venue = info.get(code)?.venue;
        if (!venue) continue;
        const v = venues.get(venue.code) ?? { venue, k: zeroBusinessCounters(), businesses: [] };
        addBusinessCounters(v.k, k);
        v.businesses.push(code);
        venues.set(venue.code, v);
      }
      const items = order(
        [...venues.values()].map((v) => ({ venue: v.venue, businesses: v.businesses.sort(), ...businessFigures(v.k) })),
        (r) => r.venue.code,
      );
      return { by: 'venue', ...base, total: items.length, items: items.slice(0, limit) };
    }
    const items = order(
      [...sums].map(([creditCode, k]) => {
        const b = info.get(creditCode);
        return {
          business: {
            creditCode,
            name: b?.name ?? null,
            areaCode: b?.areaCode ?? null,
            venue: b?.venue ?? null,
            odrActive: b?.odrActive ?? false,
          },
          ...businessFigures(k),
        };
      }),
      (r) => r.business.creditCode,
    );
    return { by: 'business', ...base, total: items.length, items: items.slice(0, limit) };
  }

  /** Everything counted for one business since its history began (its public record). */
  async allTime(creditCode: string): Promise<BusinessFigures> {
    return businessFigures(addBusinessCounters(zeroBusinessCounters(), await this.repo.allTime(creditCode)));
  }
}
