import { Alert, Descriptions, Drawer, Space, Tag, Typography } from 'antd';
import { useEffect, useReducer, useState } from 'react';
import { api, ApiError } from '../../lib/api';
import { useLang } from '../../lib/i18n';
import { fmtTime, MONO } from '../../lib/words';
import { Muted } from '../common';
import { EditCard } from './EditCard';
import type { Venue } from './forms';
import { SuspendCard } from './SuspendCard';
import { UsersCard } from './UsersCard';
import type { Area, Business, BusinessUser } from '../../api/types';

/** One business: its details, users (a generated password shown once), edits, suspension. */
export function BusinessDrawer({
  creditCode,
  places,
  onClose,
  onChanged,
}: {
  creditCode: string | null;
  places: { areas: Area[]; venues: Venue[] };
  onClose: () => void;
  onChanged: (b: Business) => void;
}) {
  const { t } = useLang();
  const [shown, setShown] = useState<{ key: string; b: Business | null; users: BusinessUser[]; error: string | null } | null>(null);
  const [reloads, reload] = useReducer((n: number) => n + 1, 0);
  const wanted = creditCode ? `${creditCode}|${reloads}` : null;

  useEffect(() => {
    if (!creditCode || !wanted) return;
    let live = true;
    const path = `/admin/businesses/${encodeURIComponent(creditCode)}`;
    Promise.all([api<Business>(path), api<BusinessUser[]>(`${path}/users`)]).then(
      ([b, users]) => live && setShown({ key: wanted, b, users, error: null }),
      (e: unknown) =>
        live && setShown({ key: wanted, b: null, users: [], error: e instanceof ApiError ? e.message : t('无法读取', 'Could not load') }),
    );
    return () => {
      live = false;
    };
  }, [creditCode, wanted, t]);

  const current = shown && shown.key === wanted ? shown : null;
  const b = current?.b ?? null;
  const updated = (x: Business) => {
    onChanged(x);
    reload();
  };

  return (
    <Drawer
      open={!!creditCode}
      onClose={onClose}
      size="large"
      title={b ? b.name : t('经营者', 'Business')}
      destroyOnHidden
      data-testid="business-drawer"
    >
      {current?.error && <Alert type="error" showIcon title={current.error} />}
      {!current && <Muted>{t('正在加载…', 'Loading…')}</Muted>}
      {b && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions size="small" bordered column={1}>
            <Descriptions.Item label={t('统一社会信用代码', 'Credit code')}>
              <Typography.Text copyable style={MONO} data-testid="drawer-credit-code">
                {b.creditCode}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('所在区域', 'Area')}>{b.areaName}</Descriptions.Item>
            <Descriptions.Item label={t('所在场所', 'Venue')}>{b.venueName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('电商平台', 'Platform')}>{b.platform ? t('是', 'Yes') : t('否', 'No')}</Descriptions.Item>
            <Descriptions.Item label={t('联系电话', 'Phone')}>{b.phone ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('经营地址', 'Address')}>{b.address ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('在线纠纷解决', 'Online dispute resolution')}>
              <span data-testid="drawer-odr">
                {b.odrActive ? (
                  <Tag color="success">{t('在用', 'Active')}</Tag>
                ) : (
                  <>
                    <Tag color="warning">{t('已暂停', 'Suspended')}</Tag>
                    {fmtTime(b.suspendedAt)} {b.suspendedReason && `· ${b.suspendedReason}`}
                  </>
                )}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('公开声明', 'Public statement')}>
              {b.statement ? <div className="staff-pre">{b.statement}</div> : <Muted>{t('未填写', 'None')}</Muted>}
            </Descriptions.Item>
            <Descriptions.Item label={t('登记', 'Enrolled')}>
              {fmtTime(b.enrolledAt)} · {b.enrolledBy}
            </Descriptions.Item>
          </Descriptions>
          <SuspendCard b={b} onChanged={updated} />
          <UsersCard b={b} users={current?.users ?? []} onChanged={reload} />
          <EditCard b={b} places={places} onChanged={updated} />
        </Space>
      )}
    </Drawer>
  );
}
