import { afterEach, describe, expect, it } from 'vitest';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { startUp } from './startup';
import { loadToday } from './today';
import { lockState } from './lock.svelte';
import { settings } from './settings.svelte';

afterEach(() => {
  clearMocks();
  document.head.innerHTML = '';
});

/** The page as the shell serves it, with the first screen's data in a JSON block. */
function serveWith(text: string): void {
  const block = document.createElement('script');
  block.type = 'application/json';
  block.id = 'first-screen';
  block.textContent = text;
  document.head.append(block);
}

const status = { enabled: false, locked: false, language: 'en', theme: 'system' };
const today = {
  overview: { scheduled_meetings: 3, favourites: [] },
  upcoming: { user_time_zone: 'UTC', today: '2026-12-02', today_items: [], tomorrow_items: [] },
  attendance: { this_week: 1, this_month: 2, last_90_days: null },
  notices: [],
  zone_shifts: [],
  count: null,
};

/** Answers every request; `first_screen` with `first` (or a failure), the rest as the old path. */
function answer(first: unknown): string[] {
  const calls: string[] = [];
  mockIPC((cmd) => {
    calls.push(cmd);
    if (cmd === 'first_screen') {
      if (first) return first;
      throw { kind: 'storage', message: 'The data could not be read.' };
    }
    if (cmd === 'lock_status') return status;
    if (cmd === 'today_screen') return { ...today, overview: { scheduled_meetings: 7, favourites: [] } };
    return null;
  });
  return calls;
}

describe('the first screen', () => {
  it("comes in one request: the lock's state, the settings and Today's data", async () => {
    const saved = { theme: 'dark', language: 'system', first_day_of_week: 1 };
    const calls = answer({ lock: status, settings: saved, today, recovery: null });
    startUp(true);
    await lockState.ready;
    const [, overview] = await loadToday();
    expect(overview.scheduled_meetings).toBe(3);
    expect(settings.value).toEqual(saved);
    expect(lockState.locked).toBe(false);
    expect(calls.filter((c) => !c.startsWith('plugin:event'))).toEqual(['first_screen']);
  });

  it('falls back to the separate requests when the one request fails', async () => {
    const calls = answer(null);
    startUp(true);
    await lockState.ready;
    const [, overview] = await loadToday();
    expect(overview.scheduled_meetings).toBe(7);
    expect(calls).toContain('lock_status');
    expect(lockState.status).toEqual(status);
  });

  it('is read from the page when the shell served it there, with no request', async () => {
    const saved = { theme: 'dark', language: 'system', first_day_of_week: 1 };
    const calls = answer(null);
    serveWith(JSON.stringify({ lock: status, settings: saved, today, recovery: null }));
    startUp(true);
    await lockState.ready;
    const [, overview] = await loadToday();
    expect(overview.scheduled_meetings).toBe(3);
    expect(settings.value).toEqual(saved);
    expect(calls.filter((c) => !c.startsWith('plugin:event'))).toEqual([]);
    // Read once: the block is gone, and a later Today asks afresh.
    expect(document.getElementById('first-screen')).toBeNull();
    const [, later] = await loadToday();
    expect(later.scheduled_meetings).toBe(7);
  });

  it("keeps Today's data from the page for a Today shown now only", async () => {
    answer(null);
    serveWith(JSON.stringify({ lock: status, settings: null, today, recovery: null }));
    startUp(false);
    await lockState.ready;
    const [, overview] = await loadToday();
    expect(overview.scheduled_meetings).toBe(7);
  });

  it('asks the shell when the block in the page cannot be read', async () => {
    const calls = answer({ lock: status, settings: null, today, recovery: null });
    serveWith('{"lock": ');
    startUp(true);
    await lockState.ready;
    expect(calls).toContain('first_screen');
    const [, overview] = await loadToday();
    expect(overview.scheduled_meetings).toBe(3);
  });
});
