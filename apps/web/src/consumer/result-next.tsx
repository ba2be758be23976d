import { useLang } from '../lib/i18n';
import { Alert } from '../ui';
import { CopyButton } from './copy-button';
import { groupDigits } from './texts';
import type { FiledState } from './storage';

/**
 * What happens next, as the filing's answer says: two cases for "both", a duplicate joined to (or,
 * for a repeated report, not handled beside) the first, the path a complaint takes (settlement first
 * or formal), and the date by which the department decides.
 */
export function NextSteps({ filed }: { filed: FiledState }) {
  const { t } = useLang();
  const { answer } = filed;
  const duplicate = answer.status === 'duplicate';
  const repeatedReport = answer.repeatRule === 'art35';
  const firstNo = answer.duplicateOfTrackingNo ? groupDigits(answer.duplicateOfTrackingNo) : '';
  const linked = answer.kind === 'both' ? answer.linkedTrackingNo : undefined;
  return (
    <>
      {linked && (
        <Alert
          type="info"
          data-testid="linked-note"
          title={t('已分为投诉和举报两件，分别办理', 'Filed as a complaint and a report, handled separately')}
        >
          <p>
            {t('投诉：', 'Complaint: ')}
            <strong className="case-number">{groupDigits(answer.trackingNo)}</strong>
          </p>
          <p className="number-copy">
            <span>
              {t('举报：', 'Report: ')}
              <strong className="case-number">{groupDigits(linked)}</strong>
            </span>
            <CopyButton text={linked} what={t('举报的查询编号', 'Report’s tracking number')} />
          </p>
          <p>{t('两件使用同一个查询码。', 'Both use the same access code.')}</p>
        </Alert>
      )}

      {duplicate && (
        <Alert
          type="warning"
          data-testid="duplicate-note"
          title={repeatedReport ? t('重复举报', 'Repeated report') : t('重复提交', 'Duplicate')}
        >
          {repeatedReport
            ? t(
                `您此前已就同一涉嫌违法事实举报过同一经营者${firstNo ? `（查询编号 ${firstNo}）` : ''}，该举报已在办理，本次不再另行处理（《市场监督管理投诉举报处理办法》第三十五条）。请凭原查询编号查询进度；有新的事实，请在举报中写明。`,
                `You already reported the same facts about the same business${firstNo ? ` (tracking number ${firstNo})` : ''}; that report is being handled, so this one is not handled again (Order 121 Art. 35). Follow the first report with its number; if you have new facts, say so in a report.`,
              )
            : t(
                `您此前就同一经营者的同一事项提交的${answer.kind === 'report' ? '举报' : '投诉'}${firstNo ? `（查询编号 ${firstNo}）` : ''}仍在办理中，本次提交已并入该件一并办理，不再另行分派。`,
                `Your earlier ${answer.kind === 'report' ? 'report' : 'complaint'} about the same matter with the same business${firstNo ? ` (tracking number ${firstNo})` : ''} is still being handled; this one is linked to it and handled together with it.`,
              )}
        </Alert>
      )}

      {!duplicate && answer.kind !== 'report' && (
        <div data-testid="path-note" data-stage={answer.stage}>
          {answer.stage === 'settlement' ? (
            <SettlementPath filed={filed} />
          ) : (
            <Alert type="info" title={t('正式投诉：由市场监管部门依法处理', 'A formal complaint: the market regulator handles it')}>
              {t(
                '市场监管部门将依法决定是否受理；受理后组织调解。',
                'The department decides whether to accept it and, once accepted, mediates.',
              )}
            </Alert>
          )}
        </div>
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
    </>
  );
}

/** 先行和解: who helps (a station, or the enrolled business itself), how soon, and that the consumer may go formal at any time. */
function SettlementPath({ filed }: { filed: FiledState }) {
  const { t } = useLang();
  const byBusiness = filed.helperType === 'business';
  return (
    <Alert
      type="info"
      title={
        byBusiness
          ? t('先行和解：由被投诉经营者直接答复您', 'Settlement first: the business answers you itself')
          : t('先行和解：由服务站协助您与商家协商', 'Settlement first: a station helps you and the business agree')
      }
    >
      <p>
        {byBusiness ? (
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
              ' It will contact you within the take-up period; both that period and the settlement period are shown on the progress page.',
            )}
          </>
        )}
        {filed.settlementDays
          ? t(`通常 ${filed.settlementDays} 个工作日内有结果。`, ` An outcome usually comes within ${filed.settlementDays} working days.`)
          : ''}
      </p>
      <p>
        {t(
          '先行和解不计算法定受理期限。商家提出方案后由您决定是否接受；协商期间您可以随时转为向市场监管部门正式投诉。',
          'No statutory acceptance period runs while settling. You decide whether to accept what the business offers, and you may complain to the regulator formally at any time.',
        )}
      </p>
    </Alert>
  );
}
