/** Server -> client notices of the Match & Sprint board (folded into protocol.ts's Notice). */
export type MatchSprintNotice = { type: 'ms-none' };
