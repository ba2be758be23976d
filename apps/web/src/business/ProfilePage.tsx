import { Alert, App, Button, Card, Descriptions, Input, Skeleton, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, ApiError } from '../lib/api';
import { useLang } from '../lib/i18n';
import { fmtTime, MONO } from './labels';
import { BusinessShell } from './shell';
import type { Business } from '../api/types';

const MAX_STATEMENT = 1000;

/** 本单位信息: what the city knows of the business, and its public statement on its public record (empty removes it). */
export function BusinessProfilePage() {
  const { t } = useLang();
  const { message } = App.useApp();
  const [me, setMe] = useState<Business | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    api<Business>('/business/me').then(
      (b) => {
        if (!live) return;
        setMe(b);
        setText(b.statement ?? '');
      },
      (e: unknown) => live && setError(e instanceof ApiError ? e.message : t('无法读取', 'Could not load')),
    );
    return () => {
      live = false;
    };
  }, [t]);

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const b = await api<Business>('/business/me/statement', { method: 'PUT', body: { statement: text.trim() ? text.trim() : null } });
      setMe(b);
      setText(b.statement ?? '');
      message.success(b.statement ? t('公开声明已保存', 'Statement saved') : t('公开声明已删除', 'Statement removed'));
    } catch (e) {
      setError(
        e instanceof ApiError
          ? [e.message, ...e.details.map((d) => d.message)].join('；')
          : t('无法连接服务器，请重试', 'Cannot reach the server; try again'),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <BusinessShell>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('本单位信息', 'Your details')}
      </Typography.Title>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {!me ? (
        !error && (
          <Card>
            <Skeleton active />
          </Card>
        )
      ) : (
        <>
          <Card size="small" style={{ marginBottom: 12 }}>
            <Descriptions size="small" column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label={t('名称', 'Name')}>{me.name}</Descriptions.Item>
              <Descriptions.Item label={t('统一社会信用代码', 'Credit code')}>
                <span style={MONO}>{me.creditCode}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('所在区域', 'Area')}>{me.areaName}</Descriptions.Item>
              <Descriptions.Item label={t('所在场所', 'Venue')}>{me.venueName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('在线纠纷解决', 'Online dispute resolution')}>
                {me.odrActive ? (
                  <Tag color="success">{t('在用', 'Active')}</Tag>
                ) : (
                  <Tag color="warning">{t(`已暂停 ${fmtTime(me.suspendedAt)}`, `Suspended ${fmtTime(me.suspendedAt)}`)}</Tag>
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('联系电话', 'Phone')}>{me.phone ?? '—'}</Descriptions.Item>
            </Descriptions>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('信息有误请联系登记单位修改。', 'Anything wrong? Ask whoever enrolled you to correct it.')}
            </Typography.Text>
          </Card>
          <Card size="small" title={t('公开声明', 'Public statement')} data-testid="biz-public-statement">
            <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
              {t('显示在本单位的', 'Shown on your ')}
              <Link to={`/disclosure/businesses/${me.creditCode}`}>{t('投诉信息公示页', 'public complaint record')}</Link>
              {t(
                '，如服务承诺、售后联系方式。留空保存即删除。',
                ', e.g. your service pledge or after-sales contact. Save it empty to remove it.',
              )}
            </Typography.Paragraph>
            <Input.TextArea
              value={text}
              onChange={(e) => setText(e.target.value)}
              rows={4}
              maxLength={MAX_STATEMENT}
              showCount
              aria-label={t('公开声明', 'Public statement')}
              data-testid="biz-statement-input"
            />
            <Button type="primary" style={{ marginTop: 8 }} onClick={() => void save()} loading={busy} data-testid="biz-statement-save">
              {t('保存', 'Save')}
            </Button>
          </Card>
        </>
      )}
    </BusinessShell>
  );
}
