import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useLang } from './i18n';

/**
 * Every page's frame: the service's name, the language switch, and the page's own actions. Plain
 * elements and ui.css, no component library: the public pages load nothing else (a cheap phone on a
 * slow network gets the form sooner), and the staff areas wrap their own library around it.
 */
export function Shell({ children, actions, wide }: { children: ReactNode; actions?: ReactNode; wide?: boolean }) {
  const { lang, setLang, t } = useLang();
  return (
    <div className="ui-page">
      <header className="ui-header">
        <Link to="/" className="ui-header-title">
          {t('聊城市消费维权服务平台', 'Liaocheng Consumer Rights')}
        </Link>
        <div className="ui-header-actions">
          {actions}
          <div className="ui-lang" role="group" aria-label={t('语言', 'Language')}>
            {(
              [
                ['zh', '中文'],
                ['en', 'EN'],
              ] as const
            ).map(([value, label]) => (
              <button key={value} type="button" aria-pressed={lang === value} onClick={() => setLang(value)}>
                {label}
              </button>
            ))}
          </div>
        </div>
      </header>
      <main className={wide ? 'ui-main ui-main-wide' : 'ui-main'}>{children}</main>
      <footer className="ui-footer">
        {t('聊城市市场监督管理局 · 全国 12315 热线', 'Liaocheng Market Regulation Bureau · hotline 12315')} · <a href="/docs">API</a>
      </footer>
    </div>
  );
}
