import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import Today from './Today.svelte';

afterEach(() => {
  cleanup();
  clearMocks();
});

describe('Today', () => {
  it('says how to add a meeting when the schedule is empty, and reports it is ready', async () => {
    const calls: string[] = [];
    mockIPC((cmd) => {
      calls.push(cmd);
      if (cmd === 'get_overview') return { scheduled_meetings: 0, favourites: [] };
    });
    render(Today);
    expect(await screen.findByText('No meetings in your schedule yet')).toBeTruthy();
    const link = screen.getByRole('link', { name: 'Go to my schedule' });
    expect(link.getAttribute('href')).toBe('#/schedule');
    await Promise.resolve();
    expect(calls).toContain('ui_ready');
  });

  it('shows the count of scheduled meetings and links to favourite groups', async () => {
    const alAnon = {
      kind: 'fellowship',
      id: 'al-anon',
      name: 'Al-Anon Family Groups',
      abbreviation: 'Al-Anon',
      audience: 'family',
      approaches: ['twelve_step'],
      formats: ['in_person'],
      favourite: true,
      fellowship_name: null,
      summary: '',
      source: null,
    };
    mockIPC((cmd) => (cmd === 'get_overview' ? { scheduled_meetings: 2, favourites: [alAnon] } : undefined));
    render(Today);
    expect(await screen.findByText('2 meetings in your schedule.')).toBeTruthy();
    const link = screen.getByRole('link', { name: 'Al-Anon Family Groups' });
    expect(link.getAttribute('href')).toBe('#/groups/f/al-anon');
  });

  it('shows the error when the core cannot be read', async () => {
    mockIPC((cmd) => {
      if (cmd === 'get_overview') throw { kind: 'storage', message: 'storage: disk I/O error', field: null };
    });
    render(Today);
    expect((await screen.findByRole('alert')).textContent).toContain('disk I/O error');
  });
});
