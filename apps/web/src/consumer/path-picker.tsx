import { useLang } from '../lib/i18n';
import { Alert, RadioGroup } from '../ui';
import type { OptionsState, Path } from './settlement';

/**
 * 先行和解 or 直接投诉, each in plain words, with what the API estimates for this business: the station
 * that would help (settlement recommended), or that none can and the complaint goes to the
 * department. The estimate is announced politely to screen readers as it changes.
 */
export function PathPicker({
  value,
  onChange,
  options,
  settlementDays,
}: {
  value: Path;
  onChange: (path: Path) => void;
  options: OptionsState;
  /** The city's settlement period in working days, as the API last said (null until it has). */
  settlementDays: number | null;
}) {
  const { t } = useLang();
  const unavailable = options.kind === 'known' && !options.options.available;
  const helper = options.kind === 'known' && options.options.available ? options.options.helper : null;
  // An enrolled business (在线消费纠纷解决企业) answers the complaint itself, within the city's period.
  const business = helper?.type === 'business';
  const days = settlementDays ?? 10;
  const choices: { path: Path; title: string; text: string; more: string }[] = [
    {
      path: 'settlement',
      title: t('先行和解', 'Settle first'),
      text: business
        ? t(
            `由被投诉经营者（在线消费纠纷解决企业）直接答复您，${days} 个工作日内答复`,
            `the business itself (enrolled for online dispute resolution) answers you within ${days} working days`,
          )
        : settlementDays !== null
          ? t(
              `由服务站协助您与商家协商，通常 ${settlementDays} 个工作日内有结果`,
              `a consumer-rights station helps you and the business agree, usually with an outcome within ${settlementDays} working days`,
            )
          : t(
              '由服务站协助您与商家协商，通常在本市规定的协商期限内有结果',
              "a consumer-rights station helps you and the business agree, usually within the city's settlement period",
            ),
      more: t(
        '商家提出方案后由您决定是否接受；协商期间您可以随时转为向市场监管部门正式投诉。',
        'You decide whether to accept what the business offers, and you may complain to the regulator formally at any time.',
      ),
    },
    {
      path: 'formal',
      title: t('直接向市场监管部门投诉', 'Complain to the market regulator directly'),
      text: t('7 个工作日内告知是否受理', 'you are told within 7 working days whether it is accepted'),
      more: t(
        '受理后由市场监管部门依法组织调解。',
        'Once accepted, the department mediates between you and the business under the regulations.',
      ),
    },
  ];
  return (
    <>
      <div aria-live="polite" className="path-advice" data-testid="path-advice">
        {options.kind === 'unknown' && (
          <p className="ui-hint">
            {t(
              '选择消费类别和经营者所在区县后，将为您推荐处理方式。',
              'Once the category and the area of the business are chosen, a way to handle it is recommended.',
            )}
          </p>
        )}
        {options.kind === 'loading' && (
          <p className="ui-hint">{t('正在查询可以协助协商的服务站…', 'Looking for a station that can help…')}</p>
        )}
        {helper && (
          <div data-testid="path-recommended" data-helper={helper.type}>
            <Alert
              type="success"
              className="path-recommendation"
              title={
                business
                  ? t(`推荐：由被投诉经营者 ${helper.name} 直接答复`, `Recommended: ${helper.name} answers you itself`)
                  : t(`推荐：由 ${helper.name} 协助协商`, `Recommended: ${helper.name} helps you negotiate`)
              }
            >
              {business
                ? t(
                    `该经营者已入驻在线消费纠纷解决（在线消费纠纷解决企业），将在 ${days} 个工作日内答复您（本市工作规范，非法定期限）；逾期未答复或您不接受其答复的，转为向市场监管部门正式投诉。以上为预估，以分派结果为准。`,
                    `This business is enrolled for online dispute resolution and answers you within ${days} working days (city policy, not law); without an answer, or if you do not accept it, it becomes a formal complaint to the market regulator. This is an estimate until the complaint is routed.`,
                  )
                : t(
                    '以上为预估，以分派结果为准。',
                    'This is an estimate; the station that actually helps is decided when the complaint is routed.',
                  )}
            </Alert>
          </div>
        )}
        {unavailable && (
          <Alert
            type="warning"
            className="path-recommendation"
            data-testid="path-formal-only"
            title={t(
              '目前没有可以协助协商和解的服务站，您的投诉将直接提交市场监管部门',
              'No station can help settle this at the moment: your complaint goes straight to the market regulator',
            )}
          />
        )}
      </div>
      <RadioGroup<Path>
        name="path"
        value={value}
        onChange={onChange}
        className="path-options"
        choices={choices.map((c) => ({
          value: c.path,
          label: (
            <>
              {c.title}
              <span className="path-text">
                {t('：', ': ')}
                {c.text}
              </span>
            </>
          ),
          description: c.more,
          disabled: c.path === 'settlement' && unavailable,
          'data-testid': `path-${c.path}`,
        }))}
      />
    </>
  );
}
