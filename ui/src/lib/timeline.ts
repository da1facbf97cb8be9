// The page's start-up milestones, in milliseconds since the Unix epoch (the shell's clock), sent
// with the first `ui_ready`. The shell prints them only when a benchmark asks (HOMEGROUP_TIMELINE);
// keeping them costs a few numbers.

const marks: [string, number][] = [];
/** Set once the marks are sent: later ones are not kept. */
let sent = false;

/** Notes that the start-up reached `label` now. */
export function mark(label: string): void {
  if (!sent) marks.push([label, performance.timeOrigin + performance.now()]);
}

/** Every mark so far, with the browser's own: when the page and each script and style arrived. */
export function startupMarks(): [string, number][] {
  const at = (ms: number): number => performance.timeOrigin + ms;
  const all: [string, number][] = [];
  const [page] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  if (page) {
    all.push(['page requested', at(page.fetchStart)], ['page arrived', at(page.responseEnd)]);
    all.push(['page parsed', at(page.domInteractive)]);
  }
  for (const entry of performance.getEntriesByType('paint')) all.push([entry.name, at(entry.startTime)]);
  for (const entry of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
    if (entry.initiatorType === 'script' || entry.initiatorType === 'link' || entry.initiatorType === 'css') {
      all.push([`${entry.name.split('/').pop()} arrived`, at(entry.responseEnd)]);
    }
  }
  sent = true;
  return [...all, ...marks];
}
