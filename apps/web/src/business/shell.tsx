import { ShopOutlined } from '@ant-design/icons';
import { Space } from 'antd';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { useLang } from '../lib/i18n';
import { useSession } from '../lib/session';
import { Shell } from '../lib/shell';
import { SignOutButton } from '../lib/sign-in';

/** Every page of the business portal: which business is signed in, its two pages, and 退出. */
export function BusinessShell({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const { t } = useLang();
  const { pathname } = useLocation();
  const here = (path: string) => (pathname === path ? 'page' : undefined);
  const actions = user ? (
    <Space size={12} className="biz-user">
      <nav aria-label={t('经营者工作台', 'Business portal')} className="biz-nav">
        <Link to="/business" aria-current={here('/business')} data-testid="biz-nav-cases">
          {t('投诉答复', 'Complaints')}
        </Link>
        <Link to="/business/profile" aria-current={here('/business/profile')} data-testid="biz-nav-profile">
          {t('本单位信息', 'Our details')}
        </Link>
      </nav>
      <span className="biz-user-name" data-testid="biz-user" title={user.unit?.name ?? user.displayName}>
        <ShopOutlined aria-hidden /> {user.displayName}
        <span className="biz-user-unit"> · {user.unit?.name ?? ''}</span>
      </span>
      <SignOutButton to="/business/login" />
    </Space>
  ) : null;
  return (
    <Shell wide actions={actions}>
      <div className="biz-portal">{children}</div>
    </Shell>
  );
}
