import { areaOf, pagesByArea } from './page-preloads';
import type { Manifest } from './page-preloads';

const MANIFEST: Manifest = {
  'index.html': { file: 'assets/index-1.js', imports: ['_shell-1.js'] },
  '_shell-1.js': { file: 'assets/shell-1.js' },
  '_tag-1.js': { file: 'assets/tag-1.js', imports: ['_shell-1.js'] },
  '_picker-1.js': { file: 'assets/picker-1.js', imports: ['_tag-1.js'] },
  'src/styles.css': { file: 'assets/styles-1.css' },
  'src/consumer/track-page.tsx': { file: 'assets/track-1.js', imports: ['_shell-1.js', '_picker-1.js'], css: ['assets/track-1.css'] },
  'src/staff/index.tsx': { file: 'assets/staff-1.js', imports: ['_tag-1.js'], css: ['assets/staff-1.css'] },
  'src/lib/antd-area.tsx': { file: 'assets/antd-area-1.js', imports: ['_tag-1.js'] },
  'src/business/index.tsx': { file: 'assets/business-1.js' },
  'src/dashboard/index.tsx': { file: 'assets/dashboard-1.js' },
};
const HTML = '<html><head><script type="module" src="/assets/index-1.js"></script></head><body></body></html>';
const links = (html: string) => [...html.matchAll(/<link rel="(modulepreload|preload)"[^>]*href="([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`);

describe('what each area of the pages preloads', () => {
  it.each([
    ['/', 'landing'],
    ['/complaint/new', 'filing'],
    ['/complaint/done', 'filed'],
    ['/track', 'tracking'],
    ['/disclosure/businesses', 'business-directory'],
    ['/disclosure/businesses/91371502MA3DEM00XW', 'business-record'],
    ['/complaint', 'landing'],
    ['/staff', 'staff'],
    ['/staff/cases/12', 'staff'],
    ['/business/cases/3', 'business'],
    ['/dashboard', 'dashboard'],
    ['/trackers', 'landing'],
    ['/staffroom', 'landing'],
  ])('%s belongs to the %s area', (path, area) => {
    expect(areaOf(path)).toBe(area);
  });

  it('preloads an area’s chunk and everything it imports, once, not what the entry already loads; and the stylesheets', () => {
    const pages = pagesByArea(MANIFEST, HTML);
    expect(links(pages.get('tracking')!)).toEqual([
      'modulepreload /assets/track-1.js',
      'modulepreload /assets/picker-1.js',
      'modulepreload /assets/tag-1.js',
      'preload /assets/styles-1.css',
      'preload /assets/track-1.css',
    ]);
    // A staff page also needs antd's settings (main.tsx wraps it), and their imports only once.
    expect(links(pages.get('staff')!)).toEqual([
      'modulepreload /assets/staff-1.js',
      'modulepreload /assets/tag-1.js',
      'modulepreload /assets/antd-area-1.js',
      'preload /assets/styles-1.css',
      'preload /assets/staff-1.css',
    ]);
    expect(links(pages.get('landing')!)).toEqual(['preload /assets/styles-1.css']);
    // The links go in the head, the rest of the page untouched.
    expect(pages.get('landing')!).toMatch(/<link rel="preload" as="style" href="\/assets\/styles-1.css">\n {2}<\/head><body><\/body>/);
  });
});
