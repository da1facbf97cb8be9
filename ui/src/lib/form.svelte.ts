// Saving a form: the field the core named gets its message, anything else is said once for the
// form, and the form says it is busy meanwhile.
import { ApiError, errorText } from './api';

export class FormState {
  fieldErrors = $state<Record<string, string>>({});
  error = $state('');
  saving = $state(false);

  /** Runs `work`; on success hands its answer to `done`. */
  async submit<T>(work: () => Promise<T>, done: (saved: T) => void): Promise<void> {
    this.fieldErrors = {};
    this.error = '';
    this.saving = true;
    try {
      done(await work());
    } catch (e) {
      if (e instanceof ApiError && e.field) this.fieldErrors = { [e.field]: e.message };
      else this.error = errorText(e);
    } finally {
      this.saving = false;
    }
  }
}
