// Words for my people and my milestones. The core decides the dates and counts; this only says them.
import type { CountToday, Milestone, Role } from './api';

export const ROLE_LABELS: Record<Role, string> = {
  sponsor: 'Sponsor',
  sponsee: 'Sponsee',
  home_group: 'Home group',
  program_friend: 'Friend in the program',
  family: 'Family',
  other: 'Other',
};

const UNITS: Record<Milestone['unit'], [string, string]> = {
  hours: ['hour', 'hours'],
  days: ['day', 'days'],
  months: ['month', 'months'],
  years: ['year', 'years'],
};

function plural(n: number, [one, many]: [string, string]): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "30 days", "6 months", "1 year". */
export function milestoneWords(m: Milestone): string {
  return plural(m.count, UNITS[m.unit]);
}

/** "30 days" under a year; from a year on "1 year, 3 months, 12 days" (parts that are 0 left out). */
export function elapsedWords(count: CountToday): string {
  const e = count.elapsed;
  if (e.years === 0) return plural(e.total_days, UNITS.days);
  const parts = [plural(e.years, UNITS.years)];
  if (e.months > 0) parts.push(plural(e.months, UNITS.months));
  if (e.days > 0) parts.push(plural(e.days, UNITS.days));
  return parts.join(', ');
}
