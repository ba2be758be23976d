import { EyeOutlined, FileOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, List, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, download, yuan } from '../lib/api';
import { useLang } from '../lib/i18n';
import { fmtDate, fmtTime, Muted, paren, useAreaNames } from './common';
import type { CaseDetail } from '../api/types';
import { issueLabel } from '../lib/words';
import type { T } from '../lib/words';
import { channelLabel } from '../lib/case-dimensions';
import { kb, yesNo } from './case-format';

/** The facts of a case as filed: what was bought, the problem, the demand, the evidence files (opened one at a time, audited). */

/** 案情: what happened, what the consumer wants, the business, the materials. */
export function FactsSection({ c, names }: { c: CaseDetail; names: Map<string, string> }) {
  const { t } = useLang();
  const areas = useAreaNames();
  const r = c.respondent;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Descriptions size="small" bordered column={{ xs: 1, sm: 1, md: 2 }} title={t('消费争议', 'The dispute')}>
        <Descriptions.Item label={t('品类', 'Category')}>{c.category.name}</Descriptions.Item>
        <Descriptions.Item label={t('问题类型', 'Issue')}>{c.issueType ? issueLabel(c.issueType, t) : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('消费方式', 'Channel')}>
          {c.purchaseChannel ? channelLabel(c.purchaseChannel, t) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('预付式消费', 'Prepaid')}>{yesNo(t, c.prepaid)}</Descriptions.Item>
        <Descriptions.Item label={t('涉及金额', 'Amount')}>{c.amount === null ? '—' : `¥${yuan(c.amount)}`}</Descriptions.Item>
        <Descriptions.Item label={t('发生日期', 'Incident date')}>{fmtDate(c.incidentDate)}</Descriptions.Item>
        <Descriptions.Item label={t('事实经过', 'What happened')} span={2}>
          <div className="staff-pre" data-testid="case-description">
            {c.description}
          </div>
        </Descriptions.Item>
        <Descriptions.Item label={t('诉求', 'Demand')} span={2}>
          <div className="staff-pre">{c.demand}</div>
        </Descriptions.Item>
        <Descriptions.Item label={t('同意公开', 'Consents to publication')}>{yesNo(t, c.consentToPublish)}</Descriptions.Item>
        <Descriptions.Item label={t('适用规则', 'Rule set')}>{ruleSetName(t, c.ruleSet.code)}</Descriptions.Item>
      </Descriptions>

      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 1, md: 2 }}
        title={c.track === 'report' ? t('被举报经营者', 'The business reported') : t('被投诉经营者', 'The business complained about')}
      >
        <Descriptions.Item label={t('名称', 'Name')} span={2}>
          {r.name}
        </Descriptions.Item>
        <Descriptions.Item label={t('统一社会信用代码', 'Credit code')}>{r.creditCode ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('所在区域', 'Area')}>
          {r.areaCode ? (areas.get(r.areaCode) ? `${areas.get(r.areaCode)}${paren(t, r.areaCode)}` : r.areaCode) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('地址', 'Address')} span={2}>
          {r.address ?? '—'}
        </Descriptions.Item>
        {r.venueCode && (
          <Descriptions.Item label={t('所在场所', 'Venue')}>
            {names.get(r.venueCode) ? `${names.get(r.venueCode)}${paren(t, r.venueCode)}` : r.venueCode}
          </Descriptions.Item>
        )}
        {(r.online || r.platformName) && (
          <Descriptions.Item label={t('网络交易平台', 'Online platform')}>{r.platformName ?? t('网络经营', 'online')}</Descriptions.Item>
        )}
      </Descriptions>

      <div>
        <Typography.Title level={5}>{t('附件', 'Attachments')}</Typography.Title>
        {c.attachments.length === 0 ? (
          <Muted>{t('暂无附件', 'No attachments')}</Muted>
        ) : (
          <List
            size="small"
            bordered
            dataSource={c.attachments}
            renderItem={(a) => (
              <List.Item>
                <Space>
                  <FileOutlined />
                  <span>{a.name}</span>
                  {a.from === 'business' ? (
                    <Tag color="purple">{t('经营者上传', 'From the business')}</Tag>
                  ) : (
                    a.sharedWithBusiness && <Tag>{t('消费者允许经营者查看', 'Shared with the business')}</Tag>
                  )}
                  <Muted>
                    {a.mime} · {kb(a.size)} · {fmtTime(a.at)}
                  </Muted>
                  {c.handledByYou && <OpenFileButton caseId={c.id} file={a} />}
                </Space>
              </List.Item>
            )}
          />
        )}
      </div>
    </Space>
  );
}

/** The handling unit opens a file of the case; the API records every file opened, as the button says. */
function OpenFileButton({ caseId, file }: { caseId: string; file: { id: string; name: string } }) {
  const { t } = useLang();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Tooltip title={t('打开即留痕（个人信息保护）', 'Opening it is recorded (personal information)')}>
      <Button
        size="small"
        icon={<EyeOutlined />}
        loading={busy}
        data-testid={`open-file-${file.id}`}
        onClick={() => {
          setBusy(true);
          download(`/cases/${encodeURIComponent(caseId)}/attachments/${encodeURIComponent(file.id)}`, file.name)
            .catch((e: unknown) =>
              message.error(e instanceof ApiError ? e.message : t('打开失败，请稍后重试', 'Could not open it; try again')),
            )
            .finally(() => setBusy(false));
        }}
      >
        {t('打开', 'Open')}
      </Button>
    </Tooltip>
  );
}

function ruleSetName(t: T, code: string): string {
  if (code === 'order20') return t('《市场监督管理投诉举报处理暂行办法》（第20号令）', 'Order 20 (interim measures)');
  if (code === 'order121') return t('《市场监督管理投诉举报处理办法》（第121号令）', 'Order 121');
  return code;
}

/** 当事人: the consumer, masked; the full data for the handling unit on request, and that the view is recorded. */
