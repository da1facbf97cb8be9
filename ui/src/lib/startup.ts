// The page's first screen: whether the app is locked and, when it is not, the settings and Today's
// data. The shell serves the page with them in it (a JSON block, `first-screen`), so the first
// screen is drawn in the task that starts the page, with no round trip and no frame between. A page
// served without them (a phone, or a read that failed) asks in one request; should that fail too,
// the separate requests are made as before, so whatever failed is shown where it belongs.
import { api, type FirstScreen } from './api';
import { lockState } from './lock.svelte';
import { settings } from './settings.svelte';
import { offerToday, prefetchToday } from './today';
import { mark } from './timeline';

/** The id of the data block the shell puts in the page. */
const BLOCK_ID = 'first-screen';

/** The first screen's data the page was served with. The block is removed as it is read: it is
 * true only of the moment the page was served. */
export function servedFirstScreen(): FirstScreen | null {
  const block = document.getElementById(BLOCK_ID);
  if (!block) return null;
  block.remove();
  try {
    return JSON.parse(block.textContent ?? '') as FirstScreen;
  } catch {
    return null;
  }
}

function show(first: FirstScreen, onToday: boolean): void {
  lockState.show(first.lock);
  if (first.settings) settings.show(first.settings);
  // Only for a Today shown now: a later one asks afresh.
  if (first.today && onToday) offerToday(first.recovery, first.today);
}

/** Takes the first screen's data from the page, or asks for it now, before the page mounts. */
export function startUp(onToday: boolean): void {
  const served = servedFirstScreen();
  if (served) {
    mark('first screen read from the page');
    show(served, onToday);
    lockState.ready = Promise.resolve();
  } else {
    mark('first screen asked');
    lockState.ready = api.firstScreen(onToday).then(
      (first) => {
        mark('first screen answered');
        show(first, onToday);
      },
      () => {
        if (onToday) prefetchToday();
        return lockState.load();
      },
    );
  }
  lockState.listen();
}
