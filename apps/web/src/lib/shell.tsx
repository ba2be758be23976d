import { Layout, Segmented, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useLang } from './i18n';
import { BRAND_RED, PRIMARY } from './theme';

/** Every page's frame: the service's name, the language switch, and the page's own actions. */
export function Shell({ children, actions, wide }: { children: ReactNode; actions?: ReactNode; wide?: boolean }) {
  const { lang, setLang, t } = useLang();
  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f6f8' }}>
      <Layout.Header style={{ background: BRAND_RED, paddingInline: 16, display: 'flex', alignItems: 'center', gap: 12, height: 56 }}>
        <Link
          to="/"
          style={{ color: '#fff', fontWeight: 600, fontSize: 16, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}
        >
          {t('聊城市消费维权服务平台', 'Liaocheng Consumer Rights')}
        </Link>
        <Space style={{ marginInlineStart: 'auto' }}>
          {actions}
          <Segmented
            size="small"
            aria-label={t('语言', 'Language')}
            value={lang}
            onChange={(v) => setLang(v as 'zh' | 'en')}
            options={[
              { label: '中文', value: 'zh' },
              { label: 'EN', value: 'en' },
            ]}
          />
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 16, width: '100%', maxWidth: wide ? 1440 : 760, marginInline: 'auto' }}>{children}</Layout.Content>
      {/* Footer text and link dark enough to read (WCAG AA contrast on the page's grey). */}
      <Layout.Footer style={{ textAlign: 'center', fontSize: 12 }}>
        <Typography.Text style={{ color: '#4e5969', fontSize: 12 }}>
          {t('聊城市市场监督管理局 · 全国 12315 热线', 'Liaocheng Market Regulation Bureau · hotline 12315')} ·{' '}
          <a href="/docs" style={{ color: PRIMARY }}>
            API
          </a>
        </Typography.Text>
      </Layout.Footer>
    </Layout>
  );
}
