import { describe, expect, it } from 'vitest';
import { formatDay, formatTime, relativeLabel, telLink } from './time';

describe('time', () => {
  it('says how soon a meeting starts, or that it is on', () => {
    const now = new Date('2026-11-26T18:35:00Z');
    expect(relativeLabel('2026-11-26T19:00:00Z', '2026-11-26T20:00:00Z', now)).toBe('starts in 25 min');
    expect(relativeLabel('2026-11-26T18:00:00Z', '2026-11-26T19:00:00Z', now)).toBe('in progress');
    expect(relativeLabel('2026-11-26T17:00:00Z', '2026-11-26T18:00:00Z', now)).toBe('ended');
    expect(relativeLabel('2026-11-27T18:00:00Z', '2026-11-27T19:00:00Z', now)).toBe('');
  });

  it('formats a plain date without moving it to another day', () => {
    expect(formatDay('2026-11-26')).toContain('26');
    expect(formatDay('2026-11-26')).toMatch(/Thursday/);
    expect(formatDay('2026-11-26', 'short')).toMatch(/Thu/);
    expect(formatDay('2026-11-26', 'short')).not.toMatch(/Thursday/);
  });

  it('writes one instant in each zone it is asked for (formatters are reused per zone)', () => {
    const instant = '2026-11-26T23:00:00Z';
    expect(formatTime(instant, 'America/Chicago')).toMatch(/5:00/);
    expect(formatTime(instant, 'Asia/Kolkata')).toMatch(/4:30/);
    expect(formatTime(instant, 'America/Chicago')).toMatch(/5:00/);
    expect(formatTime('2026-11-26T23:45:00Z', 'America/Chicago')).toMatch(/5:45/);
  });

  it('keeps pauses and the meeting menu in dial-in links', () => {
    expect(telLink('+1 (301) 715-8592,,857#')).toBe('tel:%2B13017158592%2C%2C857%23');
  });
});
