import fs from 'node:fs';

/**
 * A value derived from one file of the client build, derived again when a new build
 * replaces that file (its mtime changes), so a running server follows `npm run build`.
 * Null while the file is missing (no build yet).
 */
export function fromBuildFile<T>(file: string, derive: () => T): () => T | null {
  let last: { mtimeMs: number; value: T } | null = null;
  return () => {
    let mtimeMs: number;
    try {
      mtimeMs = fs.statSync(file).mtimeMs;
    } catch {
      return null;
    }
    if (last?.mtimeMs !== mtimeMs) last = { mtimeMs, value: derive() };
    return last.value;
  };
}
