import type { ReactNode } from 'react';
import { createContext, useCallback, useContext, useMemo, useState } from 'react';

/** Chinese first; English on request. The choice is kept in the browser. */
export type Lang = 'zh' | 'en';

interface LangState {
  lang: Lang;
  setLang: (lang: Lang) => void;
  /** The text in the current language: `t('投诉', 'Complaint')`. */
  t: (zh: string, en: string) => string;
}

const LangContext = createContext<LangState | null>(null);
const KEY = 'weiquan.lang';

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, set] = useState<Lang>(() => (localStorage.getItem(KEY) === 'en' ? 'en' : 'zh'));
  const setLang = useCallback((l: Lang) => {
    localStorage.setItem(KEY, l);
    document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
    set(l);
  }, []);
  const value = useMemo(() => ({ lang, setLang, t: (zh: string, en: string) => (lang === 'zh' ? zh : en) }), [lang, setLang]);
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export function useLang(): LangState {
  const ctx = useContext(LangContext);
  if (!ctx) throw new Error('useLang outside LangProvider');
  return ctx;
}
