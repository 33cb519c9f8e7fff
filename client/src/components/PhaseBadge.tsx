import { useTranslation } from 'react-i18next';
import { phaseLabel } from '../i18n/dataLabels.ts';
import { usePhase } from '../state/boardStore.ts';
import { useBoardInfo } from '../state/sessionStore.ts';

/** The current phase, shown to everyone (the facilitator drives it). */
export function PhaseBadge({ className = '' }: { className?: string }) {
  const { t } = useTranslation();
  const board = useBoardInfo();
  const phase = usePhase();
  if (!board || !phase) return null;
  return (
    <p className={`phase ${className}`}>
      <span className="phase__label">{t('phase.label')}</span>{' '}
      <strong>{phaseLabel(board.kind, phase)}</strong>
    </p>
  );
}
