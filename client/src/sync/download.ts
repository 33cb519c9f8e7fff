import type { BoardSession } from './boardSession.ts';
import { saveBlob } from './saveBlob.ts';

/** The file name a Content-Disposition header names (RFC 6266 `filename*` first). */
export function filenameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (extended) {
    try {
      return decodeURIComponent(extended);
    } catch {
      // fall through to the plain name
    }
  }
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? fallback;
}

/**
 * Downloads one of the board's exports (`export.md?lang=de`...). Exports need a credential
 * (docs/SECURITY.md): a link cannot send one, so the file is fetched with the facilitator's
 * key or the participant's ticket and saved from a blob. Resolves false when it failed.
 */
export async function downloadExport(session: BoardSession, file: string): Promise<boolean> {
  try {
    const credential = await session.readCredential();
    if (!credential) return false;
    const res = await fetch(`/api/boards/${encodeURIComponent(session.code)}/${file}`, {
      headers: { authorization: `Bearer ${credential}` },
      cache: 'no-store',
    });
    if (!res.ok) return false;
    const name = filenameOf(
      res.headers.get('content-disposition'),
      `${session.code}-${file.replace(/\?.*/, '')}`,
    );
    saveBlob(await res.blob(), name);
    return true;
  } catch {
    return false;
  }
}
