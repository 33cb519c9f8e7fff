import { connectionActions } from '../state/connectionStore.ts';
import { INITIAL_FACTS, deriveConnectionState, type ConnectionFacts } from './connectionState.ts';

/** Holds the connection facts of one board session and publishes the derived state. */
export class ConnectionTracker {
  private facts: ConnectionFacts;

  constructor(browserOnline: boolean) {
    this.facts = { ...INITIAL_FACTS, browserOnline };
    this.publish();
  }

  update(change: (facts: ConnectionFacts) => ConnectionFacts): void {
    const next = change(this.facts);
    if (next === this.facts) return;
    this.facts = next;
    this.publish();
  }

  get current(): ConnectionFacts {
    return this.facts;
  }

  private publish(): void {
    connectionActions().setState(deriveConnectionState(this.facts), this.facts);
  }
}
