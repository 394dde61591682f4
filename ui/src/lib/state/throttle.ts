// Calls `fn` at most once per `intervalMs`; calls in between are dropped
// (used to tell the backend about user activity without flooding IPC).
export function createThrottle(fn: () => void, intervalMs: number, now: () => number = () => Date.now()) {
  let last = Number.NEGATIVE_INFINITY;
  return {
    trigger(): boolean {
      const at = now();
      if (at - last < intervalMs) return false;
      last = at;
      fn();
      return true;
    },
    reset(): void {
      last = Number.NEGATIVE_INFINITY;
    },
  };
}
