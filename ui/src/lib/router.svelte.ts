// Hash routes with query parameters (`#/groups?for=family&format=online`), so any screen can link
// to a filtered view and the state survives switching tabs.

export const SCREENS = ['today', 'schedule', 'groups', 'guidance', 'settings', 'people', 'reach-out'] as const;
export type Screen = (typeof SCREENS)[number];

export interface Route {
  screen: Screen;
  /** Path segments after the screen, e.g. `['checklist']` for `#/guidance/checklist`. */
  rest: string[];
  params: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const [path = '', query = ''] = raw.split('?', 2);
  const [first = '', ...rest] = path.split('/').filter(Boolean).map(decodeURIComponent);
  const screen = (SCREENS as readonly string[]).includes(first) ? (first as Screen) : 'today';
  return { screen, rest: screen === first ? rest : [], params: new URLSearchParams(query) };
}

export function routeHref(screen: Screen, rest: string[] = [], params?: Record<string, string | undefined>): string {
  const path = ['#', screen, ...rest.map(encodeURIComponent)].join('/');
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {})) if (value) query.set(key, value);
  const qs = query.toString();
  return qs ? `${path}?${qs}` : path;
}

class Router {
  current = $state<Route>(parseHash(typeof location === 'undefined' ? '' : location.hash));

  constructor() {
    if (typeof window !== 'undefined') {
      window.addEventListener('hashchange', () => (this.current = parseHash(location.hash)));
      startFromToday();
    }
  }

  go(href: string) {
    location.hash = href.replace(/^#/, '');
  }

  /** Changes the route without a new history entry (typing in a search box). */
  replace(href: string) {
    history.replaceState(history.state, '', href);
    this.current = parseHash(href);
  }
}

/** Back (Android's back button, iOS's back swipe, the browser's) goes back one screen through the
 * history, and leaves the app only from Today: when the app opens on another screen (a
 * notification's meeting, the tray's People), Today goes in the history under it. */
export function startFromToday(
  first = location.hash,
  entries: Pick<History, 'length' | 'state' | 'replaceState' | 'pushState'> = history,
) {
  if (parseHash(first).screen === 'today' || entries.length > 1) return;
  entries.replaceState(entries.state, '', '#/today');
  entries.pushState(entries.state, '', first);
}

export const router = new Router();
