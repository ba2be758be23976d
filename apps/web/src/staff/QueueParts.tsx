import { CloseOutlined } from '@ant-design/icons';
import { Button, Flex, Space, Tag, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../lib/api';
import { channelLabel, issueTypeLabel, prepaidLabel } from '../lib/case-dimensions';
import { useLang } from '../lib/i18n';
import type { components } from '../api/schema';
import type { CaseListItem, CaseStatus } from '../api/types';
import { ALL_STATUSES, fmtDate, Muted, pick, STATUS_LABEL, useAreaNames, useUnitNames } from './common';
import { cutQuery } from './queue-filters';
import type { Cut, Filters } from './queue-filters';

type Counts = components['schemas']['CaseCountsDto'];

/** The settlement stage while open: its dates are the city's policy (libs/cases SETTLEMENT_OPEN). */
const SETTLEMENT_OPEN: readonly CaseStatus[] = ['settling', 'negotiating', 'offered'];

/**
 * How many cases the unit has in each status (GET /cases/counts), under the queue's other filters
 * (the chips, the search, the deadline), as buttons that show them: the open work (the queue's
 * default), each status that has cases, and every case.
 */
export function StatusCounts({
  filters,
  refreshes,
  onPick,
}: {
  filters: Filters;
  refreshes: number;
  onPick: (f: Partial<Filters>) => void;
}) {
  const { t } = useLang();
  const [counts, setCounts] = useState<Counts | null>(null);
  const query = cutQuery(filters).toString();
  useEffect(() => {
    let live = true;
    api<Counts>(`/cases/counts${query ? `?${query}` : ''}`).then(
      (c) => live && setCounts(c),
      () => live && setCounts(null),
    );
    return () => {
      live = false;
    };
  }, [query, refreshes]);
  if (!counts) return null;
  const by = new Map(counts.statuses.map((s) => [s.status, s.count]));
  const only = filters.status.length === 1 ? filters.status[0] : null;
  const chip = (key: string, text: string, n: number, pressed: boolean, choose: Partial<Filters>) => (
    <Button
      key={key}
      size="small"
      type={pressed ? 'primary' : 'default'}
      aria-pressed={pressed}
      onClick={() => onPick(choose)}
      data-testid={`count-${key}`}
    >
      {text} <span className="staff-count">{n}</span>
    </Button>
  );
  return (
    <nav aria-label={t('按状态查看', 'By status')} className="staff-counts" data-testid="status-counts">
      <Flex wrap gap={6} align="center">
        {chip('open', t('待办', 'Open'), counts.open, !filters.status.length && filters.view === 'open', { status: [], view: 'open' })}
        {ALL_STATUSES.filter((s) => by.has(s)).map((s) => chip(s, pickLabel(t, s), by.get(s)!, only === s, { status: [s] }))}
        {chip('all', t('全部', 'All'), counts.total, !filters.status.length && filters.view === 'all', { status: [], view: 'all' })}
      </Flex>
    </nav>
  );
}

const pickLabel = (t: (zh: string, en: string) => string, s: CaseStatus) => pick(t, STATUS_LABEL[s], s);

/** A due date with the deadline it is (受理期限, 调解期限…), and whether it is past or near. */
export function DueCell({ c }: { c: CaseListItem }) {
  const { t } = useLang();
  if (!c.dueOn) return <Muted>—</Muted>;
  // A settlement case's date is the city's take-up or settlement period, not a statutory one.
  const policy = SETTLEMENT_OPEN.includes(c.status) ? (
    <Tooltip title={t('本市工作规范（接手期限或和解期限），非法定期限', 'City policy (take-up or settlement period), not law')}>
      <Muted>{t('市政策', 'policy')}</Muted>
    </Tooltip>
  ) : null;
  return (
    <div data-testid="due-cell">
      <Space size={4} wrap>
        <span className={c.overdue ? 'staff-due-overdue' : c.dueSoon ? 'staff-due-soon' : undefined}>{fmtDate(c.dueOn)}</span>
        {c.overdue && <Tag color="error">{t('已超期', 'Overdue')}</Tag>}
        {c.dueSoon && <Tag color="warning">{t('即将到期', 'Due soon')}</Tag>}
      </Space>
      <div className="staff-due-label">
        {c.dueLabel && <Muted>{c.dueLabel}</Muted>} {policy}
      </div>
    </div>
  );
}

/**
 * The cuts a dashboard figure or an early-warning alert opened the queue with, one removable chip each
 * ("区域：东昌府区 ×"), so a reader sees why the list is shorter than the unit's work. Rendered only when
 * there is a cut (the names of areas and units are fetched then). The respondent is named as the cases
 * listed name it (`respondentName`), else by its credit code or name from the key.
 */
export function CutChips({ cut, respondentName, onChange }: { cut: Cut; respondentName?: string; onChange: (next: Cut) => void }) {
  const { t } = useLang();
  const areas = useAreaNames();
  const units = useUnitNames();
  const chips: { key: string; text: string; drop: Partial<Record<keyof Cut, undefined>> }[] = [];
  if (cut.area)
    chips.push({
      key: 'area',
      text: t(`区域：${areas.get(cut.area) ?? cut.area}`, `Area: ${areas.get(cut.area) ?? cut.area}`),
      drop: { area: undefined },
    });
  if (cut.from || cut.to) {
    const text =
      cut.from && cut.to
        ? t(`期间：${cut.from} 至 ${cut.to}`, `Period: ${cut.from} to ${cut.to}`)
        : cut.from
          ? t(`期间：${cut.from} 起`, `Period: from ${cut.from}`)
          : t(`期间：至 ${cut.to}`, `Period: up to ${cut.to}`);
    chips.push({ key: 'period', text, drop: { from: undefined, to: undefined } });
  }
  if (cut.channel)
    chips.push({ key: 'channel', text: t('购买渠道：', 'Channel: ') + channelLabel(cut.channel, t), drop: { channel: undefined } });
  if (cut.prepaid !== undefined) chips.push({ key: 'prepaid', text: prepaidLabel(cut.prepaid, t), drop: { prepaid: undefined } });
  if (cut.issue) chips.push({ key: 'issue', text: t('问题类型：', 'Issue: ') + issueTypeLabel(cut.issue, t), drop: { issue: undefined } });
  if (cut.unit)
    chips.push({
      key: 'unit',
      text: t(`承办单位：${units.get(cut.unit) ?? cut.unit}`, `Unit: ${units.get(cut.unit) ?? cut.unit}`),
      drop: { unit: undefined },
    });
  if (cut.venue)
    chips.push({
      key: 'venue',
      text: t(`场所：${units.get(cut.venue) ?? cut.venue}`, `Venue: ${units.get(cut.venue) ?? cut.venue}`),
      drop: { venue: undefined },
    });
  if (cut.respondent) {
    const who = respondentName ?? cut.respondent.replace(/^(uscc|name):/, '');
    chips.push({ key: 'respondent', text: t(`被投诉人：${who}`, `Respondent: ${who}`), drop: { respondent: undefined } });
  }
  return (
    <Flex wrap gap={6} align="center" style={{ marginTop: 8 }} data-testid="queue-cuts">
      <Muted>{t('筛选：', 'Filtered by:')}</Muted>
      {chips.map((c) => (
        <Button
          key={c.key}
          size="small"
          shape="round"
          icon={<CloseOutlined />}
          iconPlacement="end"
          onClick={() => onChange({ ...cut, ...c.drop })}
          aria-label={t(`移除筛选 ${c.text}`, `Remove the filter ${c.text}`)}
          data-testid={`cut-${c.key}`}
        >
          {c.text}
        </Button>
      ))}
    </Flex>
  );
}
