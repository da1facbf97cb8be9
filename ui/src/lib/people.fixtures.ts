// A recovery count for the tests of the words that say how long it has been.
import type { CountToday } from './api';

/** A count started 2025-09-20 that has run `total_days` (`years`, `months` and `days`). */
export function count(total_days: number, years = 0, months = 0, days = 0): CountToday {
  return {
    count: { id: 1, label: '', start_date: '2025-09-20', ended_on: null },
    elapsed: { total_days, years, months, days },
    milestone_today: null,
    next_milestone: null,
    next_milestone_date: null,
  };
}
