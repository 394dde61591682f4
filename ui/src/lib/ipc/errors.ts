// Errors from the backend: a stable `code` (the generated ErrorCode) for the UI to react to. The text
// shown comes from the generated table of `assets/i18n/errors.json` in the UI's language.
import type { ErrorCode } from './bindings/ErrorCode';
import type { IpcError } from './bindings/IpcError';
import { ERROR_CODES } from './generated/client';

export class BackendError extends Error implements IpcError {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'BackendError';
    this.code = code;
  }
}

export function isErrorPayload(value: unknown): value is IpcError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === 'string' && (ERROR_CODES as readonly string[]).includes(v.code) && typeof v.message === 'string';
}

export function isBackendError(value: unknown): value is BackendError {
  return value instanceof BackendError;
}

/** Turns whatever a call rejected with into a BackendError (never leaks the raw value to logs). */
export function toBackendError(value: unknown): BackendError {
  if (value instanceof BackendError) return value;
  if (isErrorPayload(value)) return new BackendError(value.code, value.message);
  return new BackendError('internal', '');
}
