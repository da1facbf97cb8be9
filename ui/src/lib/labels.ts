// Words the UI shows for the core's codes.
import type { Approach, Attendance, Audience, Format } from './api';

export const AUDIENCE_LABELS: Record<Audience, string> = {
  self: 'For people in recovery',
  family: 'For family and friends',
  both: 'For people in recovery and their families',
};

export const AUDIENCE_SHORT: Record<Audience, string> = {
  self: 'For me',
  family: 'Family & friends',
  both: 'Both',
};

export const APPROACH_LABELS: Record<Approach, string> = {
  twelve_step: 'Twelve-step',
  secular: 'Secular',
  faith_based: 'Faith-based',
  mindfulness: 'Mindfulness-based',
  education: 'Education-based',
};

export const FORMAT_LABELS: Record<Format, string> = {
  in_person: 'In person',
  online: 'Online',
  phone: 'Phone',
};

export const ATTENDANCE_LABELS: Record<Attendance, string> = {
  in_person: 'In person',
  online: 'Online',
  hybrid: 'In person and online',
};

export function isAudience(value: string | null): value is 'self' | 'family' {
  return value === 'self' || value === 'family';
}

export function isApproach(value: string | null): value is Approach {
  return value !== null && value in APPROACH_LABELS;
}

export function isFormat(value: string | null): value is Format {
  return value !== null && value in FORMAT_LABELS;
}
