/**
 * The app's clock. Business rules read time only from here (`app.now()`), so tests can fix and move it.
 * China time is UTC+8 all year; convert with that offset when a rule speaks of local days or hours.
 */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** A clock that starts at `start` and runs in real time (CLOCK_START: demos and tests of spawned servers). */
export function runningClock(start: Date): Clock {
  const offset = start.getTime() - Date.now();
  return () => new Date(Date.now() + offset);
}

/** A clock for tests: starts at `start` and only moves when told to. */
export interface FixedClock extends Clock {
  set(time: Date | string): void;
  advance(ms: number): void;
}

export function fixedClock(start: Date | string): FixedClock {
  let current = new Date(start);
  const clock = (() => new Date(current)) as FixedClock;
  clock.set = (time) => {
    current = new Date(time);
  };
  clock.advance = (ms) => {
    current = new Date(current.getTime() + ms);
  };
  return clock;
}

export const DAY_MS = 24 * 60 * 60 * 1000;
