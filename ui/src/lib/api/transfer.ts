// Import, export and backup: the file dialogs and the commands behind them.
// Components import from here, never from @tauri-apps.
import { open, save } from '@tauri-apps/plugin-dialog';
import { listen, type UnlistenFn } from '@tauri-apps/api/event';
import { call } from './call';
import type { BackupSummary } from '../bindings/BackupSummary';
import type { FeedFormat } from '../bindings/FeedFormat';
import type { ImportOptions } from '../bindings/ImportOptions';
import type { ImportPreview } from '../bindings/ImportPreview';
import type { ImportProblem } from '../bindings/ImportProblem';
import type { ImportReport } from '../bindings/ImportReport';
import type { PreviewMeeting } from '../bindings/PreviewMeeting';
import type { RestoreReport } from '../bindings/RestoreReport';
import type { ScheduleChange } from '../bindings/ScheduleChange';

const json = [{ name: 'Meeting list (JSON)', extensions: ['json'] }];

export const transferApi = {
  /** Asks for a meeting list file; `null` when the user cancelled. */
  pickFeed: async (): Promise<string | null> => {
    const path = await open({ multiple: false, directory: false, filters: json });
    return typeof path === 'string' ? path : null;
  },
  /** Asks where to save the calendar; `null` when cancelled. */
  pickIcsTarget: () => save({ defaultPath: 'homegroup.ics', filters: [{ name: 'Calendar', extensions: ['ics'] }] }),
  pickBackupTarget: () => save({ defaultPath: 'homegroup-backup.json', filters: json }),
  pickBackup: async (): Promise<string | null> => {
    const path = await open({ multiple: false, directory: false, filters: json });
    return typeof path === 'string' ? path : null;
  },
  preview: (path: string, options: ImportOptions) => call<ImportPreview>('import_preview', { path, options }),
  /** Imports the file; `rows` (the preview's count) lets progress say how far it is. */
  run: (path: string, options: ImportOptions, rows: number | null) =>
    call<ImportReport>('import_run', { path, options, rows }),
  exportIcs: (path: string) => call<number>('export_ics', { path }),
  backup: (path: string) => call<BackupSummary>('backup_to_file', { path }),
  restore: (path: string) => call<RestoreReport>('restore_from_file', { path }),
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
  ScheduleChange,
};
