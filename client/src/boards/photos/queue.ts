/**
 * The device's queue of photos waiting to be uploaded, in IndexedDB (a Blob survives a
 * closed tab, a reload and a phone put away; localStorage holds no binary). One record per
 * photo: shrunk already, so what waits is what will be sent.
 */
export interface QueuedPhoto {
  key: string;
  code: string;
  part: string;
  ref: string;
  blob: Blob;
  createdAt: number;
  /** The server's refusal, kept until the person dismisses it. */
  failed?: string;
}

const DB = 'twinspace.photos';
const STORE = 'queue';

let opened: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  opened ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'key' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => {
      opened = null;
      reject(req.error ?? new Error('IndexedDB unavailable'));
    };
  });
  return opened;
}

async function run<T>(
  mode: IDBTransactionMode,
  act: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  const db = await open();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const req = act(tx.objectStore(STORE));
    tx.oncomplete = () => resolve(req.result);
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB write failed'));
  });
}

export const putQueued = (photo: QueuedPhoto): Promise<IDBValidKey> =>
  run('readwrite', (s) => s.put(photo));

export const deleteQueued = (key: string): Promise<undefined> =>
  run('readwrite', (s) => s.delete(key));

export async function queuedFor(code: string): Promise<QueuedPhoto[]> {
  const all = (await run('readonly', (s) => s.getAll())) as QueuedPhoto[];
  return all.filter((p) => p.code === code).sort((a, b) => a.createdAt - b.createdAt);
}
