import { LogoutOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Result, Space, Spin, Typography } from 'antd';
import { lazy, startTransition, Suspense, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { mayReadAlerts } from '../lib/alerts-access';
import { useLang } from '../lib/i18n';
import { mayEnrol, useSession } from '../lib/session';
import { Shell } from '../lib/shell';
import { mayReadCases } from './drill';
import './dashboard.css';
import { ExportButtons } from './export';
import { summaryPath, useFilters } from './filters';
import { FiltersBar } from './filters-bar';
import { KpiCards } from './kpis';
import type { Area, Category, Summary } from '../api/types';
import { preloadCharts } from './lazy-chart';
import { useApi, useRefresh } from './use-api';

// The sections below the KPIs, and echarts (lazy-chart.tsx), are chunks of their own, fetched once the
// headline figures are in: a phone's slow line and CPU go to the first figures first.
const loadSections = () => import('./sections');
const Sections = lazy(loadSections);

/** The regulator dashboard (监管数据看板): the bureau's metrics (docs/METRICS.md) for a period, area, category and track. */
export function DashboardPage() {
  const { t } = useLang();
  const { user, logout } = useSession();
  const navigate = useNavigate();
  const { filters: asked, set, reset, periodSet } = useFilters();
  const [nonce, refresh] = useRefresh();
  // City analysts and administrators see the whole city; everyone else their unit's figures, which
  // are cut by unit and so have no area (docs/METRICS.md, "Figures cut by unit").
  const cityWide = !user?.unit || user.role === 'city-analyst' || user.role === 'admin';
  const filters = cityWide ? asked : { ...asked, area: null };
  const isDefault = !periodSet && !filters.area && !filters.category && !filters.track;
  // Figures link to the cases behind them for whoever may read cases (every role of this page today).
  const drill = mayReadCases(user);
  const areas = useApi<Area[]>('/directory/areas');
  const categories = useApi<Category[]>('/directory/categories');
  const summary = useApi<Summary>(summaryPath(filters), nonce);
  // The charts and tables ask for their figures (a dozen requests) and the charts' code only once the
  // headline figures are shown: on a slow line or a slow phone they would otherwise hold up the KPIs.
  // They mount in a transition after that paint, which React yields to the browser.
  const [headlineIn, setHeadlineIn] = useState(false);
  const answered = Boolean(summary.data || summary.error);
  useEffect(() => {
    if (!answered || headlineIn) return;
    preloadCharts();
    void loadSections().catch(() => undefined); // a failure shows, and is retried, when the sections render
    const timer = setTimeout(() => startTransition(() => setHeadlineIn(true)));
    return () => clearTimeout(timer);
  }, [answered, headlineIn]);

  const signOut = () => {
    logout();
    void navigate('/staff/login', { replace: true });
  };
  const actions = user && (
    <Space size={8}>
      {mayEnrol(user) && (
        // Administrators enrol the businesses that answer complaints themselves (the staff console's page).
        <Link to="/staff/businesses" className="wq-nav" data-testid="nav-businesses">
          {t('经营者', 'Businesses')}
        </Link>
      )}
      {mayReadAlerts(user) && (
        // The early-warning alerts (the staff console's page): analysts read them, the bureaus act on them.
        <Link to="/staff/warnings" className="wq-nav" data-testid="nav-warnings">
          {t('消费预警', 'Early warnings')}
        </Link>
      )}
      <span className="wq-user" title={user.displayName}>
        {user.displayName}
      </span>
      <Button size="small" ghost icon={<LogoutOutlined />} onClick={signOut}>
        {t('退出', 'Sign out')}
      </Button>
    </Space>
  );

  const err = summary.error;
  if (err?.status === 403) {
    return (
      <Shell wide actions={actions}>
        <Result
          status="403"
          title={t('无权查看统计数据', 'No access to the statistics')}
          subTitle={t(
            '您的账号没有查看监管数据看板的权限。如需开通，请联系市场监管局系统管理员。',
            "Your account may not see the regulator dashboard. Ask the market regulation bureau's administrator for access.",
          )}
          extra={<Typography.Text type="secondary">{err.message}</Typography.Text>}
          data-testid="dashboard-forbidden"
        />
      </Shell>
    );
  }

  const s = summary.data;
  const empty =
    s &&
    !s.complaints &&
    !s.reports &&
    !s.accepted &&
    !s.refused &&
    !s.resolved &&
    !s.terminated &&
    !s.closed &&
    !s.withdrawn &&
    !s.reportsOpened &&
    !s.reportsNotOpened &&
    !s.settled &&
    !s.escalated &&
    s.satisfactionRate === null;
  const scope = cityWide ? t('全市', 'Whole city') : (user?.unit?.name ?? '');

  return (
    <Shell wide actions={actions}>
      <div className="wq-dash" data-testid="dashboard">
        <Flex wrap justify="space-between" align="end" gap={12} className="wq-dash-head">
          <div>
            <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
              {t('监管数据看板', 'Regulator dashboard')}
            </Typography.Title>
            <Typography.Text type="secondary" data-testid="dashboard-scope">
              {scope} · {t(`统计期间 ${filters.from} 至 ${filters.to}`, `${filters.from} to ${filters.to}`)}
              {s && t(` · 数据截至 ${s.asOf}`, ` · as of ${s.asOf}`)}
            </Typography.Text>
            {s && (
              <Typography.Paragraph type="secondary" className="wq-note wq-compare-note" data-testid="comparison-periods">
                {t(
                  `环比：与 ${s.comparison.previous.from} 至 ${s.comparison.previous.to} 比较；同比：与 ${s.comparison.lastYear.from} 至 ${s.comparison.lastYear.to} 比较；无基数时显示“—”`,
                  `Compared with ${s.comparison.previous.from} to ${s.comparison.previous.to} (previous period) and ${s.comparison.lastYear.from} to ${s.comparison.lastYear.to} (a year earlier); "—" where there is nothing to compare with`,
                )}
              </Typography.Paragraph>
            )}
          </div>
          <ExportButtons filters={filters} areaAllowed={cityWide} />
        </Flex>

        <div className="wq-panel">
          <FiltersBar
            filters={filters}
            set={set}
            reset={reset}
            isDefault={isDefault}
            areas={areas.data ?? []}
            categories={categories.data ?? []}
            areaAllowed={cityWide}
            onRefresh={refresh}
            refreshing={summary.loading}
          />
        </div>

        {err ? (
          <Alert
            type="error"
            showIcon
            title={
              err.status === 400 ? t('筛选条件有误', 'Some filters are not valid') : t('统计数据读取失败', 'Could not load the statistics')
            }
            description={
              err.details.length ? (
                <ul className="wq-problems">
                  {err.details.map((d) => (
                    <li key={d.field}>
                      <code>{d.field}</code>: {d.message}
                    </li>
                  ))}
                </ul>
              ) : (
                err.message
              )
            }
            action={
              err.status === 400 ? (
                <Button size="small" onClick={reset}>
                  {t('重置筛选', 'Reset filters')}
                </Button>
              ) : (
                <Button size="small" onClick={refresh}>
                  {t('重试', 'Retry')}
                </Button>
              )
            }
            data-testid="dashboard-error"
          />
        ) : (
          <>
            {empty && (
              <Alert
                type="info"
                showIcon
                title={t('所选期间没有数据', 'No data in this period')}
                description={t(
                  '该期间和筛选条件下没有收到或办理的案件，可调整统计期间或筛选条件。',
                  'No cases were received or handled in this period with these filters. Try a longer period or fewer filters.',
                )}
                data-testid="dashboard-empty"
              />
            )}
            <KpiCards summary={s} loading={summary.loading} cases={drill ? filters : null} />
            {headlineIn && (
              <Suspense
                fallback={
                  <div className="wq-chart-placeholder">
                    <Spin />
                  </div>
                }
              >
                <Sections filters={filters} set={set} cityWide={cityWide} drill={drill} nonce={nonce} />
              </Suspense>
            )}
          </>
        )}
      </div>
    </Shell>
  );
}
