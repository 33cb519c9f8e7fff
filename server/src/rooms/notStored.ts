/**
 * A change that did not reach the store, or a decision that could not be taken because the
 * store was out of reach (Redis restarting, the board's mutex not had in time): nothing
 * happened, and the command is answered 'not-stored', which a device's outbox sends again
 * with the same key (SPEC R11). Only errors that leave nothing done may become this.
 */
export class NotStoredError extends Error {
  constructor(code: string, options?: ErrorOptions) {
    super(`board ${code}: the change was not stored`, options);
  }
}
