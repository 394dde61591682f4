// Errors from the backend: a stable `code` for the UI to react to and a Dutch
// `message` for people. Tests assert the code, the UI shows the message.
import type { ErrorPayload } from './types';

/** Codes the UI knows about (the backend may send others; those show their message). */
export const KNOWN_ERROR_CODES = [
  'wrong_passphrase',
  'vault_damaged',
  'vault_missing',
  'vault_exists',
  'vault_locked',
  'wrong_recovery_key',
  'weak_passphrase',
  'invalid_input',
  'not_found',
  'joint_reason_required',
  'joint_justification_required',
  'internal',
] as const;

export type KnownErrorCode = (typeof KNOWN_ERROR_CODES)[number];

export class BackendError extends Error implements ErrorPayload {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'BackendError';
    this.code = code;
  }
}

export function isErrorPayload(value: unknown): value is ErrorPayload {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Record<string, unknown>).code === 'string' &&
    typeof (value as Record<string, unknown>).message === 'string'
  );
}

export function isBackendError(value: unknown): value is BackendError {
  return value instanceof BackendError;
}

export function isKnownErrorCode(code: string): code is KnownErrorCode {
  return (KNOWN_ERROR_CODES as readonly string[]).includes(code);
}

/** Turns whatever a call rejected with into a BackendError (never leaks the raw value to logs). */
export function toBackendError(value: unknown): BackendError {
  if (value instanceof BackendError) return value;
  if (isErrorPayload(value)) return new BackendError(value.code, value.message);
  return new BackendError('internal', 'Er ging iets mis in de app. Probeer het opnieuw.');
}
