import { AlertOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { api } from '../../lib/api';
import { mayActOnAlerts } from '../../lib/alerts-access';
import { useLang } from '../../lib/i18n';
import { useSession } from '../../lib/session';
import type { AlertPage } from '../../api/types';

/**
 * In the staff header, for the market bureaus' staff: how many early-warning alerts are new, a link
 * to them. One small request per page (the first new alert and the counts of each status), read again
 * after an action (the `weiquan:workload` event the pages send).
 */
export function AlertsIndicator() {
  const { t } = useLang();
  const { user } = useSession();
  const { pathname } = useLocation();
  const [count, setCount] = useState<number | null>(null);
  const [changes, setChanges] = useState(0);
  const shown = mayActOnAlerts(user);

  useEffect(() => {
    const again = () => setChanges((n) => n + 1);
    window.addEventListener('weiquan:workload', again);
    return () => window.removeEventListener('weiquan:workload', again);
  }, []);
  useEffect(() => {
    if (!shown) return;
    let live = true;
    api<AlertPage>('/warnings/alerts?status=new&limit=1').then(
      (p) => live && setCount(p.counts.new ?? 0),
      () => live && setCount(null),
    );
    return () => {
      live = false;
    };
  }, [shown, pathname, changes]);

  if (!shown || count === null) return null;
  return (
    <nav className="staff-workload" aria-label={t('消费预警', 'Early warnings')}>
      <Link
        to="/staff/warnings"
        className={`staff-workload-item${count ? ' staff-workload-overdue' : ''}`}
        aria-label={t(`新预警 ${count} 条`, `New alerts: ${count}`)}
        data-testid="alerts-new"
      >
        <AlertOutlined aria-hidden="true" />
        <span className="staff-workload-word" aria-hidden="true">
          {t('新预警', 'New alerts')}
        </span>
        <b aria-hidden="true">{count}</b>
      </Link>
    </nav>
  );
}
