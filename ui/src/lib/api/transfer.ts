// Import, export and backup: the file dialogs and the commands behind them.
// Components import from here, never from @tauri-apps.
import { open, save } from '@tauri-apps/plugin-dialog';
import { listen, type UnlistenFn } from '@tauri-apps/api/event';
import { call } from './call';
import { m } from '../../paraglide/messages.js';
import type { VCardRead } from '../bindings/VCardRead';
import type { VCardContact } from '../bindings/VCardContact';
import type { BackupSummary } from '../bindings/BackupSummary';
import type { FeedFormat } from '../bindings/FeedFormat';
import type { ImportOptions } from '../bindings/ImportOptions';
import type { ImportPreview } from '../bindings/ImportPreview';
import type { ImportProblem } from '../bindings/ImportProblem';
import type { ImportReport } from '../bindings/ImportReport';
import type { PreviewMeeting } from '../bindings/PreviewMeeting';
import type { RestoreReport } from '../bindings/RestoreReport';

// The file dialogs' filters are named in the app's language when each dialog opens.
const json = () => [{ name: m.transfer_filter_meeting_list(), extensions: ['json'] }];
const backups = () => [{ name: m.transfer_filter_backup(), extensions: ['json', 'age'] }];

export const transferApi = {
  /** Asks for a meeting list file; `null` when the user cancelled. */
  pickFeed: async (): Promise<string | null> => {
    const path = await open({ multiple: false, directory: false, filters: json() });
    return typeof path === 'string' ? path : null;
  },
  /** Asks where to save the calendar; `null` when cancelled. */
  pickIcsTarget: () => save({ defaultPath: 'homegroup.ics', filters: [{ name: m.transfer_filter_calendar(), extensions: ['ics'] }] }),
  /** Asks where to save a backup; a protected one is an age file (`.age`), not JSON. */
  pickBackupTarget: (isProtected: boolean) =>
    save(
      isProtected
        ? { defaultPath: 'homegroup-backup.age', filters: [{ name: m.transfer_filter_protected(), extensions: ['age'] }] }
        : { defaultPath: 'homegroup-backup.json', filters: [{ name: m.transfer_filter_backup_json(), extensions: ['json'] }] },
    ),
  /** Asks for a backup file, protected or not; `null` when cancelled. */
  pickBackup: async (): Promise<string | null> => {
    const path = await open({ multiple: false, directory: false, filters: backups() });
    return typeof path === 'string' ? path : null;
  },
  /** Asks for a contacts file (.vcf) exported from a phone; `null` when cancelled. */
  pickContacts: async (): Promise<string | null> => {
    const path = await open({ multiple: false, directory: false, filters: [{ name: m.transfer_filter_contacts(), extensions: ['vcf', 'vcard'] }] });
    return typeof path === 'string' ? path : null;
  },
  previewContacts: (path: string) => call<VCardRead>('preview_contacts', { path }),
  /** Adds the contacts picked; says how many were new. */
  addContacts: (contacts: VCardContact[]) => call<number>('add_contacts', { contacts }),
  preview: (path: string, options: ImportOptions) => call<ImportPreview>('import_preview', { path, options }),
  /** Imports the file; `rows` (the preview's count) lets progress say how far it is. */
  run: (path: string, options: ImportOptions, rows: number | null) =>
    call<ImportReport>('import_run', { path, options, rows }),
  exportIcs: (path: string) => call<number>('export_ics', { path }),
  /** Backs up everything to `path`, protected with `passphrase` when it is not `null`. */
  backup: (path: string, passphrase: string | null) =>
    call<BackupSummary>('backup_to_file', { path, passphrase }),
  /**
   * Restores a backup. A protected one needs its `passphrase`: without it, or with one that does not
   * open it, the error's `field` is `'passphrase'`.
   */
  restore: (path: string, passphrase: string | null = null) =>
    call<RestoreReport>('restore_from_file', { path, passphrase }),
  /** Calls `handler` as a long import or restore goes on. */
  onProgress: (handler: (progress: Progress) => void): Promise<UnlistenFn> =>
    listen<Progress>('progress', (event) => handler(event.payload)),
};

/** How far an import or a restore is (the shell's `progress` event). */
export type Progress = { task: 'import' | 'restore'; done: number; total: number | null };

export type {
  BackupSummary,
  FeedFormat,
  ImportOptions,
  ImportPreview,
  ImportProblem,
  ImportReport,
  PreviewMeeting,
  RestoreReport,
};
