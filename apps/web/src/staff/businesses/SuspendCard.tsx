import { Alert, App, Button, Card, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../lib/api';
import { useLang } from '../../lib/i18n';
import type { Business } from '../../api/types';

/** Suspends online dispute resolution (with its reason: new complaints go to a station or the regulator), or resumes it. */
export function SuspendCard({ b, onChanged }: { b: Business; onChanged: (b: Business) => void }) {
  const { t } = useLang();
  const { message } = App.useApp();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const send = async (suspended: boolean) => {
    if (suspended && reason.trim().length < 2) {
      setProblem(t('请填写暂停原因（至少 2 个字）', 'Give the reason (at least 2 characters)'));
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const x = await api<Business>(`/admin/businesses/${encodeURIComponent(b.creditCode)}`, {
        method: 'PATCH',
        body: suspended ? { suspended: true, suspendedReason: reason.trim() } : { suspended: false },
      });
      message.success(suspended ? t('已暂停在线纠纷解决', 'Suspended') : t('已恢复在线纠纷解决', 'Resumed'));
      setAsking(false);
      setReason('');
      onChanged(x);
    } catch (e) {
      setProblem(
        e instanceof ApiError ? [e.message, ...e.details.map((d) => d.message)].join('；') : t('无法连接服务器', 'Cannot reach the server'),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('暂停与恢复', 'Suspend or resume')}>
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t(
          '暂停后，针对该经营者的新投诉不再先转交经营者，改由服务站或市场监管部门处理；已转交的投诉不受影响。',
          'While suspended, new complaints about it go to a station or the regulator instead; complaints it already holds are not affected.',
        )}
      </Typography.Paragraph>
      {b.odrActive ? (
        <Button danger onClick={() => setAsking(true)} data-testid="suspend-open">
          {t('暂停在线纠纷解决', 'Suspend')}
        </Button>
      ) : (
        <Button onClick={() => void send(false)} loading={busy} data-testid="resume">
          {t('恢复在线纠纷解决', 'Resume')}
        </Button>
      )}
      {problem && !asking && <Alert type="error" showIcon title={problem} style={{ marginTop: 8 }} />}
      <Modal
        open={asking}
        title={t(`暂停「${b.name}」的在线纠纷解决？`, `Suspend online dispute resolution for "${b.name}"?`)}
        okText={t('确认暂停', 'Suspend')}
        cancelText={t('取消', 'Cancel')}
        okButtonProps={{ danger: true, loading: busy, 'data-testid': 'suspend-confirm' }}
        onOk={() => void send(true)}
        onCancel={() => !busy && setAsking(false)}
      >
        {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 8 }} />}
        <Input.TextArea
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={500}
          showCount
          autoSize={{ minRows: 2, maxRows: 5 }}
          placeholder={t('暂停原因，如：多次逾期未答复', 'Why, e.g. repeatedly failed to answer in time')}
          aria-label={t('暂停原因', 'Reason')}
          data-testid="suspend-reason"
        />
      </Modal>
    </Card>
  );
}
