import { Modal, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import type { CaseAction } from '../api/types';
import { useLang } from '../lib/i18n';
import { pick } from '../lib/words';
import { ACTION_LABEL } from './common';

/**
 * Keyboard shortcuts of the console: single keys, shown on the buttons they press and listed by "?".
 * They act only when nothing is being typed and no dialog is open, and never carry out a step by
 * themselves: a key opens what a click opens (a step that cannot be undone still asks to confirm).
 */

/** The key of each action that has one. Steps that end a case against the consumer have none. */
export const ACTION_KEY: Partial<Record<CaseAction, string>> = {
  'take-up': 't',
  'record-offer': 'o',
  accept: 'a',
  'start-mediation': 'm',
  'pause-clock': 'p',
  'resume-clock': 'r',
  resolve: 's',
  'open-enforcement': 'e',
  'extend-decision': 'x',
  'report-violation': 'v',
  close: 'c',
  'record-follow-up': 'f',
  note: 'n',
};

/** Keys of the pages themselves. */
export const PAGE_KEY = { next: 'j', queue: 'q', help: '?', search: '/' } as const;

/** Where a key press is someone typing, or belongs to a dialog or an open list. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return !!target.closest('input, textarea, select, [contenteditable="true"], [role="dialog"], [role="combobox"], .ant-select');
}

/** Calls `keys[key]` for a key pressed on the page itself (no modifier but Shift, nobody typing, no dialog). */
export function useShortcuts(keys: Record<string, (() => void) | undefined>): void {
  // The latest handlers, without re-binding the listener on every render.
  const latest = useRef(keys);
  useEffect(() => {
    latest.current = keys;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.repeat || typing(e.target)) return;
      if (document.querySelector('.ant-modal-wrap:not([style*="display: none"]) [role="dialog"]')) return;
      const run = latest.current[e.key.length === 1 ? e.key.toLowerCase() : e.key] ?? latest.current[e.key];
      if (!run) return;
      e.preventDefault();
      run();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** A key as the buttons show it: hidden from assistive technology, which reads `aria-keyshortcuts` instead. */
export function Kbd({ k }: { k: string }) {
  return (
    <kbd className="staff-kbd" aria-hidden="true">
      {k.toUpperCase()}
    </kbd>
  );
}

/** The list "?" opens: every key of the page it is on. */
export function ShortcutHelp({ open, onClose, actions }: { open: boolean; onClose: () => void; actions?: readonly CaseAction[] }) {
  const { t } = useLang();
  const rows: [string, string][] = [
    ...(actions ?? []).flatMap((a): [string, string][] => {
      const k = ACTION_KEY[a];
      return k ? [[k, pick(t, ACTION_LABEL[a], a)]] : [];
    }),
    ...(actions ? ([[PAGE_KEY.next, t('下一件（队列中的下一个案件）', 'Next case (the next in the queue)')]] as [string, string][]) : []),
    [PAGE_KEY.queue, t('返回案件队列', 'Back to the queue')],
    ...(!actions ? ([[PAGE_KEY.search, t('查找（编号、经营者、状态）', 'Search (number, business, status)')]] as [string, string][]) : []),
    ['ctrl+enter', t('在办理对话框中提交', 'Submit, in an action dialog')],
    [PAGE_KEY.help, t('显示本列表', 'Show this list')],
  ];
  return (
    <Modal open={open} onCancel={onClose} footer={null} title={t('键盘快捷键', 'Keyboard shortcuts')} width={420}>
      <Typography.Paragraph type="secondary">
        {t(
          '在页面上（未在输入框中输入时）按下对应的键。快捷键只打开操作，不可撤销的操作仍需确认。',
          'Press a key on the page (not while typing). A key only opens the step; a step that cannot be undone still asks to confirm.',
        )}
      </Typography.Paragraph>
      <dl className="staff-shortcuts" data-testid="shortcut-help">
        {rows.map(([k, what]) => (
          <div key={k}>
            <dt>
              <kbd className="staff-kbd">{k === 'ctrl+enter' ? 'Ctrl + Enter' : k.toUpperCase()}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </Modal>
  );
}
