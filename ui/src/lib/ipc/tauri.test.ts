// The Tauri backend sends every command of the generated contract as `invoke(name, { request })`
// (the shape the generated src-tauri handlers take), and turns rejections into BackendError.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const invoke = vi.fn();
const listen = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...args: unknown[]) => invoke(...args) }));
vi.mock('@tauri-apps/api/event', () => ({ listen: (...args: unknown[]) => listen(...args) }));

const { createTauriBackend } = await import('./tauri');
const { BackendError } = await import('./errors');
const { COMMAND_NAMES } = await import('./generated/client');

const camel = (name: string) => name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

describe('tauri backend', () => {
  beforeEach(() => {
    invoke.mockReset();
    invoke.mockResolvedValue(undefined);
    listen.mockReset();
  });

  it.each(COMMAND_NAMES.map((name) => [name]))('%s is sent with its request under `request`', async (command) => {
    const backend = createTauriBackend() as unknown as Record<string, (r?: unknown) => Promise<unknown>>;
    const request = { marker: command };
    await backend[camel(command)]!(request);
    expect(invoke).toHaveBeenCalledTimes(1);
    expect(invoke).toHaveBeenCalledWith(command, { request });
  });

  it('a command without fields sends an empty request', async () => {
    await createTauriBackend().casesList();
    expect(invoke).toHaveBeenCalledWith('cases_list', { request: {} });
  });

  it('turns an error payload into a BackendError with code and message', async () => {
    invoke.mockRejectedValue({ code: 'wrong_passphrase', message: 'De wachtwoordzin klopt niet.' });
    const error = await createTauriBackend()
      .vaultUnlock({ passphrase: 'x' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackendError);
    expect(error).toMatchObject({ code: 'wrong_passphrase', message: 'De wachtwoordzin klopt niet.' });
  });

  it('turns anything else, also an unknown code, into an internal error without echoing it', async () => {
    for (const raw of ['some raw text', { code: 'vault_locked', message: 'some raw text' }]) {
      invoke.mockRejectedValue(raw);
      const error = await createTauriBackend()
        .casesList()
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'internal' });
      expect((error as Error).message).not.toContain('some raw text');
    }
  });

  it('listens to vault-locked and passes the payload on', async () => {
    const unlisten = vi.fn();
    listen.mockImplementation(async (_name: string, cb: (e: { payload: unknown }) => void) => {
      cb({ payload: { reason: 'idle' } });
      return unlisten;
    });
    const seen: unknown[] = [];
    const unsubscribe = await createTauriBackend().onVaultLocked((p) => seen.push(p));
    expect(listen).toHaveBeenCalledWith('vault-locked', expect.any(Function));
    expect(seen).toEqual([{ reason: 'idle' }]);
    unsubscribe();
    expect(unlisten).toHaveBeenCalled();
  });
});
