// The page's first request: one round trip brings whether the app is locked and, when it is not,
// the settings and (when the page opens on Today) Today's data. Each request through the webview
// costs a few milliseconds at start-up, and seven of them used to stand between the page and its
// first frame. Should the one request fail, the separate requests are made as before, so whatever
// failed is shown where it belongs.
import { api } from './api';
import { lockState } from './lock.svelte';
import { settings } from './settings.svelte';
import { offerToday, prefetchToday } from './today';
import { mark } from './timeline';

/** Asks for the first screen's data now, before the page mounts. */
export function startUp(onToday: boolean): void {
  mark('first screen asked');
  lockState.ready = api.firstScreen(onToday).then(
    (first) => {
      mark('first screen answered');
      lockState.show(first.lock);
      if (first.settings) settings.show(first.settings);
      if (first.today) offerToday(first.recovery, first.today);
    },
    () => {
      if (onToday) prefetchToday();
      return lockState.load();
    },
  );
  lockState.listen();
}
