import { afterEach, describe, expect, it } from 'vitest';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { api, ApiError, isOpenableUrl } from './index';

afterEach(() => clearMocks());

describe('api', () => {
  it('sends the settings under the name the command expects', async () => {
    let received: unknown;
    mockIPC((cmd, args) => {
      if (cmd === 'save_settings') {
        received = (args as { settings: unknown }).settings;
        return received;
      }
    });
    const settings = {
      theme: 'dark',
      first_day_of_week: 0,
      default_lead_minutes: 30,
      discreet_notifications: false,
      start_at_login: false,
      ninety_in_ninety: false,
      language: 'device',
    } as const;
    await expect(api.saveSettings(settings)).resolves.toEqual(settings);
    expect(received).toEqual(settings);
  });

  it('turns a core error into an ApiError with its kind, message and field', async () => {
    mockIPC(() => {
      throw { kind: 'invalid_input', message: 'The first day of the week must be a day.', field: 'first_day_of_week' };
    });
    const error = await api.getSettings().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).kind).toBe('invalid_input');
    expect((error as ApiError).field).toBe('first_day_of_week');
    expect((error as ApiError).message).toBe('The first day of the week must be a day.');
  });

  it('wraps an unexpected failure without losing its text', async () => {
    mockIPC(() => {
      throw 'command get_overview not allowed';
    });
    const error = (await api.getOverview().catch((e: unknown) => e)) as ApiError;
    expect(error.kind).toBe('unexpected');
    expect(error.message).toContain('not allowed');
  });

  it('only opens web, phone, text and map links', () => {
    expect(isOpenableUrl('https://www.aa.org/')).toBe(true);
    expect(isOpenableUrl('tel:+18006624357')).toBe(true);
    expect(isOpenableUrl('javascript:alert(1)')).toBe(false);
    expect(isOpenableUrl('file:///etc/passwd')).toBe(false);
    expect(isOpenableUrl('zoommtg://zoom.us/join')).toBe(false);
    expect(isOpenableUrl('not a url')).toBe(false);
  });
});
