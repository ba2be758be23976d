import { Shell } from '../lib/shell';

// Placeholder: the regulator dashboard is built here.
export function DashboardPage() {
  return <Shell wide>…</Shell>;
}
