import { useEffect, useId, useRef, useState } from 'react';
import type { AttachmentsAdded, SubmissionAnswer } from '../api/types';
import { api } from '../lib/api';
import { ACCEPTED, MAX_BYTES, MAX_FILES } from '../lib/files';
import { Icon } from '../lib/icons';
import { useLang } from '../lib/i18n';
import { Alert } from '../ui';
import { HintedCheck } from './hinted-check';
import { fileSize } from './texts';
import './attachments.css';

export interface Picked {
  key: string;
  file: File;
  /** An object URL for an image's thumbnail; PDFs show an icon. */
  preview: string | null;
}

/**
 * Evidence picker: photos of receipts, goods, chats; PDFs of contracts. Each shows a thumbnail (or a
 * PDF mark) and can be removed; type, size and count are checked here, and again by the API by
 * content when they are uploaded. "添加文件" is a real button (it takes focus and shows it) that
 * opens the phone's own file chooser.
 */
export function AttachmentPicker({
  value,
  onChange,
  max = MAX_FILES,
}: {
  value: Picked[];
  onChange: (files: Picked[]) => void;
  max?: number;
}) {
  const { t } = useLang();
  const input = useRef<HTMLInputElement>(null);
  const hintId = `${useId().replace(/:/g, '')}-hint`;
  const [problems, setProblems] = useState<string[]>([]);
  // Object URLs live as long as the page shows them: the ones still chosen are released when it goes.
  const latest = useRef(value);
  useEffect(() => {
    latest.current = value;
  }, [value]);
  useEffect(() => () => latest.current.forEach((p) => p.preview && URL.revokeObjectURL(p.preview)), []);

  const add = (list: FileList | null) => {
    const next = [...value];
    const bad: string[] = [];
    for (const file of Array.from(list ?? [])) {
      if (!ACCEPTED.includes(file.type))
        bad.push(t(`${file.name}：只能上传图片（JPG/PNG/WebP/GIF）或 PDF`, `${file.name}: only images (JPG/PNG/WebP/GIF) or PDF`));
      else if (file.size > MAX_BYTES) bad.push(t(`${file.name}：超过 10 MB`, `${file.name}: larger than 10 MB`));
      else if (next.length >= max) bad.push(t(`${file.name}：最多 ${max} 个文件`, `${file.name}: at most ${max} files`));
      else
        next.push({
          key: `${file.name}-${file.size}-${Math.random()}`,
          file,
          preview: file.type.startsWith('image/') ? URL.createObjectURL(file) : null,
        });
    }
    setProblems(bad);
    onChange(next);
    if (input.current) input.current.value = '';
  };

  const remove = (key: string) => {
    const gone = value.find((p) => p.key === key);
    if (gone?.preview) URL.revokeObjectURL(gone.preview);
    onChange(value.filter((p) => p.key !== key));
  };

  return (
    <div>
      <ul className="attach-grid" aria-label={t('已选择的文件', 'Chosen files')}>
        {value.map((p) => (
          <li key={p.key} className="attach-tile" data-testid="attachment-tile">
            {p.preview ? <img src={p.preview} alt={p.file.name} /> : <Icon name="file" className="attach-pdf" />}
            <span className="attach-name" title={p.file.name}>
              {p.file.name}
            </span>
            <span className="attach-size">{fileSize(p.file.size)}</span>
            <button
              type="button"
              className="attach-remove"
              aria-label={t(`移除 ${p.file.name}`, `Remove ${p.file.name}`)}
              onClick={() => remove(p.key)}
            >
              {t('移除', 'Remove')}
            </button>
          </li>
        ))}
        {value.length < max && (
          <li>
            <button type="button" className="attach-add" aria-describedby={hintId} onClick={() => input.current?.click()}>
              <span className="attach-plus" aria-hidden="true">
                +
              </span>
              {t('添加文件', 'Add files')}
            </button>
            <input
              ref={input}
              type="file"
              multiple
              hidden
              accept={ACCEPTED.join(',')}
              data-testid="attachment-input"
              onChange={(e) => add(e.target.files)}
            />
          </li>
        )}
      </ul>
      <p className="ui-hint" id={hintId}>
        {t(
          `图片或 PDF，最多 ${max} 个，每个不超过 10 MB（如发票、小票、聊天记录截图、合同）。`,
          `Images or PDF, up to ${max}, 10 MB each (receipts, chat screenshots, contracts).`,
        )}
      </p>
      {problems.length > 0 && (
        <Alert type="warning">
          {problems.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </Alert>
      )}
    </div>
  );
}

/**
 * Sends the files to a filed case (the access code is the key); answers how many were stored.
 * `shareWithBusiness` (complaints only) lets the business complained about see them; left out, it may not.
 */
export async function uploadAttachments(
  trackingNo: string,
  accessCode: string,
  files: Picked[],
  shareWithBusiness?: boolean,
): Promise<number> {
  if (!files.length) return 0;
  const form = new FormData();
  for (const p of files) form.append('file', p.file, p.file.name);
  if (shareWithBusiness !== undefined) form.append('shareWithBusiness', shareWithBusiness ? 'true' : 'false');
  const res = await api<AttachmentsAdded>(`/complaints/${encodeURIComponent(trackingNo)}/attachments`, {
    form,
    headers: { 'X-Access-Code': accessCode },
  });
  return res.attachments.length;
}

/**
 * Sends a new filing's evidence to each case it made (both tracks of a "both"): the business may see
 * the complaint's files if the consumer said so, a report's never. Answers how many were stored and,
 * if an upload failed, why (the filing itself stands: the result page says so).
 */
export async function uploadToFiling(
  answer: SubmissionAnswer,
  files: Picked[],
  share: boolean,
): Promise<{ uploaded: number; uploadError?: string }> {
  const numbers: { no: string; share?: boolean }[] = answer.cases?.map((c) => ({
    no: c.trackingNo,
    share: c.track === 'complaint' ? share : undefined,
  })) ?? [
    { no: answer.trackingNo, share: answer.kind === 'report' ? undefined : share },
    ...(answer.linkedTrackingNo ? [{ no: answer.linkedTrackingNo }] : []),
  ];
  let uploaded = 0;
  try {
    for (const { no, share: shared } of numbers)
      uploaded = Math.max(uploaded, await uploadAttachments(no, answer.accessCode, files, shared));
    return { uploaded };
  } catch (err) {
    return { uploaded, uploadError: err instanceof Error ? err.message : String(err) };
  }
}

/** "允许经营者查看这些文件": off unless the consumer ticks it (complaints only; a reporter's evidence is never the business's). */
export function ShareWithBusiness({ value, onChange }: { value: boolean; onChange: (share: boolean) => void }) {
  const { t } = useLang();
  return (
    <HintedCheck
      className="share-item"
      checked={value}
      onChange={(e) => onChange(e.target.checked)}
      data-testid="share-with-business"
      hint={t(
        '勾选后，被投诉经营者答复投诉时可以查看这些文件；不勾选则只有处理投诉的服务站和市场监管部门可以查看。',
        'If ticked, the business complained about can see them when it answers; if not, only the station and the regulator handling the complaint can.',
      )}
    >
      {t('允许经营者查看这些文件', 'Let the business see these files')}
    </HintedCheck>
  );
}
