import type { RefObject } from 'react';
import { useCallback, useEffect, useRef } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { FormValues } from './file-form';
import { isUntouched } from './file-form';
import { clearDraft, saveDraft } from './storage';

/** How long typing must pause before the draft is written (each write is the whole form). */
const SAVE_AFTER_MS = 500;

/**
 * Keeps the filing form's draft (storage.ts) while the consumer fills it in: half a second after
 * their last change, and at once when the page is hidden (a call comes in, the phone locks) or
 * left. Only the consumer's own changes start a save: opening the page writes nothing. Answers
 * `discard`, which drops the draft and any save still waiting (filed, or 清空重填).
 */
export function useDraftKeeper(
  form: UseFormReturn<FormValues>,
  pathPicked: RefObject<boolean>,
  idempotencyKey: RefObject<string>,
): () => void {
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    const save = () => {
      if (pending.current) clearTimeout(pending.current);
      pending.current = null;
      const values = form.getValues();
      if (isUntouched(values)) clearDraft();
      else saveDraft({ values, pathPicked: pathPicked.current, idempotencyKey: idempotencyKey.current });
    };
    const flush = () => pending.current && save();
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    const stopWatching = form.subscribe({
      formState: { values: true },
      callback: ({ type }) => {
        if (type !== 'change') return; // a value the page set (the recommended path) is not the consumer's
        if (pending.current) clearTimeout(pending.current);
        pending.current = setTimeout(save, SAVE_AFTER_MS);
      },
    });
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', flush);
    return () => {
      stopWatching();
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [form, pathPicked, idempotencyKey]);
  return useCallback(() => {
    if (pending.current) clearTimeout(pending.current);
    pending.current = null;
    clearDraft();
  }, []);
}
