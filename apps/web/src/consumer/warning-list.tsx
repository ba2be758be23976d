import { useEffect, useState } from 'react';
import type { PublicConsumerWarning } from '../api/types';
import { api } from '../lib/api';
import { useLang } from '../lib/i18n';

/**
 * The consumer warnings in force today (消费提示, Order 121 Art. 38), `query` narrowing them (a
 * business's credit code). Nothing at all while loading, when there are none or when the request
 * fails: a warning is extra information, never in the way. Each body opens with the native
 * <details>, so the landing page carries no script for it.
 */
export function ConsumerWarnings({ query = '', id = 'warnings-title' }: { query?: string; id?: string }) {
  const { t } = useLang();
  const [shown, setShown] = useState<{ query: string; items: PublicConsumerWarning[] } | null>(null);

  useEffect(() => {
    let live = true;
    api<PublicConsumerWarning[]>(`/disclosure/warnings${query}`).then(
      (items) => live && setShown({ query, items }),
      () => live && setShown({ query, items: [] }),
    );
    return () => {
      live = false;
    };
  }, [query]);

  const items = shown?.query === query ? shown.items : [];
  if (!items.length) return null;
  return (
    <section aria-labelledby={id} className="card warnings" data-testid="consumer-warnings">
      <h2 id={id}>{t('消费提示', 'Consumer warnings')}</h2>
      <ul className="warning-list">
        {items.map((w) => (
          <li key={w.id} data-testid="consumer-warning">
            <details>
              <summary>
                <span className="warning-title">{w.title}</span>
                <span className="warning-meta">
                  {t(`有效期至 ${w.endsOn}`, `In force until ${w.endsOn}`)} · {w.publishedBy}
                </span>
              </summary>
              <p className="warning-body">{w.body}</p>
              <p className="warning-meta">
                {[
                  t(`${w.startsOn} 起`, `from ${w.startsOn}`),
                  w.areaName ?? t('全市', 'whole city'),
                  w.categoryName,
                  w.businessName && t(`涉及经营者：${w.businessName}`, `business: ${w.businessName}`),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
