// The app's language: the user's choice (Settings → Language), or the device's. Messages come from
// Paraglide (`src/paraglide`, compiled from messages/<locale>.json by scripts/messages.mjs);
// dates, times and numbers follow the language with the device's region ("es-US").
import { locales, setLocale, type Locale } from '../paraglide/runtime.js';
import type { Language } from './api';

/** The languages people can choose or get from their device; the pseudo-locale `qps` is only ever
 * shown on request (`window.homegroupShowLocale`). */
const SPOKEN: readonly Locale[] = ['en', 'es'];

declare global {
  interface Window {
    /** Shows the app in `locale` at once, saving nothing, until the page reloads: for end-to-end
     * sweeps of every screen (the pseudo-locale `qps` shows text not taken from the catalogues). */
    homegroupShowLocale: (locale: Locale) => void;
  }
}

/** The device's language tag, as the webview reports it ("en-US", "es-MX"). */
function deviceTag(): string {
  return (typeof navigator !== 'undefined' && navigator.language) || 'en-US';
}

/** The language to show for a setting: the chosen one, or the device's when Homegroup speaks it. */
export function resolveLanguage(setting: Language, tag = deviceTag()): Locale {
  if (setting !== 'device') return setting;
  const language = tag.split(/[-_]/)[0]?.toLowerCase() ?? '';
  return SPOKEN.includes(language as Locale) ? (language as Locale) : 'en';
}

/** The language and the device's region, for Intl ("es-US"; "es" when the device names no region).
 * The pseudo-locale formats like English. */
export function intlLocale(locale: Locale, tag = deviceTag()): string {
  const language = locale === 'qps' ? 'en' : locale;
  const region = tag.split(/[-_]/)[1];
  return region && /^[A-Za-z]{2}$/.test(region) ? `${language}-${region.toUpperCase()}` : language;
}

class LanguageState {
  /** What is shown now; the app re-renders when it changes. */
  locale = $state<Locale>('en');
  /** For Intl: the language with the device's region. */
  intl = $derived(intlLocale(this.locale));
  /** A locale asked for by `homegroupShowLocale`, shown whatever the setting says. */
  #shown: Locale | null = null;

  /** Shows the language of a setting (unless a sweep asked for another). */
  apply(setting: Language) {
    this.#set(this.#shown ?? resolveLanguage(setting));
  }

  /** Shows `locale` at once and keeps it until reload; nothing is saved. */
  show(locale: Locale) {
    if (!(locales as readonly string[]).includes(locale)) throw new Error(`Homegroup has no locale "${locale}".`);
    this.#shown = locale;
    this.#set(locale);
  }

  #set(locale: Locale) {
    setLocale(locale, { reload: false });
    if (typeof document !== 'undefined') document.documentElement.lang = locale === 'qps' ? 'en-x-qps' : locale;
    this.locale = locale;
  }
}

export const language = new LanguageState();

if (typeof window !== 'undefined') window.homegroupShowLocale = (locale) => language.show(locale);
