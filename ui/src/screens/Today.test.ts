import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import Today from './Today.svelte';
import { offerToday } from '../lib/today';

afterEach(() => {
  cleanup();
  clearMocks();
});

const noAttendance = { this_week: 0, this_month: 0, last_90_days: null };

/** Answers requests with `answer`, and Today's one request (`today_screen`) with what `answer` gives
 * for each of its parts, as the core puts them together: a part that fails fails it. */
function mockToday(answer: (cmd: string, args?: unknown) => unknown) {
  mockIPC((cmd, args) => {
    if (cmd !== 'today_screen') return answer(cmd, args);
    return {
      overview: answer('get_overview'),
      upcoming: answer('upcoming'),
      attendance: answer('attendance_summary'),
      notices: answer('list_notices') ?? [],
      zone_shifts: answer('zone_shifts') ?? [],
      count: answer('count_today') ?? null,
    };
  });
}

/** The date in `zone` `days` after the one `now` falls on there (YYYY-MM-DD). */
function dateIn(zone: string, now: Date, days = 0): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The instant a wall-clock `time` on `date` is in `zone`, as the core would send it. */
function instantIn(zone: string, date: string, time: string): string {
  const naive = new Date(`${date}T${time}:00Z`);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' })
      .formatToParts(naive)
      .map((p) => [p.type, Number(p.value)]),
  ) as Record<string, number>;
  const offset = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!) - naive.getTime();
  return new Date(naive.getTime() - offset).toISOString().replace('.000Z', 'Z');
}

describe('Today', () => {
  it('draws the data the page was served with in its first render, with no loading state and no request', () => {
    const calls: string[] = [];
    mockIPC((cmd) => {
      calls.push(cmd);
      return null;
    });
    offerToday(null, {
      overview: { scheduled_meetings: 0, favourites: [] },
      upcoming: { user_time_zone: 'UTC', today: '2026-11-26', today_items: [], tomorrow_items: [] },
      attendance: noAttendance,
      notices: [],
      zone_shifts: [],
      count: null,
    });
    render(Today);
    // Synchronously after the first render: no promise was waited for.
    expect(screen.getByText('No meetings in your schedule yet')).toBeTruthy();
    expect(screen.queryByText('Loading…')).toBeNull();
    expect(calls.filter((cmd) => !cmd.startsWith('plugin:event'))).toEqual([]);
  });

  it('says how to add a meeting when the schedule is empty, and reports when it has painted', async () => {
    const calls: string[] = [];
    mockToday((cmd) => {
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
    // Tomorrow in New York as of the moment Today asks (so a run across midnight stays one day):
    // 7:00 PM there, 6:00 PM in Chicago, and the meeting is still ahead.
    function upcoming() {
      const zone = 'America/New_York';
      const now = new Date();
      const tomorrow = dateIn(zone, now, 1);
      const startsAt = instantIn(zone, tomorrow, '19:00');
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
        starts_at: startsAt,
        ends_at: new Date(Date.parse(startsAt) + 3_600_000).toISOString(),
        local_date: tomorrow,
        skipped: false,
        attended: false,
      };
      return { user_time_zone: zone, today: dateIn(zone, now), today_items: [], tomorrow_items: [item] };
    }
    mockToday((cmd) => {
      if (cmd === 'get_overview') return { scheduled_meetings: 1, favourites: [alAnon] };
      if (cmd === 'upcoming') return upcoming();
      if (cmd === 'attendance_summary') return noAttendance;
    });
    render(Today);
    expect(await screen.findByText('Chicago Online')).toBeTruthy();
    expect(screen.getByTestId('today-tomorrow')).toBeTruthy();
    expect(screen.getByTestId('agenda-zone').textContent).toMatch(/^7:00\s?PM your time · 6:00\s?PM in Chicago$/);
    // Not over yet: its join link is offered.
    expect(screen.getByTestId('join').getAttribute('href')).toBe('https://example.org/join');
    const link = screen.getByRole('link', { name: 'Al-Anon Family Groups' });
    expect(link.getAttribute('href')).toBe('#/groups/f/al-anon');
  });

  it('shows the error when the core cannot be read', async () => {
    mockToday((cmd) => {
      if (cmd === 'get_overview') throw { kind: 'storage', message: 'storage: disk I/O error', field: null };
    });
    render(Today);
    expect((await screen.findByRole('alert')).textContent).toContain('disk I/O error');
  });

  it('shows what changed for my meetings until dismissed, and asks about one gone from its list', async () => {
    const calls: { cmd: string; args: Record<string, unknown> }[] = [];
    let notices = [
      {
        id: 1,
        meeting_id: 4,
        name: 'Serenity',
        weekdays: [2],
        time_zone: 'America/New_York',
        kind: 'changed',
        changes: [{ field: 'start_time', before: '19:00', after: '19:30' }],
        created_at: 0,
        in_schedule: true,
        keep_reminding: false,
      },
      {
        id: 2,
        meeting_id: 5,
        name: 'Noon Group',
        weekdays: [1, 3],
        time_zone: 'America/New_York',
        kind: 'no_longer_listed',
        changes: [],
        created_at: 0,
        in_schedule: true,
        keep_reminding: false,
      },
    ];
    mockToday((cmd, args) => {
      calls.push({ cmd, args: args as Record<string, unknown> });
      if (cmd === 'get_overview') return { scheduled_meetings: 2, favourites: [] };
      if (cmd === 'upcoming') return { user_time_zone: 'UTC', today: '2026-11-26', today_items: [], tomorrow_items: [] };
      if (cmd === 'attendance_summary') return noAttendance;
      if (cmd === 'list_notices') return notices;
      if (cmd === 'zone_shifts')
        return [
          { meeting_id: 6, name: 'Big Book', meeting_time_zone: 'Europe/London', from: '2026-03-08', until: '2026-03-28', usual_time: '11:00', shifted_time: '12:00' },
        ];
      if (cmd === 'dismiss_notice' || cmd === 'keep_reminding') {
        const given = args as { id?: number; meetingId?: number };
        notices = notices.filter((n) => (cmd === 'dismiss_notice' ? n.id !== given.id : n.meeting_id !== given.meetingId));
        return null;
      }
    });
    render(Today);
    expect(await screen.findByText(/^Your Tuesday Serenity meeting now starts at 7:30\sPM, not 7:00\sPM\.$/)).toBeTruthy();
    expect(screen.getByText(/^Your Noon Group meeting is no longer in its list/)).toBeTruthy();
    expect(screen.getByTestId('zone-shifts').textContent).toMatch(/From March 8 to March 28 your London meeting “Big Book” is at 12:00\sPM/);

    await fireEvent.click(screen.getByRole('button', { name: 'Keep reminding me' }));
    await vi.waitFor(() => expect(screen.queryByText(/Noon Group/)).toBeNull());
    expect(calls.find((c) => c.cmd === 'keep_reminding')?.args.meetingId).toBe(5);
    await fireEvent.click(screen.getByRole('button', { name: /^Dismiss: Your Tuesday Serenity/ }));
    await vi.waitFor(() => expect(screen.queryByTestId('meeting-notices')).toBeNull());
  });
});
