import { useLang } from '../lib/i18n';
import { Alert } from '../ui';

/** What the law asks a complainant to give (市场监督管理投诉举报处理办法): missing materials can be a reason to refuse. */
export function StatutoryNotice() {
  const { t } = useLang();
  return (
    <Alert type="info" className="statutory-notice" title={t('投诉须提供的材料', 'What a complaint must include')}>
      <p>
        {t(
          '依据《市场监督管理投诉举报处理办法》，投诉应当提供：',
          'Under the rules on market-regulation complaints and reports, a complaint must give:',
        )}
      </p>
      <ol>
        <li>{t('投诉人的姓名、电话号码、通讯地址；', 'your name, phone number and address;')}</li>
        <li>{t('被投诉人（经营者）的名称和地址；', 'the name and address of the business;')}</li>
        <li>{t('具体的投诉请求，以及消费者权益争议的事实。', 'what you ask for, and the facts of the dispute.')}</li>
      </ol>
      <p>
        {t(
          '委托他人代为投诉的，还应提供授权委托书原件以及受托人身份证明。材料不全的，可能不予受理。举报应提供涉嫌违法行为的具体线索，并对举报内容的真实性负责。向市场监管部门正式投诉的，是否受理将在收到之日起 7 个工作日内告知您。',
          'Someone filing for you must add the original power of attorney and their own identity document. Missing materials can be a reason not to accept it. A report must give concrete leads on the illegal conduct, and the reporter is responsible for its truth. For a formal complaint to the market regulator, you are told within 7 working days of receipt whether it is accepted.',
        )}
      </p>
    </Alert>
  );
}
