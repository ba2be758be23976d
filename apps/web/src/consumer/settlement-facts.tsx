import { useLang } from '../lib/i18n';
import type { Item } from '../ui';
import { Descriptions } from '../ui';
import { DeadlineWhy } from './case-deadlines';
import { PhoneLink } from './case-view';
import type { CaseView } from '../api/types';

type Settlement = NonNullable<CaseView['settlement']>;

/**
 * Who helps settle (the station, its phone as a link to call, its address; or the enrolled business
 * answering itself), by when (the city's take-up and outcome dates, each explained), and what
 * happens if those dates pass.
 */
export function SettlementFacts({ view, settlement: s, open }: { view: CaseView; settlement: Settlement; open: boolean }) {
  const { t } = useLang();
  const handler = s.handler;
  // An enrolled business (在线消费纠纷解决企业) answers itself: no station, no phone to call.
  const byBusiness = handler?.type === 'business';
  const items: Item[] = [
    {
      key: 'handler',
      label: byBusiness ? t('答复的经营者', 'Answering you') : t('协助协商', 'Helping you'),
      value: handler ? (
        <span data-testid="settlement-handler" data-type={handler.type}>
          {handler.name}
          {byBusiness && (
            <span className="policy-note">
              {t('（在线消费纠纷解决企业，直接答复您）', ' (enrolled for online dispute resolution: it answers you itself)')}
            </span>
          )}
        </span>
      ) : (
        <span className="ui-muted">{t('正在确定由哪个服务站协助您', 'The station that helps you is being decided')}</span>
      ),
    },
  ];
  if (handler?.phone)
    items.push({
      key: 'phone',
      label: t('联系电话', 'Phone'),
      value: <PhoneLink phone={handler.phone} testId="settlement-phone" />,
    });
  if (handler?.address) items.push({ key: 'address', label: t('地址', 'Address'), value: handler.address });
  if (open && s.takeUpDueDate)
    items.push({
      key: 'take-up',
      label: t('接手期限', 'Taken up by'),
      value: (
        <span data-testid="settlement-take-up">
          <strong>{s.takeUpDueDate}</strong> <DeadlineWhy explanation={s.takeUpDueDateExplanation} cityPolicy />
        </span>
      ),
    });
  if (open && s.dueDate)
    items.push({
      key: 'due',
      label: byBusiness ? t('经营者答复期限', 'The business answers by') : t('协商期限', 'Outcome by'),
      value: (
        <span data-testid="settlement-due">
          <strong>{s.dueDate}</strong> <DeadlineWhy explanation={s.dueDateExplanation} cityPolicy />
        </span>
      ),
    });

  return (
    <>
      <Descriptions items={items} />
      {open && (
        <p className="ui-muted settlement-hint">
          {byBusiness
            ? view.status === 'offered'
              ? t(
                  '经营者已答复。请决定是否接受其方案；不接受的，请说明原因，投诉将转为向市场监管部门正式投诉。',
                  'The business has answered. Decide whether to accept its offer; if you do not, say why and it becomes a formal complaint to the market regulator.',
                )
              : t(
                  `经营者须在 ${s.dueDate ?? ''} 前答复您（10 个工作日，本市工作规范，非法定期限）。逾期未答复或经营者不同意的，将自动转为向市场监管部门正式投诉。`,
                  `The business must answer you by ${s.dueDate ?? ''} (10 working days: city policy, not law). If it does not answer in time, or does not agree, it becomes a formal complaint to the market regulator by itself.`,
                )
            : view.status === 'settling'
              ? t(
                  '服务站接手后会联系您和商家。到期仍未接手或未达成和解的，将自动转为正式投诉。',
                  'Once the station takes it up it contacts you and the business. If nobody takes it up, or no settlement is reached, by these dates, it becomes a formal complaint by itself.',
                )
              : t(
                  '到期仍未达成和解的，将自动转为正式投诉。',
                  'If no settlement is reached by this date, it becomes a formal complaint by itself.',
                )}
        </p>
      )}
    </>
  );
}
