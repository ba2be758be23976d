import { useLang } from '../lib/i18n';
import { ConfirmDialog, Field, TextArea } from '../ui';
import { offerWords } from './settlement-offer';
import type { CaseView } from '../api/types';

/** The consumer's three ways on from the settlement stage; none can be undone. */
export type Step = 'accept' | 'escalate' | 'not-delivered';

/** Rejecting an offer, or saying the business did not deliver, says why (the department reads it). */
export const reasonRequired = (step: Step, view: CaseView) =>
  step === 'not-delivered' || (step === 'escalate' && view.status === 'offered');

/**
 * "Are you sure?" for the step chosen, saying what will happen (settled and closed; or a formal
 * complaint the department receives today and decides on within 7 working days), with the reason
 * the step asks for.
 */
export function SettlementConfirm({
  step,
  view,
  reason,
  onReason,
  missing,
  busy,
  onConfirm,
  onCancel,
}: {
  step: Step | null;
  view: CaseView;
  reason: string;
  onReason: (reason: string) => void;
  /** The reason is required and was not given. */
  missing: boolean;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useLang();
  const offer = view.settlement?.offer ?? null;
  const offered = view.status === 'offered';
  const reasonField = (label: string, placeholder: string, testId: string) => {
    const required = !!step && reasonRequired(step, view);
    return (
      <Field
        id={testId}
        label={`${label}${required ? t('（必填）', ' (required)') : t('（选填）', ' (optional)')}`}
        error={missing ? t('请填写原因（至少 2 个字）', 'Say why (at least 2 characters)') : undefined}
      >
        <TextArea
          value={reason}
          onChange={(e) => onReason(e.target.value)}
          maxLength={500}
          count={reason.length}
          rows={2}
          placeholder={placeholder}
          data-testid={testId}
        />
      </Field>
    );
  };

  const content =
    step === 'accept'
      ? {
          title: t('确认接受商家的和解方案？', 'Accept the business’s offer?'),
          confirm: t('确认接受', 'Accept'),
          cancel: t('再想想', 'Not yet'),
          body: (
            <p>
              {t(
                `接受后，本件投诉即和解办结（源头化解）：${offer ? offerWords(offer) : ''}。办结后不能再转为正式投诉，您可以对办理结果进行评价。`,
                `Once you accept, the complaint is settled and closed${offer ? `: ${offerWords(offer)}` : ''}. It can no longer become a formal complaint; you can rate how it was handled.`,
              )}
            </p>
          ),
        }
      : step === 'not-delivered'
        ? {
            title: t('反映经营者未履行和解方案？', 'Report that the business did not deliver?'),
            confirm: t('确认反映', 'Report it'),
            cancel: t('返回', 'Back'),
            body: (
              <>
                <p>
                  {t(
                    '本件将重新打开，转为向市场监管部门的正式投诉：市场监管部门自今日收到投诉，7 个工作日内告知您是否受理。此操作不能撤销。',
                    'The case reopens as a formal complaint to the market regulator: the department receives it today and tells you within 7 working days whether it is accepted. This cannot be undone.',
                  )}
                </p>
                {reasonField(
                  t('未履行的情况', 'What was not delivered'),
                  t('如：商家答应三日内退款 100 元，至今未退', 'e.g. it promised a refund of 100 yuan within three days and has not paid'),
                  'not-delivered-reason',
                )}
              </>
            ),
          }
        : {
            title: offered
              ? t('不接受方案，转为正式投诉？', 'Reject the offer and complain formally?')
              : t('转为正式投诉？', 'Complain formally instead?'),
            confirm: t('确认转为正式投诉', 'Complain formally'),
            cancel: t('返回', 'Back'),
            body: (
              <>
                <p>
                  {t(
                    '服务站的协商随即结束，本件转为向市场监管部门的正式投诉：市场监管部门自今日收到投诉，7 个工作日内告知您是否受理；受理后依法组织调解。',
                    'The station’s help ends and this becomes a formal complaint to the market regulator: the department receives it today and tells you within 7 working days whether it is accepted; once accepted, it mediates.',
                  )}
                </p>
                {reasonField(
                  offered ? t('不接受的原因', 'Why you reject it') : t('转为正式投诉的原因', 'Why you complain formally'),
                  offered
                    ? t('请填写不接受的原因，如：商家只同意退一半', 'Say why, e.g. the business offers only half')
                    : t('原因（选填），如：商家一直不回复', 'Why (optional), e.g. the business never replies'),
                  'escalate-reason',
                )}
              </>
            ),
          };

  return (
    <ConfirmDialog
      open={step !== null}
      title={content.title}
      confirmText={content.confirm}
      cancelText={content.cancel}
      danger={step === 'not-delivered'}
      busy={busy}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      {content.body}
    </ConfirmDialog>
  );
}
