import { useLang } from '../lib/i18n';
import { Alert } from '../ui';

/**
 * Requests that are not complaints or reports go elsewhere (市场监督管理投诉举报处理办法第四十四条):
 * said before anyone fills in the form. The API answers the same (422 with where to go) when a
 * request names one of these kinds (libs/complaints/src/intake/request-kind.rules.ts).
 */
export function ElsewhereNotice() {
  const { t } = useLang();
  return (
    <Alert
      type="info"
      className="statutory-notice elsewhere-notice"
      data-testid="elsewhere-notice"
      title={t('这些事项不在这里办理', 'These are not filed here')}
    >
      <p>
        {t(
          '本页只受理对经营者的消费投诉和违法行为举报。以下事项不属于投诉举报，不会登记为案件（《市场监督管理投诉举报处理办法》第四十四条），请通过相应途径提出：',
          'This page takes consumer complaints about businesses and reports of their violations only. The following are not complaints or reports and are not registered as cases (Order 121 Art. 44); make them here instead:',
        )}
      </p>
      <ul>
        <li>
          <strong>{t('咨询：', 'Questions: ')}</strong>
          {t(
            '拨打 12315 热线，或登录全国12315平台（www.12315.cn）。',
            'call the 12315 hotline or use the national 12315 platform (www.12315.cn).',
          )}
        </li>
        <li>
          <strong>{t('政府信息公开申请：', 'Government information: ')}</strong>
          {t(
            '依《政府信息公开条例》向制作或保存该信息的行政机关（如聊城市市场监督管理局）申请，方式见其门户网站"政府信息公开"栏目。',
            'apply under the Regulations on the Disclosure of Government Information to the authority that holds it (for example the Liaocheng Market Regulation Bureau); see the 政府信息公开 page of its website.',
          )}
        </li>
        <li>
          <strong>{t('行政复议申请：', 'Administrative reconsideration: ')}</strong>
          {t(
            '对市场监管部门的行政行为不服的，向该部门的本级人民政府申请（对市局的向聊城市人民政府，对区县局的向该区县人民政府），一般在知道该行为之日起 60 日内；也可以提起行政诉讼。',
            "to challenge a market-regulation department's act, apply to the people's government at its level (the city government for the city bureau, the county or district government for theirs), as a rule within 60 days of learning of the act; or sue.",
          )}
        </li>
        <li>
          <strong>{t('纪检监察检举控告：', 'Reports about public officials: ')}</strong>
          {t(
            '向纪检监察机关（聊城市或区县纪委监委）提出，或拨打 12388、登录 www.12388.gov.cn。',
            'to the discipline inspection and supervision authorities (city or county/district), by phone at 12388 or at www.12388.gov.cn.',
          )}
        </li>
      </ul>
    </Alert>
  );
}
