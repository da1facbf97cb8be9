// Whether the app is locked, asked for as the page loads (beside Today's data, in the same round
// trip). While locked the app shows only the lock screen; when the shell locks or unlocks it, the
// page starts afresh, so nothing the user kept stays in the page's memory.
import { api, type LockStatus } from './api';
import { applyTheme } from './settings.svelte';
import { language } from './i18n.svelte';
import { mark } from './timeline';

class LockState {
  status = $state<LockStatus | null>(null);
  /** Settled once the first answer is in. */
  ready: Promise<void> = Promise.resolve();

  /** Asks whether the app is locked (when the first screen's one request could not say). */
  load(): Promise<void> {
    this.ready = api
      .lockStatus()
      .then((status) => this.show(status))
      .catch(() => {
        this.status = null;
      });
    return this.ready;
  }

  /** Takes the lock's state: the lock screen's language and look come with it. */
  show(status: LockStatus): void {
    mark('lock status answered');
    this.status = status;
    // The language kept beside the lock is the setting's copy: the first screen is in it at once.
    language.apply(status.language);
    if (status.locked) applyTheme(status.theme);
  }

  /** When the shell locks or unlocks, the page starts afresh. */
  listen(): void {
    api.onLockChanged(() => location.reload()).catch(() => {});
  }

  get locked(): boolean {
    return this.status?.locked ?? false;
  }
}

export const lockState = new LockState();
