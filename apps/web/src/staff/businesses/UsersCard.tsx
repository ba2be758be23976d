import { Alert, App, Button, Card, Flex, Form, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../lib/api';
import { useLang } from '../../lib/i18n';
import { MONO } from '../../lib/words';
import { showProblems } from './forms';
import type { Business, BusinessUser, CreatedBusinessUser } from '../../api/types';

interface UserValues {
  username: string;
  displayName: string;
  password?: string;
}
const USER_FIELDS = ['username', 'displayName', 'password'] as const;

/** The business's accounts, and a new one: a password given, or one generated and shown this once. */
export function UsersCard({ b, users, onChanged }: { b: Business; users: BusinessUser[]; onChanged: () => void }) {
  const { t } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<UserValues>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedBusinessUser | null>(null);

  const submit = async (v: UserValues) => {
    setBusy(true);
    setProblem(null);
    setCreated(null);
    try {
      const r = await api<CreatedBusinessUser>(`/admin/businesses/${encodeURIComponent(b.creditCode)}/users`, {
        body: { username: v.username.trim(), displayName: v.displayName.trim(), password: v.password || undefined },
      });
      message.success(t(`已创建账号 ${r.user.username}`, `Account ${r.user.username} created`));
      form.resetFields();
      setCreated(r);
      onChanged();
    } catch (e) {
      if (e instanceof ApiError && e.status === 400 && e.details.length) setProblem(showProblems(form, e, USER_FIELDS));
      else if (e instanceof ApiError && e.status === 409) form.setFields([{ name: 'username', errors: [e.message] }]);
      else setProblem(e instanceof ApiError ? e.message : t('无法连接服务器，请重试', 'Cannot reach the server; try again'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t(`经营者账号（${users.length}）`, `Accounts (${users.length})`)} data-testid="business-users">
      <List
        size="small"
        dataSource={users}
        locale={{
          emptyText: t('尚无账号：创建后经营者即可登录答复投诉', 'No account yet: create one so the business can sign in and answer'),
        }}
        renderItem={(u) => (
          <List.Item>
            <Space>
              <span style={MONO}>{u.username}</span>
              <span>{u.displayName}</span>
              {u.disabled && <Tag>{t('已停用', 'Disabled')}</Tag>}
            </Space>
          </List.Item>
        )}
      />
      {created?.password && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="generated-password"
          title={t(
            '初始密码仅显示这一次，请立即复制并安全地交给经营者',
            'The password is shown this once: copy it now and hand it over safely',
          )}
          description={
            <Space orientation="vertical" size={2}>
              <span>
                {t('用户名：', 'Username: ')}
                <span style={MONO}>{created.user.username}</span>
              </span>
              <span>
                {t('初始密码：', 'Password: ')}
                <Typography.Text
                  copyable={{ text: created.password, tooltips: [t('复制', 'Copy'), t('已复制', 'Copied')] }}
                  style={MONO}
                  data-testid="generated-password-value"
                >
                  {created.password}
                </Typography.Text>
              </span>
              <span>{t('关闭本页后无法再次查看；遗失请重新创建账号。', 'It cannot be shown again once you leave this page.')}</span>
            </Space>
          }
          closable={{ onClose: () => setCreated(null) }}
        />
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('创建账号', 'New account')}
      </Typography.Title>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        disabled={busy}
        onFinish={(v: UserValues) => void submit(v)}
        onValuesChange={() => setProblem(null)}
      >
        <Flex gap={12} wrap>
          <Form.Item
            name="username"
            label={t('用户名', 'Username')}
            rules={[{ required: true, whitespace: true, message: t('请填写用户名', 'Enter a username') }]}
            style={{ flex: '1 1 180px' }}
          >
            <Input maxLength={64} autoComplete="off" data-testid="user-username" />
          </Form.Item>
          <Form.Item
            name="displayName"
            label={t('姓名', 'Name')}
            rules={[{ required: true, whitespace: true, message: t('请填写姓名', 'Enter the name') }]}
            style={{ flex: '1 1 180px' }}
          >
            <Input maxLength={50} autoComplete="off" data-testid="user-display-name" />
          </Form.Item>
        </Flex>
        <Form.Item
          name="password"
          label={t('初始密码（选填）', 'Password (optional)')}
          extra={t('不填则生成随机密码，仅显示一次', 'Left empty, a random one is generated and shown once')}
        >
          <Input.Password maxLength={128} autoComplete="new-password" data-testid="user-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="user-submit">
          {t('创建账号', 'Create the account')}
        </Button>
      </Form>
    </Card>
  );
}
