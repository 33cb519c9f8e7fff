import i18next from 'i18next';
import type { BoardKind } from '@twinspace/shared/boards/common';

/**
 * Labels for values that come from data (a phase read from the document), where typed
 * t() cannot check the key at compile time. Unknown values show as they are rather than
 * as a raw key; the i18n parity test checks that every phase of every kind has a label.
 */
export function phaseLabel(kind: BoardKind, phase: string): string {
  const key = `common:phases.${kind}.${phase}`;
  return i18next.exists(key) ? (i18next.t as (k: string) => string)(key) : phase;
}
