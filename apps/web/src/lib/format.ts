/** "2611210012342" → "261121 001234 2": easier to read out over the phone and copy by eye, for consumers and staff alike. */
export function groupDigits(no: string): string {
  return /^\d{13}$/.test(no) ? `${no.slice(0, 6)} ${no.slice(6, 12)} ${no.slice(12)}` : no;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as "2026-11-21 14:05" in the phone's time (no date library for the public pages). */
export function minuteOf(at: string): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
