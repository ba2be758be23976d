import { LockOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from './api';
import AntdArea from './antd-area';
import { useLang } from './i18n';

/**
 * The session ran out while a page was open: sign in again here, over the page, so whatever the
 * person was typing stays where it is; then they send it again. Leaving signs out for good.
 */
export function SignInAgain(props: {
  username: string;
  login: (username: string, password: string) => Promise<unknown>;
  logout: () => void;
}) {
  const { t } = useLang();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: { password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await props.login(props.username, v.password);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('无法连接服务器，请稍后重试', 'Cannot reach the server; try again'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <AntdArea>
      <Modal
        open
        closable={false}
        maskClosable={false}
        keyboard={false}
        title={t('登录已过期，请重新登录', 'Your session ended: sign in again')}
        footer={null}
        data-testid="sign-in-again"
      >
        <Typography.Paragraph>
          {t(
            '为保护个人信息，登录会话有时限。页面上尚未提交的内容都还在：重新登录后再提交即可。',
            'Sessions are time-limited to protect personal data. Nothing you typed on the page is lost: sign in again, then send it.',
          )}
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} title={error} />}
        <Form layout="vertical" requiredMark={false} disabled={busy} onFinish={(v: { password: string }) => void submit(v)}>
          <Form.Item label={t('用户名', 'Username')}>
            <Input value={props.username} disabled autoComplete="username" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('密码', 'Password')}
            rules={[{ required: true, message: t('请输入密码', 'Enter your password') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" autoFocus data-testid="sign-in-again-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="sign-in-again-submit">
            {t('重新登录', 'Sign in again')}
          </Button>{' '}
          <Button onClick={props.logout}>{t('退出', 'Log out')}</Button>
        </Form>
      </Modal>
    </AntdArea>
  );
}
