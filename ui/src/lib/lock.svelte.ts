// Whether the app is locked, asked for as the page loads (beside Today's data, in the same round
// trip). While locked the app shows only the lock screen; when the shell locks or unlocks it, the
// page starts afresh, so nothing the user kept stays in the page's memory.
import { api, type LockStatus } from './api';
import { applyTheme } from './settings.svelte';
import { language } from './i18n.svelte';

class LockState {
  status = $state<LockStatus | null>(null);
  /** Settled once the first answer is in. */
  ready: Promise<void> = Promise.resolve();

  load(): Promise<void> {
    this.ready = api
      .lockStatus()
      .then((status) => {
        this.status = status;
        // The language kept beside the lock is the setting's copy: the first screen is in it at once.
        language.apply(status.language);
        if (status.locked) applyTheme(status.theme);
      })
      .catch(() => {
        this.status = null;
      });
    api.onLockChanged(() => location.reload()).catch(() => {});
    return this.ready;
  }

  get locked(): boolean {
    return this.status?.locked ?? false;
  }
}

export const lockState = new LockState();
