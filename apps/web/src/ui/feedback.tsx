import type { ReactNode } from 'react';

type Tone = 'info' | 'success' | 'warning' | 'error';

const ICON: Record<Tone, string> = { info: 'ℹ', success: '✓', warning: '!', error: '✕' };

/**
 * A message on the page. Errors and warnings are announced (role alert); the others are read
 * where they stand. The icon is decoration: the words carry the meaning.
 */
export function Alert({
  type = 'info',
  title,
  children,
  action,
  className,
  role,
  ...rest
}: {
  type?: Tone;
  title?: ReactNode;
  children?: ReactNode;
  action?: ReactNode;
  className?: string;
  role?: 'alert' | 'status' | 'note';
  'data-testid'?: string;
}) {
  return (
    <div
      className={['ui-alert', `ui-alert-${type}`, className].filter(Boolean).join(' ')}
      role={role ?? (type === 'error' ? 'alert' : undefined)}
      data-testid={rest['data-testid']}
    >
      <span className="ui-alert-icon" aria-hidden="true">
        {ICON[type]}
      </span>
      <div className="ui-alert-body">
        {title && <div className="ui-alert-title">{title}</div>}
        {children && <div className="ui-alert-text">{children}</div>}
      </div>
      {action && <div className="ui-alert-action">{action}</div>}
    </div>
  );
}

export type TagColor = 'default' | 'blue' | 'green' | 'orange' | 'red' | 'purple' | 'grey';

/** A short label (a status, a kind): dark text on a light tint, readable at AA. */
export function Tag({ color = 'default', children, className }: { color?: TagColor; children: ReactNode; className?: string }) {
  return <span className={['ui-tag', `ui-tag-${color}`, className].filter(Boolean).join(' ')}>{children}</span>;
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="ui-empty">{children}</p>;
}

/** Grey lines where content is coming: the page keeps its shape and says it is loading. */
export function Skeleton({ lines = 3, label }: { lines?: number; label: string }) {
  return (
    <div className="ui-skeleton" role="status" aria-label={label}>
      {Array.from({ length: lines }, (_, i) => (
        <div key={i} className="ui-skeleton-line" style={{ width: i === 0 ? '40%' : i === lines - 1 ? '70%' : '100%' }} />
      ))}
    </div>
  );
}
