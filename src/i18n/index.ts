/**
 * The UI language: i18next with the two bundled locales (no backend, so it works offline and
 * initialises synchronously). Scenario text is not here: it comes from the scenario file through
 * `localize` in src/scenario/text.ts; this module only says which language is current.
 */
import i18next, { type TOptions } from 'i18next';
import en from '../../locales/en.json';
import nl from '../../locales/nl.json';

export type Lang = 'nl' | 'en';
export const LANGS: readonly Lang[] = ['nl', 'en'];
const STORAGE_KEY = 'dd.lang';

const listeners = new Set<(lang: Lang) => void>();

export function initI18n(lang: Lang = storedLang()): void {
  void i18next.init({
    lng: lang,
    fallbackLng: 'nl',
    initAsync: false,
    resources: { nl: { translation: nl }, en: { translation: en } },
    // Every string goes into textContent or canvas text, never into HTML, so escaping would only
    // show entities to the table.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = lang;
}

export function t(key: string, options?: TOptions): string {
  return i18next.t(key, options) as string;
}

export function currentLang(): Lang {
  return (i18next.language as Lang) ?? 'nl';
}

export function setLang(lang: Lang): void {
  void i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // storage blocked: the choice simply is not remembered
  }
  for (const listener of listeners) listener(lang);
}

export function toggleLang(): void {
  setLang(currentLang() === 'nl' ? 'en' : 'nl');
}

export function onLangChange(listener: (lang: Lang) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function storedLang(): Lang {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    if (v === 'en' || v === 'nl') return v;
  } catch {
    // ignore
  }
  return 'nl';
}
