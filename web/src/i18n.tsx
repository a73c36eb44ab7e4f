import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

export type Lang = 'id' | 'en';

/**
 * The one shape of a text in both languages, as the API sends it (`{ id, en }`) and as pages keep
 * labels. Inline text stays `t('…', '…')`; a label held in data is a Bilingual and shown with `t(label)`.
 */
export interface Bilingual {
  id: string;
  en: string;
}

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  /** Picks the text for the current language: Bahasa Indonesia first, English second. */
  t(id: string, en: string): string;
  t(label: Bilingual): string;
}

/** The `t` of useI18n(), for helpers that word things outside a component. */
export type Translate = I18n['t'];

/** The text of `label` in `lang`. */
export function inLang(label: Bilingual, lang: Lang): string {
  return lang === 'en' ? label.en : label.id;
}

const I18nContext = createContext<I18n | null>(null);
const STORAGE_KEY = 'layan.lang';

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => (localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'id'));
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const queryClient = useQueryClient();
  const setLang = useCallback(
    (l: Lang) => {
      localStorage.setItem(STORAGE_KEY, l);
      setLangState(l);
      // Answers carry texts in the language asked for (Accept-Language): load them again.
      void queryClient.invalidateQueries();
    },
    [queryClient],
  );
  const t = useCallback(
    ((a: string | Bilingual, en?: string) => (typeof a === 'string' ? (lang === 'en' ? (en ?? a) : a) : inLang(a, lang))) as I18n['t'],
    [lang],
  );
  const value = useMemo(() => ({ lang, setLang, t }), [lang, setLang, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}

export function LanguageSwitch() {
  const { lang, setLang } = useI18n();
  return (
    <div className="lang-switch" role="group" aria-label="Bahasa / Language">
      <button type="button" aria-pressed={lang === 'id'} onClick={() => setLang('id')}>ID</button>
      <button type="button" aria-pressed={lang === 'en'} onClick={() => setLang('en')}>EN</button>
    </div>
  );
}
