import { LocalizedException } from '@weiquan/core';

/** The staff queue's keyset cursor: an opaque form of the last case id of a page. */
export function encodeCursor(id: string): string {
  return Buffer.from(`c:${id}`).toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const raw = Buffer.from(cursor, 'base64url').toString();
  if (!/^c:\d{1,18}$/.test(raw))
    throw new LocalizedException(
      400,
      { zh: 'cursor 无效，请使用上一页返回的 nextCursor', en: 'invalid cursor; pass the nextCursor of the previous page' },
      [{ field: 'cursor', message: { zh: '无效', en: 'invalid' } }],
    );
  return raw.slice(2);
}
