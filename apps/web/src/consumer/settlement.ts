import { useEffect, useState } from 'react';
import { api } from '../lib/api';
import { isCreditCode } from '../lib/credit-code';
import type { components } from '../api/schema';
import type { NewComplaint } from '../api/types';

/**
 * The settlement stage (先行和解) as the consumer pages see it: the path a complaint takes, what the
 * API estimates before filing (who could help), and the answers of accepting or leaving it. The
 * shapes are the generated ones (../api/schema).
 */
type Schemas = components['schemas'];

/** 先行和解 (a station helps both sides agree) or 正式投诉 (the market-regulation department decides). */
export type Path = NonNullable<NewComplaint['path']>;
type SettlementOptions = Schemas['SettlementOptionsDto'];
export type OfferAccepted = Schemas['OfferAcceptedDto'];
export type Escalated = Schemas['EscalatedDto'];

/** While it is open the consumer may leave it for a formal complaint (libs/cases settlement.rules mayEscalate). */
const SETTLEMENT_OPEN = ['settling', 'negotiating', 'offered'] as const;
export const inSettlement = (status: string): boolean => (SETTLEMENT_OPEN as readonly string[]).includes(status);

/** What the estimate depends on: the category, where the business is, and its credit code (an enrolled business answers itself). */
export interface OptionsQuery {
  creditCode?: string;
  categoryCode?: string;
  areaCode?: string;
  venueCode?: string;
  online?: boolean;
  platformName?: string;
}

/** The query string for the options, or null while the category or the area is still missing. */
export function optionsQuery(q: OptionsQuery): string | null {
  if (!q.categoryCode || !q.areaCode) return null;
  const p = new URLSearchParams({ categoryCode: q.categoryCode, areaCode: q.areaCode });
  if (q.venueCode) p.set('venueCode', q.venueCode);
  // Only a well-formed code is asked about: a half-typed one would ask again at every keystroke.
  const code = q.creditCode?.trim().toUpperCase();
  if (code && isCreditCode(code)) p.set('creditCode', code);
  if (q.online) {
    p.set('online', 'true');
    if (q.platformName?.trim()) p.set('platformName', q.platformName.trim());
  }
  return p.toString();
}

export type OptionsState =
  | { kind: 'unknown' } // not enough answers yet
  | { kind: 'loading' }
  | { kind: 'failed' }
  | { kind: 'known'; options: SettlementOptions };

/** How long the answers must rest before the estimate is asked for (typing a platform name, changing the venue). */
const DEBOUNCE_MS = 400;

/**
 * Whether a station could help settle this dispute, asked again (debounced) whenever the category
 * or the business's place changes; an answer to an older question is dropped.
 */
export function useSettlementOptions(query: string | null): OptionsState {
  const [answer, setAnswer] = useState<{ query: string; state: OptionsState } | null>(null);
  useEffect(() => {
    if (!query) return;
    let live = true;
    const timer = setTimeout(() => {
      api<SettlementOptions>(`/complaints/settlement-options?${query}`).then(
        (options) => live && setAnswer({ query, state: { kind: 'known', options } }),
        () => live && setAnswer({ query, state: { kind: 'failed' } }),
      );
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query]);
  if (!query) return { kind: 'unknown' };
  return answer?.query === query ? answer.state : { kind: 'loading' };
}
