import { yuan } from '../lib/api';
import { minuteOf } from '../lib/format';
import { useLang } from '../lib/i18n';
import { Button, Tag } from '../ui';
import { DeadlineWhy } from './case-deadlines';
import { sentence } from './texts';
import type { CaseView } from '../api/types';

type Settlement = NonNullable<CaseView['settlement']>;
type Offer = NonNullable<Settlement['offer']>;

/** "退款 ¥268.50": what the business offers, as the confirmation repeats it. */
export const offerWords = (offer: Offer) => `${offer.remedyText}${offer.amount !== null ? ` ¥${yuan(offer.amount)}` : ''}`;

/** The business's offer: full or partial agreement, the remedy, the amount, its own words, when. */
export function SettlementOffer({ offer, settled }: { offer: Offer; settled: boolean }) {
  const { t } = useLang();
  return (
    <section className={`offer${settled ? ' offer-settled' : ''}`} data-testid="settlement-offer" aria-labelledby="offer-heading">
      <h3 id="offer-heading" className="offer-heading">
        {settled ? t('已接受的和解方案', 'The offer you accepted') : t('商家提出的和解方案', 'What the business offers')}
      </h3>
      <div className="offer-main">
        {offer.response && (
          <span data-testid="offer-response">
            <Tag color={offer.response === 'full' ? 'green' : 'orange'}>
              {offer.response === 'full' ? t('全部同意', 'Agrees in full') : t('部分同意', 'Agrees in part')}
            </Tag>
          </span>
        )}
        <span data-testid="offer-remedy">
          <Tag color="blue" className="offer-remedy">
            {sentence(offer.remedyText)}
          </Tag>
        </span>
        {offer.amount !== null && (
          <strong className="offer-amount" data-testid="offer-amount">
            ¥{yuan(offer.amount)}
          </strong>
        )}
      </div>
      {offer.message && (
        <blockquote className="offer-message" data-testid="offer-message">
          <span className="offer-message-label">{t('商家答复：', 'The business says: ')}</span>
          {offer.message}
        </blockquote>
      )}
      <div className="offer-at">{t(`${minuteOf(offer.at)} 提出`, `Made ${minuteOf(offer.at)}`)}</div>
    </section>
  );
}

/** After accepting, within the city's days: the business did not deliver, so the consumer reopens it as a formal complaint. */
export function NotDelivered({ settlement: s, onReport }: { settlement: Settlement; onReport: () => void }) {
  const { t } = useLang();
  if (!s.notDeliveredUntil) return null;
  return (
    <section className="not-delivered" aria-labelledby="not-delivered-heading" data-testid="not-delivered">
      <h3 id="not-delivered-heading" className="offer-heading">
        {t('经营者未履行和解方案？', 'The business did not deliver?')}
      </h3>
      <p className="ui-muted">
        {t(
          `可在 ${s.notDeliveredUntil} 前反映：本件将转为向市场监管部门正式投诉，由市场监管部门依法处理。`,
          `Until ${s.notDeliveredUntil} you can say so: the case then becomes a formal complaint, handled by the market regulator.`,
        )}{' '}
        <DeadlineWhy explanation={s.notDeliveredUntilExplanation} cityPolicy />
      </p>
      <Button variant="danger" size="large" onClick={onReport} data-testid="not-delivered-open">
        {t('反映经营者未履行', 'Report that it did not deliver')}
      </Button>
    </section>
  );
}
