/**
 * Server clock offset, for timers that must show the same remaining time on every screen.
 * A sample is (serverTime, the local time the request left, the local time the answer
 * arrived); the server's clock is assumed to be read half-way through the round trip.
 * The sample with the shortest round trip is the most precise, so it wins.
 */
export interface ClockSample {
  readonly offsetMs: number;
  readonly roundTripMs: number;
}

export function clockSample(serverTime: number, sentAt: number, receivedAt: number): ClockSample {
  const roundTripMs = Math.max(0, receivedAt - sentAt);
  return { offsetMs: Math.round(serverTime - (sentAt + roundTripMs / 2)), roundTripMs };
}

export function betterSample(current: ClockSample | null, next: ClockSample): ClockSample {
  return current === null || next.roundTripMs <= current.roundTripMs ? next : current;
}
