import { download } from '../lib/api';
import { minuteOf } from '../lib/format';
import { Icon } from '../lib/icons';
import { useLang } from '../lib/i18n';
import type { Item } from '../ui';
import { Button, Card, Descriptions, Empty, Tag, Timeline, useToast } from '../ui';
import { CopyButton } from './copy-button';
import { fileSize, groupDigits, ratingLabel, sentence, statusColor, trackLabel } from './texts';
import type { Attachment, CaseView } from '../api/types';

/** The case at a glance: its number and status, who handles it and how to reach them. */
export function CaseSummary({ view }: { view: CaseView }) {
  const { t } = useLang();
  const unitLabel =
    view.assignee?.type === 'business'
      ? t('答复的经营者', 'Answering you')
      : view.stage === 'settlement'
        ? t('协助协商', 'Helping you')
        : t('承办单位', 'Handled by');
  const items: Item[] = [
    {
      key: 'unit',
      label: unitLabel,
      value: view.assignee ? (
        <span data-testid="assignee">{view.assignee.name}</span>
      ) : (
        <span className="ui-muted">{t('正在分派', 'Being assigned')}</span>
      ),
    },
    // While settling, the settlement card says how to reach the station (or that the business answers itself).
    ...(view.stage === 'settlement' && view.settlement ? [] : unitContact(view.handlingUnit, t)),
    { key: 'business', label: view.track === 'report' ? t('被举报方', 'Business') : t('被投诉方', 'Business'), value: view.respondentName },
    { key: 'category', label: t('类别', 'Category'), value: view.category.name },
    { key: 'received', label: t('提交时间', 'Received'), value: minuteOf(view.receivedAt) },
  ];
  if (view.linkedTrackingNo)
    items.push({
      key: 'linked',
      label: t('关联案件', 'Linked case'),
      value: (
        <span className="number-copy">
          <span className="case-number">{groupDigits(view.linkedTrackingNo)}</span>
          <CopyButton text={view.linkedTrackingNo} what={t('查询编号', 'Tracking number')} />
        </span>
      ),
    });
  if (view.duplicateOfTrackingNo)
    items.push({
      key: 'dup',
      label: t('并入投诉', 'Linked to'),
      value: <span className="case-number">{groupDigits(view.duplicateOfTrackingNo)}</span>,
    });
  if (view.rating)
    items.push({
      key: 'rating',
      label: t('您的评价', 'Your rating'),
      value: `${ratingLabel(view.rating.rating, t)}${view.rating.comment ? `：${view.rating.comment}` : ''}`,
    });

  return (
    <Card>
      <div className="status-head">
        <h2 className="status-title">
          <span className="status-kind">
            {trackLabel(view.track, t)} · {t('查询编号', 'Tracking number')}
          </span>
          <span className="status-no">{groupDigits(view.trackingNo)}</span>
        </h2>
        <span className="status-tag" data-testid="case-status" data-status={view.status}>
          <Tag color={statusColor(view.status)}>{sentence(view.statusText)}</Tag>
        </span>
      </div>
      <Descriptions items={items} />
    </Card>
  );
}

/** The handling unit's phone and address as the directory has them; its note says why one is missing (nothing made up). */
function unitContact(unit: CaseView['handlingUnit'], t: (zh: string, en: string) => string): Item[] {
  if (!unit) return [];
  const rows: Item[] = [];
  if (unit.phone)
    rows.push({
      key: 'unit-phone',
      label: t('联系电话', 'Phone'),
      value: <PhoneLink phone={unit.phone} testId="unit-phone" />,
    });
  if (unit.address)
    rows.push({ key: 'unit-address', label: t('地址', 'Address'), value: <span data-testid="unit-address">{unit.address}</span> });
  if (unit.note)
    rows.push({
      key: 'unit-note',
      label: t('联系方式', 'Contact'),
      value: (
        <span className="ui-muted" data-testid="unit-note">
          {t(unit.note.zh, unit.note.en)}
        </span>
      ),
    });
  return rows;
}

/** A phone number to call with one tap (the dialler gets its digits only). */
export function PhoneLink({ phone, testId }: { phone: string; testId: string }) {
  return (
    <a className="tel-link" href={`tel:${phone.replace(/[^\d+]/g, '')}`} data-testid={testId}>
      {phone}
    </a>
  );
}

/** What has happened, oldest first, in the API's words; the latest step stands out. */
export function CaseTimeline({ view }: { view: CaseView }) {
  const { t } = useLang();
  const events = [...view.timeline].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return (
    <Card title={t('办理经过', 'What has happened')} data-testid="timeline">
      <Timeline
        items={events.map((e, i) => ({
          key: `${e.at}-${i}`,
          tone: i === events.length - 1 ? 'blue' : 'grey',
          children: (
            <>
              <time className="timeline-at" dateTime={e.at}>
                {minuteOf(e.at)}
              </time>
              <div className="timeline-text">{e.text}</div>
            </>
          ),
        }))}
      />
    </Card>
  );
}

/** The files of the case, the consumer's and the business's own; downloaded with the access code. */
export function CaseAttachments({ view, accessCode }: { view: CaseView; accessCode: string }) {
  const { t } = useLang();
  const toast = useToast();
  const save = async (a: Attachment) => {
    try {
      await download(`/complaints/${encodeURIComponent(view.trackingNo)}/attachments/${encodeURIComponent(a.id)}`, a.name, {
        headers: { 'X-Access-Code': accessCode },
      });
    } catch {
      toast.error(t('下载失败，请稍后重试', 'The download failed; try again shortly'));
    }
  };
  return (
    <Card title={t('附件', 'Attachments')}>
      {view.attachments.length === 0 ? (
        <Empty>{t('暂无附件', 'No attachments')}</Empty>
      ) : (
        <ul className="file-list" data-testid="case-attachments">
          {view.attachments.map((a) => (
            <li key={a.id}>
              <Icon name="file" className={a.mime === 'application/pdf' ? 'file-icon file-icon-pdf' : 'file-icon'} />
              <span className="file-about">
                <span className="file-name">{a.name}</span>
                <span className="file-meta">
                  {fileSize(a.size)}
                  {a.from === 'business' ? (
                    <span data-testid="file-from-business">
                      <Tag color="purple">{t('经营者上传', 'From the business')}</Tag>
                    </span>
                  ) : (
                    a.sharedWithBusiness && <Tag>{t('经营者可查看', 'Shared with the business')}</Tag>
                  )}
                </span>
              </span>
              <Button size="large" onClick={() => void save(a)} aria-label={t(`下载 ${a.name}`, `Download ${a.name}`)}>
                <Icon name="download" />
                {t('下载', 'Download')}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
