// Formatting instants for people. The core decides every instant; this only writes them out, in
// the app's language with the device's region (`language.intl`, "es-US").

import { language } from './i18n.svelte';
import { m } from '../paraglide/messages.js';

// Formatters are kept and reused: each one loads locale and zone data when it is made, which costs
// time and memory for every row that shows a time. They follow the app's language with the
// device's region ("es-US"), so a new language gets new ones.
const formatters = new Map<string, Intl.DateTimeFormat>();
const lists = new Map<string, Intl.ListFormat>();

export function formatter(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const locale = language.intl;
  let made = formatters.get(`${locale} ${key}`);
  if (!made) {
    made = new Intl.DateTimeFormat(locale, options);
    formatters.set(`${locale} ${key}`, made);
  }
  return made;
}

/** "Tuesday, Thursday" (`unit`) or "Monday and Tuesday" (`conjunction`), as the language joins a list. */
export function listOf(items: string[], type: 'unit' | 'conjunction' = 'unit'): string {
  const locale = language.intl;
  let made = lists.get(`${locale} ${type}`);
  if (!made) {
    made = new Intl.ListFormat(locale, { type, style: type === 'unit' ? 'short' : 'long' });
    lists.set(`${locale} ${type}`, made);
  }
  return made.format(items);
}

/** A time of day as written, and the hour as shown in it (the 7 of "7:30 PM", the 19 of "19:30"):
 * Spanish says "a la 1:00" but "a las 7:00". */
export interface Clock {
  text: string;
  hour: number;
}

function clockOf(format: Intl.DateTimeFormat, date: Date): Clock {
  const hour = Number(format.formatToParts(date).find((p) => p.type === 'hour')?.value ?? Number.NaN);
  return { text: format.format(date), hour: Number.isNaN(hour) ? date.getUTCHours() : hour };
}

/** An instant's time of day in `timeZone`, with the hour shown. */
export function clockAt(iso: string, timeZone: string): Clock {
  return clockOf(formatter(`time ${timeZone}`, { hour: 'numeric', minute: '2-digit', timeZone }), new Date(iso));
}

export function formatTime(iso: string, timeZone: string): string {
  return clockAt(iso, timeZone).text;
}

/** "19:30" as the user's locale writes a time of day ("7:30 PM"), with the hour shown; `null` for
 * text that is not a time. */
export function clockOfDay(hhmm: string): Clock | null {
  const [h, min] = hhmm.split(':').map(Number);
  if (h === undefined || min === undefined || Number.isNaN(h) || Number.isNaN(min)) return null;
  return clockOf(formatter('clock UTC', { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }), new Date(Date.UTC(2000, 0, 1, h, min)));
}

export function formatDay(isoDate: string, style: 'long' | 'short' = 'long'): string {
  // A plain date: format it at noon UTC so no zone can move it to another day.
  const date = new Date(`${isoDate}T12:00:00Z`);
  return formatter(`day ${style}`, {
    weekday: style,
    month: style === 'long' ? 'long' : 'short',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** Today's date in the device's zone: "Thursday, November 26". */
export function formatToday(now = new Date()): string {
  return formatter('today', { weekday: 'long', month: 'long', day: 'numeric' }).format(now);
}

/** A weekday's name (0 = Sunday) in the app's language: "Tuesday", "martes"; "Tue", "mar". */
export function weekdayName(day: number, style: 'long' | 'short' = 'long'): string {
  // 2023-01-01 was a Sunday.
  return formatter(`weekday ${style}`, { weekday: style, timeZone: 'UTC' }).format(new Date(Date.UTC(2023, 0, 1 + day, 12)));
}

/** The seven weekday names from Sunday, for a list or a row of choices: capitalised, as a label
 * starts ("Martes" in a menu, where a sentence says "martes"). */
export function weekdayNames(style: 'long' | 'short' = 'long'): string[] {
  return [0, 1, 2, 3, 4, 5, 6].map((d) => capitalise(weekdayName(d, style)));
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase(language.intl) + text.slice(1);
}

/** When a meeting meets, from its details: "Tuesday, Thursday at 19:00", "Dec 24 at 19:00" or
 * "By appointment"; `long` adds "Every" and how long it lasts. The start is the meeting's own
 * wall-clock time, as entered. */
export function meetingWhen(
  details: { weekdays: number[]; date: string | null; start_time: string | null; duration_minutes: number },
  style: 'short' | 'long' = 'short',
): string {
  if (!details.start_time) return m.time_by_appointment();
  const time = details.start_time;
  const hour = Number(time.split(':')[0]) || 0;
  const minutes = details.duration_minutes;
  if (details.date) {
    const day = formatDay(details.date, style);
    return style === 'long' ? m.time_date_long({ day, time, hour, minutes }) : m.time_day_at({ day, time, hour });
  }
  const days = listOf(details.weekdays.map((d) => weekdayName(d)));
  return style === 'long' ? m.time_when_long({ days, time, hour, minutes }) : m.time_when({ days, time, hour });
}

/** Where a meeting is against now: over, on now, or still to come. */
export type RelativeState = 'ended' | 'live' | 'upcoming';

export function relativeState(startsAt: string, endsAt: string, now: Date): RelativeState {
  const t = now.getTime();
  if (t >= new Date(endsAt).getTime()) return 'ended';
  if (t >= new Date(startsAt).getTime()) return 'live';
  return 'upcoming';
}

/** "starts in 25 min", "in progress", "ended" or "" (more than 12 hours away). */
export function relativeLabel(startsAt: string, endsAt: string, now: Date): string {
  const state = relativeState(startsAt, endsAt, now);
  if (state === 'ended') return m.time_ended();
  if (state === 'live') return m.time_in_progress();
  const minutes = Math.round((new Date(startsAt).getTime() - now.getTime()) / 60000);
  if (minutes < 1) return m.time_starting_now();
  if (minutes < 60) return m.time_starts_in_minutes({ minutes });
  const hours = Math.floor(minutes / 60);
  if (hours >= 12) return '';
  return minutes % 60 ? m.time_starts_in_hours_minutes({ hours, minutes: minutes % 60 }) : m.time_starts_in_hours({ hours });
}

/** A link that opens an address in a map, in the system's browser. */
export function mapLink(address: string): string {
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(address)}`;
}

/** A dial-in string as a `tel:` link; commas (pauses) and # are kept, encoded. */
export function telLink(phone: string): string {
  return `tel:${encodeURIComponent(phone.replace(/[\s()-]/g, ''))}`;
}
