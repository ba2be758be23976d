import { CheckCircleFilled, PhoneOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Input, Modal, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api, ApiError, yuan } from '../lib/api';
import { useLang } from '../lib/i18n';
import type { Escalated, OfferAccepted } from './settlement';
import { inSettlement } from './settlement';
import { sentence } from './texts';
import type { CaseView } from '../api/types';

interface Props {
  view: CaseView;
  accessCode: string;
  /** Reloads the case after a change (or after a 409: it changed meanwhile). */
  onChanged: () => void;
}

type Step = 'accept' | 'escalate' | 'not-delivered';

/**
 * 先行和解 on the status page: who is helping (the station, its phone as a link to call, its
 * address), by when (the city's take-up and outcome dates), the business's offer, and the
 * consumer's two ways on from it: accept it (settled, closed) or complain formally (the department
 * receives it today and decides on acceptance within 7 working days), which is open at any time
 * while settling. Each asks once more, saying what will happen. A refusal by the API (409: no offer
 * yet, or the case moved on) is shown as it answered, and the case is reloaded.
 */
export function SettlementCard({ view, accessCode, onChanged }: Props) {
  const { t } = useLang();
  const { message } = App.useApp();
  const [step, setStep] = useState<Step | null>(null);
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const s = view.settlement;
  const problemAlert = problem && (
    <Alert
      type="error"
      showIcon
      role="alert"
      className="settlement-problem"
      data-testid="settlement-problem"
      title={problem}
      closable={{ onClose: () => setProblem(null) }}
    />
  );
  // A refusal that came with the case leaving the settlement stage (409) is still said, above the case as it is now.
  if (view.stage !== 'settlement' || !s) return problemAlert ? <div className="form-card settlement-left">{problemAlert}</div> : null;

  const open = inSettlement(view.status);
  const offer = s.offer;
  const settled = view.status === 'settled';
  const policy = t('本市工作规范，非法定期限', 'city policy, not a statutory deadline');

  // Rejecting an offer, or saying the business did not deliver, says why (the department reads it).
  const reasonRequired = (what: Step) => what === 'not-delivered' || (what === 'escalate' && view.status === 'offered');
  const send = async (what: Step) => {
    if (reasonRequired(what) && reason.trim().length < 2) {
      setReasonMissing(true);
      return;
    }
    setBusy(true);
    setProblem(null);
    const headers = { 'X-Access-Code': accessCode };
    const path = `/complaints/${encodeURIComponent(view.trackingNo)}`;
    try {
      if (what === 'accept') {
        await api<OfferAccepted>(`${path}/settlement/accept`, { method: 'POST', headers });
        message.success(t('您已接受方案，纠纷已和解办结', 'You accepted the offer: the dispute is settled and closed'));
      } else if (what === 'not-delivered') {
        await api<Escalated>(`${path}/settlement/not-delivered`, { body: { reason: reason.trim() }, headers });
        message.success(t('已转为向市场监管部门正式投诉', 'It is now a formal complaint to the market regulator'));
      } else {
        await api<Escalated>(`${path}/escalate`, { body: reason.trim() ? { reason: reason.trim() } : {}, headers });
        message.success(t('已转为正式投诉', 'It is now a formal complaint'));
      }
      setStep(null);
      setReason('');
      onChanged();
    } catch (e) {
      setStep(null);
      if (e instanceof ApiError) {
        setProblem(e.message);
        // 409: no offer to accept yet, or the case moved on meanwhile: show it as it is now.
        if (e.status === 409) onChanged();
      } else setProblem(t('网络连接失败，请稍后重试', 'The network failed; try again shortly'));
    } finally {
      setBusy(false);
    }
  };

  const start = (what: Step) => {
    setProblem(null);
    setReason('');
    setReasonMissing(false);
    setStep(what);
  };

  const handler = s.handler;
  // An enrolled business (在线消费纠纷解决企业) answers itself: no station, no phone to call.
  const byBusiness = handler?.type === 'business';
  return (
    <Card
      className="form-card settlement-card"
      title={
        <span className="settlement-title">
          {settled ? <CheckCircleFilled className="settled-icon" aria-hidden /> : null}
          {settled ? t('已和解办结', 'Settled and closed') : t('先行和解', 'Settlement first')}
        </span>
      }
      data-testid="settlement"
    >
      {settled && (
        <Alert
          type="success"
          showIcon
          className="settlement-note"
          data-testid="settled-note"
          title={t('已和解办结', 'Settled and closed')}
          description={
            s.notDeliveredUntil
              ? t(
                  `您接受了商家的和解方案，纠纷已在源头化解，本件已办结。商家未按方案履行的，可在 ${s.notDeliveredUntil} 前在下方反映，本件将转为向市场监管部门正式投诉。`,
                  `You accepted the business’s offer: the dispute is settled and this case is closed. If the business does not do what it offered, say so below by ${s.notDeliveredUntil} and it becomes a formal complaint to the market regulator.`,
                )
              : t(
                  '您接受了商家的和解方案，纠纷已在源头化解，本件已办结。商家未按方案履行的，您可以重新投诉。',
                  'You accepted the business’s offer: the dispute is settled and this case is closed. If the business does not do what it offered, you may complain again.',
                )
          }
        />
      )}
      <Descriptions
        column={1}
        size="small"
        className="case-facts"
        items={[
          {
            key: 'handler',
            label: byBusiness ? t('答复的经营者', 'Answering you') : t('协助协商', 'Helping you'),
            children: handler ? (
              <span data-testid="settlement-handler" data-type={handler.type}>
                {handler.name}
                {byBusiness && (
                  <span className="policy-note">
                    {t('（在线消费纠纷解决企业，直接答复您）', ' (enrolled for online dispute resolution: it answers you itself)')}
                  </span>
                )}
              </span>
            ) : (
              <Typography.Text type="secondary">
                {t('正在确定由哪个服务站协助您', 'The station that helps you is being decided')}
              </Typography.Text>
            ),
          },
          ...(handler?.phone
            ? [
                {
                  key: 'phone',
                  label: t('联系电话', 'Phone'),
                  children: (
                    <a href={`tel:${handler.phone.replace(/[^\d+]/g, '')}`} data-testid="settlement-phone">
                      <PhoneOutlined aria-hidden /> {handler.phone}
                    </a>
                  ),
                },
              ]
            : []),
          ...(handler?.address ? [{ key: 'address', label: t('地址', 'Address'), children: handler.address }] : []),
          ...(open && s.takeUpDueDate
            ? [
                {
                  key: 'take-up',
                  label: t('接手期限', 'Taken up by'),
                  children: (
                    <span data-testid="settlement-take-up">
                      <strong>{s.takeUpDueDate}</strong> <span className="policy-note">{t(`（${policy}）`, `(${policy})`)}</span>
                    </span>
                  ),
                },
              ]
            : []),
          ...(open && s.dueDate
            ? [
                {
                  key: 'due',
                  label: byBusiness ? t('经营者答复期限', 'The business answers by') : t('协商期限', 'Outcome by'),
                  children: (
                    <span data-testid="settlement-due">
                      <strong>{s.dueDate}</strong> <span className="policy-note">{t(`（${policy}）`, `(${policy})`)}</span>
                    </span>
                  ),
                },
              ]
            : []),
        ]}
      />
      {open && (
        <Typography.Paragraph type="secondary" className="hint settlement-hint">
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
        </Typography.Paragraph>
      )}

      {offer && (
        <section className={`offer${settled ? ' offer-settled' : ''}`} data-testid="settlement-offer" aria-labelledby="offer-heading">
          <Typography.Title level={5} id="offer-heading" className="offer-heading">
            {settled ? t('已接受的和解方案', 'The offer you accepted') : t('商家提出的和解方案', 'What the business offers')}
          </Typography.Title>
          <div className="offer-main">
            {offer.response && (
              <Tag color={offer.response === 'full' ? 'green' : 'gold'} data-testid="offer-response">
                {offer.response === 'full' ? t('全部同意', 'Agrees in full') : t('部分同意', 'Agrees in part')}
              </Tag>
            )}
            <Tag color="blue" className="offer-remedy" data-testid="offer-remedy">
              {sentence(offer.remedyText)}
            </Tag>
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
          <div className="offer-at">
            {t(`${dayjs(offer.at).format('YYYY-MM-DD HH:mm')} 提出`, `Made ${dayjs(offer.at).format('YYYY-MM-DD HH:mm')}`)}
          </div>
        </section>
      )}

      {problemAlert}

      {s.notDeliveredUntil && (
        <section className="not-delivered" aria-labelledby="not-delivered-heading" data-testid="not-delivered">
          <Typography.Title level={5} id="not-delivered-heading" className="offer-heading">
            {t('经营者未履行和解方案？', 'The business did not deliver?')}
          </Typography.Title>
          <Typography.Paragraph type="secondary" className="hint">
            {t(
              `可在 ${s.notDeliveredUntil} 前反映（本市工作规范）：本件将转为向市场监管部门正式投诉，由市场监管部门依法处理。`,
              `Until ${s.notDeliveredUntil} (city policy) you can say so: the case then becomes a formal complaint, handled by the market regulator.`,
            )}
          </Typography.Paragraph>
          <Button danger onClick={() => start('not-delivered')} data-testid="not-delivered-open">
            {t('反映经营者未履行', 'Report that it did not deliver')}
          </Button>
        </section>
      )}

      {open && (
        <Space wrap className="settlement-actions">
          {view.status === 'offered' && offer ? (
            <>
              <Button type="primary" size="large" onClick={() => start('accept')} data-testid="offer-accept">
                {t('接受方案', 'Accept the offer')}
              </Button>
              <Button size="large" onClick={() => start('escalate')} data-testid="offer-reject">
                {t('不接受，转为正式投诉', 'Reject it and complain formally')}
              </Button>
            </>
          ) : (
            <Button size="large" onClick={() => start('escalate')} data-testid="escalate">
              {t('转为正式投诉', 'Complain formally instead')}
            </Button>
          )}
        </Space>
      )}

      <Modal
        open={step === 'accept'}
        title={t('确认接受商家的和解方案？', 'Accept the business’s offer?')}
        okText={t('确认接受', 'Accept')}
        cancelText={t('再想想', 'Not yet')}
        okButtonProps={{ loading: busy, 'data-testid': 'offer-accept-confirm' }}
        onOk={() => void send('accept')}
        onCancel={() => !busy && setStep(null)}
      >
        <Typography.Paragraph>
          {t(
            `接受后，本件投诉即和解办结（源头化解）：${offer ? `${offer.remedyText}${offer.amount !== null ? ` ¥${yuan(offer.amount)}` : ''}` : ''}。办结后不能再转为正式投诉，您可以对办理结果进行评价。`,
            `Once you accept, the complaint is settled and closed${offer ? `: ${offer.remedyText}${offer.amount !== null ? ` ¥${yuan(offer.amount)}` : ''}` : ''}. It can no longer become a formal complaint; you can rate how it was handled.`,
          )}
        </Typography.Paragraph>
      </Modal>

      <Modal
        open={step === 'escalate'}
        title={
          view.status === 'offered'
            ? t('不接受方案，转为正式投诉？', 'Reject the offer and complain formally?')
            : t('转为正式投诉？', 'Complain formally instead?')
        }
        okText={t('确认转为正式投诉', 'Complain formally')}
        cancelText={t('返回', 'Back')}
        okButtonProps={{ loading: busy, 'data-testid': 'escalate-confirm' }}
        onOk={() => void send('escalate')}
        onCancel={() => !busy && setStep(null)}
      >
        <Typography.Paragraph>
          {t(
            '服务站的协商随即结束，本件转为向市场监管部门的正式投诉：市场监管部门自今日收到投诉，7 个工作日内告知您是否受理；受理后依法组织调解。',
            'The station’s help ends and this becomes a formal complaint to the market regulator: the department receives it today and tells you within 7 working days whether it is accepted; once accepted, it mediates.',
          )}
        </Typography.Paragraph>
        <ReasonField
          value={reason}
          onChange={(v) => {
            setReason(v);
            setReasonMissing(false);
          }}
          required={view.status === 'offered'}
          missing={reasonMissing}
          label={view.status === 'offered' ? t('不接受的原因', 'Why you reject it') : t('转为正式投诉的原因', 'Why you complain formally')}
          placeholder={
            view.status === 'offered'
              ? t('请填写不接受的原因，如：商家只同意退一半', 'Say why, e.g. the business offers only half')
              : t('原因（选填），如：商家一直不回复', 'Why (optional), e.g. the business never replies')
          }
          testId="escalate-reason"
        />
      </Modal>

      <Modal
        open={step === 'not-delivered'}
        title={t('反映经营者未履行和解方案？', 'Report that the business did not deliver?')}
        okText={t('确认反映', 'Report it')}
        cancelText={t('返回', 'Back')}
        okButtonProps={{ danger: true, loading: busy, 'data-testid': 'not-delivered-confirm' }}
        onOk={() => void send('not-delivered')}
        onCancel={() => !busy && setStep(null)}
      >
        <Typography.Paragraph>
          {t(
            '本件将重新打开，转为向市场监管部门的正式投诉：市场监管部门自今日收到投诉，7 个工作日内告知您是否受理。此操作不能撤销。',
            'The case reopens as a formal complaint to the market regulator: the department receives it today and tells you within 7 working days whether it is accepted. This cannot be undone.',
          )}
        </Typography.Paragraph>
        <ReasonField
          value={reason}
          onChange={(v) => {
            setReason(v);
            setReasonMissing(false);
          }}
          required
          missing={reasonMissing}
          label={t('未履行的情况', 'What was not delivered')}
          placeholder={t(
            '如：商家答应三日内退款 100 元，至今未退',
            'e.g. it promised a refund of 100 yuan within three days and has not paid',
          )}
          testId="not-delivered-reason"
        />
      </Modal>
    </Card>
  );
}

/** A reason in a dialog: required (said beside it when missing) or optional. */
function ReasonField({
  value,
  onChange,
  required,
  missing,
  label,
  placeholder,
  testId,
}: {
  value: string;
  onChange: (v: string) => void;
  required?: boolean;
  missing: boolean;
  label: string;
  placeholder: string;
  testId: string;
}) {
  const { t } = useLang();
  return (
    <div>
      <label htmlFor={testId} className="reason-label">
        {label}
        {required ? t('（必填）', ' (required)') : t('（选填）', ' (optional)')}
      </label>
      <Input.TextArea
        id={testId}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        maxLength={500}
        showCount
        autoSize={{ minRows: 2, maxRows: 5 }}
        placeholder={placeholder}
        status={missing ? 'error' : undefined}
        aria-invalid={missing || undefined}
        aria-describedby={missing ? `${testId}-error` : undefined}
        data-testid={testId}
      />
      {missing && (
        <div id={`${testId}-error`} role="alert" className="reason-error" data-testid={`${testId}-error`}>
          {t('请填写原因（至少 2 个字）', 'Say why (at least 2 characters)')}
        </div>
      )}
    </div>
  );
}
