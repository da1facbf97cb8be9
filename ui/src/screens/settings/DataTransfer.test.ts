import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import DataTransfer from './DataTransfer.svelte';

afterEach(() => {
  cleanup();
  clearMocks();
});

const preview = {
  source: 'sussex-county-aa',
  format: 'meeting_guide',
  rows: 3,
  meetings: 2,
  first_meetings: [
    {
      slug: 'a',
      name: '<b>Rehoboth</b> Speaker',
      group: null,
      weekdays: [0],
      start_time: '19:00',
      time_zone: null,
      attendance: 'in_person',
      types: ['O'],
      active: true,
    },
    {
      slug: 'b',
      name: 'Lewes Big Book',
      group: null,
      weekdays: [],
      start_time: null,
      time_zone: null,
      attendance: 'online',
      types: [],
      active: true,
    },
  ],
  warning_count: 1,
  skipped_count: 1,
  warnings: [{ index: 1, slug: 'b', field: 'conference_url', message: 'This is not a web link.' }],
  skipped: [{ index: 2, slug: 'c', field: 'name', message: 'This row has no meeting name.' }],
  guessed_fellowship: 'aa',
  rows_without_time_zone: 3,
  feed_time_zones: [],
  previously_imported: false,
};

describe('DataTransfer', () => {
  it('previews a file, imports it on confirm and shows the report', async () => {
    const calls: { cmd: string; args: Record<string, unknown> }[] = [];
    mockIPC((cmd, args) => {
      calls.push({ cmd, args: (args ?? {}) as Record<string, unknown> });
      if (cmd === 'list_fellowships') return [{ id: 'aa', name: 'Alcoholics Anonymous' }];
      if (cmd === 'time_zones') return { device: 'America/New_York', all: ['America/New_York', 'UTC'] };
      if (cmd === 'plugin:dialog|open') return '/home/me/sussex-county-aa.json';
      if (cmd === 'import_preview') return preview;
      if (cmd === 'import_run')
        return {
          source: 'sussex-county-aa',
          format: 'meeting_guide',
          fellowship: 'aa',
          time_zone: 'America/New_York',
          rows: 3,
          added: 2,
          updated: 0,
          unchanged: 0,
          delisted: 0,
          warning_count: 1,
          skipped_count: 1,
          warnings: [],
          skipped: [],
          schedule_changes: [{ meeting_id: 7, name: 'Home group', change: 'delisted' }],
        };
    });
    render(DataTransfer);
    await screen.findByRole('option', { name: 'Alcoholics Anonymous' });
    await fireEvent.click(screen.getByTestId('import-choose'));

    expect(await screen.findByText('2 meetings ready to import')).toBeTruthy();
    // Imported text is text: the markup is shown, not rendered.
    expect(screen.getByText('<b>Rehoboth</b> Speaker — Sunday at 19:00')).toBeTruthy();
    expect(screen.getByText('Lewes Big Book — By appointment')).toBeTruthy();
    expect(screen.getByText('Row 3 (c): This row has no meeting name.')).toBeTruthy();
    const previewCall = calls.find((c) => c.cmd === 'import_preview');
    expect(previewCall?.args.path).toBe('/home/me/sussex-county-aa.json');
    expect((previewCall?.args.options as { time_zone: string }).time_zone).toBe('America/New_York');
    expect((screen.getByTestId('import-fellowship') as HTMLSelectElement).value).toBe('aa');

    await fireEvent.click(screen.getByTestId('import-confirm'));
    expect(await screen.findByText('Import finished')).toBeTruthy();
    expect(screen.getByText(/2 added, 0 updated, 0 unchanged/)).toBeTruthy();
    expect(screen.getByText(/Home group\s+is no longer in the list/)).toBeTruthy();
    const run = calls.find((c) => c.cmd === 'import_run');
    expect(run?.args.options).toEqual({
      format: 'meeting_guide',
      time_zone: 'America/New_York',
      fellowship: 'aa',
      source: null,
    });
    expect(run?.args.rows, "the preview's row count, for the progress bar").toBe(3);
    expect(screen.queryByTestId('import-preview')).toBeNull();
  });

  it('shows the core’s message when a file cannot be read', async () => {
    mockIPC((cmd) => {
      if (cmd === 'list_fellowships') return [];
      if (cmd === 'time_zones') return { device: 'UTC', all: ['UTC'] };
      if (cmd === 'plugin:dialog|open') return '/tmp/junk.json';
      if (cmd === 'import_preview')
        throw { kind: 'invalid_input', message: 'This file is not a meeting list Homegroup can read.', field: 'file' };
    });
    render(DataTransfer);
    await fireEvent.click(screen.getByTestId('import-choose'));
    expect((await screen.findByRole('alert')).textContent).toContain('not a meeting list');
  });
});
