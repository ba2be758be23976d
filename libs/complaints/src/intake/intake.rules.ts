import { yuanToFen } from '@weiquan/core';
import type { FieldProblem } from '@weiquan/core';
import type { CreateComplaintDto } from '../dto/create-complaint.dto';
import { normaliseMobile, respondentKey } from './identity.rules';

/** What the rules need to know about the directory and the day. */
export interface IntakeContext {
  /** Today in China (YYYY-MM-DD). */
  today: string;
  categories: ReadonlySet<string>;
  /** County-level codes nationwide plus the city's own zone codes. */
  areaCodes: ReadonlySet<string>;
  /** The city's own areas: a business elsewhere is accepted and transferred out by routing. */
  cityAreas: ReadonlySet<string>;
  venues: ReadonlyMap<string, string>; // venue code → area code
}

/** The checked submission, in the form it is stored. */
export interface CheckedSubmission {
  phone: string;
  amountFen: number | null;
  creditCode: string | null;
  respondentKey: string;
  flags: string[];
}

const YEARS_STALE = 3; // a refusal ground the handler decides (docs/RULES.md, refusal ground 4)
const YEARS_ABSURD = 20;

function yearsBefore(date: string, years: number): string {
  return `${Number(date.slice(0, 4)) - years}${date.slice(4)}`;
}

function isRealDate(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}

/**
 * The checks that need the directory or the calendar (shape and check digits are the DTO's).
 * Every problem names its field, in both languages.
 */
export function checkSubmission(dto: CreateComplaintDto, ctx: IntakeContext): { problems: FieldProblem[]; checked: CheckedSubmission } {
  const problems: FieldProblem[] = [];
  const flags: string[] = [];
  const add = (field: string, zh: string, en: string) => problems.push({ field, message: { zh, en } });

  if (!ctx.categories.has(dto.categoryCode))
    add('categoryCode', `未知的品类代码 "${dto.categoryCode}"`, `unknown category code "${dto.categoryCode}"`);

  const r = dto.respondent;
  if (!ctx.areaCodes.has(r.areaCode)) {
    add('respondent.areaCode', `"${r.areaCode}" 不是有效的县级行政区划代码`, `"${r.areaCode}" is not a county-level division code`);
  } else if (!ctx.cityAreas.has(r.areaCode)) {
    flags.push('outside-city');
  }
  if (r.venueCode !== undefined) {
    const venueArea = ctx.venues.get(r.venueCode);
    if (venueArea === undefined) add('respondent.venueCode', `未知的场所编码 "${r.venueCode}"`, `unknown venue code "${r.venueCode}"`);
    else if (venueArea !== r.areaCode)
      add(
        'respondent.venueCode',
        `该场所位于 ${venueArea}，与所填区县 ${r.areaCode} 不一致`,
        `the venue is in area ${venueArea}, not ${r.areaCode}`,
      );
  }
  if ((r.lat === undefined) !== (r.lng === undefined)) {
    add(r.lat === undefined ? 'respondent.lat' : 'respondent.lng', '经纬度须同时填写', 'give both latitude and longitude, or neither');
  }

  if (!isRealDate(dto.incidentDate)) {
    add('incidentDate', `"${dto.incidentDate}" 不是有效日期`, `"${dto.incidentDate}" is not a real date`);
  } else if (dto.incidentDate > ctx.today) {
    add('incidentDate', '事发日期不能晚于今天', 'must not be in the future');
  } else if (dto.incidentDate < yearsBefore(ctx.today, YEARS_ABSURD)) {
    add('incidentDate', `事发日期早于 ${YEARS_ABSURD} 年前，请核对`, `is more than ${YEARS_ABSURD} years ago; check the date`);
  } else if (dto.incidentDate < yearsBefore(ctx.today, YEARS_STALE)) {
    flags.push('incident-over-3-years');
  }

  const creditCode = r.creditCode ? r.creditCode.toUpperCase() : null;
  return {
    problems,
    checked: {
      phone: normaliseMobile(dto.consumer.phone) ?? dto.consumer.phone,
      amountFen: dto.amount === undefined ? null : yuanToFen(dto.amount),
      creditCode,
      respondentKey: respondentKey(r.name, creditCode),
      flags,
    },
  };
}
