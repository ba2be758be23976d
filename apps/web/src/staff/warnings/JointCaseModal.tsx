import { Alert as Notice, Button, Checkbox, Empty, Flex, Input, Modal, Result, Select, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, ApiError } from '../../lib/api';
import { useLang } from '../../lib/i18n';
import { groupDigits } from '../../lib/format';
import { MONO } from '../../lib/words';
import type { AlertDetail, CaseListItem, CasePage, CreateJointCase, JointCase } from '../../api/types';
import { fmtDate, Muted, pick, STATUS_LABEL } from '../common';
import type { ConsentMethod } from './alert-texts';
import { casesQuery, CONSENT_LABEL, CONSENT_NEEDS_NOTE, NOT_JOINABLE } from './alert-texts';

/** Art. 12: the complainants elect at most two representatives (libs/cases MAX_REPRESENTATIVES). */
const MAX_REPRESENTATIVES = 2;
const METHODS = Object.keys(CONSENT_LABEL) as ConsentMethod[];

interface Row {
  chosen: boolean;
  method?: ConsentMethod;
  note: string;
  representative: boolean;
}

/**
 * 发起共同投诉 (Order 121 Art. 12): the alert's complaints, each to tick with how its complainant
 * consented (a phone call or a visit leaves no trace of its own: the note says who and when), up to
 * two representatives; sent to the alert's joint-case endpoint, which also marks the alert acted on.
 * The API's problems show beside the complaint they name; the joint number once it is made.
 */
export function JointCaseModal({ alert, onClose, onDone }: { alert: AlertDetail; onClose: () => void; onDone: () => void }) {
  const { t } = useLang();
  const [cases, setCases] = useState<CaseListItem[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [rows, setRows] = useState<Record<string, Row>>({});
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState<JointCase | null>(null);

  useEffect(() => {
    let live = true;
    api<CasePage>(`/cases?${casesQuery(alert, 100)}`).then(
      (p) => {
        if (!live) return;
        setCases(p.items);
        setRows(
          Object.fromEntries(p.items.map((c) => [c.id, { chosen: !NOT_JOINABLE.includes(c.status), note: '', representative: false }])),
        );
      },
      (e: unknown) => live && setLoadError(e instanceof ApiError ? e.message : t('无法读取涉及的投诉', 'Could not load the complaints')),
    );
    return () => {
      live = false;
    };
  }, [alert, t]);

  const set = (id: string, patch: Partial<Row>) => {
    setRows((r) => ({ ...r, [id]: { ...r[id], ...patch } }));
    // A row's problems go once it is edited; the API or the next check says them again if they remain.
    setErrors(({ [`${id}.method`]: _m, [`${id}.note`]: _n, ...rest }) => rest);
  };
  const chosen = (cases ?? []).filter((c) => rows[c.id]?.chosen);
  const reps = chosen.filter((c) => rows[c.id].representative);

  /** The checks the API makes too, said before sending. */
  const check = (): Record<string, string> => {
    const e: Record<string, string> = {};
    if (chosen.length < 2) e.members = t('共同投诉至少包括 2 件投诉', 'A joint complaint needs at least 2 complaints');
    for (const c of chosen) {
      const r = rows[c.id];
      if (!r.method) e[`${c.id}.method`] = t('请选择投诉人同意的方式', 'Choose how the complainant consented');
      else if (CONSENT_NEEDS_NOTE.includes(r.method) && !r.note.trim())
        e[`${c.id}.note`] = t('电话或当面同意的，请写明由谁、于何时同意', 'Say who consented, and when');
    }
    if (reps.length > MAX_REPRESENTATIVES) e.representatives = t('最多推选 2 名代表人', 'At most 2 representatives');
    return e;
  };

  const submit = async () => {
    const e = check();
    setErrors(e);
    setProblem(null);
    if (Object.keys(e).length) return;
    const members = chosen.map((c) => ({ caseId: c.id, consentMethod: rows[c.id].method!, consentNote: rows[c.id].note.trim() || null }));
    const body: CreateJointCase = { members, representatives: reps.map((c) => c.id), note: note.trim() || null };
    setBusy(true);
    try {
      setMade(await api<JointCase>(`/warnings/alerts/${alert.id}/joint-case`, { body }));
    } catch (err) {
      if (err instanceof ApiError && err.status === 400 && err.details.length) {
        // members.3.consentNote → the fourth complaint sent, its note.
        const mapped: Record<string, string> = {};
        const rest: string[] = [];
        for (const d of err.details) {
          const m = /^members\.(\d+)\.(\w+)$/.exec(d.field);
          const member = m ? members[Number(m[1])] : undefined;
          if (member && m) mapped[`${member.caseId}.${m[2] === 'consentNote' ? 'note' : 'method'}`] = d.message;
          else if (d.field.startsWith('representatives')) mapped.representatives = d.message;
          else if (d.field === 'members') mapped.members = d.message;
          else if (d.field === 'note') mapped.note = d.message;
          else rest.push(d.message);
        }
        setErrors(mapped);
        setProblem(rest.length ? rest.join('；') : null);
      } else setProblem(err instanceof ApiError ? err.message : t('无法连接服务器，请重试', 'Cannot reach the server; try again'));
    } finally {
      setBusy(false);
    }
  };

  const done = made !== null;
  return (
    <Modal
      open
      width={760}
      title={t('发起共同投诉', 'Joint complaint')}
      onCancel={done ? onDone : onClose}
      destroyOnHidden
      footer={
        done ? (
          <Button type="primary" onClick={onDone} data-testid="joint-done">
            {t('完成', 'Done')}
          </Button>
        ) : (
          <Flex justify="end" gap={8}>
            <Button onClick={onClose}>{t('取消', 'Cancel')}</Button>
            <Button type="primary" loading={busy} disabled={!cases?.length} onClick={() => void submit()} data-testid="joint-submit">
              {t(`按共同投诉处理（${chosen.length} 件）`, `Handle jointly (${chosen.length})`)}
            </Button>
          </Flex>
        )
      }
    >
      {made ? (
        <Result
          status="success"
          title={t('已按共同投诉处理', 'Joint complaint made')}
          subTitle={
            <span data-testid="joint-no">
              {t('共同投诉编号 ', 'Joint number ')}
              <span style={MONO}>{made.jointNo}</span>
              {t(
                `，共 ${made.members.length} 件；每位投诉人将收到短信告知。`,
                ` with ${made.members.length} complaints; each complainant is told by SMS.`,
              )}
            </span>
          }
        />
      ) : (
        <>
          <Notice
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={t(
              '《市场监督管理投诉举报处理办法》（第121号令）第十二条：按共同投诉处理须经投诉人同意。请逐件记录每位投诉人同意的方式；电话或当面同意的，写明由谁、于何时同意。投诉人可以书面推选两名代表人。',
              "Order 121 Art. 12: complaints are handled jointly only with the complainants' consent. Record how each one consented; for phone or in-person consent, say who and when. The complainants may elect two representatives in writing.",
            )}
          />
          {loadError && <Notice type="error" showIcon title={loadError} />}
          {!cases && !loadError && <Spin />}
          {cases && !cases.length && <Empty description={t('没有可见的相关投诉', 'No complaints you can see')} />}
          {errors.members && <Typography.Text type="danger">{errors.members}</Typography.Text>}
          <Flex vertical gap={8} data-testid="joint-members">
            {(cases ?? []).map((c) => {
              const r = rows[c.id];
              const closed = NOT_JOINABLE.includes(c.status);
              const no = groupDigits(c.trackingNo);
              return (
                <div key={c.id} className="staff-joint-row" data-testid={`joint-row-${c.trackingNo}`}>
                  <Flex wrap gap={8} align="center">
                    <Checkbox checked={r.chosen} disabled={closed} onChange={(e) => set(c.id, { chosen: e.target.checked })}>
                      <span style={MONO}>{no}</span>
                    </Checkbox>
                    <Muted>
                      {pick(t, STATUS_LABEL[c.status], c.statusText)} ·{' '}
                      {c.consumer.hidden ? t('投诉人信息保密', 'Kept confidential') : c.consumer.name} · {fmtDate(c.receivedAt)}
                    </Muted>
                    {closed && <Muted>{t('已办结，不能加入', 'Finished: cannot join')}</Muted>}
                  </Flex>
                  {r.chosen && (
                    <Flex wrap gap={8} align="start" style={{ marginTop: 6 }}>
                      <div>
                        <Select<ConsentMethod>
                          value={r.method}
                          placeholder={t('同意方式', 'Consent')}
                          aria-label={t(`投诉 ${no} 的投诉人同意方式`, `How the complainant of ${no} consented`)}
                          status={errors[`${c.id}.method`] ? 'error' : undefined}
                          onChange={(v) => set(c.id, { method: v })}
                          options={METHODS.map((m) => ({ value: m, label: pick(t, CONSENT_LABEL[m], m) }))}
                          style={{ width: 120 }}
                          data-testid={`joint-method-${c.trackingNo}`}
                        />
                        {errors[`${c.id}.method`] && <FieldError text={errors[`${c.id}.method`]} />}
                      </div>
                      <div style={{ flex: '1 1 220px' }}>
                        <Input
                          value={r.note}
                          maxLength={500}
                          placeholder={
                            r.method && CONSENT_NEEDS_NOTE.includes(r.method)
                              ? t('由谁、何时同意（必填）', 'Who consented, when (required)')
                              : t('说明（选填）', 'Note (optional)')
                          }
                          aria-label={t(`投诉 ${no} 的同意说明`, `Consent note for ${no}`)}
                          status={errors[`${c.id}.note`] ? 'error' : undefined}
                          onChange={(e) => set(c.id, { note: e.target.value })}
                          data-testid={`joint-note-${c.trackingNo}`}
                        />
                        {errors[`${c.id}.note`] && <FieldError text={errors[`${c.id}.note`]} />}
                      </div>
                      <Checkbox
                        checked={r.representative}
                        disabled={!r.representative && reps.length >= MAX_REPRESENTATIVES}
                        onChange={(e) => set(c.id, { representative: e.target.checked })}
                      >
                        {t('代表人', 'Representative')}
                      </Checkbox>
                    </Flex>
                  )}
                </div>
              );
            })}
          </Flex>
          {errors.representatives && <FieldError text={errors.representatives} />}
          <div style={{ marginTop: 12 }}>
            <label htmlFor="joint-note">{t('说明（选填）', 'Note (optional)')}</label>
            <Input.TextArea id="joint-note" rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
            {errors.note && <FieldError text={errors.note} />}
          </div>
          {problem && <Notice type="error" showIcon title={problem} style={{ marginTop: 12 }} />}
        </>
      )}
    </Modal>
  );
}

function FieldError({ text }: { text: string }) {
  return (
    <div role="alert">
      <Typography.Text type="danger">{text}</Typography.Text>
    </div>
  );
}
