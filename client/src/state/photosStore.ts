import { create } from 'zustand';
import type { Photo } from '@twinspace/shared/boards/photos/layout';
import { partSetter } from './stable.ts';

/** A photo still on this device: shrunk, waiting to be uploaded (offline, or on its way). */
export interface PendingPhoto {
  key: string;
  part: string;
  ref: string;
  /** An object URL of the shrunk image, for the thumbnail. */
  preview: string;
  /** Why the server refused it (it stays on the device until the person dismisses it). */
  failed?: string;
}

export interface PhotoParts {
  photos: readonly Photo[];
}

interface PhotoState extends PhotoParts {
  pending: readonly PendingPhoto[];
  /** The read key of the board's photos (docs/photos.md) and when it expires. */
  readKey: { code: string; key: string; expires: number } | null;
  setPart<K extends keyof PhotoParts>(key: K, value: PhotoParts[K]): void;
  setPending(pending: readonly PendingPhoto[]): void;
  setReadKey(readKey: PhotoState['readKey']): void;
}

/** The board's photos (boards/photos/binding.ts) and this device's uploads still waiting. */
export const usePhotoStore = create<PhotoState>()((set) => ({
  photos: [],
  pending: [],
  readKey: null,
  setPart: partSetter<PhotoState>(set),
  setPending: (pending) => set({ pending }),
  setReadKey: (readKey) => set({ readKey }),
}));

export const photoActions = (): PhotoState => usePhotoStore.getState();
export const usePhotos = (): readonly Photo[] => usePhotoStore((s) => s.photos);
export const usePendingPhotos = (): readonly PendingPhoto[] => usePhotoStore((s) => s.pending);
export const useReadKey = (): PhotoState['readKey'] => usePhotoStore((s) => s.readKey);
