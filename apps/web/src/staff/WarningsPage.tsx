import { Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { mayActOnAlerts } from '../lib/alerts-access';
import { useLang } from '../lib/i18n';
import { useSession } from '../lib/session';
import { Muted, StaffShell } from './common';
import type { AlertStatus } from './warnings/alert-texts';
import { ALERT_STATUSES } from './warnings/alert-texts';
import { AlertDrawer } from './warnings/AlertDrawer';
import { AlertsList } from './warnings/AlertsList';
import { ConsumerWarningsList } from './warnings/ConsumerWarningsList';

/**
 * 消费预警: the detector's alerts (a business, or a category in an area, drawing more complaints than
 * usual), by status, each opened in a drawer to act on; and the consumer warnings (消费提示) the unit
 * may see, to withdraw. For the market bureaus (who act) and the city's analysts (who read). The tab,
 * the status and the open alert live in the URL, so a link from the header or an email lands on it.
 */
export function WarningsPage() {
  const { t } = useLang();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'notices' ? 'notices' : 'alerts';
  const asked = params.get('status');
  const status: AlertStatus = (ALERT_STATUSES as readonly string[]).includes(asked ?? '') ? (asked as AlertStatus) : 'new';
  const open = /^\d{1,18}$/.test(params.get('alert') ?? '') ? params.get('alert') : null;
  const [reloads, setReloads] = useState(0);

  const change = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    setParams(next);
  };
  const changed = () => {
    setReloads((n) => n + 1);
    // The header's count of new alerts follows (Workload.tsx listens).
    window.dispatchEvent(new Event('weiquan:workload'));
  };

  return (
    <StaffShell>
      <Typography.Title level={1} style={{ margin: 0, fontSize: 20 }}>
        {t('消费预警', 'Early warnings')}
      </Typography.Title>
      <Muted>
        {user?.unit
          ? t(
              `${user.unit.name}：本辖区投诉异常增多的经营者和行业`,
              `${user.unit.name}: businesses and trades with unusually many complaints`,
            )
          : t('全市（只读）', 'The whole city (read only)')}
      </Muted>
      <Tabs
        activeKey={tab}
        onChange={(k) => change({ tab: k === 'notices' ? 'notices' : null, alert: null })}
        items={[
          {
            key: 'alerts',
            label: t('预警', 'Alerts'),
            children: (
              <AlertsList
                status={status}
                onStatus={(s) => change({ status: s === 'new' ? null : s })}
                onOpen={(id) => change({ alert: id })}
                reloads={reloads}
              />
            ),
          },
          {
            key: 'notices',
            label: t('消费提示', 'Consumer warnings'),
            children: <ConsumerWarningsList mayWithdraw={mayActOnAlerts(user)} reloads={reloads} />,
          },
        ]}
      />
      <AlertDrawer id={open} onClose={() => change({ alert: null })} onChanged={changed} />
    </StaffShell>
  );
}
