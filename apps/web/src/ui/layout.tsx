import type { ReactNode } from 'react';

/** A section of a page: a white card with an optional heading and an action on its right. */
export function Card({
  title,
  extra,
  children,
  className,
  level = 2,
  ...rest
}: {
  title?: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
  className?: string;
  /** The heading's level in the page's outline (the page title is the h1). */
  level?: 2 | 3;
  'data-testid'?: string;
}) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section className={['ui-card', className].filter(Boolean).join(' ')} data-testid={rest['data-testid']}>
      {(title || extra) && (
        <div className="ui-card-head">
          {title && <Heading className="ui-card-title">{title}</Heading>}
          {extra && <div className="ui-card-extra">{extra}</div>}
        </div>
      )}
      <div className="ui-card-body">{children}</div>
    </section>
  );
}

export interface Item {
  key?: string;
  label: ReactNode;
  value: ReactNode;
}

/** Label and value pairs (a case's facts): a definition list, one pair per line on a phone. */
export function Descriptions({ items, className }: { items: Item[]; className?: string }) {
  return (
    <dl className={['ui-descriptions', className].filter(Boolean).join(' ')}>
      {items.map((item, i) => (
        <div key={item.key ?? i} className="ui-descriptions-row">
          <dt>{item.label}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export interface TimelineEntry {
  key: string;
  children: ReactNode;
  /** A dot's colour: what kind of step it was. */
  tone?: 'blue' | 'green' | 'red' | 'grey';
}

/** Steps in order: an ordered list with a dot and a line. */
export function Timeline({ items, className }: { items: TimelineEntry[]; className?: string }) {
  return (
    <ol className={['ui-timeline', className].filter(Boolean).join(' ')}>
      {items.map((item) => (
        <li key={item.key} className={`ui-timeline-item ui-timeline-${item.tone ?? 'blue'}`}>
          {item.children}
        </li>
      ))}
    </ol>
  );
}

/** The outcome of something the person did (filed, not found): an icon, a heading, what next. */
export function Result({
  status,
  title,
  subTitle,
  extra,
  children,
}: {
  status: 'success' | 'warning' | 'error' | 'info';
  title: ReactNode;
  subTitle?: ReactNode;
  extra?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <div className={`ui-result ui-result-${status}`}>
      <div className="ui-result-icon" aria-hidden="true">
        {status === 'success' ? '✓' : status === 'error' ? '✕' : status === 'warning' ? '!' : 'ℹ'}
      </div>
      <h1 className="ui-result-title">{title}</h1>
      {subTitle && <p className="ui-result-subtitle">{subTitle}</p>}
      {children}
      {extra && <div className="ui-result-extra">{extra}</div>}
    </div>
  );
}
