import { DownloadOutlined, FileOutlined, UploadOutlined } from '@ant-design/icons';
import type { UploadFile } from 'antd';
import { Alert, App, Button, Card, List, Space, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { api, ApiError, download } from '../lib/api';
import { ACCEPTED, MAX_BYTES, MAX_FILES } from '../lib/files';
import { useLang } from '../lib/i18n';
import { fmtTime } from './labels';
import type { T } from './labels';
import type { AttachmentsAdded, BusinessAttachment, BusinessCase } from '../api/types';

const kb = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

function fileProblem(t: T, f: File): string | null {
  if (!ACCEPTED.includes(f.type)) return t(`${f.name}：只能上传图片或 PDF`, `${f.name}: images or PDF only`);
  if (f.size > MAX_BYTES) return t(`${f.name}：超过 10 MB`, `${f.name}: larger than 10 MB`);
  return null;
}

/** The files the consumer shared and the business's own (downloaded with the token), and new ones (≤5, images/PDF ≤10 MB). */
export function AttachmentsCard({ c, onChanged }: { c: BusinessCase; onChanged: () => void }) {
  const { t } = useLang();
  const { message } = App.useApp();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const canAdd = c.allowedActions.length > 0;

  const save = async (a: BusinessAttachment) => {
    try {
      await download(`/business/cases/${encodeURIComponent(c.id)}/attachments/${encodeURIComponent(a.id)}`, a.name);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : t('下载失败，请稍后重试', 'The download failed; try again shortly'));
    }
  };

  const upload = async () => {
    const chosen = files.map((f) => f.originFileObj).filter((f): f is NonNullable<typeof f> => !!f);
    if (!chosen.length) return;
    setBusy(true);
    setProblem(null);
    try {
      const form = new FormData();
      for (const f of chosen) form.append('file', f, f.name);
      const r = await api<AttachmentsAdded>(`/business/cases/${encodeURIComponent(c.id)}/attachments`, { form });
      message.success(t(`已上传 ${r.attachments.length} 个文件`, `${r.attachments.length} uploaded`));
      setFiles([]);
      onChanged();
    } catch (e) {
      setProblem(e instanceof ApiError ? e.message : t('上传失败，请稍后重试', 'The upload failed; try again shortly'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('附件', 'Files')} data-testid="biz-attachments">
      {c.attachments.length === 0 ? (
        <Typography.Text type="secondary">{t('暂无附件（消费者未共享证据材料）', 'No files (the consumer shared none)')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={c.attachments}
          renderItem={(a) => (
            <List.Item
              actions={[
                <Button
                  key="dl"
                  size="small"
                  icon={<DownloadOutlined />}
                  onClick={() => void save(a)}
                  aria-label={t(`下载 ${a.name}`, `Download ${a.name}`)}
                />,
              ]}
            >
              <Space wrap>
                <FileOutlined aria-hidden />
                <span>{a.name}</span>
                <Tag color={a.from === 'business' ? 'purple' : 'blue'}>
                  {a.from === 'business' ? t('本单位上传', 'Yours') : t('消费者提供', "The consumer's")}
                </Tag>
                <Typography.Text type="secondary">
                  {kb(a.size)} · {fmtTime(a.at)}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
      {canAdd && (
        <div style={{ marginTop: 12 }}>
          <Upload
            multiple
            accept={ACCEPTED.join(',')}
            fileList={files}
            beforeUpload={(f) => {
              const p = fileProblem(t, f);
              if (p) message.warning(p);
              return p ? Upload.LIST_IGNORE : false;
            }}
            onChange={({ fileList }) => setFiles(fileList.slice(0, MAX_FILES))}
          >
            <Button icon={<UploadOutlined />} disabled={files.length >= MAX_FILES}>
              {t('选择文件', 'Choose files')}
            </Button>
          </Upload>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '4px 0 8px' }}>
            {t(
              '如发票、退款凭证、沟通记录：图片或 PDF，最多 5 个，每个不超过 10 MB。消费者和处理部门可以查看。',
              'Receipts, refund slips, messages: images or PDF, up to 5, 10 MB each. The consumer and the handling department can see them.',
            )}
          </Typography.Paragraph>
          {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 8 }} />}
          {files.length > 0 && (
            <Button type="primary" onClick={() => void upload()} loading={busy} data-testid="biz-upload">
              {t('上传', 'Upload')}
            </Button>
          )}
        </div>
      )}
    </Card>
  );
}
