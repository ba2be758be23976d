import { ArrowLeftOutlined, ArrowRightOutlined, ReloadOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, App, Badge, Button, Card, Descriptions, Flex, Result, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { useEffect, useReducer, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiError } from '../lib/api';
import { useLang } from '../lib/i18n';
import { ActionsPanel } from './ActionsPanel';
import { FactsSection } from './CaseFacts';
import { HistorySection, LinkedSection, RoutingSection } from './CaseHistory';
import { PartiesSection } from './CaseParties';
import { CityPolicyTag, OutcomeCard, SettlementSection } from './CaseSettlement';
import { ClocksCard } from './ClocksCard';
import { nextCaseAfter, rememberedQueue } from './queue-filters';
import { Kbd, PAGE_KEY, ShortcutHelp, useShortcuts } from './shortcuts';
import {
  CLOCK_LABEL,
  fmtDate,
  fmtTime,
  Muted,
  paren,
  pick,
  STATUS_LABEL,
  StaffShell,
  StatusTag,
  TrackTag,
  UNIT_TYPE_LABEL,
  useUnitNames,
} from './common';
import type { ActionResult, CaseDetail, CasePage as CaseList } from '../api/types';
import { groupDigits } from '../lib/format';

/** The case on screen, for the request that brought it, and what went wrong with the last one. */
interface Shown {
  key: string | null;
  c: CaseDetail | null;
  error: { status: number; message: string } | null;
}

export function CasePage() {
  const { id = '' } = useParams();
  const { t, lang } = useLang();
  const navigate = useNavigate();
  const unitNames = useUnitNames();
  const [shown, setShown] = useState<Shown>({ key: null, c: null, error: null });
  const [tab, setTab] = useState('facts');
  const [reloads, reload] = useReducer((n: number) => n + 1, 0);
  const [help, setHelp] = useState(false);
  const { message } = App.useApp();
  // Back to the queue as it was left (its filters), else the open work.
  const queue = `/staff${rememberedQueue().search}`;

  // The case loads again for another id, another language (its texts) and after each action or refresh.
  const wanted = `${id}|${lang}|${reloads}`;
  useEffect(() => {
    let current = true;
    api<CaseDetail>(`/cases/${encodeURIComponent(id)}`).then(
      (d) => current && setShown({ key: wanted, c: d, error: null }),
      (e: unknown) => {
        if (!current) return;
        const status = e instanceof ApiError ? e.status : 0;
        // A case that left the unit is gone; a failed refresh keeps what is on screen and says so.
        setShown((prev) => ({
          key: wanted,
          c: status === 404 || status === 403 || !prev.c ? null : prev.c,
          error:
            e instanceof ApiError
              ? { status, message: e.message }
              : { status: 0, message: t('无法连接服务器，请稍后刷新', 'Cannot reach the server; refresh later') },
        }));
      },
    );
    return () => {
      current = false;
    };
  }, [wanted, id, t]);
  const { c, error } = shown;
  const loading = shown.key !== wanted;

  const done = (r: ActionResult) => {
    // A case handed back, or made formal after a failed settlement, has left the unit: back to the queue.
    if ((r.action === 'hand-back' || r.action === 'settlement-failed') && r.status === 'received')
      void navigate('/staff', { replace: true });
    // Passed to the enrolled business: the station no longer sees it.
    else if (r.action === 'refer-to-business') void navigate('/staff', { replace: true });
    else reload();
  };

  /** The next case of the queue, in its order: "下一件". */
  const goNext = async () => {
    const next = await nextCaseAfter(id, () =>
      api<CaseList>('/cases?view=open&sort=due&limit=20').then(
        (p) => p.items.map((i) => i.id),
        () => [],
      ),
    ).catch(() => null);
    if (next) void navigate(`/staff/cases/${next}`);
    else void message.info(t('队列中没有下一件了', 'No next case in the queue'));
  };
  useShortcuts({
    [PAGE_KEY.next]: () => void goNext(),
    [PAGE_KEY.queue]: () => void navigate(queue),
    [PAGE_KEY.help]: () => setHelp(true),
  });

  const back = (
    <Link to={queue} aria-keyshortcuts={PAGE_KEY.queue.toUpperCase()}>
      <ArrowLeftOutlined /> {t('返回队列', 'Back to the queue')}
      <Kbd k={PAGE_KEY.queue} />
    </Link>
  );

  if (error && !c) {
    const notFound = error.status === 404;
    return (
      <StaffShell>
        {back}
        <Result
          status={notFound ? '404' : error.status === 403 ? '403' : 'error'}
          title={notFound ? t('未找到该案件', 'Case not found') : t('无法打开案件', 'Could not open the case')}
          subTitle={
            <span data-testid={notFound ? 'case-not-found' : 'case-error'}>
              {notFound
                ? t('该案件不存在，或不属于本单位办理范围。', "It does not exist, or it is not within your unit's cases.")
                : error.message}
            </span>
          }
          extra={
            <Space>
              <Button type="primary" onClick={() => void navigate('/staff')}>
                {t('返回队列', 'Back to the queue')}
              </Button>
              {!notFound && <Button onClick={reload}>{t('重试', 'Retry')}</Button>}
            </Space>
          }
        />
      </StaffShell>
    );
  }

  if (!c) {
    return (
      <StaffShell>
        {back}
        <Card style={{ marginTop: 12 }}>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      </StaffShell>
    );
  }

  const running = c.clocks.find((k) => k.running);
  // Keyed by case: "done" and dialogs belong to the case they were for.
  const actions = <ActionsPanel key={c.id} detail={c} onDone={done} onNext={() => void goNext()} onHelp={() => setHelp(true)} />;
  const clocks = <ClocksCard clocks={c.clocks} />;
  const outcome = <OutcomeCard c={c} />;
  const settlement = <SettlementSection c={c} onDone={done} onStale={reload} />;
  const settling = c.stage === 'settlement' && ['settling', 'negotiating', 'offered'].includes(c.status);
  const flagged = c.claimant && (c.claimant.repeat || c.claimant.art17?.noted);
  const file = (
    <Card size="small">
      <Tabs
        className="wq-tabs-wrap"
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'facts', label: t('案情', 'Facts'), children: <FactsSection c={c} names={unitNames} /> },
          {
            key: 'parties',
            label: (
              <Badge dot={!!flagged} offset={[6, 0]}>
                <span data-testid="tab-parties">{t('当事人', 'Parties')}</span>
              </Badge>
            ),
            children: <PartiesSection c={c} />,
          },
          {
            key: 'routing',
            label: <span data-testid="tab-routing">{t('分派理由', 'Routing')}</span>,
            children: <RoutingSection rounds={c.routing} />,
          },
          {
            key: 'history',
            label: <span data-testid="tab-history">{t(`历史（${c.history.length}）`, `History (${c.history.length})`)}</span>,
            children: <HistorySection c={c} unitNames={unitNames} />,
          },
          {
            key: 'linked',
            label: (
              <Badge dot={!!c.jointCase} offset={[6, 0]}>
                <span data-testid="tab-linked">{t(`关联案件（${c.linked.length}）`, `Linked (${c.linked.length})`)}</span>
              </Badge>
            ),
            children: <LinkedSection c={c} />,
          },
        ]}
      />
    </Card>
  );

  return (
    <StaffShell>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        {back}
        <Space size={8}>
          <Button size="small" onClick={() => void goNext()} data-testid="next-case" aria-keyshortcuts={PAGE_KEY.next.toUpperCase()}>
            {t('下一件', 'Next case')} <ArrowRightOutlined />
            <Kbd k={PAGE_KEY.next} />
          </Button>
          <Button size="small" icon={<ReloadOutlined />} onClick={reload} loading={loading}>
            {t('刷新', 'Refresh')}
          </Button>
        </Space>
      </Flex>
      <ShortcutHelp open={help} onClose={() => setHelp(false)} actions={c.allowedActions} />

      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} data-testid="case-refresh-error" />}
      <Card size="small" className="staff-case-head" style={{ marginBottom: 12 }}>
        <Flex wrap gap={8} align="center" style={{ marginBottom: 8 }}>
          <Typography.Title
            level={1}
            copyable={{ text: c.trackingNo }}
            data-testid="case-tracking-no"
            style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', fontSize: 24, margin: 0 }}
          >
            {groupDigits(c.trackingNo)}
          </Typography.Title>
          <StatusTag status={c.status} text={c.statusText} testId="case-status" />
          <TrackTag track={c.track} />
          {c.stage === 'settlement' && (
            <Tag color="gold" data-testid="case-stage">
              {t('先行和解', 'Settlement')}
            </Tag>
          )}
          {c.escalation && (
            <Tag color="geekblue" data-testid="case-escalated">
              {t('由协商和解转为正式投诉', 'Formal after settlement')}
            </Tag>
          )}
          {!c.handledByYou && <Tag>{t('只读', 'Read only')}</Tag>}
          {flagged && (
            <Tag
              color="warning"
              icon={<WarningOutlined />}
              style={{ cursor: 'pointer' }}
              onClick={() => setTab('parties')}
              data-testid="claimant-tag"
            >
              {c.claimant?.art17?.noted
                ? t('第十七条因素提示', 'Art. 17 factors noted')
                : t('曾投诉同一经营者', 'Filed against this business before')}
            </Tag>
          )}
        </Flex>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {c.statusText.toLowerCase() !== pick(t, STATUS_LABEL[c.status], c.status).toLowerCase() && `${c.statusText} · `}
          {c.track === 'report' ? t('被举报：', 'Reported: ') : t('被投诉：', 'Complained about: ')}
          {c.respondentName}
        </Typography.Paragraph>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
          <Descriptions.Item label={t('承办单位', 'Handling unit')}>
            <span data-testid="case-unit">
              {c.assignee ? (c.assignee.name ?? c.assignee.code) : t('待分派', 'Not assigned')}
              {c.assignee?.type === 'business' && (
                <Tag color="purple" style={{ marginInlineStart: 6 }}>
                  {pick(t, UNIT_TYPE_LABEL.business, 'business')}
                </Tag>
              )}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('收到时间', 'Received')}>{fmtTime(c.receivedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('当前期限', 'Due')}>
            {c.dueOn ? (
              <span data-testid="case-due" className={c.overdue ? 'staff-due-overdue' : undefined}>
                {fmtDate(c.dueOn)}
                {running ? <Muted>{paren(t, pick(t, CLOCK_LABEL[running.clock], running.label))}</Muted> : null}
                {!running && settling ? (
                  <>
                    <Muted>{paren(t, c.status === 'settling' ? t('接手期限', 'take-up') : t('协商期限', 'settlement period'))}</Muted>{' '}
                    <CityPolicyTag />
                  </>
                ) : null}
                {c.overdue && (
                  <Tag color="error" style={{ marginInlineStart: 6 }}>
                    {t('已超期', 'Overdue')}
                  </Tag>
                )}
                {running?.provisional && (
                  <Tag color="gold" style={{ marginInlineStart: 6 }}>
                    {t('暂定', 'Provisional')}
                  </Tag>
                )}
              </span>
            ) : (
              <Muted>{t('无', 'None')}</Muted>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('品类', 'Category')}>{c.category.name}</Descriptions.Item>
        </Descriptions>
      </Card>

      {/* One tree at every width (CSS places it): a layout switched in script would remount the
          actions when the width crosses the breakpoint (a tablet turned, a window resized), and
          close an open dialog with what was typed in it. */}
      <div className="staff-case-body">
        {actions}
        {settlement}
        <div className="staff-case-file">{file}</div>
        {clocks}
        {outcome}
      </div>
    </StaffShell>
  );
}
