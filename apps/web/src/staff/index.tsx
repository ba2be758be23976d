import { Shell } from '../lib/shell';

// Placeholders: the staff console (login, queue, case file) is built here.
export function LoginPage() {
  return <Shell>…</Shell>;
}
export function QueuePage() {
  return <Shell>…</Shell>;
}
export function CasePage() {
  return <Shell>…</Shell>;
}
