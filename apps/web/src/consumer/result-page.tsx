import { CheckCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { Alert, Button, Card, Space, Typography } from 'antd';
import { Link, useLocation } from 'react-router';
import { useLang } from '../lib/i18n';
import { Shell } from '../lib/shell';
import { lastFiled } from './storage';
import { groupDigits } from './texts';
import type { FiledState } from './storage';

/** A number the consumer must keep: large, copyable, and read out in groups. */
function KeepThis({ label, value, testId }: { label: string; value: string; testId: string }) {
  const { t } = useLang();
  return (
    <div className="keep">
      <div className="keep-label">{label}</div>
      <Typography.Text
        className="keep-value"
        data-testid={testId}
        data-value={value}
        copyable={{ text: value, tooltips: [t('复制', 'Copy'), t('已复制', 'Copied')] }}
      >
        {groupDigits(value)}
      </Typography.Text>
    </div>
  );
}

/** After filing: the tracking number and access code (shown once, never again), and what happens next. */
export function ResultPage() {
  const { t } = useLang();
  const location = useLocation();
  const filed = (location.state as FiledState | null) ?? lastFiled();

  if (!filed) {
    return (
      <Shell>
        <Card className="form-card">
          <Typography.Title level={1} className="page-title">
            {t('没有找到刚才的提交', 'No recent submission here')}
          </Typography.Title>
          <Typography.Paragraph>
            {t(
              '如果您已记下受理编号和查询码，可以查询办理进度。',
              'If you noted your tracking number and access code, you can look up the case.',
            )}
          </Typography.Paragraph>
          <Space wrap>
            <Link to="/track">
              <Button type="primary">{t('查询办理进度', 'Track a case')}</Button>
            </Link>
            <Link to="/complaint/new">
              <Button>{t('我要投诉/举报', 'File a complaint or report')}</Button>
            </Link>
          </Space>
        </Card>
      </Shell>
    );
  }

  const { answer } = filed;
  const duplicate = answer.status === 'duplicate';
  // A repeated report (Order 121 Art. 35) is not handled again; any other duplicate joins a case still being handled.
  const repeatedReport = answer.repeatRule === 'art35';
  const firstNo = answer.duplicateOfTrackingNo ? groupDigits(answer.duplicateOfTrackingNo) : '';
  const both = answer.kind === 'both' && answer.linkedTrackingNo;
  return (
    <Shell>
      <Card className="form-card result-card">
        <div className="result-head">
          {duplicate ? <ExclamationCircleFilled className="result-icon warn" /> : <CheckCircleFilled className="result-icon" />}
          <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
            {duplicate
              ? repeatedReport
                ? t('已收到，与此前的举报为同一事实', 'Received: the same facts as an earlier report')
                : t('已收到，与此前的投诉为同一事项', 'Received: the same matter as an earlier complaint')
              : t('提交成功', 'Submitted')}
          </Typography.Title>
        </div>

        <KeepThis label={t('受理编号', 'Tracking number')} value={answer.trackingNo} testId="tracking-no" />
        <KeepThis label={t('查询码', 'Access code')} value={answer.accessCode} testId="access-code" />

        <Alert
          type="warning"
          showIcon
          className="keep-warning"
          title={t('请立即记下或截图保存受理编号和查询码', 'Write down or screenshot the tracking number and access code now')}
          description={t(
            '凭这两项查询进度、补充材料、撤回或评价。查询码只显示这一次，遗失后无法找回，工作人员也无法告诉您。',
            'You need both to track the case, add material, withdraw or rate it. The access code is shown only this once and cannot be recovered: staff cannot tell it to you either.',
          )}
        />

        {both && (
          <Alert
            type="info"
            showIcon
            className="result-note"
            data-testid="linked-note"
            title={t('已分为投诉和举报两件，分别办理', 'Filed as a complaint and a report, handled separately')}
            description={
              <>
                {t('投诉：', 'Complaint: ')}
                <strong>{groupDigits(answer.trackingNo)}</strong>
                <br />
                {t('举报：', 'Report: ')}
                <Typography.Text strong copyable={{ text: answer.linkedTrackingNo! }}>
                  {groupDigits(answer.linkedTrackingNo!)}
                </Typography.Text>
                <br />
                {t('两件使用同一个查询码。', 'Both use the same access code.')}
              </>
            }
          />
        )}

        {duplicate && (
          <Alert
            type="warning"
            showIcon
            className="result-note"
            data-testid="duplicate-note"
            title={repeatedReport ? t('重复举报', 'Repeated report') : t('重复提交', 'Duplicate')}
            description={
              repeatedReport
                ? t(
                    `您此前已就同一涉嫌违法事实举报过同一经营者${firstNo ? `（受理编号 ${firstNo}）` : ''}，该举报已在办理，本次不再另行处理（《市场监督管理投诉举报处理办法》第三十五条）。请凭原受理编号查询进度；有新的事实，请在举报中写明。`,
                    `You already reported the same facts about the same business${firstNo ? ` (tracking number ${firstNo})` : ''}; that report is being handled, so this one is not handled again (Order 121 Art. 35). Follow the first report with its number; if you have new facts, say so in a report.`,
                  )
                : t(
                    `您此前就同一经营者的同一事项提交的${answer.kind === 'report' ? '举报' : '投诉'}${firstNo ? `（受理编号 ${firstNo}）` : ''}仍在办理中，本次提交已并入该件一并办理，不再另行分派。`,
                    `Your earlier ${answer.kind === 'report' ? 'report' : 'complaint'} about the same matter with the same business${firstNo ? ` (tracking number ${firstNo})` : ''} is still being handled; this one is linked to it and handled together with it.`,
                  )
            }
          />
        )}

        {!duplicate && answer.kind !== 'report' && (
          <Alert
            type="info"
            showIcon
            className="result-note"
            data-testid="path-note"
            data-stage={answer.stage}
            title={
              answer.stage === 'settlement'
                ? filed.helperType === 'business'
                  ? t('先行和解：由被投诉经营者直接答复您', 'Settlement first: the business answers you itself')
                  : t('先行和解：由服务站协助您与商家协商', 'Settlement first: a station helps you and the business agree')
                : t('正式投诉：由市场监管部门依法处理', 'A formal complaint: the market regulator handles it')
            }
            description={
              answer.stage === 'settlement' ? (
                <>
                  {filed.helperType === 'business' ? (
                    t(
                      `您的投诉将转交被投诉经营者${filed.helperName ? ` ${filed.helperName}` : ''}（在线消费纠纷解决企业）直接答复（以分派结果为准），经营者须在 10 个工作日内答复（本市工作规范，非法定期限），答复可在办理进度中查看。`,
                      `Your complaint goes to the business${filed.helperName ? ` ${filed.helperName}` : ''} (enrolled for online dispute resolution), which answers within 10 working days (city policy, not law); its answer is shown on the progress page.`,
                    )
                  ) : (
                    <>
                      {filed.helperName
                        ? t(
                            `正在确定由哪个服务站协助您（预计为 ${filed.helperName}，以分派结果为准）。`,
                            `The station that helps you is being decided (probably ${filed.helperName}).`,
                          )
                        : t('正在确定由哪个服务站协助您。', 'The station that helps you is being decided.')}
                      {t(
                        '服务站会在接手期限内与您联系，接手期限和协商期限可在办理进度中查看。',
                        'It will contact you within the take-up period; both that period and the settlement period are shown on the progress page.',
                      )}
                    </>
                  )}
                  {filed.settlementDays
                    ? t(
                        `通常 ${filed.settlementDays} 个工作日内有结果。`,
                        ` An outcome usually comes within ${filed.settlementDays} working days.`,
                      )
                    : ''}
                  <br />
                  {t(
                    '先行和解不计算法定受理期限。商家提出方案后由您决定是否接受；协商期间您可以随时转为向市场监管部门正式投诉。',
                    'No statutory acceptance period runs while settling. You decide whether to accept what the business offers, and you may complain to the regulator formally at any time.',
                  )}
                </>
              ) : (
                t(
                  '市场监管部门将依法决定是否受理；受理后组织调解。',
                  'The department decides whether to accept it and, once accepted, mediates.',
                )
              )
            }
          />
        )}

        {answer.acceptanceDueDate && !duplicate && (
          <p className="result-due" data-testid="acceptance-due">
            {answer.kind === 'report'
              ? t(
                  `监管部门将核查举报线索，立案决定期限：${answer.acceptanceDueDate}`,
                  `The regulator checks the lead; decision on opening a case due by ${answer.acceptanceDueDate}`,
                )
              : t(
                  `是否受理将在 ${answer.acceptanceDueDate} 前告知您`,
                  `You will be told whether it is accepted by ${answer.acceptanceDueDate}`,
                )}
            {answer.acceptanceDueProvisional && (
              <span className="provisional">
                {' '}
                {t('（暂定：该年度节假日安排尚未公布）', "(provisional: that year's holiday schedule is not yet published)")}
              </span>
            )}
          </p>
        )}

        {filed.uploaded > 0 && (
          <p className="fine-print">{t(`已上传 ${filed.uploaded} 个附件。`, `${filed.uploaded} attachment(s) uploaded.`)}</p>
        )}
        {filed.uploadError && (
          <Alert
            type="error"
            showIcon
            className="result-note"
            title={t('附件上传失败', 'The attachments were not uploaded')}
            description={`${filed.uploadError} ${t('投诉已成功提交，您可以在进度查询页补充上传。', 'The case itself is filed; you can add them on the status page.')}`}
          />
        )}

        <Space orientation="vertical" style={{ width: '100%', marginTop: 16 }}>
          <Link to={`/track?no=${answer.trackingNo}`}>
            <Button type="primary" size="large" block data-testid="go-track">
              {t('查看办理进度', 'See the progress')}
            </Button>
          </Link>
          <Link to="/">
            <Button size="large" block>
              {t('返回首页', 'Home')}
            </Button>
          </Link>
        </Space>
      </Card>
    </Shell>
  );
}
