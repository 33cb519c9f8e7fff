/**
 * A facilitator's list of boards to another laptop by a one-time link
 * (server/src/http/transfers.ts): encrypted here with a fresh AES-GCM key, which travels
 * only in the link's fragment (never sent to a server); the server keeps the ciphertext
 * for ten minutes and hands it out once. Needs a secure context (HTTPS or localhost).
 */
const QUERY = 'transfer';
const FRAGMENT = 'transfer-key';

const toText = (bytes: Uint8Array): string =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const fromText = (text: string): Uint8Array<ArrayBuffer> =>
  Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));

const aesKey = (raw: Uint8Array<ArrayBuffer>, use: KeyUsage): Promise<CryptoKey> =>
  crypto.subtle.importKey('raw', raw, 'AES-GCM', false, [use]);

/** Stores the encrypted list for one read; the link to open on the other laptop, or null. */
export async function makeTransferLink(fileText: string): Promise<string | null> {
  try {
    const raw = crypto.getRandomValues(new Uint8Array(32));
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const plain = new TextEncoder().encode(fileText);
    const sealed = await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv },
      await aesKey(raw, 'encrypt'),
      plain,
    );
    const bundle = toText(new Uint8Array([...iv, ...new Uint8Array(sealed)]));
    const res = await fetch('/api/transfers', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ bundle }),
    });
    if (res.status !== 201) return null;
    const { id } = (await res.json()) as { id: string };
    return `${window.location.origin}/?${QUERY}=${id}#${FRAGMENT}=${toText(raw)}`;
  } catch {
    return null;
  }
}

/**
 * On the other laptop: the list this page's link carries, decrypted (undefined without such
 * a link; null when it was used already, expired, or does not decrypt). The link leaves the
 * address bar at once, so its key is not shown or kept in the history.
 */
export async function takeTransfer(): Promise<string | null | undefined> {
  const id = new URLSearchParams(window.location.search).get(QUERY);
  const key = new URLSearchParams(window.location.hash.slice(1)).get(FRAGMENT);
  if (!id || !key) return undefined;
  window.history.replaceState(window.history.state, '', window.location.pathname);
  try {
    const res = await fetch(`/api/transfers/${encodeURIComponent(id)}`, { cache: 'no-store' });
    if (!res.ok) return null;
    const sealed = fromText(((await res.json()) as { bundle: string }).bundle);
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: sealed.slice(0, 12) },
      await aesKey(fromText(key), 'decrypt'),
      sealed.slice(12),
    );
    return new TextDecoder().decode(plain);
  } catch {
    return null;
  }
}
