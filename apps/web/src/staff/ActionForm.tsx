import { Alert, Form, Input, InputNumber, Select, Switch } from 'antd';
import { useLang } from '../lib/i18n';
import { MONEY_REMEDIES } from '../lib/words';
import type { CaseAction, CaseDetail, ReasonOption } from '../api/types';
import type { Remedy } from './common';
import { pick, REMEDIES, REMEDY_LABEL } from './common';
import { NOTE_REQUIRED, REASON_KIND } from './action-texts';

export const FIELDS = ['reasonCode', 'note', 'amountRecovered', 'agreement', 'mergeInto', 'remedy', 'amountOffered'] as const;

export interface FormValues {
  remedy?: Remedy;
  amountOffered?: number | null;
  reasonCode?: string;
  note?: string;
  amountRecovered?: number | null;
  agreement?: boolean;
  mergeInto?: string;
}

/** The fields an action asks for, inside the action dialog's form: a reason with its basis, the report to merge into, the offer, the outcome, the note. */
export function ActionFields({ open, detail }: { open: CaseAction; detail: CaseDetail }) {
  const { t, lang } = useLang();
  const remedy = Form.useWatch<Remedy | undefined>('remedy');
  const moneyOffer = !!remedy && MONEY_REMEDIES.includes(remedy);
  const reasonKind = REASON_KIND[open];
  const reasons: ReasonOption[] = reasonKind ? detail.reasonOptions[reasonKind] : [];
  return (
    <>
      {reasonKind && (
        <Form.Item
          name="reasonCode"
          label={t('理由及依据', 'Reason and basis')}
          rules={[{ required: true, message: t('请选择理由', 'Choose a reason') }]}
        >
          <Select
            data-testid="field-reason"
            placeholder={t('请选择', 'Choose')}
            optionLabelProp="short"
            popupMatchSelectWidth
            // Eight grounds at most, each two or three lines tall: all in the page, none virtual, so
            // every ground can be scrolled to and read by assistive technology.
            virtual={false}
            options={reasons.map((r) => ({
              value: r.code,
              short: `${r.code}. ${lang === 'zh' ? r.text.zh : r.text.en}`,
              label: (
                <div className="staff-reason-option">
                  <div>
                    {r.code}. {lang === 'zh' ? r.text.zh : r.text.en}
                  </div>
                  <div className="staff-reason-basis">
                    {t('依据：', 'Basis: ')}
                    {r.basis}
                  </div>
                </div>
              ),
            }))}
          />
        </Form.Item>
      )}
      {reasonKind && <ReasonBasis reasons={reasons} />}
      {open === 'merge-into' && (
        <Form.Item
          name="mergeInto"
          label={t('在先举报的查询编号', 'Tracking number of the earlier report')}
          rules={[{ required: true, whitespace: true, message: t('请填写查询编号', 'Enter the tracking number') }]}
        >
          <Input data-testid="field-merge-into" maxLength={40} inputMode="numeric" />
        </Form.Item>
      )}
      {open === 'record-offer' && (
        <>
          <Form.Item
            name="remedy"
            label={t('和解方案', 'Remedy offered')}
            rules={[{ required: true, message: t('请选择经营者提出的方案', 'Choose what the business offers') }]}
          >
            <Select<Remedy>
              data-testid="field-remedy"
              placeholder={t('请选择', 'Choose')}
              virtual={false}
              options={REMEDIES.map((r) => ({ value: r, label: pick(t, REMEDY_LABEL[r], r) }))}
            />
          </Form.Item>
          <Form.Item
            name="amountOffered"
            label={moneyOffer ? t('金额（元）', 'Amount (yuan)') : t('金额（元，选填）', 'Amount (yuan, optional)')}
            dependencies={['remedy']}
            extra={t('退款、赔偿须填写金额', 'A refund or compensation needs its amount')}
            rules={[
              {
                required: moneyOffer,
                message: t('退款或赔偿须填写金额（元）', 'Enter the amount of the refund or compensation (yuan)'),
              },
            ]}
          >
            <InputNumber<number>
              data-testid="field-amount-offered"
              min={0}
              max={100_000_000}
              precision={2}
              step={0.01}
              prefix="¥"
              style={{ width: '100%' }}
            />
          </Form.Item>
        </>
      )}
      {open === 'resolve' && (
        <>
          <Form.Item
            name="amountRecovered"
            label={t('为消费者挽回的经济损失（元）', 'Amount recovered for the consumer (yuan)')}
            extra={t('没有挽回金额时填 0', 'Enter 0 if nothing was recovered')}
            rules={[{ required: true, message: t('请填写金额（可为 0）', 'Enter the amount (may be 0)') }]}
          >
            <InputNumber<number>
              data-testid="field-amount"
              min={0}
              max={100_000_000}
              precision={2}
              step={0.01}
              prefix="¥"
              style={{ width: '100%' }}
            />
          </Form.Item>
          <Form.Item name="agreement" label={t('是否达成书面调解协议', 'Written mediation agreement made')} valuePropName="checked">
            <Switch data-testid="field-agreement" checkedChildren={t('是', 'Yes')} unCheckedChildren={t('否', 'No')} />
          </Form.Item>
        </>
      )}
      <Form.Item
        name="note"
        label={
          open === 'record-offer'
            ? t('经营者的答复（消费者可见）', "The business's message (shown to the consumer)")
            : open === 'settlement-failed'
              ? t('协商不成的原因', 'Why no settlement was reached')
              : NOTE_REQUIRED.has(open)
                ? t('说明', 'Note')
                : t('说明（选填）', 'Note (optional)')
        }
        rules={
          NOTE_REQUIRED.has(open)
            ? [
                {
                  required: true,
                  whitespace: true,
                  min: 2,
                  message: t('请填写说明（至少 2 个字）', 'Write a note (at least 2 characters)'),
                },
              ]
            : []
        }
      >
        <Input.TextArea data-testid="field-note" rows={3} maxLength={2000} showCount />
      </Form.Item>
    </>
  );
}

/** The chosen reason's full text and citation, under the picker. */
function ReasonBasis({ reasons }: { reasons: ReasonOption[] }) {
  const { t, lang } = useLang();
  const code = Form.useWatch<string | undefined>('reasonCode');
  const r = reasons.find((x) => x.code === code);
  if (!r) return null;
  return (
    <Alert
      type="info"
      style={{ marginTop: -12, marginBottom: 16 }}
      title={lang === 'zh' ? r.text.zh : r.text.en}
      description={
        <span>
          {t('依据：', 'Basis: ')}
          {r.basis}
        </span>
      }
    />
  );
}
