import { useLocation } from 'react-router';
import { useLang } from '../lib/i18n';
import { Shell } from '../lib/shell';
import { Alert, Card, Result } from '../ui';
import { CopyButton } from './copy-button';
import { LinkButton } from './link-button';
import { NextSteps } from './result-next';
import { lastFiled } from './storage';
import { groupDigits } from './texts';
import type { FiledState } from './storage';
import './result.css';

/** A number the consumer must keep: large, read out in groups, with a button to copy it. */
function KeepThis({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="keep">
      <div className="keep-label">{label}</div>
      <div className="keep-row">
        <span className="keep-value" data-testid={testId} data-value={value}>
          {groupDigits(value)}
        </span>
        <CopyButton text={value} what={label} />
      </div>
    </div>
  );
}

/** After filing: the 查询编号 and 查询码 (the code shown once, never again), the uploads' outcome, and what happens next. */
export function ResultPage() {
  const { t } = useLang();
  const location = useLocation();
  const filed = (location.state as FiledState | null) ?? lastFiled();

  if (!filed) {
    return (
      <Shell>
        <Card>
          <Result
            status="info"
            title={t('没有找到刚才的提交', 'No recent submission here')}
            subTitle={t(
              '如果您已记下查询编号和查询码，可以查询办理进度。',
              'If you noted your tracking number and access code, you can look up the case.',
            )}
            extra={
              <>
                <LinkButton to="/track" variant="primary">
                  {t('查询办理进度', 'Track a case')}
                </LinkButton>
                <LinkButton to="/complaint/new">{t('我要投诉/举报', 'File a complaint or report')}</LinkButton>
              </>
            }
          />
        </Card>
      </Shell>
    );
  }

  const { answer } = filed;
  const duplicate = answer.status === 'duplicate';
  // A repeated report (Order 121 Art. 35) is not handled again; any other duplicate joins a case still being handled.
  const repeatedReport = answer.repeatRule === 'art35';
  return (
    <Shell>
      <Card className="result-card">
        <Result
          status={duplicate ? 'warning' : 'success'}
          title={
            duplicate
              ? repeatedReport
                ? t('已收到，与此前的举报为同一事实', 'Received: the same facts as an earlier report')
                : t('已收到，与此前的投诉为同一事项', 'Received: the same matter as an earlier complaint')
              : t('提交成功', 'Submitted')
          }
        />
        <KeepThis label={t('查询编号', 'Tracking number')} value={answer.trackingNo} testId="tracking-no" />
        <KeepThis label={t('查询码', 'Access code')} value={answer.accessCode} testId="access-code" />
        <Alert
          type="warning"
          title={t('请立即记下或截图保存查询编号和查询码', 'Write down or screenshot the tracking number and access code now')}
        >
          {t(
            '凭这两项查询进度、补充材料、撤回或评价。查询码只显示这一次，工作人员也无法告诉您；遗失的，可在查询页凭查询编号和提交时的手机号申请以短信重新获取。',
            'You need both to track the case, add material, withdraw or rate it. The access code is shown only this once and staff cannot tell it to you; if you lose it, you can ask on the tracking page for a new one by SMS, with the tracking number and the phone you gave.',
          )}
        </Alert>

        <NextSteps filed={filed} />

        {filed.uploaded > 0 && (
          <p className="ui-muted">{t(`已上传 ${filed.uploaded} 个附件。`, `${filed.uploaded} attachment(s) uploaded.`)}</p>
        )}
        {filed.uploadError && (
          <Alert type="error" title={t('附件上传失败', 'The attachments were not uploaded')}>
            {`${filed.uploadError} ${t('投诉已成功提交，您可以在进度查询页补充上传。', 'The case itself is filed; you can add them on the status page.')}`}
          </Alert>
        )}

        <div className="result-actions">
          <LinkButton to={`/track?no=${answer.trackingNo}`} variant="primary" block data-testid="go-track">
            {t('查看办理进度', 'See the progress')}
          </LinkButton>
          <LinkButton to="/" block>
            {t('返回首页', 'Home')}
          </LinkButton>
        </div>
      </Card>
    </Shell>
  );
}
