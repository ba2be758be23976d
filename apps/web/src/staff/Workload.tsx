import { ClockCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { api } from '../lib/api';
import { useLang } from '../lib/i18n';
import { useSession } from '../lib/session';
import type { components } from '../api/schema';

type Workload = components['schemas']['WorkloadDto'];

/**
 * In the header of every staff page, for those who handle cases: how many of the unit's open cases
 * are past their deadline and due within 2 working days (GET /cases/workload), each a link to the
 * queue showing them. White pills on the red bar (their own background, so they read wherever the
 * bar wraps them); on a phone only the icon and the number show, the link keeping its full name.
 */
export function WorkloadIndicator() {
  const { t } = useLang();
  const { user } = useSession();
  const { pathname, search } = useLocation();
  const [w, setW] = useState<Workload | null>(null);
  const [changes, setChanges] = useState(0);
  const handles = !!user?.unit && user.role !== 'business';

  // Read again on every page and after every action (ActionsPanel says so).
  useEffect(() => {
    const again = () => setChanges((n) => n + 1);
    window.addEventListener('weiquan:workload', again);
    return () => window.removeEventListener('weiquan:workload', again);
  }, []);
  useEffect(() => {
    if (!handles) return;
    let live = true;
    api<Workload>('/cases/workload').then(
      (x) => live && setW(x),
      () => live && setW(null),
    );
    return () => {
      live = false;
    };
  }, [handles, pathname, search, changes]);

  if (!handles || !w) return null;
  return (
    <nav className="staff-workload" aria-label={t('本单位期限提醒', "Your unit's deadlines")} data-testid="workload">
      <Link
        to="/staff?due=overdue"
        className={`staff-workload-item${w.overdue ? ' staff-workload-overdue' : ''}`}
        aria-label={t(`超期 ${w.overdue} 件`, `Overdue: ${w.overdue}`)}
        data-testid="workload-overdue"
      >
        <ExclamationCircleOutlined aria-hidden="true" />
        <span className="staff-workload-word" aria-hidden="true">
          {t('超期', 'Overdue')}
        </span>
        <b aria-hidden="true">{w.overdue}</b>
      </Link>
      <Link
        to="/staff?due=soon"
        className={`staff-workload-item${w.dueSoon ? ' staff-workload-soon' : ''}`}
        aria-label={t(`将到期 ${w.dueSoon} 件（${w.soonDays} 个工作日内）`, `Due soon: ${w.dueSoon} (within ${w.soonDays} working days)`)}
        data-testid="workload-soon"
      >
        <ClockCircleOutlined aria-hidden="true" />
        <span className="staff-workload-word" aria-hidden="true">
          {t('将到期', 'Due soon')}
        </span>
        <b aria-hidden="true">{w.dueSoon}</b>
      </Link>
    </nav>
  );
}
