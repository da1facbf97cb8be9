// Formatting instants for people. The core decides every instant; this only writes them out.

import { language } from './i18n.svelte';

// Formatters are kept and reused: each one loads locale and zone data when it is made, which costs
// time and memory for every row that shows a time. They follow the app's language with the
// device's region ("es-US"), so a new language gets new ones.
const formatters = new Map<string, Intl.DateTimeFormat>();

export function formatter(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const locale = language.intl;
  let made = formatters.get(`${locale} ${key}`);
  if (!made) {
    made = new Intl.DateTimeFormat(locale, options);
    formatters.set(`${locale} ${key}`, made);
  }
  return made;
}

export function formatTime(iso: string, timeZone: string): string {
  return formatter(`time ${timeZone}`, { hour: 'numeric', minute: '2-digit', timeZone }).format(new Date(iso));
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

export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const WEEKDAYS_SHORT = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** When a meeting meets, from its details: "Tuesday, Thursday at 19:00", "Dec 24 at 19:00" or
 * "By appointment"; `long` adds "Every" and how long it lasts. */
export function meetingWhen(
  m: { weekdays: number[]; date: string | null; start_time: string | null; duration_minutes: number },
  style: 'short' | 'long' = 'short',
): string {
  if (!m.start_time) return 'By appointment';
  const length = style === 'long' ? ` for ${m.duration_minutes} minutes` : '';
  if (m.date) return `${formatDay(m.date, style)} at ${m.start_time}${length}`;
  const days = m.weekdays.map((d) => WEEKDAYS[d]).join(', ');
  return `${style === 'long' ? 'Every ' : ''}${days} at ${m.start_time}${length}`;
}

/** "starts in 25 min", "in progress", "ended" or "" (more than 12 hours away). */
export function relativeLabel(startsAt: string, endsAt: string, now: Date): string {
  const start = new Date(startsAt).getTime();
  const end = new Date(endsAt).getTime();
  const t = now.getTime();
  if (t >= end) return 'ended';
  if (t >= start) return 'in progress';
  const minutes = Math.round((start - t) / 60000);
  if (minutes < 1) return 'starting now';
  if (minutes < 60) return `starts in ${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 12) return `starts in ${hours} h ${minutes % 60 ? `${minutes % 60} min` : ''}`.trim();
  return '';
}

/** A link that opens an address in a map, in the system's browser. */
export function mapLink(address: string): string {
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(address)}`;
}

/** A dial-in string as a `tel:` link; commas (pauses) and # are kept, encoded. */
export function telLink(phone: string): string {
  return `tel:${encodeURIComponent(phone.replace(/[\s()-]/g, ''))}`;
}
