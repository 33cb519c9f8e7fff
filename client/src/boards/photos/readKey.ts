import { useEffect } from 'react';
import { photoPath } from '@twinspace/shared/boards/photos/layout';
import { useSession } from '../../app/sessionContext.ts';
import type { BoardSession } from '../../sync/boardSession.ts';
import { photoActions, useReadKey } from '../../state/photosStore.ts';

/** A key is renewed this long before it expires, so an image URL never fails mid-session. */
const RENEW_BEFORE_MS = 3600_000;
let asking: Promise<void> | null = null;

async function fetchKey(session: BoardSession): Promise<void> {
  const credential = await session.readCredential().catch(() => null);
  if (!credential) return;
  const res = await fetch(`${photoPath(session.code, 'key')}`, {
    headers: { authorization: `Bearer ${credential}` },
    cache: 'no-store',
  }).catch(() => null);
  if (!res?.ok) return;
  const body = (await res.json()) as { key: string; expires: number };
  photoActions().setReadKey({ code: session.code, key: body.key, expires: body.expires });
}

/**
 * The URL of a photo for `<img src>`: its path with the board's read key (docs/photos.md:
 * an image element cannot send the ticket). The key comes from the server for this
 * device's credential, once per board and day; null until it is there.
 */
export function usePhotoUrl(): ((id: string) => string) | null {
  const session = useSession();
  const readKey = useReadKey();
  useEffect(() => {
    const ask = (): void => {
      asking ??= fetchKey(session).finally(() => (asking = null));
    };
    const renewIn =
      readKey?.code === session.code ? readKey.expires - RENEW_BEFORE_MS - Date.now() : 0;
    if (renewIn > 0) {
      const timer = setTimeout(ask, Math.min(renewIn, 2 ** 31 - 1));
      return () => clearTimeout(timer);
    }
    ask();
    // Offline, or the ticket being renewed: ask again until a key is there.
    const timer = setInterval(ask, 10_000);
    return () => clearInterval(timer);
  }, [readKey, session]);
  if (!readKey || readKey.code !== session.code) return null;
  const { key } = readKey;
  return (id) => `${photoPath(session.code, id)}?k=${encodeURIComponent(key)}`;
}
