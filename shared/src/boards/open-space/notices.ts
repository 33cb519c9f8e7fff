/** Server -> client notices of the Open Space board (folded into protocol.ts's Notice). */
export type OpenSpaceNotice = { type: 'os-none' };
