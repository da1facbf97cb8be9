import { describe, expect, it } from 'vitest';
import { intlLocale, resolveLanguage } from './i18n.svelte';

describe('language', () => {
  it('follows the device when Homegroup speaks its language, else English', () => {
    expect(resolveLanguage('device', 'es-MX')).toBe('es');
    expect(resolveLanguage('device', 'es')).toBe('es');
    expect(resolveLanguage('device', 'fr-FR')).toBe('en');
    expect(resolveLanguage('device', 'en-US')).toBe('en');
    expect(resolveLanguage('es', 'en-US')).toBe('es');
    expect(resolveLanguage('en', 'es-ES')).toBe('en');
  });

  it("keeps the device's region for dates and times", () => {
    expect(intlLocale('es', 'en-US')).toBe('es-US');
    expect(intlLocale('en', 'es-MX')).toBe('en-MX');
    expect(intlLocale('es', 'es')).toBe('es');
    expect(intlLocale('es', 'C')).toBe('es');
  });
});
