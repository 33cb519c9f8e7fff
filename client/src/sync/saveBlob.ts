/**
 * Saves a fetched blob as a file named `name`, through a temporary link's download. Files
 * that need a credential are fetched with it and saved this way (a link cannot send one).
 * No imports on purpose: the event pages share this with the boards' exports (sync/
 * download.ts), and their chunk is kept apart from the phone's session and sync code.
 */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the blob after click() returns: let them finish first.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
