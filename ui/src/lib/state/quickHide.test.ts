import { describe, expect, it } from 'vitest';
import { createShiftDetector } from './quickHide';
import { createThrottle } from './throttle';

function detector() {
  let now = 0;
  const d = createShiftDetector({ now: () => now });
  return {
    press(key: string, after = 100, repeat = false) {
      now += after;
      return d.keydown({ key, repeat });
    },
  };
}

describe('shift detector', () => {
  it('fires on the third Shift within a second', () => {
    const d = detector();
    expect(d.press('Shift')).toBe(false);
    expect(d.press('Shift')).toBe(false);
    expect(d.press('Shift')).toBe(true);
  });

  it('does not fire when another key comes in between', () => {
    const d = detector();
    expect([d.press('Shift'), d.press('a'), d.press('Shift'), d.press('Shift')]).toEqual([false, false, false, false]);
  });

  it('does not fire when the presses are too far apart', () => {
    const d = detector();
    expect([d.press('Shift'), d.press('Shift', 600), d.press('Shift', 600)]).toEqual([false, false, false]);
  });

  it('counts a held-down Shift (key repeat) as one press', () => {
    const d = detector();
    expect([d.press('Shift'), d.press('Shift', 30, true), d.press('Shift', 30, true)]).toEqual([false, false, false]);
    expect(d.press('Shift')).toBe(false);
    expect(d.press('Shift')).toBe(true);
  });

  it('starts counting again after firing', () => {
    const d = detector();
    d.press('Shift');
    d.press('Shift');
    expect(d.press('Shift')).toBe(true);
    expect(d.press('Shift')).toBe(false);
  });
});

describe('throttle', () => {
  it('lets through at most one call per interval', () => {
    let now = 0;
    let calls = 0;
    const throttle = createThrottle(() => (calls += 1), 20_000, () => now);
    throttle.trigger();
    now = 19_999;
    throttle.trigger();
    expect(calls).toBe(1);
    now = 20_000;
    throttle.trigger();
    expect(calls).toBe(2);
  });
});
