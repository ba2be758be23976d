import { useLang } from '../lib/i18n';
import { Card, Tag } from '../ui';
import { sentence } from './texts';
import type { components } from '../api/schema';
import type { CaseView } from '../api/types';

type Explanation = components['schemas']['DeadlineExplanationDto'];

/**
 * What a deadline is and what sets it, in one sentence under it: a statutory period names its
 * articles, a city policy says it is not law (the API words both: consumer/deadline-explanations.ts).
 * Without one, a `cityPolicy` deadline (the settlement stage's) still says it is not law.
 */
export function DeadlineWhy({ explanation, cityPolicy }: { explanation: Explanation | null; cityPolicy?: boolean }) {
  const { t } = useLang();
  const text = explanation
    ? t(explanation.zh, explanation.en)
    : cityPolicy && t('（本市工作规范，非法定期限）', '(city policy, not a statutory deadline)');
  return text ? <span className="deadline-why">{text}</span> : null;
}

/** The case's statutory and city deadlines: each with its date (or when it was met or paused) and what it means. */
export function CaseDeadlines({ view }: { view: CaseView }) {
  const { t } = useLang();
  if (view.deadlines.length === 0) return null;
  return (
    <Card title={t('办理期限', 'Deadlines')}>
      <ul className="deadlines" data-testid="deadlines">
        {view.deadlines.map((d) => (
          <li key={d.kind} data-kind={d.kind}>
            <div className="deadline-line">
              <span className="deadline-text">{sentence(d.text)}</span>
              <span className="deadline-date">
                {d.metOn ? (
                  <Tag color="green">{t(`已于 ${d.metOn} 完成`, `met on ${d.metOn}`)}</Tag>
                ) : d.pausedOn ? (
                  <Tag color="orange">{t(`${d.pausedOn} 起暂停计时`, `paused since ${d.pausedOn}`)}</Tag>
                ) : (
                  <strong>
                    <time dateTime={d.dueDate}>{d.dueDate}</time>
                  </strong>
                )}
                {d.provisional && !d.metOn && <Tag color="orange">{t('暂定', 'provisional')}</Tag>}
              </span>
            </div>
            <DeadlineWhy explanation={d.explanation} />
            {d.provisional && !d.metOn && (
              <span className="deadline-why">
                {t('该年度节假日安排尚未公布，日期可能调整。', "That year's holiday schedule is not yet published; the date may change.")}
              </span>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}
