// Words for my people and my milestones. The core decides the dates and counts; this only says them.
import type { CountToday, Milestone, Role } from './api';
import { listOf } from './time';
import { m } from '../paraglide/messages.js';

const ROLES: Record<Role, () => string> = {
  sponsor: m.people_role_sponsor,
  sponsee: m.people_role_sponsee,
  home_group: m.people_role_home_group,
  program_friend: m.people_role_program_friend,
  family: m.people_role_family,
  other: m.people_role_other,
};

/** Who a person is to me, in the order the form offers them. */
export const ROLE_ORDER: Role[] = ['sponsor', 'sponsee', 'home_group', 'program_friend', 'family', 'other'];

export const roleLabel = (role: Role): string => ROLES[role]();

const UNITS: Record<Milestone['unit'], (inputs: { count: number }) => string> = {
  hours: m.people_hours,
  days: m.people_days,
  months: m.people_months,
  years: m.people_years,
};

/** "30 days", "6 months", "1 year". */
export function milestoneWords(milestone: Milestone): string {
  return UNITS[milestone.unit]({ count: milestone.count });
}

/** "30 days" under a year; from a year on "1 year, 3 months, 12 days" (parts that are 0 left out). */
export function elapsedWords(count: CountToday): string {
  const e = count.elapsed;
  if (e.years === 0) return m.people_days({ count: e.total_days });
  const parts = [m.people_years({ count: e.years })];
  if (e.months > 0) parts.push(m.people_months({ count: e.months }));
  if (e.days > 0) parts.push(m.people_days({ count: e.days }));
  return listOf(parts);
}
