import type { FieldPath, UseFormRegisterReturn } from 'react-hook-form';
import type { Kind, NewComplaint } from '../api/types';
import type { Path } from './settlement';

/** What the filing form makes: a complaint, a report or both (the other request kinds go elsewhere). */
export type FilingKind = Extract<Kind, 'complaint' | 'report' | 'both'>;
type Channel = NonNullable<NewComplaint['channel']>;
type IssueType = NonNullable<NewComplaint['issueType']>;

/**
 * The form's values as the controls hold them: text as typed (an empty select is ''), the amount as
 * its decimal string, the date as the date input's YYYY-MM-DD. toBody turns them into the API's body.
 */
export interface FormValues {
  kind: FilingKind;
  /** Complaints only: 先行和解 or 直接投诉 (a report is always formal). */
  path: Path;
  categoryCode: string;
  issueType: IssueType | '';
  channel: Channel;
  prepaid: boolean;
  respondent: {
    name: string;
    creditCode: string;
    address: string;
    areaCode: string;
    venueCode: string;
    online: boolean;
    platformName: string;
  };
  incidentDate: string;
  amount: string;
  description: string;
  demand: string;
  consumer: { name: string; phone: string; address: string; idNumber: string; email: string };
  consentToPublish: boolean;
  /** Complaints only: the business complained about may see the consumer's phone and address. */
  contactByBusiness: boolean;
}
export type FieldName = FieldPath<FormValues>;

/** A new, empty form. */
export const EMPTY: FormValues = {
  kind: 'complaint',
  path: 'settlement',
  categoryCode: '',
  issueType: '',
  channel: 'offline',
  prepaid: false,
  respondent: { name: '', creditCode: '', address: '', areaCode: '', venueCode: '', online: false, platformName: '' },
  incidentDate: '',
  amount: '',
  description: '',
  demand: '',
  consumer: { name: '', phone: '', address: '', idNumber: '', email: '' },
  consentToPublish: false,
  contactByBusiness: false,
};

/** The form's fields in the order they appear, named as the API names them: its errors land beside them. */
export const FIELDS = [
  'kind',
  'path',
  'categoryCode',
  'issueType',
  'channel',
  'prepaid',
  'respondent.name',
  'respondent.areaCode',
  'respondent.venueCode',
  'respondent.address',
  'respondent.creditCode',
  'respondent.online',
  'respondent.platformName',
  'incidentDate',
  'amount',
  'description',
  'demand',
  'consumer.name',
  'consumer.phone',
  'consumer.address',
  'consumer.idNumber',
  'consumer.email',
  'consentToPublish',
  'contactByBusiness',
] as const satisfies readonly FieldName[];

export const isField = (name: string): name is (typeof FIELDS)[number] => (FIELDS as readonly string[]).includes(name);

/** A rule for a required text: something besides spaces, else the message. */
export const filled =
  (message: string) =>
  (v: string): true | string =>
    !!v.trim() || message;

/** A control's id, stable for anchors and tests: `consumer.phone` → `consumer_phone`. */
export const fieldId = (name: FieldName): string => name.replace(/\./g, '_');

/** Saved values (a draft) over the empty form: only keys it knows, each of the type it expects. */
export function withDefaults(saved: unknown): FormValues {
  const merge = (into: object, from: unknown): object => {
    const src = from && typeof from === 'object' ? (from as Record<string, unknown>) : {};
    return Object.fromEntries(
      Object.entries(into).map(([k, v]: [string, unknown]) => [
        k,
        v && typeof v === 'object' ? merge(v, src[k]) : typeof src[k] === typeof v ? src[k] : v,
      ]),
    );
  };
  return merge(EMPTY, saved) as FormValues;
}

/** Whether nothing was entered (the recommended path aside): such a form is not worth a draft. */
export const isUntouched = (v: FormValues): boolean => JSON.stringify({ ...withDefaults(v), path: EMPTY.path }) === JSON.stringify(EMPTY);

/** Full-width digits and point (a Chinese keyboard's) as ASCII; thousands separators and spaces dropped. */
const normalDecimal = (s: string): string =>
  s
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/[,，\s]/g, '');

/** Yuan, with at most two decimals (the API's maxDecimalPlaces: 2). */
const YUAN = /^\d+(\.\d{0,2})?$/;

/** The amount's problem, or null: yuan with at most two decimals, 0 to 100 million (the API's limits). */
export function amountProblem(raw: string, t: (zh: string, en: string) => string): string | null {
  const s = normalDecimal(raw);
  if (!s) return null;
  if (!/^\d+(\.\d*)?$/.test(s)) return t('请填写金额数字，如 268.50', 'Enter a number, e.g. 268.50');
  if (!YUAN.test(s)) return t('金额最多两位小数', 'At most two decimals');
  if (Number(s) > 100_000_000) return t('金额不能超过 1 亿元', 'At most 100,000,000 yuan');
  return null;
}

/**
 * The amount as the API's number. The string is checked to have at most two decimals and converted
 * once, with no arithmetic on it: "268.50" is sent as 268.5, never as 268.49999….
 */
function parseAmount(raw: string): number | undefined {
  const s = normalDecimal(raw);
  return YUAN.test(s) ? Number(s) : undefined;
}

/** Today's date in Liaocheng (the API's day), whatever the phone's time zone: the latest incident date. */
export function todayInChina(now = new Date()): string {
  const parts = new Intl.DateTimeFormat('en', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * A code field's registration (credit code, ID number) that upper-cases what is typed where it is
 * typed, before react-hook-form reads it; the caret stays put, so a correction in the middle does
 * not jump to the end.
 */
export function upperCased(field: UseFormRegisterReturn): UseFormRegisterReturn {
  return {
    ...field,
    onChange: (e) => {
      const el = e.target as HTMLInputElement; // the code field's own input
      const upper = el.value.toUpperCase();
      if (upper !== el.value) {
        const { selectionStart, selectionEnd } = el;
        el.value = upper;
        el.setSelectionRange(selectionStart, selectionEnd);
      }
      return field.onChange(e);
    },
  };
}

const text = (v: string): string | undefined => v.trim() || undefined;

/** The form's values as the API's body: trimmed, empty optional fields left out. */
export function toBody(v: FormValues): NewComplaint {
  const online = v.respondent.online;
  return {
    kind: v.kind,
    path: v.kind === 'report' ? undefined : v.path,
    categoryCode: v.categoryCode,
    issueType: v.issueType || undefined,
    channel: v.channel,
    prepaid: v.prepaid,
    consumer: {
      name: v.consumer.name.trim(),
      phone: v.consumer.phone.trim(),
      address: text(v.consumer.address),
      idNumber: text(v.consumer.idNumber)?.toUpperCase(),
      email: text(v.consumer.email),
    },
    respondent: {
      name: v.respondent.name.trim(),
      creditCode: text(v.respondent.creditCode)?.toUpperCase(),
      address: v.respondent.address.trim(),
      areaCode: v.respondent.areaCode,
      venueCode: v.respondent.venueCode || undefined,
      online,
      platformName: online ? text(v.respondent.platformName) : undefined,
    },
    incidentDate: v.incidentDate,
    amount: parseAmount(v.amount),
    description: v.description.trim(),
    demand: v.demand.trim(),
    consentToPublish: v.consentToPublish,
    contactByBusiness: v.kind === 'report' ? undefined : v.contactByBusiness,
  };
}
