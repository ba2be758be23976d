import { Alert as Notice, App, Button, Card, Empty, Flex, Form, Input, Modal, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, ApiError } from '../../lib/api';
import { useLang } from '../../lib/i18n';
import type { Pair } from '../../lib/words';
import type { ConsumerWarning } from '../../api/types';
import { fmtDate, fmtTime, Muted, pick } from '../common';
import { showProblems } from '../businesses/forms';
import { tagStyle } from './alert-texts';

const STATUS_LABEL: Record<ConsumerWarning['status'], Pair> = {
  active: ['生效中', 'In force'],
  scheduled: ['未开始', 'Scheduled'],
  ended: ['已结束', 'Ended'],
  withdrawn: ['已撤回', 'Withdrawn'],
};
const STATUS_COLOR: Record<ConsumerWarning['status'], string> = {
  active: 'success',
  scheduled: 'processing',
  ended: 'default',
  withdrawn: 'default',
};

/**
 * The consumer warnings (消费提示) the unit may see (GET /consumer-warnings: the city's units all, a
 * county's its area's and the city-wide ones), newest first, each with where and when it runs and who
 * published it; a bureau may withdraw one still running or to come (with the reason, after a confirmation).
 */
export function ConsumerWarningsList({ mayWithdraw, reloads }: { mayWithdraw: boolean; reloads: number }) {
  const { t } = useLang();
  const [list, setList] = useState<{ key: string; items: ConsumerWarning[]; error: string | null } | null>(null);
  const [version, setVersion] = useState(0);
  const [withdrawing, setWithdrawing] = useState<ConsumerWarning | null>(null);
  const wanted = `${reloads}|${version}`;
  useEffect(() => {
    let live = true;
    api<ConsumerWarning[]>('/consumer-warnings').then(
      (items) => live && setList({ key: wanted, items, error: null }),
      (e: unknown) =>
        live &&
        setList({
          key: wanted,
          items: [],
          error: e instanceof ApiError ? e.message : t('无法读取消费提示', 'Could not load the warnings'),
        }),
    );
    return () => {
      live = false;
    };
  }, [wanted, t]);

  return (
    <Spin spinning={list?.key !== wanted}>
      {list?.error && <Notice type="error" showIcon title={list.error} />}
      {list && !list.items.length && !list.error && <Empty description={t('暂无消费提示', 'No consumer warnings')} />}
      <Flex vertical gap={12} data-testid="warning-list">
        {(list?.items ?? []).map((w) => (
          <Card size="small" key={w.id} data-testid={`warning-card-${w.id}`}>
            <Flex justify="space-between" gap={8} wrap>
              <div style={{ minWidth: 0, flex: '1 1 260px' }}>
                <Flex gap={6} wrap align="center">
                  <Tag color={STATUS_COLOR[w.status]} style={tagStyle(STATUS_COLOR[w.status])}>
                    {pick(t, STATUS_LABEL[w.status], w.status)}
                  </Tag>
                  <Typography.Title level={2} style={{ margin: 0, fontSize: 16 }}>
                    {w.title}
                  </Typography.Title>
                </Flex>
                <Typography.Paragraph style={{ margin: '6px 0' }} ellipsis={{ rows: 3, expandable: true }}>
                  {w.body}
                </Typography.Paragraph>
                <Muted>
                  {[w.areaName ?? t('全市', 'Whole city'), w.categoryName, w.businessName].filter(Boolean).join(' · ')}
                  {' · '}
                  {fmtDate(w.startsOn)} {t('至', 'to')} {fmtDate(w.endsOn)}
                </Muted>
                <div>
                  <Muted>
                    {t(
                      `${w.unitName} ${w.publishedByName} 发布于 ${fmtTime(w.publishedAt)}`,
                      `Published by ${w.publishedByName}, ${w.unitName}, ${fmtTime(w.publishedAt)}`,
                    )}
                    {w.alertId && t('（来自消费预警）', ' (from an alert)')}
                  </Muted>
                </div>
                {w.withdrawnAt && (
                  <div>
                    <Muted>
                      {t(
                        `${w.withdrawnByName ?? ''} 撤回于 ${fmtTime(w.withdrawnAt)}：${w.withdrawReason ?? ''}`,
                        `Withdrawn by ${w.withdrawnByName ?? ''}, ${fmtTime(w.withdrawnAt)}: ${w.withdrawReason ?? ''}`,
                      )}
                    </Muted>
                  </div>
                )}
              </div>
              {mayWithdraw && (w.status === 'active' || w.status === 'scheduled') && (
                <Button danger onClick={() => setWithdrawing(w)} aria-label={t(`撤回：${w.title}`, `Withdraw: ${w.title}`)}>
                  {t('撤回', 'Withdraw')}
                </Button>
              )}
            </Flex>
          </Card>
        ))}
      </Flex>
      {withdrawing && (
        <WithdrawModal
          warning={withdrawing}
          onClose={() => setWithdrawing(null)}
          onDone={() => {
            setWithdrawing(null);
            setVersion((v) => v + 1);
          }}
        />
      )}
    </Spin>
  );
}

function WithdrawModal({ warning, onClose, onDone }: { warning: ConsumerWarning; onClose: () => void; onDone: () => void }) {
  const { t } = useLang();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [problem, setProblem] = useState<string | null>(null);
  const withdraw = async (reason: string) => {
    setProblem(null);
    try {
      await api<ConsumerWarning>(`/consumer-warnings/${warning.id}/withdraw`, { body: { reason } });
      message.success(t('已撤回，公众不再看到这条提示', 'Withdrawn: the public no longer sees it'));
      onDone();
    } catch (e) {
      if (e instanceof ApiError && e.status === 400 && e.details.length) setProblem(showProblems(form, e, ['reason']));
      else setProblem(e instanceof ApiError ? e.message : t('无法连接服务器，请重试', 'Cannot reach the server; try again'));
    }
  };
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    modal.confirm({
      title: t('撤回这条消费提示？', 'Withdraw this warning?'),
      content: t(
        '撤回后首页和经营者公示页立即不再显示，且不能恢复。',
        'It disappears from the public pages at once and cannot be restored.',
      ),
      okText: t('撤回', 'Withdraw'),
      okButtonProps: { danger: true },
      cancelText: t('取消', 'Cancel'),
      onOk: () => withdraw(v.reason.trim()),
    });
  };
  return (
    <Modal
      open
      title={t(`撤回“${warning.title}”`, `Withdraw "${warning.title}"`)}
      okText={t('撤回…', 'Withdraw…')}
      okButtonProps={{ danger: true }}
      cancelText={t('取消', 'Cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={t('撤回理由', 'Reason')}
          rules={[
            { required: true, whitespace: true, min: 2, max: 200, message: t('撤回理由应为 2–200 个字', 'The reason is 2–200 characters') },
          ]}
        >
          <Input.TextArea rows={3} maxLength={200} showCount />
        </Form.Item>
      </Form>
      {problem && <Notice type="error" showIcon title={problem} />}
    </Modal>
  );
}
