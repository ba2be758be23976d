import type { TagColor } from '../ui';

/** Labels for the API's codes, in both languages (the API sends codes; the page names them). */
type T = (zh: string, en: string) => string;

export const CHANNELS = ['offline', 'online', 'livestream'] as const;

export function channelLabel(code: string, t: T): string {
  if (code === 'offline') return t('线下实体店', 'In a shop');
  if (code === 'online') return t('网络购物', 'Online shop');
  if (code === 'livestream') return t('直播带货', 'Livestream');
  return code;
}

export function trackLabel(track: string, t: T): string {
  return track === 'report' ? t('举报', 'Report') : t('投诉', 'Complaint');
}

/** Tag colours: in progress blue, waiting orange, good outcomes green, refusals red, ended grey. */
export function statusColor(status: string): TagColor {
  if (['received', 'assigned', 'settling', 'accepted', 'mediating', 'deciding', 'negotiating'].includes(status)) return 'blue';
  if (['paused', 'offered'].includes(status)) return 'orange';
  if (['resolved', 'case-opened', 'closed', 'settled'].includes(status)) return 'green';
  if (['refused', 'terminated', 'not-opened'].includes(status)) return 'red';
  return 'grey';
}

/** While the case is not finished the consumer may withdraw it (libs/cases canWithdraw). */
export function canWithdraw(status: string): boolean {
  return ![
    'closed',
    'settled',
    'withdrawn',
    'refused',
    'transferred',
    'duplicate',
    'resolved',
    'terminated',
    'case-opened',
    'not-opened',
  ].includes(status);
}

/** Adding information: while the case is not finished (a settled dispute is finished too). */
export function canSupplement(status: string): boolean {
  return !['closed', 'settled', 'withdrawn'].includes(status);
}

/** Rating: a finished complaint, closed by the department or settled at the source (libs/cases canRate). */
export function canRate(status: string, track: string): boolean {
  return track === 'complaint' && (status === 'closed' || status === 'settled');
}

export function ratingLabel(rating: string, t: T): string {
  if (rating === 'satisfied') return t('满意', 'Satisfied');
  if (rating === 'basically') return t('基本满意', 'Fairly satisfied');
  if (rating === 'dissatisfied') return t('不满意', 'Dissatisfied');
  return rating;
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

// Tracking numbers are grouped the same way on every page.
export { groupDigits } from '../lib/format';

/** The API's English texts start in lower case ("withdrawn"); on their own they read better capitalised. */
export function sentence(text: string): string {
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}
