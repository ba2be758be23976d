import { Alert as Notice, Button, Descriptions, Drawer, Flex, Spin, Table, Tag, Timeline, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, ApiError } from '../../lib/api';
import { useLang } from '../../lib/i18n';
import { MONO } from '../../lib/words';
import type { AlertDetail } from '../../api/types';
import { fmtDate, fmtTime, Muted, pick, useCategories } from '../common';
import { AcknowledgeModal, DismissModal } from './AlertDecisions';
import { ALERT_STATUS_COLOR, ALERT_STATUS_LABEL, casesLink, eventLabel, eventResult, tagStyle, weekly } from './alert-texts';
import { JointCaseModal } from './JointCaseModal';
import { PublishWarningModal } from './PublishWarningModal';

type Dialog = 'acknowledge' | 'dismiss' | 'joint' | 'warn' | null;

/**
 * One alert in full: the evidence (the last 7 days against the baseline's weekly average), the bureaus
 * told, the link to its complaints in the queue, its history; and, for a bureau that may act, what it
 * can do: acknowledge, dismiss (with the reason), group the complaints into a joint complaint (Art.
 * 12), warn consumers (Art. 38). Every change reloads it and tells the list (`onChanged`).
 */
export function AlertDrawer({ id, onClose, onChanged }: { id: string | null; onClose: () => void; onChanged: () => void }) {
  const { t, lang } = useLang();
  const [loaded, setLoaded] = useState<{ key: string; alert: AlertDetail | null; error: string | null } | null>(null);
  const [version, setVersion] = useState(0);
  const [dialog, setDialog] = useState<Dialog>(null);
  const categories = useCategories();
  const wanted = `${id}|${version}|${lang}`;

  useEffect(() => {
    if (!id) return;
    let live = true;
    api<AlertDetail>(`/warnings/alerts/${id}`).then(
      (a) => live && setLoaded({ key: wanted, alert: a, error: null }),
      (e: unknown) =>
        live &&
        setLoaded({ key: wanted, alert: null, error: e instanceof ApiError ? e.message : t('无法读取预警', 'Could not load the alert') }),
    );
    return () => {
      live = false;
    };
  }, [wanted, id, t]);

  const current = loaded && loaded.key.startsWith(`${id}|`) ? loaded : null;
  const a = current?.alert ?? null;
  const changed = () => {
    setDialog(null);
    setVersion((v) => v + 1);
    onChanged();
  };
  const category = a?.categoryCode ? (categories.find((c) => c.code === a.categoryCode)?.name ?? null) : null;
  const ev = a?.evidence;
  const rows = ev
    ? [
        { key: 'complaints', what: t('投诉', 'Complaints'), w: ev.window.complaints, b: ev.baseline.complaints },
        { key: 'prepaid', what: t('其中预付式消费', 'of which prepaid'), w: ev.window.prepaid, b: ev.baseline.prepaid },
        {
          key: 'signal',
          what: t('反映停业、跑路或无法退款', 'reporting a closure or no refund'),
          w: ev.window.signal,
          b: ev.baseline.signal,
        },
      ]
    : [];

  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size="large"
      title={a ? a.subjectName : t('消费预警', 'Alert')}
      destroyOnHidden
      data-testid="alert-drawer"
    >
      {current?.error && <Notice type="error" showIcon title={current.error} />}
      {!current && <Spin />}
      {a && ev && (
        <Flex vertical gap={16}>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('状态', 'Status')}>
              <Tag color={ALERT_STATUS_COLOR[a.status]} style={tagStyle(ALERT_STATUS_COLOR[a.status])} data-testid="alert-status">
                {pick(t, ALERT_STATUS_LABEL[a.status], a.status)}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={a.subjectKind === 'business' ? t('被投诉经营者', 'Business') : t('区域 · 类别', 'Area · category')}>
              {a.subjectName}
              {a.creditCode && (
                <div>
                  <Muted>
                    {t('统一社会信用代码 ', 'Credit code ')}
                    <span style={MONO}>{a.creditCode}</span>
                  </Muted>
                </div>
              )}
            </Descriptions.Item>
            {a.subjectKind === 'business' && a.areaName && <Descriptions.Item label={t('区域', 'Area')}>{a.areaName}</Descriptions.Item>}
            {category && a.subjectKind === 'business' && <Descriptions.Item label={t('类别', 'Category')}>{category}</Descriptions.Item>}
            <Descriptions.Item label={t('统计期间', 'Period')}>
              {fmtDate(a.windowFrom)} {t('至', 'to')} {fmtDate(a.windowTo)}
              <div>
                <Muted>
                  {t(
                    `首次触发 ${fmtDate(a.firstDay)}，最近 ${fmtDate(a.lastDay)}`,
                    `First raised ${fmtDate(a.firstDay)}, last ${fmtDate(a.lastDay)}`,
                  )}
                </Muted>
              </div>
            </Descriptions.Item>
            <Descriptions.Item label={t('已通知', 'Told')}>{a.units.map((u) => u.name).join(t('、', ', '))}</Descriptions.Item>
            <Descriptions.Item label={t('办理单位', 'Handled by')}>
              <span data-testid="alert-holders">
                {a.holders
                  .map((h) =>
                    h.code === null
                      ? t(`待分派 ${h.complaints} 件`, `awaiting routing: ${h.complaints}`)
                      : t(`${h.name ?? h.code} ${h.complaints} 件`, `${h.name ?? h.code}: ${h.complaints}`),
                  )
                  .join(t('；', '; '))}
              </span>
            </Descriptions.Item>
          </Descriptions>

          <section aria-labelledby="alert-evidence">
            <Typography.Title level={3} id="alert-evidence" style={{ fontSize: 15 }}>
              {t('证据', 'Evidence')}
            </Typography.Title>
            <ul className="staff-alert-findings" data-testid="alert-findings">
              {ev.findings.map((f) => (
                <li key={f.measure}>{f.text}</li>
              ))}
            </ul>
            <Table
              size="small"
              pagination={false}
              rowKey="key"
              data-testid="alert-evidence"
              dataSource={rows}
              columns={[
                { title: t('件数', 'Count'), dataIndex: 'what' },
                { title: t('近 7 天', 'Last 7 days'), dataIndex: 'w', align: 'right' },
                {
                  title:
                    ev.baselineDays > 0
                      ? t(`基线每周（此前 ${ev.baselineDays} 天）`, `Baseline a week (${ev.baselineDays} days)`)
                      : t('基线每周', 'Baseline a week'),
                  dataIndex: 'b',
                  align: 'right',
                  render: (b: number) => (ev.baselineDays > 0 ? weekly(b, ev.baselineDays) : t('此前没有记录', 'none before')),
                },
              ]}
            />
          </section>

          <Link to={casesLink(a)} data-testid="alert-cases-link">
            {t(`查看涉及的投诉（${ev.window.complaints} 件）`, `See the complaints (${ev.window.complaints})`)}
          </Link>

          {a.canAct ? (
            <Flex wrap gap={8} data-testid="alert-actions">
              {a.status === 'new' && (
                <Button type="primary" onClick={() => setDialog('acknowledge')} data-testid="alert-acknowledge">
                  {t('确认', 'Acknowledge')}
                </Button>
              )}
              <Button onClick={() => setDialog('joint')} data-testid="alert-joint">
                {t('发起共同投诉', 'Joint complaint')}
              </Button>
              <Button onClick={() => setDialog('warn')} data-testid="alert-warn">
                {t('发布消费提示', 'Warn consumers')}
              </Button>
              {a.status !== 'acted' && (
                <Button danger onClick={() => setDialog('dismiss')} data-testid="alert-dismiss">
                  {t('排除', 'Dismiss')}
                </Button>
              )}
            </Flex>
          ) : (
            a.status !== 'acted' &&
            a.status !== 'dismissed' && (
              <Muted>{t('只读：由该地区的市场监管部门处置', "Read only: the area's market bureau acts on it")}</Muted>
            )
          )}

          <section aria-labelledby="alert-history">
            <Typography.Title level={3} id="alert-history" style={{ fontSize: 15 }}>
              {t('处置记录', 'History')}
            </Typography.Title>
            <Timeline
              data-testid="alert-history"
              items={a.history.map((e) => {
                const result = eventResult(e, t);
                const unit = e.unitCode ? (a.units.find((u) => u.code === e.unitCode)?.name ?? null) : null;
                const who = [e.userName, unit].filter(Boolean).join(' · ');
                return {
                  content: (
                    <div>
                      <div>
                        <b>{eventLabel(t, e)}</b> <Muted>{fmtTime(e.at)}</Muted>
                      </div>
                      {who && <Muted>{who}</Muted>}
                      {e.note && <div>{e.note}</div>}
                      {result && <div>{result}</div>}
                    </div>
                  ),
                };
              })}
            />
          </section>

          <AcknowledgeModal open={dialog === 'acknowledge'} alertId={a.id} onClose={() => setDialog(null)} onDone={changed} />
          <DismissModal open={dialog === 'dismiss'} alertId={a.id} onClose={() => setDialog(null)} onDone={changed} />
          {dialog === 'joint' && <JointCaseModal alert={a} onClose={() => setDialog(null)} onDone={changed} />}
          {dialog === 'warn' && <PublishWarningModal alert={a} category={category} onClose={() => setDialog(null)} onDone={changed} />}
        </Flex>
      )}
    </Drawer>
  );
}
