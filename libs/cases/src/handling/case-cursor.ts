import { LocalizedException } from '@weiquan/core';
import { isRealDay } from './queue-filter.rules';

/**
 * The staff queue's keyset cursors, opaque to clients: the last case of a page in the page's order.
 * Newest first: its id. By due date: its due date (or none) and id.
 */
export type CaseCursor = { sort: 'newest'; id: string } | { sort: 'due'; dueOn: string | null; id: string };

export function encodeCursor(c: CaseCursor): string {
  return Buffer.from(c.sort === 'newest' ? `c:${c.id}` : `d:${c.dueOn ?? '-'}:${c.id}`).toString('base64url');
}

const invalid = () =>
  new LocalizedException(
    400,
    {
      zh: 'cursor 无效，请使用上一页返回的 nextCursor（且不要改变排序）',
      en: 'invalid cursor; pass the nextCursor of the previous page, in the same order',
    },
    [{ field: 'cursor', message: { zh: '无效', en: 'invalid' } }],
  );

/** The cursor of a page in the order `sort`; a cursor of the other order is refused. */
export function decodeCursor(cursor: string, sort: CaseCursor['sort']): CaseCursor {
  const raw = Buffer.from(cursor, 'base64url').toString();
  const newest = /^c:(\d{1,18})$/.exec(raw);
  if (newest && sort === 'newest') return { sort, id: newest[1] };
  const due = /^d:(\d{4}-\d{2}-\d{2}|-):(\d{1,18})$/.exec(raw);
  if (due && sort === 'due' && (due[1] === '-' || isRealDay(due[1]))) return { sort, dueOn: due[1] === '-' ? null : due[1], id: due[2] };
  throw invalid();
}
