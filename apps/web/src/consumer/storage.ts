import type { SubmissionAnswer } from '../api/types';
import type { FormValues } from './file-form';

/** What the result page shows: the answer, and how the attachments fared. */
export interface FiledState {
  answer: SubmissionAnswer;
  uploaded: number;
  uploadError?: string;
  /** The city's settlement period (working days) and the station estimated to help, as the filing page was told. */
  settlementDays?: number;
  helperName?: string;
  /** A station helps, or the enrolled business (在线消费纠纷解决企业) answers itself. */
  helperType?: 'station' | 'business';
}

/**
 * What the consumer pages keep in the tab (sessionStorage: gone when the tab closes): the last
 * filing's answer, for a reload of the result page, and access codes, so a refresh of the status
 * page does not ask again.
 */
const FILED = 'weiquan.filed';
const CODE = (no: string) => `weiquan.access.${no}`;

function safe<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback; // storage disabled (private mode) or full: the pages still work, they just forget
  }
}

export function rememberFiled(state: FiledState): void {
  safe(() => sessionStorage.setItem(FILED, JSON.stringify(state)), undefined);
  for (const no of [state.answer.trackingNo, state.answer.linkedTrackingNo]) if (no) rememberCode(no, state.answer.accessCode);
}

export function lastFiled(): FiledState | null {
  return safe(() => {
    const raw = sessionStorage.getItem(FILED);
    return raw ? (JSON.parse(raw) as FiledState) : null;
  }, null);
}

export function rememberCode(trackingNo: string, code: string): void {
  safe(() => sessionStorage.setItem(CODE(trackingNo), code), undefined);
}

export function storedCode(trackingNo: string): string | null {
  return safe(() => sessionStorage.getItem(CODE(trackingNo)), null);
}

export function forgetCode(trackingNo: string): void {
  safe(() => sessionStorage.removeItem(CODE(trackingNo)), undefined);
}

/**
 * The filing form's draft, so a phone call or a switch to the camera loses nothing: in localStorage,
 * which outlives the tab (a phone may close a backgrounded one), on this device only, for a week at
 * most; the files are not kept (they are the phone's own). Cleared once the form is filed.
 */
const DRAFT = 'weiquan.file-draft.v1';
export const DRAFT_DAYS = 7;
export interface Draft {
  values: FormValues;
  /** The consumer chose the path themselves: the recommendation no longer moves it. */
  pathPicked: boolean;
  /** The form's Idempotency-Key: a form reopened after an answer was lost still files once. */
  idempotencyKey: string;
}

export function saveDraft(draft: Draft): void {
  safe(() => localStorage.setItem(DRAFT, JSON.stringify({ ...draft, savedAt: Date.now() })), undefined);
}

/** The draft as it was saved (its values unchecked: see withDefaults), or null when none or too old. */
export function loadDraft(): (Omit<Draft, 'values'> & { values: unknown }) | null {
  return safe(() => {
    const raw = localStorage.getItem(DRAFT);
    const draft = raw ? (JSON.parse(raw) as Partial<Draft> & { savedAt?: number }) : null;
    if (!draft?.values) return null;
    if (!draft.savedAt || Date.now() - draft.savedAt > DRAFT_DAYS * 86_400_000) {
      clearDraft(); // personal details are not kept longer than the note says
      return null;
    }
    return {
      values: draft.values,
      pathPicked: draft.pathPicked === true,
      idempotencyKey: typeof draft.idempotencyKey === 'string' ? draft.idempotencyKey : newIdempotencyKey(),
    };
  }, null);
}

export function clearDraft(): void {
  safe(() => localStorage.removeItem(DRAFT), undefined);
}

/**
 * One key per form: a double click or a retry after a lost answer sends the same key, and the API
 * answers with the first case instead of filing a second. crypto.randomUUID exists only on HTTPS
 * and localhost; getRandomValues everywhere.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
