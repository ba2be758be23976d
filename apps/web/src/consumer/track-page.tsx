import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, ApiError } from '../lib/api';
import { Icon } from '../lib/icons';
import { useLang } from '../lib/i18n';
import { Shell } from '../lib/shell';
import { Button } from '../ui';
import { RatingCard, SupplementCard, WithdrawButton } from './case-actions';
import { CaseDeadlines } from './case-deadlines';
import { CaseAttachments, CaseSummary, CaseTimeline } from './case-view';
import { SettlementCard } from './settlement-card';
import { forgetCode, rememberCode, storedCode } from './storage';
import { clean, TrackLookup } from './track-lookup';
import type { Outcome } from './track-lookup';
import type { CaseView } from '../api/types';
import './track.css';

/** What was looked up; each look-up or reload is a new one. */
interface Asked {
  no: string;
  code: string;
}

/** 查询办理进度: tracking number + access code → the case's status, deadlines, timeline and actions. */
export function TrackPage() {
  const { t, lang } = useLang();
  const [params, setParams] = useSearchParams();
  // A number in the link, with its code kept in this tab: the case shows straight away (a refresh does not ask again).
  const [asked, setAsked] = useState<Asked | null>(() => {
    const no = clean(params.get('no'));
    const code = no ? storedCode(no) : null;
    return no && code ? { no, code } : null;
  });
  const [outcome, setOutcome] = useState<Outcome | { kind: 'found'; view: CaseView; code: string }>(
    asked ? { kind: 'loading' } : { kind: 'idle' },
  );

  const show = useEffectEvent((view: CaseView, code: string) => {
    rememberCode(view.trackingNo, code);
    setOutcome({ kind: 'found', view, code });
    if (params.get('no') !== view.trackingNo) setParams({ no: view.trackingNo }, { replace: true });
  });
  const fail = useEffectEvent((no: string, e: unknown) => {
    if (e instanceof ApiError && e.status === 404) {
      forgetCode(no);
      setOutcome({ kind: 'not-found' });
    } else {
      setOutcome({
        kind: 'error',
        message: e instanceof ApiError ? e.message : t('网络连接失败，请稍后重试', 'The network failed; try again shortly'),
      });
    }
  });

  // The case asked for, in the page's language (the API words the status and the timeline): asked
  // again when the language changes, and on every look-up or reload (each a new `asked`).
  useEffect(() => {
    if (!asked) return;
    let current = true;
    api<CaseView>(`/complaints/${encodeURIComponent(asked.no)}`, { headers: { 'X-Access-Code': asked.code } }).then(
      (view) => current && show(view, asked.code),
      (e: unknown) => current && fail(asked.no, e),
    );
    return () => {
      current = false;
    };
  }, [asked, lang]);

  const look = (no: string, code: string) => {
    setOutcome({ kind: 'loading' });
    setAsked({ no, code });
  };
  const reload = () => outcome.kind === 'found' && setAsked({ no: outcome.view.trackingNo, code: outcome.code });
  // After accepting or leaving the settlement its buttons are gone: once the case as it is now has
  // arrived (and the dialog has closed), focus goes to the page's heading, above the new status.
  const heading = useRef<HTMLHeadingElement>(null);
  const toHeading = useRef(false);
  const settlementChanged = () => {
    toHeading.current = true;
    reload();
  };
  useEffect(() => {
    if (!toHeading.current || outcome.kind !== 'found') return;
    toHeading.current = false;
    heading.current?.focus();
  }, [outcome]);
  const another = () => {
    setAsked(null);
    setParams({}, { replace: true });
    setOutcome({ kind: 'idle' });
  };

  if (outcome.kind !== 'found') {
    return (
      <Shell>
        <div className="track-page">
          <TrackLookup initialNo={params.get('no') ?? ''} outcome={outcome} onLook={look} />
        </div>
      </Shell>
    );
  }

  const { view, code } = outcome;
  return (
    <Shell>
      <div className="track-page">
        <div className="track-bar">
          <h1 ref={heading} tabIndex={-1}>
            {t('办理进度', 'Case progress')}
          </h1>
          <span className="track-bar-actions">
            <Button size="large" onClick={reload} aria-label={t('刷新', 'Refresh')}>
              <Icon name="refresh" />
            </Button>
            <Button size="large" onClick={another}>
              {t('查询其他', 'Another case')}
            </Button>
          </span>
        </div>
        <CaseSummary view={view} />
        <CaseDeadlines view={view} />
        <SettlementCard view={view} accessCode={code} onChanged={settlementChanged} />
        <RatingCard view={view} accessCode={code} onChanged={reload} />
        <CaseTimeline view={view} />
        <CaseAttachments view={view} accessCode={code} />
        <SupplementCard view={view} accessCode={code} onChanged={reload} />
        <WithdrawButton view={view} accessCode={code} onChanged={reload} />
      </div>
    </Shell>
  );
}
