import { EyeOutlined, SafetyCertificateOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, List, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api, ApiError } from '../lib/api';
import { useLang } from '../lib/i18n';
import { useSession } from '../lib/session';
import { Muted } from './common';
import type { CaseDetail, ClaimantFlags, PersonalData } from '../api/types';

/** The parties: the consumer (personal data revealed on request, audited) and the respondent, with the claimant checks (Order 121 Art. 17). */

export function PartiesSection({ c }: { c: CaseDetail }) {
  const { t } = useLang();
  const { user } = useSession();
  const [full, setFull] = useState<{ data: PersonalData; at: Date } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const p = c.consumer;

  const reveal = async () => {
    setBusy(true);
    setError(null);
    try {
      setFull({ data: await api<PersonalData>(`/cases/${c.id}/personal-data`), at: new Date() });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('无法读取', 'Could not load'));
    } finally {
      setBusy(false);
    }
  };

  const who = c.track === 'report' ? t('举报人', 'Reporter') : t('投诉人', 'Complainant');
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {p.hidden ? (
        <Alert
          type="info"
          showIcon
          icon={<SafetyCertificateOutlined />}
          data-testid="reporter-hidden"
          title={t('举报人信息保密', "The reporter's identity is confidential")}
          description={t('依法对举报人信息保密，仅承办单位可以查看。', 'By law only the handling unit may see who reported.')}
        />
      ) : (
        <Card
          size="small"
          title={who}
          extra={
            p.revealable && !full ? (
              <Button size="small" icon={<EyeOutlined />} loading={busy} onClick={() => void reveal()} data-testid="reveal-personal-data">
                {t('查看完整信息', 'Show in full')}
              </Button>
            ) : null
          }
        >
          {full && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="reveal-recorded"
              title={t('本次查看已记录', 'This view has been recorded')}
              description={t(
                `${user?.displayName ?? ''}（${user?.username ?? ''}）于 ${dayjs(full.at).format('YYYY-MM-DD HH:mm:ss')} 查看了完整个人信息，已记入个人信息访问日志。请仅用于办理本案。`,
                `${user?.displayName ?? ''} (${user?.username ?? ''}) saw the personal data in full at ${dayjs(full.at).format('YYYY-MM-DD HH:mm:ss')}; the view is in the access log. Use it for this case only.`,
              )}
            />
          )}
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
          <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2 }} data-testid="consumer-data">
            <Descriptions.Item label={t('姓名', 'Name')}>{full ? full.data.name : p.name}</Descriptions.Item>
            <Descriptions.Item label={t('手机号', 'Phone')}>
              <span data-testid="consumer-phone">{full ? full.data.phone : p.phone}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('地址', 'Address')}>{(full ? full.data.address : p.address) ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('身份证号', 'ID number')}>{(full ? full.data.idNumber : p.idNumber) ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('电子邮箱', 'Email')}>{(full ? full.data.email : p.email) ?? '—'}</Descriptions.Item>
          </Descriptions>
          {!full && (
            <Muted>
              {p.revealable
                ? t('个人信息已脱敏显示；查看完整信息将被记录。', 'Masked; showing it in full is recorded.')
                : t('个人信息已脱敏显示；仅承办单位可以查看完整信息。', 'Masked; only the handling unit may see it in full.')}
            </Muted>
          )}
        </Card>
      )}
      {c.claimant && <ClaimantEvidence flags={c.claimant} />}
    </Space>
  );
}

/** The claimant flags with their evidence: shown to the handler, never acted on automatically. */
function ClaimantEvidence({ flags }: { flags: ClaimantFlags }) {
  const { t } = useLang();
  return (
    <Card size="small" title={t('投诉人情况', 'About the complainant')} data-testid="claimant-flags">
      <Space orientation="vertical" style={{ width: '100%' }}>
        {flags.repeat ? (
          <Alert
            type="warning"
            showIcon
            title={t('12 个月内曾投诉同一经营者（不论结果）', 'Filed against the same business within 12 months (any outcome)')}
            description={flags.repeat.trackingNos.join('、')}
          />
        ) : null}
        {flags.art17 ? <Art17Factors a={flags.art17} /> : null}
      </Space>
    </Card>
  );
}

type Art17 = NonNullable<ClaimantFlags['art17']>;
const FACTOR_STATUS: Record<Art17['factors'][number]['status'], [string, string, string]> = {
  noted: ['值得留意', 'Worth a look', 'warning'],
  'not-noted': ['未见', 'Not seen', 'default'],
  'not-in-data': ['数据无法反映', 'Not in the data', 'default'],
  'for-handler': ['由承办人判断', 'For the handler', 'processing'],
};

/** 《市场监督管理投诉举报处理办法》第十七条: each factor, its state and evidence, for the handler's judgement of Art. 16(3). */
function Art17Factors({ a }: { a: Art17 }) {
  const { t, lang } = useLang();
  const items = ['（一）', '（二）', '（三）', '（四）', '（五）'];
  return (
    <div data-testid="art17">
      <Muted>{a.purpose[lang]}</Muted>
      <List
        size="small"
        dataSource={a.factors}
        renderItem={(f) => {
          const [zh, en, color] = FACTOR_STATUS[f.status];
          return (
            <List.Item data-testid={`art17-${f.item}`} style={{ paddingInline: 0 }}>
              <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                <Space wrap size={4}>
                  <Typography.Text
                    strong
                  >{`${t(`第十七条第${items[f.item - 1]}项`, `Art. 17(${f.item})`)} ${f.title[lang]}`}</Typography.Text>
                  <Tag color={color} icon={f.status === 'noted' ? <WarningOutlined /> : undefined}>
                    {t(zh, en)}
                  </Tag>
                </Space>
                <Muted>{f.note[lang]}</Muted>
                {f.evidence.map((e) => (
                  <div key={e.what} data-testid={`art17-${e.what}`}>
                    <span
                      style={{ color: e.reached ? '#cf1322' : undefined, fontWeight: e.reached ? 600 : undefined }}
                    >{`${e.text[lang]}：${e.count}`}</span>
                    {e.threshold !== null && <Muted>{`\u00a0/ ${t('默认阈值', 'default')} ${e.threshold}`}</Muted>}
                    {e.names.length > 0 && <Muted>{`\u00a0${e.names.join('、')}`}</Muted>}
                    {e.trackingNos.length > 0 && <Muted>{`\u00a0${e.trackingNos.join('、')}`}</Muted>}
                  </div>
                ))}
              </Space>
            </List.Item>
          );
        }}
      />
      <Muted>
        {t(
          `依据：${a.basis}。阈值为系统默认值，不是法定标准；系统不据此作出任何决定。`,
          `Basis: ${a.basis}. Thresholds are system defaults, not law; the system decides nothing on them.`,
        )}
      </Muted>
    </div>
  );
}

/** The city's periods for settlement are its own policy, never the law: said wherever they are shown. */
