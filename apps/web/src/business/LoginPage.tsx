import { Link } from 'react-router';
import { useLang } from '../lib/i18n';
import { homeOf } from '../lib/session';
import { SignInCard } from '../lib/sign-in';
import { BusinessShell } from './shell';

/** 经营者登录: the same sign-in as staff; a business's user lands in its portal, anyone else at their own home. */
export function BusinessLoginPage() {
  const { t } = useLang();
  return (
    <BusinessShell>
      <SignInCard
        className="biz-login"
        title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('经营者登录', 'Business sign-in')}</h1>}
        intro={t(
          '已入驻在线消费纠纷解决的经营者，使用市场监管部门或服务站开通的账号登录，查看并答复消费者对本单位的投诉。',
          'Businesses enrolled for online dispute resolution sign in with the account the regulator or the station opened for them, to read and answer complaints about them.',
        )}
        footer={
          <>
            {t(
              '尚未开通？请联系所在区县市场监管局或所在商场、市场的消费维权服务站。',
              'No account? Ask your county market bureau or the station of your mall or market.',
            )}{' '}
            <Link to="/staff/login">{t('工作人员登录', 'Staff sign-in')}</Link>
          </>
        }
        allowNext={(path) => path.startsWith('/business')}
        home={(u, next) => (u.role === 'business' ? (next ?? '/business') : homeOf(u))}
      />
    </BusinessShell>
  );
}
