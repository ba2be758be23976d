import { useState } from 'react';
import { api, ApiError } from '../lib/api';
import { Icon } from '../lib/icons';
import { useLang } from '../lib/i18n';
import { Alert, Button, Card, useToast } from '../ui';
import type { Escalated, OfferAccepted } from './settlement';
import { inSettlement } from './settlement';
import type { Step } from './settlement-confirm';
import { reasonRequired, SettlementConfirm } from './settlement-confirm';
import { SettlementFacts } from './settlement-facts';
import { NotDelivered, SettlementOffer } from './settlement-offer';
import type { CaseView } from '../api/types';
import './settlement.css';

interface Props {
  view: CaseView;
  accessCode: string;
  /** Reloads the case after a change (or after a 409: it changed meanwhile). */
  onChanged: () => void;
}

/**
 * 先行和解 on the status page: who is helping and by when (SettlementFacts), the business's offer,
 * and the consumer's ways on from it: accept it (settled, closed) or complain formally (the
 * department receives it today and decides on acceptance within 7 working days), which is open at
 * any time while settling; after accepting, say the business did not deliver. Each asks once more,
 * saying what will happen (SettlementConfirm). A refusal by the API (409: no offer yet, or the case
 * moved on) is shown as it answered, and the case is reloaded.
 */
export function SettlementCard({ view, accessCode, onChanged }: Props) {
  const { t } = useLang();
  const toast = useToast();
  const [step, setStep] = useState<Step | null>(null);
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const s = view.settlement;
  const problemAlert = problem && (
    <Alert
      type="error"
      className="settlement-problem"
      data-testid="settlement-problem"
      title={problem}
      action={
        <Button variant="link" onClick={() => setProblem(null)}>
          {t('知道了', 'Dismiss')}
        </Button>
      }
    />
  );
  // A refusal that came with the case leaving the settlement stage (409) is still said, above the case as it is now.
  if (view.stage !== 'settlement' || !s) return problemAlert ? <div className="settlement-left">{problemAlert}</div> : null;

  const open = inSettlement(view.status);
  const offer = s.offer;
  const settled = view.status === 'settled';

  const send = async (what: Step) => {
    if (reasonRequired(what, view) && reason.trim().length < 2) {
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
        toast.success(t('您已接受方案，纠纷已和解办结', 'You accepted the offer: the dispute is settled and closed'));
      } else if (what === 'not-delivered') {
        await api<Escalated>(`${path}/settlement/not-delivered`, { body: { reason: reason.trim() }, headers });
        toast.success(t('已转为向市场监管部门正式投诉', 'It is now a formal complaint to the market regulator'));
      } else {
        await api<Escalated>(`${path}/escalate`, { body: reason.trim() ? { reason: reason.trim() } : {}, headers });
        toast.success(t('已转为正式投诉', 'It is now a formal complaint'));
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

  return (
    <Card
      className="settlement-card"
      title={
        <span className="settlement-title">
          {settled && <Icon name="check" className="settled-icon" />}
          {settled ? t('已和解办结', 'Settled and closed') : t('先行和解', 'Settlement first')}
        </span>
      }
      data-testid="settlement"
    >
      {settled && (
        <Alert type="success" className="settlement-note" data-testid="settled-note" title={t('已和解办结', 'Settled and closed')}>
          {s.notDeliveredUntil
            ? t(
                `您接受了商家的和解方案，纠纷已在源头化解，本件已办结。商家未按方案履行的，可在 ${s.notDeliveredUntil} 前在下方反映，本件将转为向市场监管部门正式投诉。`,
                `You accepted the business’s offer: the dispute is settled and this case is closed. If the business does not do what it offered, say so below by ${s.notDeliveredUntil} and it becomes a formal complaint to the market regulator.`,
              )
            : t(
                '您接受了商家的和解方案，纠纷已在源头化解，本件已办结。商家未按方案履行的，您可以重新投诉。',
                'You accepted the business’s offer: the dispute is settled and this case is closed. If the business does not do what it offered, you may complain again.',
              )}
        </Alert>
      )}
      <SettlementFacts view={view} settlement={s} open={open} />
      {offer && <SettlementOffer offer={offer} settled={settled} />}
      {problemAlert}
      <NotDelivered settlement={s} onReport={() => start('not-delivered')} />

      {open && (
        <div className="settlement-actions">
          {view.status === 'offered' && offer ? (
            <>
              <Button variant="primary" size="large" onClick={() => start('accept')} data-testid="offer-accept">
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
        </div>
      )}

      <SettlementConfirm
        step={step}
        view={view}
        reason={reason}
        onReason={(v) => {
          setReason(v);
          setReasonMissing(false);
        }}
        missing={reasonMissing}
        busy={busy}
        onConfirm={() => step && void send(step)}
        onCancel={() => !busy && setStep(null)}
      />
    </Card>
  );
}
