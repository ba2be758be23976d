import type { ReactNode } from 'react';
import { useEffect, useRef } from 'react';

/**
 * Makes a wide table's horizontal scroll area reachable by keyboard (WCAG 2.1.1; axe's
 * scrollable-region-focusable): antd renders the scrolling element itself, so it is given a tab stop
 * and a name once rendered. Arrow keys then scroll it.
 */
export function KeyboardScroll({ label, children }: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const mark = () => {
      for (const el of ref.current?.querySelectorAll<HTMLElement>('.ant-table-content, .ant-table-body') ?? []) {
        if (el.getAttribute('tabindex') === '0') continue;
        el.setAttribute('tabindex', '0');
        el.setAttribute('role', 'region');
        el.setAttribute('aria-label', label);
      }
    };
    mark();
    // The table re-renders its scroll area when its data or size changes.
    const observer = new MutationObserver(mark);
    if (ref.current) observer.observe(ref.current, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [label]);
  return <div ref={ref}>{children}</div>;
}
