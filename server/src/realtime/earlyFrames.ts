/** Frames that arrive while the board loads are kept, up to this many... */
export const MAX_EARLY_FRAMES = 256;
/**
 * ...and up to this many bytes in all: an honest client sends its sync step 1 and its
 * awareness before the room answers (a few KB); a hostile one could otherwise park 256
 * frames of the maximum payload (512 MiB) per socket while a board loads.
 */
export const MAX_EARLY_BYTES = 4 * 1024 * 1024;

/** A Yjs socket's frames from before its room was attached, in order, bounded. */
export class EarlyFrames {
  private frames: Uint8Array[] = [];
  private bytes = 0;

  constructor(
    private readonly maxFrames = MAX_EARLY_FRAMES,
    private readonly maxBytes = MAX_EARLY_BYTES,
  ) {}

  /** Keeps the frame; false (and not kept) when it would pass either bound. */
  push(frame: Uint8Array): boolean {
    if (this.frames.length >= this.maxFrames || this.bytes + frame.byteLength > this.maxBytes)
      return false;
    this.frames.push(frame);
    this.bytes += frame.byteLength;
    return true;
  }

  /** The frames kept so far, handed over once; the buffer is empty after. */
  take(): Uint8Array[] {
    const frames = this.frames;
    this.frames = [];
    this.bytes = 0;
    return frames;
  }
}
