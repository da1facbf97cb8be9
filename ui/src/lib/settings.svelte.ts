// The general settings, loaded once and shared by every screen that reads them.
import { api, type Settings, errorText } from './api';

class SettingsState {
  value = $state<Settings | null>(null);
  error = $state<string | null>(null);

  async load() {
    try {
      this.value = await api.getSettings();
      applyTheme(this.value.theme);
    } catch (e) {
      this.error = errorText(e);
    }
  }

  async save(next: Settings) {
    this.value = await api.saveSettings(next);
    applyTheme(this.value.theme);
  }
}

export function applyTheme(theme: Settings['theme']) {
  const root = document.documentElement;
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}

export const settings = new SettingsState();
