import { describe, expect, it } from 'vitest';
import { parseHash, routeHref, startFromToday } from './router.svelte';

describe('router', () => {
  it('reads the screen, the rest of the path and the query', () => {
    const route = parseHash('#/groups?for=family&format=online');
    expect(route.screen).toBe('groups');
    expect(route.params.get('for')).toBe('family');
    expect(route.params.get('format')).toBe('online');
    expect(parseHash('#/guidance/when-to-join').rest).toEqual(['when-to-join']);
  });

  it('falls back to Today for an unknown or empty hash', () => {
    expect(parseHash('').screen).toBe('today');
    expect(parseHash('#/nowhere/at/all').screen).toBe('today');
    expect(parseHash('#/nowhere/at/all').rest).toEqual([]);
  });

  it('builds links that parse back to the same route', () => {
    const href = routeHref('groups', [], { for: 'family', approach: undefined, format: 'phone' });
    expect(href).toBe('#/groups?for=family&format=phone');
    expect(parseHash(href).params.get('format')).toBe('phone');
  });

  it('puts Today under a first screen that is not Today, so back leaves only from Today', () => {
    const made: string[] = [];
    const entries = {
      length: 1,
      state: null,
      replaceState: (_: unknown, __: string, href?: string | URL | null) => void made.splice(made.length - 1, 1, String(href)),
      pushState: (_: unknown, __: string, href?: string | URL | null) => void made.push(String(href)),
    };
    made.push('#/people');
    startFromToday('#/people', entries);
    expect(made).toEqual(['#/today', '#/people']);
    const onToday: string[] = [];
    startFromToday('#/today', { ...entries, replaceState: () => onToday.push('replaced'), pushState: () => onToday.push('pushed') });
    startFromToday('#/settings', { ...entries, length: 3, pushState: () => onToday.push('pushed') });
    expect(onToday, 'nothing when the app opens on Today or already has a history').toEqual([]);
  });
});
