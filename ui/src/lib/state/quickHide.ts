// Detects the quick-hide gesture: Shift pressed three times within about a second,
// with no other key in between. Pure logic so it can be tested without a DOM.

export type KeyLike = { key: string; repeat?: boolean };

export type ShiftDetectorOptions = {
  presses?: number;
  windowMs?: number;
  now?: () => number;
};

export function createShiftDetector(options: ShiftDetectorOptions = {}) {
  const presses = options.presses ?? 3;
  const windowMs = options.windowMs ?? 1000;
  const now = options.now ?? (() => performance.now());
  let times: number[] = [];

  return {
    /** Feed every keydown; returns true when this keydown completes the gesture. */
    keydown(event: KeyLike): boolean {
      if (event.key !== 'Shift') {
        times = [];
        return false;
      }
      // Holding Shift down repeats keydown; that is one press, not many.
      if (event.repeat) return false;
      const at = now();
      times = [...times, at].filter((time) => at - time <= windowMs);
      if (times.length >= presses) {
        times = [];
        return true;
      }
      return false;
    },
    reset(): void {
      times = [];
    },
  };
}
