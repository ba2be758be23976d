import { AlertOutlined, ShopOutlined, UnorderedListOutlined, UserOutlined } from '@ant-design/icons';
import { Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useEffect, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { api } from '../lib/api';
import { mayReadAlerts } from '../lib/alerts-access';
import { useLang } from '../lib/i18n';
import { homeOf, mayEnrol, useSession } from '../lib/session';
import { Shell } from '../lib/shell';
import { pick } from '../lib/words';
import type { Pair, T } from '../lib/words';
import { SignOutButton } from '../lib/sign-in';
import type { components } from '../api/schema';
import type { Area, CaseAction, CaseStatus, Category, ClockName, Regulator, Station, Track } from '../api/types';
import { AlertsIndicator } from './warnings/AlertsIndicator';
import { WorkloadIndicator } from './Workload';
import './staff.css';

/** What a business offers to settle a dispute (the settlement stage's record-offer). */
export type Remedy = components['schemas']['Remedy'];
export { fmtDate, fmtTime, pick, REMEDIES, REMEDY_LABEL } from '../lib/words';

/** Short status names for tags and filters (the API's statusText is the long form). */
export const STATUS_LABEL: Record<CaseStatus, Pair> = {
  received: ['待分派', 'Awaiting assignment'],
  settling: ['待接手（协商和解）', 'Settlement: awaiting take-up'],
  negotiating: ['协商中', 'Settlement: negotiating'],
  offered: ['方案待消费者确认', 'Settlement: offer made'],
  settled: ['已和解办结', 'Settled at the source'],
  duplicate: ['重复提交', 'Duplicate'],
  assigned: ['待受理', 'Awaiting acceptance'],
  accepted: ['已受理', 'Accepted'],
  mediating: ['调解中', 'In mediation'],
  // Not "调解中止": beside 终止调解 (terminated) it read as the same thing.
  paused: ['暂停计时（检测鉴定）', 'Paused for testing'],
  resolved: ['调解成功', 'Resolved'],
  terminated: ['终止调解', 'Mediation terminated'],
  refused: ['不予受理', 'Not accepted'],
  transferred: ['已移送', 'Transferred'],
  deciding: ['核查中', 'Under review'],
  'case-opened': ['已立案', 'Case opened'],
  'not-opened': ['不予立案', 'No case opened'],
  closed: ['已办结', 'Closed'],
  withdrawn: ['已撤回', 'Withdrawn'],
};

const STATUS_COLOR: Record<CaseStatus, string> = {
  received: 'gold',
  settling: 'gold',
  negotiating: 'processing',
  offered: 'orange',
  settled: 'green',
  duplicate: 'default',
  assigned: 'blue',
  accepted: 'cyan',
  mediating: 'processing',
  paused: 'warning',
  resolved: 'success',
  terminated: 'default',
  refused: 'volcano',
  transferred: 'geekblue',
  deciding: 'purple',
  'case-opened': 'magenta',
  'not-opened': 'default',
  closed: 'green',
  withdrawn: 'default',
};

export const ALL_STATUSES = Object.keys(STATUS_LABEL) as CaseStatus[];

export const ACTION_LABEL: Record<CaseAction, Pair> = {
  'take-up': ['接手', 'Take up'],
  'record-offer': ['记录和解方案', 'Record the offer'],
  'settlement-failed': ['协商不成，转为正式投诉', 'Settlement failed: make it formal'],
  accept: ['受理', 'Accept'],
  refuse: ['不予受理', 'Refuse'],
  'hand-back': ['退回', 'Hand back'],
  'start-mediation': ['开始调解', 'Start mediation'],
  'pause-clock': ['暂停计时（检测鉴定）', 'Pause the clock'],
  'resume-clock': ['恢复计时', 'Resume the clock'],
  resolve: ['调解成功', 'Resolve'],
  terminate: ['终止调解', 'Terminate mediation'],
  'open-enforcement': ['立案', 'Open enforcement case'],
  'decline-enforcement': ['不予立案', 'Decline enforcement'],
  'extend-decision': ['延长立案决定期限', 'Extend the decision period'],
  'merge-into': ['合并处理', 'Merge into an earlier report'],
  'report-violation': ['移交违法线索', 'Report a violation'],
  close: ['办结', 'Close'],
  'record-follow-up': ['记录回访', 'Record follow-up'],
  note: ['添加备注', 'Add a note'],
  'step-in': ['介入协助', 'Step in to help'],
  'refer-to-business': ['转交经营者答复', 'Pass it to the business'],
  statement: ['经营者说明', "The business's statement"],
};

/** A business's own answer to a complaint (record-offer `response`); its refusal is settlement-failed with a reason. */
export const RESPONSE_LABEL: Record<'full' | 'partial', Pair> = {
  full: ['全部同意', 'Agrees in full'],
  partial: ['部分同意', 'Agrees in part'],
};

/** What kind of unit holds a case. */
export const UNIT_TYPE_LABEL: Record<string, Pair> = {
  station: ['服务站', 'Station'],
  regulator: ['监管部门', 'Regulator'],
  business: ['经营者', 'Business'],
};

/** Why a case left the settlement stage (libs/cases ESCALATION_CAUSES). */
export const ESCALATION_CAUSE_LABEL: Record<string, Pair> = {
  consumer: ['消费者选择正式投诉', 'The consumer chose to complain formally'],
  'offer-rejected': ['消费者不接受和解方案', "The consumer rejected the business's offer"],
  'settlement-failed': ['服务站协商不成', 'The station could not bring both sides to agree'],
  'take-up-lapsed': ['服务站未在接手期限内接手', 'No station took it up in time'],
  'deadline-lapsed': ['协商期限届满未达成和解', 'No settlement within the settlement period'],
  'business-declined': ['经营者不同意', 'The business did not agree'],
  'no-answer': ['经营者逾期未答复', 'The business did not answer in time'],
  'not-delivered': ['经营者未履行和解方案', 'The business did not deliver what it offered'],
};

export const TRACK_LABEL: Record<Track, Pair> = { complaint: ['投诉', 'Complaint'], report: ['举报', 'Report'] };

export const CLOCK_LABEL: Record<ClockName, Pair> = {
  acceptance: ['受理期限', 'Acceptance'],
  decision: ['立案决定期限', 'Enforcement decision'],
  mediation: ['调解期限', 'Mediation'],
  'termination-notice': ['终止调解告知期限', 'Termination notice'],
  'reporter-notice': ['告知举报人期限', 'Reporter notice'],
  'follow-up': ['回访期限', 'Follow-up'],
};

/** The routing rules of libs/routing (routing.rules.ts), as handlers read them. */
export const RULE_LABEL: Record<string, Pair> = {
  'enrolled-business': ['先行和解规则1：已入驻在线纠纷解决的经营者自行答复', 'Settlement rule 1: the enrolled business answers itself'],
  'outside-city': ['规则1：本市无处理权限（经营者在外地），告知向何处投诉举报', 'Rule 1: no authority in the city; told where to file'],
  'disputed-jurisdiction': ['规则2：两个单位退回，由市局指定处理机关', 'Rule 2: handed back by two units; the city bureau designates'],
  'report-sector': ['规则3：举报由行业主管部门处理', 'Rule 3: report to the sector regulator'],
  'report-area-bureau': ['规则3：举报由属地市场监管局处理', 'Rule 3: report to the area market bureau'],
  'counter-station': ['规则4：窗口受理的服务站（协商和解）', 'Rule 4: the station whose counter took it (settlement)'],
  'venue-station': ['规则5：经营场所内的服务站就地协商和解', "Rule 5: the station at the business's venue (settlement)"],
  'platform-station': ['规则5：平台自己的服务站（协商和解）', "Rule 5: the platform's own station (settlement)"],
  'sector-regulator': ['规则6：行业主管部门', 'Rule 6: the sector regulator of the category'],
  'area-station': ['规则7：属地服务站（协商和解）', "Rule 7: a station in the business's area (settlement)"],
  'area-bureau': ['规则8：属地市场监管局', 'Rule 8: the area market bureau'],
  'city-bureau': ['兜底：市市场监管局', 'Fallback: the city bureau'],
  'station-sla-escalation': [
    '（旧）服务站逾期未受理，升级至属地市场监管局',
    'The station did not act in time: escalated to the area bureau',
  ],
  designated: ['市局指定处理机关（最终）', 'Designated by the city bureau (final)'],
  'transfer-out': ['（旧）经营者不在本市，移送外地', '(old) business outside the city, transferred out'],
};

/** "name（code）" in Chinese, "name (code)" in English. */
export const paren = (t: T, x: string) => t(`（${x}）`, ` (${x})`);

export function StatusTag({ status, text, testId }: { status: CaseStatus; text?: string; testId?: string }) {
  const { t } = useLang();
  return (
    <Tag color={STATUS_COLOR[status] ?? 'default'} data-testid={testId} data-status={status} style={{ marginInlineEnd: 0 }}>
      {pick(t, STATUS_LABEL[status], text ?? status)}
    </Tag>
  );
}

export function TrackTag({ track }: { track: Track }) {
  const { t } = useLang();
  return (
    <Tag color={track === 'report' ? 'purple' : undefined} variant="filled">
      {pick(t, TRACK_LABEL[track], track)}
    </Tag>
  );
}

/**
 * The frame of every signed-in staff page: the unit's overdue and due-soon work, who is signed in, for
 * which unit, and 退出. On a phone the words collapse to icons (each keeping its name for assistive
 * technology) and what does not fit wraps inside the red bar.
 */
export function StaffShell({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const { t } = useLang();
  const { pathname } = useLocation();
  // Those who enrol businesses or see early warnings move between their home and those pages.
  const nav =
    user && (mayEnrol(user) || mayReadAlerts(user)) ? (
      <nav aria-label={t('工作台导航', 'Console')} className="staff-nav">
        <Link to={homeOf(user)} aria-current={pathname === homeOf(user) ? 'page' : undefined} data-testid="nav-home">
          <UnorderedListOutlined aria-hidden="true" className="staff-narrow-only" />
          <span className="staff-collapse">{homeOf(user) === '/dashboard' ? t('数据看板', 'Dashboard') : t('案件队列', 'Cases')}</span>
        </Link>
        {mayEnrol(user) && (
          <Link to="/staff/businesses" aria-current={pathname === '/staff/businesses' ? 'page' : undefined} data-testid="nav-businesses">
            <ShopOutlined aria-hidden="true" className="staff-narrow-only" />
            <span className="staff-collapse">{t('经营者', 'Businesses')}</span>
          </Link>
        )}
        {mayReadAlerts(user) && (
          <Link to="/staff/warnings" aria-current={pathname === '/staff/warnings' ? 'page' : undefined} data-testid="nav-warnings">
            <AlertOutlined aria-hidden="true" className="staff-narrow-only" />
            <span className="staff-collapse">{t('消费预警', 'Early warnings')}</span>
          </Link>
        )}
      </nav>
    ) : null;
  const actions = user ? (
    <div className="staff-user">
      {nav}
      <WorkloadIndicator />
      <AlertsIndicator />
      <Tooltip title={user.unit ? `${user.unit.name}${paren(t, user.unit.code)}` : t('全市', 'City-wide')}>
        <span className="staff-user-name" data-testid="staff-user">
          <UserOutlined aria-hidden="true" /> <span className="staff-collapse">{user.displayName}</span>
          <span className="staff-user-unit"> · {user.unit?.name ?? t('全市', 'City-wide')}</span>
        </span>
      </Tooltip>
      <SignOutButton to="/staff/login" />
    </div>
  ) : null;
  return (
    <Shell wide actions={actions}>
      <div className="staff-console">{children}</div>
    </Shell>
  );
}

/**
 * Names by code of units (stations, regulators) and of the venues stations sit in: history entries
 * and the respondent carry only codes. The codes never collide (ST-, MR-/CA-…, V-).
 */
let unitNames: Promise<Map<string, string>> | null = null;
function loadUnitNames(): Promise<Map<string, string>> {
  unitNames ??= Promise.all([
    api<Station[]>('/directory/stations?active=all').catch((): Station[] => []),
    api<Regulator[]>('/directory/regulators').catch((): Regulator[] => []),
  ]).then(([s, r]) => {
    const names = new Map<string, string>();
    for (const st of s) if (st.venue) names.set(st.venue.code, st.venue.name);
    for (const u of [...s, ...r]) names.set(u.code, u.name);
    return names;
  });
  return unitNames;
}

export function useUnitNames(): Map<string, string> {
  const [names, setNames] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    let live = true;
    void loadUnitNames().then((m) => live && setNames(m));
    return () => {
      live = false;
    };
  }, []);
  return names;
}

let areaNames: Promise<Map<string, string>> | null = null;
/** The city's county-level areas by code (a business outside the city shows its code only). */
export function useAreaNames(): Map<string, string> {
  const [names, setNames] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    let live = true;
    areaNames ??= api<Area[]>('/directory/areas')
      .then((a) => new Map(a.map((x) => [x.code, x.name])))
      .catch(() => {
        areaNames = null;
        return new Map<string, string>();
      });
    void areaNames.then((m) => live && setNames(m));
    return () => {
      live = false;
    };
  }, []);
  return names;
}

let categories: Promise<Category[]> | null = null;
export function useCategories(): Category[] {
  const [list, setList] = useState<Category[]>([]);
  useEffect(() => {
    let live = true;
    categories ??= api<Category[]>('/directory/categories').catch(() => {
      categories = null;
      return [];
    });
    void categories.then((c) => live && setList(c));
    return () => {
      live = false;
    };
  }, []);
  return list;
}

export function Muted({ children }: { children: ReactNode }) {
  return <Typography.Text type="secondary">{children}</Typography.Text>;
}
