// Today's data, asked for as early as possible: when the app opens on Today, the requests go out
// before the page mounts, so the answers are back by the time it first paints and the first frame
// shows the meetings (not an empty screen, then a second, full one).
import { api, type AttendanceSummary, type CountToday, type MeetingNotice, type Overview, type Recovery, type Upcoming, type ZoneShift } from './api';

export type TodayData = [Recovery | null, Overview, Upcoming, AttendanceSummary, MeetingNotice[], ZoneShift[], CountToday | null];

let early: Promise<TodayData> | null = null;

/** Everything Today shows, asked for at once: one round trip. */
function fetchToday(): Promise<TodayData> {
  return Promise.all([
    api.startupNotice().catch(() => null),
    api.getOverview(),
    api.upcoming(),
    api.attendanceSummary(),
    // What changed for my meetings and coming time shifts: Today opens without them if they fail.
    api.listNotices().then((n) => n ?? [], () => []),
    api.zoneShifts().then((z) => z ?? [], () => []),
    api.countToday().then((c) => c ?? null, () => null),
  ]);
}

/** Sends Today's requests now, for the first Today to take. */
export function prefetchToday(): void {
  early = fetchToday();
  early.catch(() => {}); // a failure is shown by the Today that takes it
}

/** The early answer the first time, fresh requests after (a return to Today shows changes). */
export function loadToday(): Promise<TodayData> {
  const data = early ?? fetchToday();
  early = null;
  return data;
}
