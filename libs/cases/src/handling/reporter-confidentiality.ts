/**
 * Reporter confidentiality in the case file (docs/RULES.md, "Personal information"; Order 121
 * Art. 37, Order 20 Art. 33): who reported, and how a report goes, are kept from anyone not handling
 * the report. Pure.
 *
 * A complaint names its consumer, so a consumer's report linked to it (the other half of a "both"
 * filing) would name its reporter: its reader sees that report only if their unit handles it, and
 * its tracking number is taken out of what else the complaint's file shows (the filing receipt in the
 * history lists both numbers). A report opened by staff from a violation lead (`referral`) has no
 * reporter to protect. Reading a report, those who do not handle it see none of its links to
 * complaints (the reporter's own), and the progress of a linked report only if they handle that one.
 */
export interface LinkedRow {
  id: string;
  trackingNo: string;
  track: string;
  status: string;
  relation: string;
  assigneeCode: string | null;
  intakeChannel: string;
}

export type LinkedView = Omit<LinkedRow, 'assigneeCode' | 'intakeChannel' | 'status'> & { status: string | null };

/** Put where a hidden tracking number stood: as long as one, so the sentence around it still reads. */
export const HIDDEN_NUMBER = '*************';

const reporterOwn = (l: LinkedRow) => l.track === 'report' && l.intakeChannel !== 'referral';

/** The links the reader may see, and the tracking numbers of those they may not (to take out of the rest of the file). */
export function linksFor(
  c: { track: 'complaint' | 'report' },
  linked: LinkedRow[],
  reader: { handler: boolean; unit: string | null },
): { shown: LinkedView[]; hiddenNumbers: string[] } {
  const handles = (l: LinkedRow) => reader.unit !== null && l.assigneeCode === reader.unit;
  const visible = (l: LinkedRow) => (c.track === 'report' ? reader.handler || l.track === 'report' : !reporterOwn(l) || handles(l));
  return {
    shown: linked.filter(visible).map((row) => {
      const { assigneeCode: _a, intakeChannel: _i, ...l } = row;
      return reporterOwn(row) && !handles(row) ? { ...l, status: null } : l;
    }),
    hiddenNumbers: linked.filter((l) => !visible(l)).map((l) => l.trackingNo),
  };
}

/** A value (a history note, an event's data) with every hidden tracking number replaced. */
export function withoutNumbers<T>(value: T, numbers: readonly string[]): T {
  if (!numbers.length) return value;
  const clean = (v: unknown): unknown => {
    if (typeof v === 'string') return numbers.reduce((s, n) => s.split(n).join(HIDDEN_NUMBER), v);
    if (Array.isArray(v)) return v.map(clean);
    if (v && typeof v === 'object' && !(v instanceof Date))
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, clean(x)]));
    return v;
  };
  return clean(value) as T;
}
