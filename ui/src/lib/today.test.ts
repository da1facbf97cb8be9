import { afterEach, describe, expect, it } from 'vitest';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { loadToday, prefetchToday } from './today';

afterEach(() => clearMocks());

/** Answers Today's requests, counting those for Today's data. */
function answer(): { overviews: number } {
  const seen = { overviews: 0 };
  mockIPC((cmd) => {
    if (cmd === 'startup_notice') return null;
    if (cmd === 'today_screen')
      return {
        overview: { scheduled_meetings: ++seen.overviews, favourites: [] },
        upcoming: { user_time_zone: 'UTC', today: '2026-11-26', today_items: [], tomorrow_items: [] },
        attendance: { this_week: 0, this_month: 0, last_90_days: null },
        notices: [],
        zone_shifts: [],
        count: null,
      };
  });
  return seen;
}

describe("Today's data", () => {
  it('is asked for when prefetched, and the first Today takes that answer without asking again', async () => {
    const seen = answer();
    prefetchToday();
    expect(seen.overviews).toBe(1); // sent at once, before anything mounts
    const [, overview] = await loadToday();
    expect(overview.scheduled_meetings).toBe(1);
    expect(seen.overviews).toBe(1);
  });

  it('is asked for afresh by every later Today, so a return to it shows changes', async () => {
    const seen = answer();
    prefetchToday();
    await loadToday();
    const [, again] = await loadToday();
    expect(again.scheduled_meetings).toBe(2);
    expect(seen.overviews).toBe(2);
  });

  it('reports a failure to the Today that takes it', async () => {
    mockIPC((cmd) => {
      if (cmd === 'today_screen') throw { kind: 'storage', message: 'The data could not be read.' };
      return null;
    });
    prefetchToday();
    await expect(loadToday()).rejects.toThrow('The data could not be read.');
  });
});
