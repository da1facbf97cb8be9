// Today's data, asked for as early as possible: when the app opens on Today, it comes with the
// page's first request (lib/startup.ts), before Today mounts, so the first frame shows the meetings
// (not an empty screen, then a second, full one). A later Today asks afresh.
import { mark } from './timeline';
import { api, type TodayScreen, type AttendanceSummary, type CountToday, type MeetingNotice, type Overview, type Recovery, type Upcoming, type ZoneShift } from './api';

export type TodayData = [Recovery | null, Overview, Upcoming, AttendanceSummary, MeetingNotice[], ZoneShift[], CountToday | null];

/** The first Today's data: served with the page (the data itself), or asked for early (a promise). */
let early: TodayData | Promise<TodayData> | null = null;

/** Today's data in the shape Today takes it. */
function todayData(recovery: Recovery | null, today: TodayScreen): TodayData {
  return [recovery, today.overview, today.upcoming, today.attendance, today.notices, today.zone_shifts, today.count];
}

/** Everything Today shows: two requests, sent at once (whether the saved data had to be set aside
 * at start, and Today's own data). */
function fetchToday(): Promise<TodayData> {
  mark('Today asked');
  const data = Promise.all([api.startupNotice().catch(() => null), api.todayScreen()]).then(([recovery, today]) =>
    todayData(recovery, today),
  );
  void data.then(() => mark('Today answered'), () => {});
  return data;
}

/** Today's data read with the first screen, for the first Today to take. */
export function offerToday(recovery: Recovery | null, today: TodayScreen): void {
  early = todayData(recovery, today);
}

/** Sends Today's requests now, for the first Today to take. */
export function prefetchToday(): void {
  early = fetchToday();
  early.catch(() => {}); // a failure is shown by the Today that takes it
}

/** The early answer the first time, fresh requests after (a return to Today shows changes). Data
 * the page was served with comes as it is, not as a promise, so the first Today draws it in its
 * first render instead of drawing its loading state first. */
export function loadToday(): TodayData | Promise<TodayData> {
  const data = early ?? fetchToday();
  early = null;
  return data;
}
