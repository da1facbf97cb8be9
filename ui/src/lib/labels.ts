// Words the UI shows for the core's codes, in the app's language (each one a message, looked up
// when shown, so a new language takes effect at once).
import type { Approach, Attendance, Audience, Format } from './api';
import { m } from '../paraglide/messages.js';

const AUDIENCE: Record<Audience, () => string> = {
  self: m.labels_audience_self,
  family: m.labels_audience_family,
  both: m.labels_audience_both,
};

const AUDIENCE_SHORT: Record<Audience, () => string> = {
  self: m.labels_audience_short_self,
  family: m.labels_audience_short_family,
  both: m.labels_audience_short_both,
};

const APPROACH: Record<Approach, () => string> = {
  twelve_step: m.labels_approach_twelve_step,
  secular: m.labels_approach_secular,
  faith_based: m.labels_approach_faith_based,
  mindfulness: m.labels_approach_mindfulness,
  education: m.labels_approach_education,
};

const FORMAT: Record<Format, () => string> = {
  in_person: m.labels_format_in_person,
  online: m.labels_format_online,
  phone: m.labels_format_phone,
};

const ATTENDANCE: Record<Attendance, () => string> = {
  in_person: m.labels_attendance_in_person,
  online: m.labels_attendance_online,
  hybrid: m.labels_attendance_hybrid,
};

/** Every approach and every format, in the order the filters offer them. */
export const APPROACHES: Approach[] = ['twelve_step', 'secular', 'faith_based', 'mindfulness', 'education'];
export const FORMATS: Format[] = ['in_person', 'online', 'phone'];

export const audienceLabel = (audience: Audience): string => AUDIENCE[audience]();
export const audienceShort = (audience: Audience): string => AUDIENCE_SHORT[audience]();
export const approachLabel = (approach: Approach): string => APPROACH[approach]();
export const formatLabel = (format: Format): string => FORMAT[format]();
export const attendanceLabel = (attendance: Attendance): string => ATTENDANCE[attendance]();

/** A reminder's lead time: "15 minutes before", "1 hour before", "1 day before". */
export function leadLabel(minutes: number): string {
  if (minutes > 0 && minutes % 1440 === 0) return m.common_days_before({ count: minutes / 1440 });
  if (minutes > 0 && minutes % 60 === 0) return m.common_hours_before({ count: minutes / 60 });
  return m.common_minutes_before({ count: minutes });
}

export function isAudience(value: string | null): value is 'self' | 'family' {
  return value === 'self' || value === 'family';
}

export function isApproach(value: string | null): value is Approach {
  return value !== null && value in APPROACH;
}

export function isFormat(value: string | null): value is Format {
  return value !== null && value in FORMAT;
}

export function isAttendance(value: string): value is Attendance {
  return value in ATTENDANCE;
}
