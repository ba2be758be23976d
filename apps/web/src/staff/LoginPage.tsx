import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../lib/api';
import { useLang } from '../lib/i18n';
import { useSession } from '../lib/session';
import { homeOf, StaffShell } from './common';

/** Only paths inside the site, never another origin (`//evil.example`). */
function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : null;
}

export function LoginPage() {
  const { t } = useLang();
  const { user, login } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ status: number; message: string } | null>(null);
  const next = safeNext(params.get('next'));

  if (user && !busy) return <Navigate to={next ?? homeOf(user)} replace />;

  const submit = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const u = await login(v.username.trim(), v.password);
      void navigate(next ?? homeOf(u), { replace: true });
    } catch (e) {
      setError(
        e instanceof ApiError
          ? { status: e.status, message: e.message }
          : { status: 0, message: t('无法连接服务器，请检查网络后重试', 'Cannot reach the server; check the network and try again') },
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <StaffShell>
      <Card className="staff-login" title={t('工作人员登录', 'Staff sign-in')}>
        <Typography.Paragraph type="secondary">
          {t(
            '消费维权服务站、市场监管及行业主管部门工作人员使用本单位账号登录办理案件。',
            'Staff of rights-protection stations and regulators sign in with their unit account to handle cases.',
          )}
        </Typography.Paragraph>
        {error && (
          <Alert
            type={error.status === 429 ? 'warning' : 'error'}
            showIcon
            role="alert"
            data-testid="login-error"
            style={{ marginBottom: 16 }}
            title={error.status === 429 ? t('暂时无法登录', 'Sign-in blocked for now') : t('登录失败', 'Sign-in failed')}
            description={error.message}
          />
        )}
        <Form
          layout="vertical"
          onFinish={(v: { username: string; password: string }) => void submit(v)}
          requiredMark={false}
          disabled={busy}
        >
          <Form.Item
            name="username"
            label={t('用户名', 'Username')}
            rules={[{ required: true, whitespace: true, message: t('请输入用户名', 'Enter your username') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('密码', 'Password')}
            rules={[{ required: true, message: t('请输入密码', 'Enter your password') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
            {t('登录', 'Sign in')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
          {t(
            '连续多次输错密码，账户将被临时锁定。忘记密码请联系本单位管理员重置。',
            'Repeated wrong passwords lock the account for a while. Forgot it? Ask your unit administrator to reset it.',
          )}
        </Typography.Paragraph>
      </Card>
    </StaffShell>
  );
}
