import { Alert, Card, Col, Row, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import type { Channel, Issue } from '../lib/case-dimensions';
import { channelLabel, issueTypeLabel, prepaidLabel } from '../lib/case-dimensions';
import { useLang } from '../lib/i18n';
import type { CasesFilter } from './drill';
import { periodCases } from './drill';
import type { Filters } from './filters';
import { statsQuery } from './filters';
import { count, pct } from './format';
import type { Breakdown, BreakdownItem } from '../api/types';
import { Body } from './breakdowns';
import { useApi } from './use-api';

type Dimension = 'issueType' | 'channel' | 'prepaid';
type T = (zh: string, en: string) => string;

/** The codes of the API's breakdowns in words (the API names them in Chinese; the page in the reader's language). */
function label(by: Dimension, code: string, t: T): string {
  if (by === 'issueType') return issueTypeLabel(code, t);
  if (by === 'prepaid') return code === 'unknown' ? t('未填写', 'Not given') : prepaidLabel(code === 'true', t);
  return channelLabel(code, t);
}

/** The queue's cut for a row of a breakdown (its `unknown` rows too: the cases that named none). */
function cutOf(by: Dimension, code: string): CasesFilter {
  if (by === 'issueType') return { issue: code as Issue };
  if (by === 'prepaid') return { prepaid: code === 'true' };
  return { channel: code as Channel };
}

/**
 * One breakdown collected at filing (issue type, purchase channel, prepaid card): complaints and
 * reports apart, and each row's share of what was received. A row's name opens the cases received in
 * the period that it counts (for the roles that read cases).
 */
function DimensionCard(props: { by: Dimension; title: string; filters: Filters; areaAllowed: boolean; nonce: number; drill: boolean }) {
  const { t } = useLang();
  const state = useApi<Breakdown>(
    props.areaAllowed ? `/stats/hotspots?${statsQuery(props.filters, { by: props.by, limit: 100 })}` : null,
    props.nonce,
  );
  const items = (state.data?.items ?? []).filter((i) => i.received > 0);
  const total = items.reduce((n, i) => n + i.received, 0);
  const columns: ColumnsType<BreakdownItem> = [
    {
      title: props.title,
      key: 'name',
      render: (_v, i) =>
        props.drill && (props.by !== 'prepaid' || i.code !== 'unknown') ? (
          <Link
            to={periodCases(props.filters, cutOf(props.by, i.code))}
            title={t('在案件队列中查看统计期间内收到的案件', 'Open the cases received in the period in the queue')}
          >
            {label(props.by, i.code, t)}
          </Link>
        ) : (
          label(props.by, i.code, t)
        ),
    },
    { title: t('投诉', 'Complaints'), dataIndex: 'complaints', key: 'complaints', align: 'right', width: 72, render: count },
    { title: t('举报', 'Reports'), dataIndex: 'reports', key: 'reports', align: 'right', width: 72, render: count },
    {
      title: t('占比', 'Share'),
      key: 'share',
      width: 120,
      render: (_v, i) => (
        <span className="wq-share">
          <span className="wq-share-bar" style={{ width: `${(i.received * 100) / (total || 1)}%` }} aria-hidden />
          <span className="wq-share-text">{pct(total ? i.received / total : null)}</span>
        </span>
      ),
    },
  ];
  return (
    <Card title={props.title} size="small" data-testid={`by-${props.by}`}>
      {!props.areaAllowed ? (
        <Alert
          type="info"
          showIcon
          title={t('本账号的统计按单位汇总，没有此分组', 'Your figures are cut by unit, which has no such breakdown')}
        />
      ) : (
        <Body state={state} empty={!items.length}>
          {() => <Table<BreakdownItem> size="small" rowKey="code" columns={columns} dataSource={items} pagination={false} />}
        </Body>
      )}
    </Card>
  );
}

/** What the cases were about and how the goods were bought: collected at filing, read from the area rollups. */
export function DimensionBreakdowns(props: { filters: Filters; areaAllowed: boolean; nonce: number; drill: boolean }) {
  const { t } = useLang();
  return (
    <div data-testid="dimensions">
      <Typography.Paragraph type="secondary" className="wq-note">
        {t(
          '按立案时登记的问题类型、购买渠道和是否预付式消费（办卡、充值）分组；“未填写”为消费者未选择的。',
          'By what the consumer named at filing: the kind of problem, where the goods were bought, and whether it was prepaid (cards, top-ups). "Not given": none chosen.',
        )}
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <DimensionCard by="issueType" title={t('问题类型', 'Issue type')} {...props} />
        </Col>
        <Col xs={24} md={12} lg={7}>
          <DimensionCard by="channel" title={t('购买渠道', 'Purchase channel')} {...props} />
        </Col>
        <Col xs={24} md={12} lg={7}>
          <DimensionCard by="prepaid" title={t('预付式消费', 'Prepaid')} {...props} />
        </Col>
      </Row>
    </div>
  );
}
