// Sentences for what changed in my meetings, written from the core's field-by-field changes. The
// core decides what changed; this only says it, in the app's language.
import type { FieldChange, FieldValue, MyChangeKind, ZoneShift } from './api';
import { attendanceLabel, isAttendance } from './labels';
import { clockOfDay, formatter, listOf, weekdayName, type Clock } from './time';
import { m } from '../paraglide/messages.js';
import { oneStop } from './rich';

/** What a sentence needs about one change to one meeting. */
export interface ChangeToSay {
  name: string;
  /** The meeting's days now (0 = Sunday), to name it "your Tuesday … meeting". */
  weekdays: number[];
  kind: MyChangeKind;
  changes: FieldChange[];
}

/** A "19:30" from the core as the user's locale writes it, with the hour shown; text that is not a
 * time is shown as it is. */
function clock(hhmm: string): Clock {
  return clockOfDay(hhmm) ?? { text: hhmm, hour: 0 };
}

/** "19:30" as the user's locale writes a time of day ("7:30 PM"). */
export function clockTime(hhmm: string): string {
  return clock(hhmm).text;
}

/** "2026-03-08" as "March 8" ("8 de marzo"). */
export function monthDay(isoDate: string): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : formatter('month-day', { month: 'long', day: 'numeric', timeZone: 'UTC' }).format(date);
}

function days(value: FieldValue | null): string {
  return Array.isArray(value) && value.every((d) => typeof d === 'number')
    ? listOf((value as number[]).map((d) => (d >= 0 && d <= 6 ? weekdayName(d) : String(d))), 'conjunction')
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
  const day = only === undefined || only < 0 || only > 6 ? undefined : weekdayName(only);
  const saysDay = day !== undefined && name.toLowerCase().includes(day.toLowerCase());
  const trimmed = name.trim();
  // A name that already ends in "meeting" is not followed by another.
  const saysMeeting = /meeting$/i.test(trimmed);
  if (day && !saysDay) return saysMeeting ? m.notices_your_day_named({ day, name: trimmed }) : m.notices_your_day_meeting({ day, name: trimmed });
  return saysMeeting ? m.notices_your_named({ name: trimmed }) : m.notices_your_meeting({ name: trimmed });
}

/** What one field's change means, as a sentence about the meeting (`who`). */
function fieldSentence(who: string, change: FieldChange): string {
  const { before, after } = change;
  switch (change.field) {
    case 'start_time': {
      if (after === null) return m.notices_by_appointment({ who });
      const now = clock(text(after));
      if (before === null) return m.notices_starts_at({ who, time: now.text, hour: now.hour });
      const was = clock(text(before));
      return m.notices_starts_at_instead({ who, time: now.text, hour: now.hour, before: was.text, beforeHour: was.hour });
    }
    case 'weekdays':
      if (after === null) return m.notices_not_weekly({ who });
      return before === null ? m.notices_meets_on({ who, days: days(after) }) : m.notices_meets_on_instead({ who, days: days(after), before: days(before) });
    case 'date':
      return after === null ? m.notices_no_date({ who }) : m.notices_on_date({ who, date: monthDay(text(after)) });
    case 'time_zone':
      return m.notices_time_zone({ who, zone: text(after).replace(/_/g, ' '), before: text(before).replace(/_/g, ' ') });
    case 'duration_minutes':
      return m.notices_lasts({ who, minutes: Number(text(after)) || text(after), before: text(before) });
    case 'attendance': {
      const label = (v: FieldValue | null) => {
        const code = text(v);
        return isAttendance(code) ? attendanceLabel(code).toLocaleLowerCase() : code;
      };
      return m.notices_attendance({ who, after: label(after), before: label(before) });
    }
    case 'location':
    case 'address':
      if (after === null) return change.field === 'location' ? m.notices_no_place({ who }) : m.notices_no_address({ who });
      return before === null ? m.notices_meets_at({ who, place: text(after) }) : m.notices_meets_at_instead({ who, place: text(after), before: text(before) });
    case 'conference_url':
      if (after === null) return m.notices_no_link({ who });
      return before === null ? m.notices_now_link({ who }) : m.notices_new_link({ who });
    case 'conference_phone':
      if (after === null) return m.notices_no_dial_in({ who });
      return before === null ? m.notices_now_dial_in({ who }) : m.notices_new_dial_in({ who, number: text(after) });
    case 'types':
      return after === null ? m.notices_no_types({ who }) : m.notices_types({ who, types: text(after) });
    default:
      return m.notices_other_change({ who, field: change.field.replace(/_/g, ' ') });
  }
}

/** The notice's sentences: one per field that changed, or what happened to the meeting. */
export function changeSentences(c: ChangeToSay): string[] {
  const who = yourMeeting(c.name, c.weekdays);
  switch (c.kind) {
    case 'temporarily_closed':
      return [m.notices_temporarily_closed({ who })];
    case 'no_longer_listed':
      return [m.notices_no_longer_listed({ who })];
    case 'changed':
      return c.changes.map((change) => oneStop(fieldSentence(who, change)));
  }
}

/** "From March 8 to March 28 your London meeting is at 12:00 PM your time, not 11:00 AM." */
export function zoneShiftSentence(shift: ZoneShift): string {
  const city = shift.meeting_time_zone.split('/').pop()?.replace(/_/g, ' ') ?? shift.meeting_time_zone;
  const shifted = clock(shift.shifted_time);
  const usual = clock(shift.usual_time);
  const said = { city, name: shift.name, from: monthDay(shift.from), time: shifted.text, hour: shifted.hour, usual: usual.text, usualHour: usual.hour };
  return shift.until ? m.notices_zone_shift_until({ ...said, until: monthDay(shift.until) }) : m.notices_zone_shift_from(said);
}
