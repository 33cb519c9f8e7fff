import i18next from 'i18next';
import type { BoardKind } from '@twinspace/shared/boards/common';

/**
 * A board's phase by name (`common:phases.<kind>.<phase>`, checked by the parity test), or
 * as it is when unknown. The same as i18n/dataLabels.ts's, kept here: importing that module
 * from these pages splits it out of the participant's route into a chunk of its own.
 */
export function phaseLabel(kind: BoardKind, phase: string): string {
  const key = `common:phases.${kind}.${phase}`;
  return i18next.exists(key) ? (i18next.t as (k: string) => string)(key) : phase;
}
