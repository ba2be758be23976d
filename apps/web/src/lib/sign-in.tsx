import { LockOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from './api';
import { useLang } from './i18n';
import type { StaffUser } from '../api/types';
import { useSession } from './session';

/**
 * The one sign-in form (staff and businesses use the same accounts API): where a signed-in person
 * goes is the page's (`home`, from the `next` parameter when `allowNext` accepts it); the words
 * around the form are the page's too.
 */
export function SignInCard(props: {
  className: string;
  title: ReactNode;
  intro: string;
  footer: ReactNode;
  home: (u: StaffUser, next: string | null) => string;
  /** Which `next` paths this page may return to (never another origin). */
  allowNext: (path: string) => boolean;
}) {
  const { t } = useLang();
  const { user, login } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ status: number; message: string } | null>(null);
  const raw = params.get('next');
  const next = raw && raw.startsWith('/') && !raw.startsWith('//') && props.allowNext(raw) ? raw : null;

  if (user && !busy) return <Navigate to={props.home(user, next)} replace />;

  const submit = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const u = await login(v.username.trim(), v.password);
      void navigate(props.home(u, next), { replace: true });
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
    <Card className={props.className} title={props.title}>
      <Typography.Paragraph type="secondary">{props.intro}</Typography.Paragraph>
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
      <Form layout="vertical" onFinish={(v: { username: string; password: string }) => void submit(v)} requiredMark={false} disabled={busy}>
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
        {props.footer}
      </Typography.Paragraph>
    </Card>
  );
}

/** 退出: forgets the session and goes to the sign-in page `to`. */
export function SignOutButton({ to }: { to: string }) {
  const { t } = useLang();
  const { logout } = useSession();
  const navigate = useNavigate();
  return (
    <Button
      size="small"
      ghost
      icon={<LogoutOutlined />}
      data-testid="logout"
      onClick={() => {
        logout();
        void navigate(to, { replace: true });
      }}
    >
      {t('退出', 'Log out')}
    </Button>
  );
}
