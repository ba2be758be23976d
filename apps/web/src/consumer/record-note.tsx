import { useLang } from '../lib/i18n';

/** The public record's note: what is published and what never is. */
export function RecordNote() {
  const { t } = useLang();
  return (
    <p className="ui-muted record-note">
      {t(
        '本公示面向社会公开已入驻在线消费纠纷解决的经营者处理消费投诉的情况。数据来自平台统计；公示的投诉仅限消费者同意公开且已办结的，不含消费者的任何个人信息。',
        'This public record shows how businesses enrolled for online dispute resolution handle complaints. The figures come from the platform’s statistics; the complaints listed are only those whose consumers agreed to publication and that are concluded, with nothing about any consumer.',
      )}
    </p>
  );
}
