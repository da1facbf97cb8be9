// Calling the shell: the one place `invoke` is used, and how its errors become ApiErrors.
import { invoke } from '@tauri-apps/api/core';
import type { ErrorPayload } from '../bindings/ErrorPayload';
import { m } from '../../paraglide/messages.js';

/** An error from the core, with a stable `kind` to switch on and a message fit to show. */
export class ApiError extends Error {
  readonly kind: ErrorPayload['kind'] | 'unexpected';
  readonly field: string | null;

  constructor(payload: Pick<ErrorPayload, 'kind' | 'message' | 'field'> | { kind: 'unexpected'; message: string; field: null }) {
    super(payload.message);
    this.name = 'ApiError';
    this.kind = payload.kind;
    this.field = payload.field;
  }
}

function isErrorPayload(value: unknown): value is ErrorPayload {
  return typeof value === 'object' && value !== null && 'kind' in value && 'message' in value;
}

export async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    if (isErrorPayload(error)) throw new ApiError({ ...error, field: error.field ?? null });
    const message = error instanceof Error ? error.message : String(error);
    throw new ApiError({ kind: 'unexpected', message, field: null });
  }
}

/** What to tell the user about a failure: the core's message, or a plain sentence for anything else. */
export function errorText(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return m.common_error_generic();
}
