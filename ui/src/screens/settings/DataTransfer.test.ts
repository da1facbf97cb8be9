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
  listed_before: 0,
  leaving: 0,
  shrinks: false,
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
          my_changes: [
            { meeting_id: 7, name: 'Home group', kind: 'no_longer_listed', changes: [] },
            {
              meeting_id: 8,
              name: 'Serenity',
              kind: 'changed',
              changes: [{ field: 'start_time', before: '19:00', after: '19:30' }],
            },
          ],
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
    expect(screen.getByText(/Your Home group meeting is no longer in its list/)).toBeTruthy();
    expect(screen.getByText(/Your Serenity meeting now starts at 7:30\sPM, not 7:00\sPM\./)).toBeTruthy();
    const run = calls.find((c) => c.cmd === 'import_run');
    expect(run?.args.options).toEqual({
      format: 'meeting_guide',
      time_zone: 'America/New_York',
      fellowship: 'aa',
      source: null,
      allow_shrink: false,
    });
    expect(run?.args.rows, "the preview's row count, for the progress bar").toBe(3);
    expect(screen.queryByTestId('import-preview')).toBeNull();
  });

  it('asks before importing a list that lost more than a third of its meetings', async () => {
    const calls: { cmd: string; args: Record<string, unknown> }[] = [];
    mockIPC((cmd, args) => {
      calls.push({ cmd, args: args as Record<string, unknown> });
      if (cmd === 'list_fellowships') return [{ id: 'aa', name: 'Alcoholics Anonymous' }];
      if (cmd === 'time_zones') return { device: 'UTC', all: ['UTC'] };
      if (cmd === 'plugin:dialog|open') return '/home/me/district.json';
      if (cmd === 'import_preview') return { ...preview, previously_imported: true, listed_before: 300, leaving: 150, shrinks: true };
      if (cmd === 'import_run')
        return { ...preview, added: 0, updated: 0, unchanged: 150, delisted: 150, my_changes: [] };
    });
    render(DataTransfer);
    await screen.findByRole('option', { name: 'Alcoholics Anonymous' });
    await fireEvent.click(screen.getByTestId('import-choose'));
    const warning = await screen.findByTestId('import-shrinks');
    expect(warning.textContent).toMatch(/150 of the 300 meetings/);
    const confirm = screen.getByTestId('import-confirm') as HTMLButtonElement;
    expect(confirm.disabled, 'not without saying so').toBe(true);
    await fireEvent.click(screen.getByTestId('import-allow-shrink'));
    expect(confirm.disabled).toBe(false);
    await fireEvent.click(confirm);
    expect(await screen.findByText('Import finished')).toBeTruthy();
    const run = calls.find((c) => c.cmd === 'import_run');
    expect((run?.args.options as { allow_shrink: boolean }).allow_shrink).toBe(true);
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

  describe('backup and restore', () => {
    type Call = { cmd: string; args: Record<string, unknown> };
    const summary = { meetings: 3, groups: 1, attendance: 2 };
    const report = {
      version: 2,
      groups_added: 1,
      groups_updated: 0,
      meetings_added: 3,
      meetings_updated: 0,
      schedule_entries: 2,
      skips_added: 0,
      attendance_added: 2,
      settings_restored: true,
    };
    const passphraseError = (message: string) => ({ kind: 'invalid_input', message, field: 'passphrase' });

    /** Mocks the shell; `restore` answers `restore_from_file`. */
    function mockShell(restore?: (args: Record<string, unknown>) => unknown): Call[] {
      const calls: Call[] = [];
      mockIPC((cmd, payload) => {
        const args = (payload ?? {}) as Record<string, unknown>;
        calls.push({ cmd, args });
        if (cmd === 'list_fellowships') return [];
        if (cmd === 'time_zones') return { device: 'UTC', all: ['UTC'] };
        if (cmd === 'plugin:dialog|save') return '/home/me/homegroup-backup';
        if (cmd === 'plugin:dialog|open') return '/home/me/homegroup-backup.age';
        if (cmd === 'backup_to_file') return summary;
        if (cmd === 'restore_from_file') return restore ? restore(args) : report;
      });
      return calls;
    }

    const type = (testid: string, value: string) => fireEvent.input(screen.getByTestId(testid), { target: { value } });

    it('sends no passphrase unless the backup is protected, and the passphrase when it is', async () => {
      const calls = mockShell();
      render(DataTransfer);
      expect(screen.getByTestId('backup-unprotected-note').textContent).toContain(
        'This file will not be protected: anyone who gets it can read your meetings, notes and groups.',
      );
      expect(screen.queryByTestId('backup-passphrase')).toBeNull();

      await fireEvent.click(screen.getByTestId('backup'));
      expect(await screen.findByText(/Backed up 3 meetings/)).toBeTruthy();
      const plain = calls.filter((c) => c.cmd === 'backup_to_file');
      expect(plain).toEqual([{ cmd: 'backup_to_file', args: { path: '/home/me/homegroup-backup', passphrase: null } }]);
      const plainSave = calls.find((c) => c.cmd === 'plugin:dialog|save');
      expect((plainSave?.args.options as { defaultPath: string }).defaultPath).toBe('homegroup-backup.json');

      await fireEvent.click(screen.getByTestId('backup-protect'));
      expect(screen.queryByTestId('backup-unprotected-note')).toBeNull();
      expect(screen.getByText(/At least 12 characters is a good idea/)).toBeTruthy();
      await type('backup-passphrase', 'café on the corner');
      await type('backup-passphrase-confirm', 'café on the corner');
      calls.length = 0;
      await fireEvent.click(screen.getByTestId('backup'));
      expect(await screen.findByText(/protected with your passphrase/)).toBeTruthy();
      const saved = calls.find((c) => c.cmd === 'plugin:dialog|save');
      expect((saved?.args.options as { defaultPath: string }).defaultPath).toBe('homegroup-backup.age');
      expect(calls.filter((c) => c.cmd === 'backup_to_file').map((c) => c.args)).toEqual([
        { path: '/home/me/homegroup-backup', passphrase: 'café on the corner' },
      ]);
      // The passphrase is not kept once the backup is made.
      expect((screen.getByTestId('backup-passphrase') as HTMLInputElement).value).toBe('');
    });

    it('does not back up when the confirmation does not match, and shows the core’s passphrase message', async () => {
      const calls = mockShell();
      render(DataTransfer);
      await fireEvent.click(screen.getByTestId('backup-protect'));
      await type('backup-passphrase', 'correct horse battery');
      await type('backup-passphrase-confirm', 'correct horse batery');
      await fireEvent.click(screen.getByTestId('backup'));
      expect(screen.getByText('The two passphrases are not the same. Please type it again.')).toBeTruthy();
      expect(screen.getByTestId('backup-passphrase-confirm').getAttribute('aria-invalid')).toBe('true');
      expect(calls.some((c) => c.cmd === 'backup_to_file' || c.cmd === 'plugin:dialog|save')).toBe(false);

      await type('backup-passphrase', '');
      await type('backup-passphrase-confirm', '');
      await fireEvent.click(screen.getByTestId('backup'));
      expect(screen.getByText('Please type a passphrase.')).toBeTruthy();
      expect(calls.some((c) => c.cmd === 'backup_to_file')).toBe(false);

      // The core's rule is the one enforced: its message goes beside the passphrase.
      mockIPC((cmd) => {
        if (cmd === 'plugin:dialog|save') return '/home/me/homegroup-backup.age';
        if (cmd === 'backup_to_file') throw passphraseError('That passphrase is too long: at most 1024 characters.');
      });
      await type('backup-passphrase', 'x'.repeat(1025));
      await type('backup-passphrase-confirm', 'x'.repeat(1025));
      await fireEvent.click(screen.getByTestId('backup'));
      expect(await screen.findByText('That passphrase is too long: at most 1024 characters.')).toBeTruthy();
      expect(screen.queryByText('Please type a passphrase.')).toBeNull();
      expect(screen.getByTestId('backup-passphrase').getAttribute('aria-invalid')).toBe('true');
      expect(screen.queryByRole('alert')).toBeNull();
    });

    it('asks for the passphrase when the core says the backup is protected, and sends it on retry', async () => {
      const calls = mockShell((args) => {
        if (args.passphrase === null || args.passphrase === undefined)
          throw passphraseError('This backup is protected with a passphrase. Please type it to open the backup.');
        if (args.passphrase !== 'correct horse battery') throw passphraseError('That passphrase does not open this backup.');
        return report;
      });
      render(DataTransfer);
      expect(screen.queryByTestId('restore-passphrase')).toBeNull();
      await fireEvent.click(screen.getByTestId('restore'));

      const input = await screen.findByLabelText('Passphrase');
      expect(input).toBe(screen.getByTestId('restore-passphrase'));
      expect(screen.getByText(/This backup is protected with a passphrase/)).toBeTruthy();
      expect(screen.queryByRole('alert'), 'asking is not an error').toBeNull();

      await type('restore-passphrase', 'the wrong one');
      await fireEvent.click(screen.getByTestId('restore-with-passphrase'));
      expect((await screen.findByRole('alert')).textContent).toBe('That passphrase does not open this backup.');
      expect(screen.getByTestId('restore-passphrase').getAttribute('aria-invalid')).toBe('true');

      await type('restore-passphrase', 'correct horse battery');
      await fireEvent.click(screen.getByTestId('restore-with-passphrase'));
      expect(await screen.findByText(/Restored: 3 meetings added/)).toBeTruthy();
      expect(screen.queryByTestId('restore-passphrase')).toBeNull();
      expect(calls.filter((c) => c.cmd === 'restore_from_file').map((c) => c.args)).toEqual([
        { path: '/home/me/homegroup-backup.age', passphrase: null },
        { path: '/home/me/homegroup-backup.age', passphrase: 'the wrong one' },
        { path: '/home/me/homegroup-backup.age', passphrase: 'correct horse battery' },
      ]);
    });

    it('restores a plain backup at once, and shows a damaged file’s message as an error', async () => {
      const calls = mockShell((args) => {
        if (args.path === '/home/me/homegroup-backup.age')
          throw { kind: 'invalid_input', message: 'This file is not a Homegroup backup.', field: 'file' };
        return report;
      });
      render(DataTransfer);
      await fireEvent.click(screen.getByTestId('restore'));
      expect((await screen.findByRole('alert')).textContent).toBe('This file is not a Homegroup backup.');
      expect(screen.queryByTestId('restore-passphrase')).toBeNull();
      expect(calls.filter((c) => c.cmd === 'restore_from_file')).toHaveLength(1);
    });

    it('when the app is locked, an unprotected backup waits until the user says they understand', async () => {
      const calls = mockShell();
      render(DataTransfer, { props: { appLocked: true } });
      const button = screen.getByTestId('backup') as HTMLButtonElement;
      expect(button.disabled).toBe(true);
      await fireEvent.click(screen.getByLabelText('I understand this backup will not be protected'));
      expect(button.disabled).toBe(false);
      await fireEvent.click(button);
      expect(await screen.findByText(/Backed up 3 meetings/)).toBeTruthy();
      expect(calls.find((c) => c.cmd === 'backup_to_file')?.args.passphrase).toBeNull();

      // Protected, nothing to confirm.
      await fireEvent.click(screen.getByTestId('backup-protect'));
      expect(screen.queryByLabelText('I understand this backup will not be protected')).toBeNull();
      expect(button.disabled).toBe(false);
    });

    it('without the app lock, nothing needs confirming', () => {
      mockShell();
      render(DataTransfer);
      expect(screen.queryByLabelText('I understand this backup will not be protected')).toBeNull();
      expect((screen.getByTestId('backup') as HTMLButtonElement).disabled).toBe(false);
    });
  });
});
