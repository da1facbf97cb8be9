// The app's language: the user's choice (Settings → Language), or the device's. Messages come from
// Paraglide (`src/paraglide`, compiled from messages/<locale>.json by scripts/messages.mjs);
// dates, times and numbers follow the language with the device's region ("es-US").
import { locales, setLocale, type Locale } from '../paraglide/runtime.js';
import type { Language } from './api';

/** The device's language tag, as the webview reports it ("en-US", "es-MX"). */
function deviceTag(): string {
  return (typeof navigator !== 'undefined' && navigator.language) || 'en-US';
}

/** The language to show for a setting: the chosen one, or the device's when Homegroup speaks it. */
export function resolveLanguage(setting: Language, tag = deviceTag()): Locale {
  if (setting !== 'device') return setting;
  const language = tag.split(/[-_]/)[0]?.toLowerCase() ?? '';
  return (locales as readonly string[]).includes(language) ? (language as Locale) : 'en';
}

/** The language and the device's region, for Intl ("es-US"; "es" when the device names no region). */
export function intlLocale(locale: Locale, tag = deviceTag()): string {
  const region = tag.split(/[-_]/)[1];
  return region && /^[A-Za-z]{2}$/.test(region) ? `${locale}-${region.toUpperCase()}` : locale;
}

class LanguageState {
  /** What is shown now; the app re-renders when it changes. */
  locale = $state<Locale>('en');
  /** For Intl: the language with the device's region. */
  intl = $derived(intlLocale(this.locale));

  apply(setting: Language) {
    const locale = resolveLanguage(setting);
    setLocale(locale, { reload: false });
    if (typeof document !== 'undefined') document.documentElement.lang = locale;
    this.locale = locale;
  }
}

export const language = new LanguageState();
