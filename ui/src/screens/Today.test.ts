import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import Today from './Today.svelte';

afterEach(() => {
  cleanup();
  clearMocks();
});

const noAttendance = { this_week: 0, this_month: 0, last_90_days: null };

describe('Today', () => {
  it('says how to add a meeting when the schedule is empty, and reports when it has painted', async () => {
    const calls: string[] = [];
    mockIPC((cmd) => {
      calls.push(cmd);
      if (cmd === 'get_overview') return { scheduled_meetings: 0, favourites: [] };
      if (cmd === 'upcoming') return { user_time_zone: 'UTC', today: '2026-11-26', today_items: [], tomorrow_items: [] };
      if (cmd === 'attendance_summary') return noAttendance;
    });
    const painted = vi.fn();
    render(Today, { props: { onpainted: painted } });
    expect(await screen.findByText('No meetings in your schedule yet')).toBeTruthy();
    const link = screen.getByRole('link', { name: 'Add a meeting' });
    expect(link.getAttribute('href')).toBe('#/schedule/new');
    // It says when its data has painted (the app then tells the shell it is ready).
    await vi.waitFor(() => expect(painted).toHaveBeenCalledTimes(1));
    expect(calls).not.toContain('ui_ready');
  });

  it("shows tomorrow's meeting in both zones and links to favourite groups", async () => {
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
    const item = {
      meeting_id: 3,
      name: 'Chicago Online',
      attendance: 'online',
      fellowship_name: 'Alcoholics Anonymous',
      location: null,
      address: null,
      conference_url: 'https://example.org/join',
      time_zone: 'America/Chicago',
      time_zone_place: 'Chicago',
      starts_at: '2026-11-28T00:00:00Z',
      ends_at: '2026-11-28T01:00:00Z',
      local_date: '2026-11-27',
      skipped: false,
      attended: false,
    };
    mockIPC((cmd) => {
      if (cmd === 'get_overview') return { scheduled_meetings: 1, favourites: [alAnon] };
      if (cmd === 'upcoming') return { user_time_zone: 'America/New_York', today: '2026-11-26', today_items: [], tomorrow_items: [item] };
      if (cmd === 'attendance_summary') return noAttendance;
    });
    render(Today);
    expect(await screen.findByText('Chicago Online')).toBeTruthy();
    expect(screen.getByTestId('today-tomorrow')).toBeTruthy();
    expect(screen.getByTestId('agenda-zone').textContent).toMatch(/7:00\s?PM your time · 6:00\s?PM in Chicago/);
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
