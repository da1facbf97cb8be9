import { describe, expect, it } from 'vitest';
import { loadScreen } from './screens';

describe('lazy screens', () => {
  it('loads each screen once, so a filter typed into it never remounts it', async () => {
    const first = loadScreen('groups');
    expect(loadScreen('groups')).toBe(first);
    expect(loadScreen('settings')).not.toBe(first);
    expect(typeof (await first)).toBe('function');
    // The first import compiles the whole screen and what it uses, cold: over 5 s on a slow machine.
  }, 30_000);
});
