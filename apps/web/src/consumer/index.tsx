import { Shell } from '../lib/shell';

// Placeholders: the consumer portal (filing, result, tracking) is built here.
export function FilePage() {
  return <Shell>…</Shell>;
}
export function ResultPage() {
  return <Shell>…</Shell>;
}
export function TrackPage() {
  return <Shell>…</Shell>;
}
