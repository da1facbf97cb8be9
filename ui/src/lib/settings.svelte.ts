// The general settings, loaded once and shared by every screen that reads them.
import { api, type Settings, errorText } from './api';
import { language } from './i18n.svelte';

class SettingsState {
  value = $state<Settings | null>(null);
  error = $state<string | null>(null);

  async load() {
    try {
      this.show(await api.getSettings());
    } catch (e) {
      this.error = errorText(e);
    }
  }

  /** Takes settings read elsewhere (with the first screen). */
  show(value: Settings) {
    this.value = value;
    applyTheme(value.theme);
    language.apply(value.language);
  }

  async save(next: Settings) {
    this.value = await api.saveSettings(next);
    applyTheme(this.value.theme);
    language.apply(this.value.language);
  }
}

export function applyTheme(theme: Settings['theme']) {
  const root = document.documentElement;
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}

export const settings = new SettingsState();
