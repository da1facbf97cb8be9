// Sentences for what changed in my meetings, written from the core's field-by-field changes. The
// core decides what changed; this only says it.
import type { FieldChange, FieldValue, MyChangeKind, ZoneShift } from './api';
import { ATTENDANCE_LABELS } from './labels';
import { WEEKDAYS, formatter } from './time';

/** What a sentence needs about one change to one meeting. */
export interface ChangeToSay {
  name: string;
  /** The meeting's days now (0 = Sunday), to name it "your Tuesday … meeting". */
  weekdays: number[];
  kind: MyChangeKind;
  changes: FieldChange[];
}


/** "19:30" as the user's locale writes a time of day ("7:30 PM"). */
export function clockTime(hhmm: string): string {
  const [h, m] = hhmm.split(':').map(Number);
  if (Number.isNaN(h) || Number.isNaN(m)) return hhmm;
  return formatter('clock UTC', { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, 0, 1, h, m)));
}

/** "2026-03-08" as "March 8". */
export function monthDay(isoDate: string): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : formatter('month-day', { month: 'long', day: 'numeric', timeZone: 'UTC' }).format(date);
}

function days(value: FieldValue | null): string {
  return Array.isArray(value) && value.every((d) => typeof d === 'number')
    ? (value as number[]).map((d) => WEEKDAYS[d] ?? String(d)).join(' and ')
    : '';
}

function text(value: FieldValue | null): string {
  if (value === null) return '';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

/** "Your Tuesday Serenity meeting", or "Your Serenity meeting" when the name already says the day
 * or it meets on more than one. */
export function yourMeeting(name: string, weekdays: number[]): string {
  const only = weekdays.length === 1 ? weekdays[0] : undefined;
  const day = only === undefined ? undefined : WEEKDAYS[only];
  const saysDay = day !== undefined && name.toLowerCase().includes(day.toLowerCase());
  const named = /meeting$/i.test(name.trim()) ? name.trim() : `${name.trim()} meeting`;
  return day && !saysDay ? `Your ${day} ${named}` : `Your ${named}`;
}

/** What one field's change means, as the end of a sentence about the meeting. */
function fieldPhrase(change: FieldChange): string {
  const { before, after } = change;
  switch (change.field) {
    case 'start_time':
      if (after === null) return 'is now by appointment';
      return before === null
        ? `now starts at ${clockTime(text(after))}`
        : `now starts at ${clockTime(text(after))}, not ${clockTime(text(before))}`;
    case 'weekdays':
      if (after === null) return 'no longer meets every week';
      return before === null ? `now meets on ${days(after)}` : `now meets on ${days(after)}, not ${days(before)}`;
    case 'date':
      return after === null ? 'is no longer on one date' : `is now on ${monthDay(text(after))}`;
    case 'time_zone':
      return `now keeps the time of ${text(after).replace(/_/g, ' ')}, not ${text(before).replace(/_/g, ' ')}`;
    case 'duration_minutes':
      return `now lasts ${text(after)} minutes, not ${text(before)}`;
    case 'attendance': {
      const label = (v: FieldValue | null) => ATTENDANCE_LABELS[text(v) as keyof typeof ATTENDANCE_LABELS]?.toLowerCase() ?? text(v);
      return `is now ${label(after)}, not ${label(before)}`;
    }
    case 'location':
    case 'address':
      if (after === null) return `no longer lists ${change.field === 'location' ? 'a place' : 'an address'}`;
      return `now meets at ${text(after)}${before === null ? '' : `, not ${text(before)}`}`;
    case 'conference_url':
      if (after === null) return 'no longer has an online link';
      return before === null ? 'now has an online link' : 'has a new online link';
    case 'conference_phone':
      if (after === null) return 'no longer has a dial-in number';
      return before === null ? 'now has a dial-in number' : `has a new dial-in number: ${text(after)}`;
    case 'types':
      return after === null ? 'no longer lists its meeting types' : `now lists its types as ${text(after)}`;
    default:
      return `has a new ${change.field.replace(/_/g, ' ')}`;
  }
}

/** The notice's sentences: one per field that changed, or what happened to the meeting. */
export function changeSentences(c: ChangeToSay): string[] {
  const who = yourMeeting(c.name, c.weekdays);
  switch (c.kind) {
    case 'temporarily_closed':
      return [`${who} has stopped meeting for now. Its reminders are paused until its list says it meets again.`];
    case 'no_longer_listed':
      return [`${who} is no longer in its list. Its reminders are paused until you choose what to do.`];
    case 'changed':
      return c.changes.map((change) => `${who} ${fieldPhrase(change)}.`);
  }
}

/** "From March 8 to March 28 your London meeting is at 12:00 PM your time, not 11:00 AM." */
export function zoneShiftSentence(shift: ZoneShift): string {
  const city = shift.meeting_time_zone.split('/').pop()?.replace(/_/g, ' ') ?? shift.meeting_time_zone;
  const when = shift.until ? `From ${monthDay(shift.from)} to ${monthDay(shift.until)}` : `From ${monthDay(shift.from)}`;
  return `${when} your ${city} meeting “${shift.name}” is at ${clockTime(shift.shifted_time)} your time, not ${clockTime(shift.usual_time)}: the clocks change on different dates there and here.`;
}
