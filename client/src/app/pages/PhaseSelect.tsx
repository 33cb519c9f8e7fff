import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BOARD_PHASES } from '@twinspace/shared/boards/index';
import { phaseLabel } from '../../i18n/dataLabels.ts';
import { usePhase } from '../../state/boardStore.ts';
import { useBoardInfo } from '../../state/sessionStore.ts';
import { toast } from '../../state/toastStore.ts';
import { useSession } from '../sessionContext.ts';

/**
 * The phase is a command (the server checks it and writes meta.phase); the choice is
 * shown at once and confirmed when the document brings the new phase back.
 */
export function PhaseSelect() {
  const { t } = useTranslation('facilitator');
  const session = useSession();
  const board = useBoardInfo();
  const phase = usePhase();
  const id = useId();
  // The chosen phase shows until the document's phase moves (to it, or anywhere else).
  const [pending, setPending] = useState<{ from: string | null; to: string } | null>(null);
  const shown = pending !== null && pending.from === phase ? pending.to : phase;
  if (!board) return null;

  const choose = async (next: string): Promise<void> => {
    setPending({ from: phase, to: next });
    // With the phase this screen shows: a change made offline is refused, not applied, if
    // the board has moved on by the time it is sent.
    const from = phase === null ? {} : { from: phase };
    const result = await session.command({ type: 'set-phase', phase: next, ...from });
    if (result !== 'timeout' && result.type === 'ok') return;
    setPending(null);
    toast({
      kind: 'command',
      reason: result === 'timeout' ? 'timeout' : result.reason,
      tone: 'warning',
    });
  };

  return (
    <div className="field">
      <label htmlFor={id}>{t('phase.label')}</label>
      <select
        id={id}
        data-testid="phase-select"
        value={shown ?? ''}
        onChange={(e) => void choose(e.target.value)}
        aria-describedby={`${id}-help`}
      >
        {phase === null ? <option value="" disabled /> : null}
        {BOARD_PHASES[board.kind].map((p) => (
          <option key={p} value={p}>
            {phaseLabel(board.kind, p)}
          </option>
        ))}
      </select>
      <p className="field__help" id={`${id}-help`}>
        {t('phase.help')}
      </p>
    </div>
  );
}
