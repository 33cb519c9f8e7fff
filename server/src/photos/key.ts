import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The photo read key: `<expiry>.<hmac(board, expiry)>`, signed with the ticket secret.
 *
 * Why a key in the URL rather than the ticket in a header: photos are `<img>` elements,
 * which cannot send `Authorization`, and a plain URL lets the browser cache and lazy-load
 * them on a phone on venue Wi-Fi. The key is handed only to holders of a credential for
 * the board (the upload's answer, and `GET .../photos/key` with a ticket or the
 * facilitator's token), reads that board's photos and nothing else, and expires. Expiries
 * are rounded to a window, so every screen of a board uses the same URL for a few hours and
 * a photo downloads once per device, not once per key.
 */
const KEY_WINDOW_MS = 6 * 3600_000;
/** A key is valid between one and this many windows (18-24 h): a whole workshop day. */
const KEY_WINDOWS = 4;

export class PhotoKeys {
  constructor(private readonly secret: string) {}

  issue(board: string, now = Date.now()): { key: string; expires: number } {
    const expires = (Math.floor(now / KEY_WINDOW_MS) + KEY_WINDOWS) * KEY_WINDOW_MS;
    return { key: `${expires}.${this.mac(board, expires)}`, expires };
  }

  verify(board: string, key: string, now = Date.now()): boolean {
    const [expiresText, mac] = key.split('.');
    const expires = Number(expiresText);
    if (!mac || !Number.isSafeInteger(expires) || expires < now) return false;
    const given = Buffer.from(mac, 'base64url');
    const expected = Buffer.from(this.mac(board, expires), 'base64url');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private mac(board: string, expires: number): string {
    return createHmac('sha256', this.secret)
      .update(`photo-read|${board}|${expires}`)
      .digest('base64url');
  }
}
