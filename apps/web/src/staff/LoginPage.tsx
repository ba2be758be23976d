import { useLang } from '../lib/i18n';
import { homeOf } from '../lib/session';
import { SignInCard } from '../lib/sign-in';
import { StaffShell } from './common';

export function LoginPage() {
  const { t } = useLang();
  return (
    <StaffShell>
      <SignInCard
        className="staff-login"
        title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('工作人员登录', 'Staff sign-in')}</h1>}
        intro={t(
          '消费维权服务站、市场监管及行业主管部门工作人员使用本单位账号登录办理案件。',
          'Staff of rights-protection stations and regulators sign in with their unit account to handle cases.',
        )}
        footer={t(
          '连续多次输错密码，账户将被临时锁定。忘记密码请联系本单位管理员重置。',
          'Repeated wrong passwords lock the account for a while. Forgot it? Ask your unit administrator to reset it.',
        )}
        allowNext={() => true}
        home={(u, next) => next ?? homeOf(u)}
      />
    </StaffShell>
  );
}
