/** "2611210012342" → "261121 001234 2": easier to read out over the phone and copy by eye, for consumers and staff alike. */
export function groupDigits(no: string): string {
  return /^\d{13}$/.test(no) ? `${no.slice(0, 6)} ${no.slice(6, 12)} ${no.slice(12)}` : no;
}
