import { ArrowLeftOutlined, ClockCircleOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Empty, Flex, Result, Row, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { useEffect, useReducer, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiError, yuan } from '../lib/api';
import { groupDigits } from '../lib/format';
import { useLang } from '../lib/i18n';
import { AnswerPanel } from './AnswerPanel';
import { AttachmentsCard } from './AttachmentsCard';
import { fmtDate, fmtTime, MONO, OPEN_FOR_BUSINESS, pick, REMEDY_LABEL, RESPONSE_LABEL, statusColor } from './labels';
import { BusinessShell } from './shell';
import type { BusinessCase } from '../api/types';

const CHANNEL: Record<string, [string, string]> = {
  offline: ['线下实体店', 'In a shop'],
  online: ['网络购物', 'Online'],
  livestream: ['直播带货', 'Livestream'],
};

/** 投诉详情: the complaint as the business may read it, its answer date (city policy), its answer, files and notices. */
export function BusinessCasePage() {
  const { id = '' } = useParams();
  const { t, lang } = useLang();
  const navigate = useNavigate();
  const [shown, setShown] = useState<{ key: string; c: BusinessCase | null; error: { status: number; message: string } | null } | null>(
    null,
  );
  const [reloads, reload] = useReducer((n: number) => n + 1, 0);
  const wanted = `${id}|${lang}|${reloads}`;

  useEffect(() => {
    let live = true;
    api<BusinessCase>(`/business/cases/${encodeURIComponent(id)}`).then(
      (c) => live && setShown({ key: wanted, c, error: null }),
      (e: unknown) =>
        live &&
        setShown((prev) => ({
          key: wanted,
          c: e instanceof ApiError && (e.status === 404 || e.status === 403) ? null : (prev?.c ?? null),
          error:
            e instanceof ApiError
              ? { status: e.status, message: e.message }
              : { status: 0, message: t('无法连接服务器，请稍后刷新', 'Cannot reach the server; refresh later') },
        })),
    );
    return () => {
      live = false;
    };
  }, [wanted, id, t]);

  const c = shown?.c ?? null;
  const error = shown?.error ?? null;
  const loading = shown?.key !== wanted;
  const back = (
    <Link to="/business">
      <ArrowLeftOutlined /> {t('返回投诉列表', 'Back to the complaints')}
    </Link>
  );

  if (error && !c) {
    return (
      <BusinessShell>
        {back}
        <Result
          status={error.status === 404 ? '404' : 'error'}
          title={error.status === 404 ? t('未找到该投诉', 'Complaint not found') : t('无法打开投诉', 'Could not open the complaint')}
          subTitle={
            error.status === 404
              ? t('该投诉不存在，或不是针对本单位的投诉。', 'It does not exist, or it is not about your business.')
              : error.message
          }
          extra={
            <Button type="primary" onClick={() => void navigate('/business')}>
              {t('返回投诉列表', 'Back to the complaints')}
            </Button>
          }
        />
      </BusinessShell>
    );
  }
  if (!c) {
    return (
      <BusinessShell>
        {back}
        <Card style={{ marginTop: 12 }}>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      </BusinessShell>
    );
  }

  const s = c.settlement;
  const yourTurn = c.allowedActions.includes('take-up') || (c.allowedActions.includes('record-offer') && c.status !== 'offered');
  const open = c.stage === 'settlement' && OPEN_FOR_BUSINESS.includes(c.status);

  return (
    <BusinessShell>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        {back}
        <Button size="small" icon={<ReloadOutlined />} onClick={reload} loading={loading}>
          {t('刷新', 'Refresh')}
        </Button>
      </Flex>
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} />}

      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex wrap gap={8} align="center">
          <Typography.Title level={3} style={{ ...MONO, margin: 0 }} data-testid="biz-case-no">
            {groupDigits(c.trackingNo)}
          </Typography.Title>
          <Tag color={statusColor(c.stage, c.status)} data-testid="biz-case-status" data-status={c.status}>
            {c.statusText}
          </Tag>
          {c.stage === 'formal' && <Tag color="purple">{t('市场监管部门处理中', 'With the market regulator')}</Tag>}
        </Flex>
        {s?.dueDate && open && (
          <Alert
            type={yourTurn ? 'warning' : 'info'}
            showIcon
            icon={<ClockCircleOutlined />}
            style={{ marginTop: 12 }}
            data-testid="biz-due"
            title={
              c.status === 'offered'
                ? t('已答复，等待消费者确认', 'Answered: waiting for the consumer')
                : t(`请于 ${s.dueDate} 前答复`, `Please answer by ${s.dueDate}`)
            }
            description={t(
              `答复期限 ${s.dueDate}（10 个工作日，本市工作规范，非法定期限）。逾期未答复的，投诉将自动转为向市场监管部门正式投诉。`,
              `Answer by ${s.dueDate} (10 working days: city policy, not law). Without an answer by then, the complaint goes to the market regulator by itself.`,
            )}
          />
        )}
        {c.holder && c.holder.type !== 'business' && (
          <Alert
            type="info"
            showIcon
            style={{ marginTop: 12 }}
            title={
              c.holder.type === 'station'
                ? t(`${c.holder.name ?? '消费维权服务站'} 正在协助双方协商`, `${c.holder.name ?? 'A station'} is helping both sides agree`)
                : t(`${c.holder.name ?? '市场监管部门'} 正在处理本投诉`, `${c.holder.name ?? 'The regulator'} is handling this complaint`)
            }
          />
        )}
      </Card>

      <Row gutter={[12, 12]} align="top">
        <Col xs={24} xl={15}>
          <Flex vertical gap={12}>
            <ComplaintCard c={c} />
            <ConsumerCard c={c} />
            <AttachmentsCard c={c} onChanged={reload} />
          </Flex>
        </Col>
        <Col xs={24} xl={9}>
          <Flex vertical gap={12}>
            <AnswerPanel
              c={c}
              onDone={(left) => {
                if (left) void navigate('/business', { replace: true });
                else reload();
              }}
            />
            {s?.offer && <OfferCard c={c} />}
            <NoticesCard c={c} />
          </Flex>
        </Col>
      </Row>
    </BusinessShell>
  );
}

function ComplaintCard({ c }: { c: BusinessCase }) {
  const { t } = useLang();
  return (
    <Card size="small" title={t('投诉内容', 'The complaint')}>
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('被投诉人', 'Complained about')} span={2}>
          {c.respondentName}
        </Descriptions.Item>
        <Descriptions.Item label={t('消费类别', 'Category')}>{c.category.name}</Descriptions.Item>
        <Descriptions.Item label={t('问题类型', 'Issue')}>{c.issue?.text ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('购买方式', 'Bought')}>
          {c.purchaseChannel ? pick(t, CHANNEL[c.purchaseChannel], c.purchaseChannel) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('预付式消费', 'Prepaid')}>{c.prepaid ? t('是', 'Yes') : t('否', 'No')}</Descriptions.Item>
        <Descriptions.Item label={t('涉及金额', 'Amount')}>{c.amount === null ? '—' : `¥${yuan(c.amount)}`}</Descriptions.Item>
        <Descriptions.Item label={t('消费日期', 'Date')}>{fmtDate(c.incidentDate)}</Descriptions.Item>
        <Descriptions.Item label={t('事情经过', 'What happened')} span={2}>
          <div className="biz-pre" data-testid="biz-description">
            {c.description}
          </div>
        </Descriptions.Item>
        <Descriptions.Item label={t('消费者诉求', 'What the consumer wants')} span={2}>
          <div className="biz-pre" data-testid="biz-demand">
            {c.demand}
          </div>
        </Descriptions.Item>
        <Descriptions.Item label={t('收到时间', 'Received')} span={2}>
          {fmtTime(c.receivedAt)}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/** The consumer as they agreed to be seen: the family name, and contact details only with their consent. */
function ConsumerCard({ c }: { c: BusinessCase }) {
  const { t } = useLang();
  const p = c.consumer;
  return (
    <Card size="small" title={t('投诉人', 'The consumer')} data-testid="biz-consumer">
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('姓名', 'Name')}>
          <span data-testid="biz-consumer-name">{p.name}</span>
        </Descriptions.Item>
        {p.contactConsented && (
          <>
            <Descriptions.Item label={t('联系电话', 'Phone')}>
              {p.phone ? <a href={`tel:${p.phone.replace(/[^\d+]/g, '')}`}>{p.phone}</a> : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('地址', 'Address')} span={2}>
              {p.address ?? '—'}
            </Descriptions.Item>
          </>
        )}
      </Descriptions>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {p.contactConsented
          ? t(
              '消费者同意本单位查看其联系方式，仅可用于处理本投诉。',
              'The consumer agreed that you may see how to reach them: use it for this complaint only.',
            )
          : t(
              '消费者未同意向本单位提供联系方式，请通过本平台答复。',
              'The consumer did not agree to share their contact details: answer here.',
            )}
      </Typography.Text>
    </Card>
  );
}

/** The answer on record (the business's own, or one a station recorded), and what was settled. */
function OfferCard({ c }: { c: BusinessCase }) {
  const { t } = useLang();
  const o = c.settlement!.offer!;
  return (
    <Card
      size="small"
      title={c.status === 'settled' ? t('已和解的方案', 'What was settled') : t('本单位的答复', 'Your answer')}
      data-testid="biz-offer"
    >
      <Space wrap size={6}>
        {o.response && <Tag color={o.response === 'full' ? 'green' : 'gold'}>{pick(t, RESPONSE_LABEL[o.response], o.response)}</Tag>}
        <Tag color="blue">{pick(t, REMEDY_LABEL[o.remedy], o.remedy)}</Tag>
        {o.amount !== null && <Typography.Text strong>¥{yuan(o.amount)}</Typography.Text>}
      </Space>
      <div className="biz-pre" style={{ marginTop: 8 }}>
        {o.message}
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {fmtTime(o.at)}
      </Typography.Text>
      {c.settlement?.amountSettled && (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 8 }}
          title={t(
            `消费者已接受，和解金额 ¥${yuan(c.settlement.amountSettled)}，请按方案履行`,
            `Accepted: ¥${yuan(c.settlement.amountSettled)}. Deliver what you offered`,
          )}
        />
      )}
    </Card>
  );
}

function NoticesCard({ c }: { c: BusinessCase }) {
  const { t } = useLang();
  const items = [...c.notices].sort((a, b) => (a.at < b.at ? 1 : -1));
  return (
    <Card size="small" title={t('处理进展', 'Progress')} data-testid="biz-notices">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('暂无', 'Nothing yet')} />
      ) : (
        <Timeline
          items={items.map((n, i) => ({
            key: `${n.at}-${i}`,
            content: (
              <>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {fmtTime(n.at)}
                </Typography.Text>
                <div>{n.text}</div>
              </>
            ),
          }))}
        />
      )}
    </Card>
  );
}
