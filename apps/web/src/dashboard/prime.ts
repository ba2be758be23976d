import { chinaToday, readFilters, summaryPath } from './filters';
import { prime } from './use-api';

/**
 * On /dashboard, asks for the headline figures as soon as the entry script runs (main.tsx), while the
 * dashboard's own code and antd are still arriving: on a phone's slow line the answer is then there when
 * the page first renders (bench/pages.mjs times the first KPI figure). Anywhere else, nothing.
 */
export function primeDashboard(): void {
  if (!/^\/dashboard(\/|$)/.test(window.location.pathname)) return;
  const params = new URLSearchParams(window.location.search);
  // An area applies to city-wide roles only, which the session decides; without one the path is everyone's.
  if (!params.get('area')) prime(summaryPath(readFilters(params, chinaToday())));
}
