// The one place the UI talks to the shell. Components import from here, never from @tauri-apps.
import { ApiError, call, errorText } from './call';
import { listen, type UnlistenFn } from '@tauri-apps/api/event';
import { openUrl } from '@tauri-apps/plugin-opener';
import { m } from '../../paraglide/messages.js';
import type { AppInfo } from '../bindings/AppInfo';
import type { DirectoryEntry } from '../bindings/DirectoryEntry';
import type { DirectoryQuery } from '../bindings/DirectoryQuery';
import type { FavouriteTarget } from '../bindings/FavouriteTarget';
import type { Fellowship } from '../bindings/Fellowship';
import type { Group } from '../bindings/Group';
import type { AttendanceSummary } from '../bindings/AttendanceSummary';
import type { Meeting } from '../bindings/Meeting';
import type { MeetingFilter } from '../bindings/MeetingFilter';
import type { MeetingDetails } from '../bindings/MeetingDetails';
import type { MeetingInput } from '../bindings/MeetingInput';
import type { TimeZones } from '../bindings/TimeZones';
import type { ReminderStatus } from '../bindings/ReminderStatus';
import type { BackupCopy } from '../bindings/BackupCopy';
import type { Recovery } from '../bindings/Recovery';
import type { RestoreReport } from '../bindings/RestoreReport';
import type { Upcoming } from '../bindings/Upcoming';
import type { WeekAgenda } from '../bindings/WeekAgenda';
import type { GroupDeletion } from '../bindings/GroupDeletion';
import type { GroupInput } from '../bindings/GroupInput';
import type { Overview } from '../bindings/Overview';
import type { FirstScreen } from '../bindings/FirstScreen';
import type { TodayScreen } from '../bindings/TodayScreen';
import type { Settings } from '../bindings/Settings';
import type { LockStatus } from '../bindings/LockStatus';
import type { SecretKind } from '../bindings/SecretKind';
import type { MeetingNotice } from '../bindings/MeetingNotice';
import type { ZoneShift } from '../bindings/ZoneShift';
import type { Person } from '../bindings/Person';
import type { PersonInput } from '../bindings/PersonInput';
import type { CountToday } from '../bindings/CountToday';
import type { RecoveryCount } from '../bindings/RecoveryCount';
import type { RecoveryCounts } from '../bindings/RecoveryCounts';

/** Schemes the system may open for us: web pages, phone calls and texts, map locations. */
const EXTERNAL_SCHEMES = ['https:', 'http:', 'tel:', 'sms:', 'geo:'];

export function isOpenableUrl(url: string): boolean {
  try {
    return EXTERNAL_SCHEMES.includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

export const api = {
  appInfo: () => call<AppInfo>('app_info'),
  /** The first screen is up: the lock screen, Today with `shown` meetings, or `null` when its data
   * could not be read. */
  uiReady: (shown: number | null, locked = false, marks: [string, number][] = []) =>
    call<void>('ui_ready', { shown, locked, marks }),
  getSettings: () => call<Settings>('get_settings'),
  saveSettings: (settings: Settings) => call<Settings>('save_settings', { settings }),
  getOverview: () => call<Overview>('get_overview'),
  /** Whether the app is locked and, when it is not, the settings and (`today`) Today's data. */
  firstScreen: (today: boolean) => call<FirstScreen>('first_screen', { today }),
  /** Everything Today shows, in one request. */
  todayScreen: () => call<TodayScreen>('today_screen'),

  searchDirectory: (query: DirectoryQuery) => call<DirectoryEntry[]>('search_directory', { query }),
  listFellowships: () => call<Fellowship[]>('list_fellowships'),
  getFellowship: (id: string) => call<Fellowship>('get_fellowship', { id }),
  setFellowshipNotes: (id: string, notes: string) => call<Fellowship>('set_fellowship_notes', { id, notes }),
  setFavourite: (target: FavouriteTarget, favourite: boolean) => call<void>('set_favourite', { target, favourite }),
  getGroup: (id: number) => call<Group>('get_group', { id }),
  createGroup: (input: GroupInput) => call<Group>('create_group', { input }),
  updateGroup: (id: number, input: GroupInput) => call<Group>('update_group', { id, input }),
  groupDeletion: (id: number) => call<GroupDeletion>('group_deletion', { id }),
  deleteGroup: (id: number) => call<GroupDeletion>('delete_group', { id }),

  listMeetings: (filter: Partial<MeetingFilter> = {}) =>
    call<Meeting[]>('list_meetings', { filter: { in_schedule_only: false, group: null, fellowship: null, ...filter } }),
  getMeeting: (id: number) => call<Meeting>('get_meeting', { id }),
  createMeeting: (input: MeetingInput, inSchedule: boolean) => call<Meeting>('create_meeting', { input, inSchedule }),
  updateMeeting: (id: number, input: MeetingInput) => call<Meeting>('update_meeting', { id, input }),
  deleteMeeting: (id: number) => call<void>('delete_meeting', { id }),
  setMeetingNotes: (id: number, notes: string) => call<Meeting>('set_meeting_notes', { id, notes }),
  setMeetingFavourite: (id: number, favourite: boolean) => call<Meeting>('set_meeting_favourite', { id, favourite }),
  timeZones: () => call<TimeZones>('time_zones'),

  addToSchedule: (id: number, leadMinutes: number | null, reminders: boolean) =>
    call<Meeting>('add_to_schedule', { id, leadMinutes, reminders }),
  removeFromSchedule: (id: number) => call<Meeting>('remove_from_schedule', { id }),
  setSkipped: (id: number, localDate: string, skip: boolean) => call<void>('set_skipped', { id, localDate, skip }),
  setAttended: (id: number, localDate: string, attended: boolean) =>
    call<void>('set_attended', { id, localDate, attended }),
  weekAgenda: (weekOffset: number) => call<WeekAgenda>('week_agenda', { weekOffset }),
  upcoming: () => call<Upcoming>('upcoming'),
  attendanceSummary: () => call<AttendanceSummary>('attendance_summary'),
  reminderStatus: () => call<ReminderStatus>('reminder_status'),
  /** Phones: asks for the permission to notify (after Settings said why); answers the new status. */
  allowReminders: () => call<ReminderStatus>('allow_reminders'),
  /** Android: opens the system page where exact alarms are allowed. */
  openAlarmSettings: () => call<void>('open_alarm_settings'),

  /** What imports changed for my meetings, not yet dismissed: of one meeting, or all (Today). */
  listNotices: (meetingId: number | null = null) => call<MeetingNotice[]>('list_notices', { meetingId }),
  dismissNotice: (id: number) => call<void>('dismiss_notice', { id }),
  /** A scheduled meeting gone from its list: keep its reminders coming. */
  keepReminding: (meetingId: number) => call<void>('keep_reminding', { meetingId }),
  /** My meetings in other zones that move against my clock in the next two weeks. */
  zoneShifts: () => call<ZoneShift[]>('zone_shifts'),

  /** My people, sponsors first; of one group or meeting when given. */
  listPeople: (of: { groupId?: number; meetingId?: number } = {}) =>
    call<Person[]>('list_people', { groupId: of.groupId ?? null, meetingId: of.meetingId ?? null }),
  getPerson: (id: number) => call<Person>('get_person', { id }),
  createPerson: (input: PersonInput) => call<Person>('create_person', { input }),
  updatePerson: (id: number, input: PersonInput) => call<Person>('update_person', { id, input }),
  deletePerson: (id: number) => call<void>('delete_person', { id }),

  /** The recovery count as Today shows it; `null` when the user keeps none. */
  countToday: () => call<CountToday | null>('count_today'),
  recoveryCounts: () => call<RecoveryCounts>('recovery_counts'),
  setRecoveryDate: (startDate: string, label: string) => call<RecoveryCount>('set_recovery_date', { startDate, label }),
  startNewCount: (startDate: string, label: string) => call<RecoveryCount>('start_new_count', { startDate, label }),
  stopCounting: () => call<void>('stop_counting'),
  deleteCount: (id: number) => call<void>('delete_count', { id }),

  lockStatus: () => call<LockStatus>('lock_status'),
  unlock: (pin: string) => call<void>('unlock', { pin }),
  lockNow: () => call<void>('lock_now'),
  turnLockOn: (pin: string, kind: SecretKind, removeUnreadable: boolean) =>
    call<LockStatus>('turn_lock_on', { pin, kind, removeUnreadable }),
  changeLock: (current: string, pin: string, kind: SecretKind) => call<LockStatus>('change_lock', { current, pin, kind }),
  turnLockOff: (current: string) => call<LockStatus>('turn_lock_off', { current }),
  saveAutoLock: (minutes: number) => call<LockStatus>('save_auto_lock', { minutes }),
  /** From the lock screen: erases everything, then restores a backup file. */
  eraseAndRestore: (path: string, passphrase: string | null) =>
    call<RestoreReport>('erase_and_restore', { path, passphrase }),
  /** The app was locked (`true`) or unlocked (`false`) by the shell: Lock now, the tray, auto-lock. */
  onLockChanged: (handler: (locked: boolean) => void): Promise<UnlistenFn> =>
    listen<boolean>('lock-changed', (event) => handler(event.payload)),

  startupNotice: () => call<Recovery | null>('startup_notice'),
  listBackups: () => call<BackupCopy[]>('list_backups'),
  restoreBackup: (name: string) => call<void>('restore_backup', { name }),
  eraseAllData: () => call<void>('erase_all_data'),

  /**
   * Calls `handler` with whether the window can be seen: now, and whenever it is hidden to the
   * tray or shown again (the document's own visibility does not change for a window hidden that way).
   */
  async onWindowVisible(handler: (visible: boolean) => void): Promise<UnlistenFn> {
    const unlisten = await listen<boolean>('window-visible', (event) => handler(event.payload));
    handler(await call<boolean>('window_visible').catch(() => true));
    return unlisten;
  },

  /** The shell asks to show a screen (a clicked reminder opens its meeting). */
  onOpenRoute: (handler: (route: string) => void): Promise<UnlistenFn> =>
    listen<string>('open-route', (event) => handler(event.payload)),

  /** Opens a link in the system's browser, dialer or maps app; never inside the app. */
  async openExternal(url: string): Promise<void> {
    if (!isOpenableUrl(url)) throw new ApiError({ kind: 'invalid_input', message: m.common_link_cannot_open(), field: null });
    await openUrl(url);
  },
};

export { ApiError, errorText };
export type {
  AppInfo,
  AttendanceSummary,
  Meeting,
  MeetingDetails,
  MeetingInput,
  ReminderStatus,
  BackupCopy,
  Recovery,
  TimeZones,
  Upcoming,
  WeekAgenda,
  DirectoryEntry,
  DirectoryQuery,
  FavouriteTarget,
  Fellowship,
  Group,
  GroupDeletion,
  GroupInput,
  Overview,
  FirstScreen,
  TodayScreen,
  Settings,
  LockStatus,
  SecretKind,
  MeetingNotice,
  ZoneShift,
  Person,
  PersonInput,
  CountToday,
  RecoveryCount,
  RecoveryCounts,
};
export type { Role } from '../bindings/Role';
export type { Language } from '../bindings/Language';
export type { Milestone } from '../bindings/Milestone';
export type { FieldChange } from '../bindings/FieldChange';
export type { FieldValue } from '../bindings/FieldValue';
export type { MyChange } from '../bindings/MyChange';
export type { MyChangeKind } from '../bindings/MyChangeKind';
export type { Approach } from '../bindings/Approach';
export type { AgendaItem } from '../bindings/AgendaItem';
export type { Attendance } from '../bindings/Attendance';
export type { Audience } from '../bindings/Audience';
export type { Format } from '../bindings/Format';
