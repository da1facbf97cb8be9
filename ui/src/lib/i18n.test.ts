import { describe, expect, it } from 'vitest';
import { intlLocale, language, resolveLanguage } from './i18n.svelte';
import { m } from '../paraglide/messages.js';

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

describe('the pseudo-locale', () => {
  it('is never chosen for a device, and formats like English', () => {
    expect(resolveLanguage('device', 'qps-ploc')).toBe('en');
    expect(intlLocale('qps', 'en-US')).toBe('en-US');
  });

  it('is shown at once by window.homegroupShowLocale, and stays over the setting until reload', () => {
    expect(typeof window.homegroupShowLocale).toBe('function');
    window.homegroupShowLocale('qps');
    expect(language.locale).toBe('qps');
    expect(m.nav_today()).toMatch(/^⟦Tódáý/);
    // The settings loading afterwards do not take it back.
    language.apply('en');
    expect(language.locale).toBe('qps');
    window.homegroupShowLocale('es');
    expect(m.nav_today()).toBe('Hoy');
    expect(() => window.homegroupShowLocale('xx' as 'en')).toThrow();
  });
});
