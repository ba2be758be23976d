import { DownloadOutlined, FileImageOutlined, FilePdfOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Empty, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { download } from '../lib/api';
import { useLang } from '../lib/i18n';
import { PRIMARY } from '../lib/theme';
import { fileSize, groupDigits, ratingLabel, sentence, statusColor, trackLabel } from './texts';
import type { Attachment, CaseView } from '../api/types';

const when = (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm');

/** The case at a glance: status, who handles it, its deadlines. */
export function CaseSummary({ view }: { view: CaseView }) {
  const { t } = useLang();
  return (
    <Card className="form-card">
      <div className="status-head">
        <div>
          <div className="keep-label">
            {trackLabel(view.track, t)} · {t('受理编号', 'Tracking number')}
          </div>
          <div className="status-no">{groupDigits(view.trackingNo)}</div>
        </div>
        <Tag color={statusColor(view.status)} className="status-tag" data-testid="case-status" data-status={view.status}>
          {sentence(view.statusText)}
        </Tag>
      </div>
      <Descriptions
        column={1}
        size="small"
        className="case-facts"
        items={[
          {
            key: 'unit',
            label:
              view.assignee?.type === 'business'
                ? t('答复的经营者', 'Answering you')
                : view.stage === 'settlement'
                  ? t('协助协商', 'Helping you')
                  : t('承办单位', 'Handled by'),
            children: view.assignee ? (
              <span data-testid="assignee">{view.assignee.name}</span>
            ) : (
              <Typography.Text type="secondary">{t('正在分派', 'Being assigned')}</Typography.Text>
            ),
          },
          {
            key: 'business',
            label: view.track === 'report' ? t('被举报方', 'Business') : t('被投诉方', 'Business'),
            children: view.respondentName,
          },
          { key: 'category', label: t('类别', 'Category'), children: view.category.name },
          { key: 'received', label: t('提交时间', 'Received'), children: when(view.receivedAt) },
          ...(view.linkedTrackingNo
            ? [
                {
                  key: 'linked',
                  label: t('关联案件', 'Linked case'),
                  children: (
                    <Typography.Text copyable={{ text: view.linkedTrackingNo }}>{groupDigits(view.linkedTrackingNo)}</Typography.Text>
                  ),
                },
              ]
            : []),
          ...(view.duplicateOfTrackingNo
            ? [{ key: 'dup', label: t('并入投诉', 'Linked to'), children: groupDigits(view.duplicateOfTrackingNo) }]
            : []),
          ...(view.rating
            ? [
                {
                  key: 'rating',
                  label: t('您的评价', 'Your rating'),
                  children: `${ratingLabel(view.rating.rating, t)}${view.rating.comment ? `：${view.rating.comment}` : ''}`,
                },
              ]
            : []),
        ]}
      />
      {view.deadlines.length > 0 && (
        <>
          <Typography.Title level={5} className="section-title">
            {t('办理期限', 'Deadlines')}
          </Typography.Title>
          <ul className="deadlines" data-testid="deadlines">
            {view.deadlines.map((d) => (
              <li key={d.kind}>
                <span className="deadline-text">{sentence(d.text)}</span>
                <span className="deadline-date">
                  {d.metOn ? (
                    <Tag color="success">{t(`已于 ${d.metOn} 完成`, `met on ${d.metOn}`)}</Tag>
                  ) : d.pausedOn ? (
                    <Tag color="warning">{t(`${d.pausedOn} 起暂停计时`, `paused since ${d.pausedOn}`)}</Tag>
                  ) : (
                    <strong>{d.dueDate}</strong>
                  )}
                  {d.provisional && !d.metOn && (
                    <Tag
                      color="orange"
                      title={t(
                        '该年度节假日安排尚未公布，日期可能调整',
                        "That year's holiday schedule is not yet published; the date may change",
                      )}
                    >
                      {t('暂定', 'provisional')}
                    </Tag>
                  )}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}

/** What has happened, oldest first, in the API's words. */
export function CaseTimeline({ view }: { view: CaseView }) {
  const { t } = useLang();
  const events = [...view.timeline].sort((a, b) => dayjs(a.at).valueOf() - dayjs(b.at).valueOf());
  return (
    <Card className="form-card" title={t('办理进度', 'Progress')}>
      <div data-testid="timeline">
        <Timeline
          items={events.map((e, i) => ({
            key: `${e.at}-${i}`,
            color: i === events.length - 1 ? PRIMARY : '#c9cdd4', // the latest step stands out
            content: (
              <>
                <div className="timeline-at">{when(e.at)}</div>
                <div className="timeline-text">{e.text}</div>
              </>
            ),
          }))}
        />
      </div>
    </Card>
  );
}

/** The files of the case, the consumer's and the business's own; downloaded with the access code. */
export function CaseAttachments({ view, accessCode }: { view: CaseView; accessCode: string }) {
  const { t } = useLang();
  const { message } = App.useApp();
  const save = async (a: Attachment) => {
    try {
      await download(`/complaints/${encodeURIComponent(view.trackingNo)}/attachments/${encodeURIComponent(a.id)}`, a.name, {
        headers: { 'X-Access-Code': accessCode },
      });
    } catch {
      message.error(t('下载失败，请稍后重试', 'The download failed; try again shortly'));
    }
  };
  return (
    <Card className="form-card" title={t('附件', 'Attachments')}>
      {view.attachments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('暂无附件', 'No attachments')} />
      ) : (
        <ul className="file-list" data-testid="case-attachments">
          {view.attachments.map((a) => (
            <li key={a.id}>
              {a.mime === 'application/pdf' ? <FilePdfOutlined className="file-icon" /> : <FileImageOutlined className="file-icon" />}
              <span className="file-name" title={a.name}>
                {a.name}
              </span>
              {a.from === 'business' ? (
                <Tag color="purple" className="file-from" data-testid="file-from-business">
                  {t('经营者上传', 'From the business')}
                </Tag>
              ) : (
                a.sharedWithBusiness && (
                  <Tag className="file-from" title={t('您允许经营者查看此文件', 'You let the business see it')}>
                    {t('经营者可查看', 'Shared with the business')}
                  </Tag>
                )
              )}
              <span className="file-size">{fileSize(a.size)}</span>
              <Button
                size="small"
                icon={<DownloadOutlined />}
                onClick={() => void save(a)}
                aria-label={t(`下载 ${a.name}`, `Download ${a.name}`)}
              />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
