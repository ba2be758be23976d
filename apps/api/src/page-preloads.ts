/**
 * Which code each area of the pages needs first, from the build's manifest (vite `build.manifest`):
 * index.html is sent with `<link rel="modulepreload">` for the area's chunks and `<link rel="preload"
 * as="style">` for its stylesheets, so a phone fetches them with the entry script instead of one
 * round trip after it. Pure: the manifest and index.html in, one page per area out.
 */

interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

/** antd's settings, which main.tsx loads around every staff, business and dashboard page (never a public one). */
const ANTD = 'src/lib/antd-area.tsx';

/** The areas of the pages (apps/web/src/main.tsx) and the modules each one's routes load: one per public page. */
const AREAS: { name: string; paths: RegExp; modules: string[] }[] = [
  { name: 'filing', paths: /^\/complaint\/new\/?$/, modules: ['src/consumer/file-page.tsx'] },
  { name: 'filed', paths: /^\/complaint\/done\/?$/, modules: ['src/consumer/result-page.tsx'] },
  { name: 'tracking', paths: /^\/track\/?$/, modules: ['src/consumer/track-page.tsx'] },
  { name: 'business-record', paths: /^\/disclosure\/businesses\/[^/]+\/?$/, modules: ['src/consumer/business-record.tsx'] },
  { name: 'business-directory', paths: /^\/disclosure\/businesses\/?$/, modules: ['src/consumer/business-directory.tsx'] },
  { name: 'staff', paths: /^\/staff(\/|$)/, modules: ['src/staff/index.tsx', ANTD] },
  { name: 'business', paths: /^\/business(\/|$)/, modules: ['src/business/index.tsx', ANTD] },
  { name: 'dashboard', paths: /^\/dashboard(\/|$)/, modules: ['src/dashboard/index.tsx', ANTD] },
  { name: 'landing', paths: /^/, modules: [] },
];

/** The area a page path belongs to (the landing page's when no other matches). */
export function areaOf(path: string): string {
  return AREAS.find((a) => a.paths.test(path))!.name;
}

/** A chunk's file and every chunk it imports, recursively, each once. */
function closure(manifest: Manifest, key: string, seen = new Set<string>()): string[] {
  if (seen.has(key) || !manifest[key]) return [];
  seen.add(key);
  return [key, ...(manifest[key].imports ?? []).flatMap((k) => closure(manifest, k, seen))];
}

/** index.html for each area, with its preloads before `</head>`. */
export function pagesByArea(manifest: Manifest, indexHtml: string): Map<string, string> {
  const entry = closure(manifest, 'index.html');
  const common = Object.values(manifest)
    .filter((c) => c.file.endsWith('.css') && !c.imports)
    .map((c) => c.file);
  const pages = new Map<string, string>();
  for (const area of AREAS) {
    const seen = new Set<string>();
    const chunks = area.modules.flatMap((m) => closure(manifest, m, seen)).filter((k) => !entry.includes(k));
    const scripts = chunks.map((k) => manifest[k].file);
    const styles = [...common, ...chunks.flatMap((k) => manifest[k].css ?? [])];
    const links = [
      ...scripts.map((f) => `<link rel="modulepreload" crossorigin href="/${f}">`),
      ...styles.map((f) => `<link rel="preload" as="style" href="/${f}">`),
    ];
    pages.set(area.name, links.length ? indexHtml.replace('</head>', `    ${links.join('\n    ')}\n  </head>`) : indexHtml);
  }
  return pages;
}
