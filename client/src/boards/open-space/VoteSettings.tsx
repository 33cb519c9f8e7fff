import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useOs } from '../../state/openSpaceStore.ts';
import { setSetting } from '@twinspace/shared/boards/open-space/write';
import { useCommand, useEdit } from './hooks.ts';

/** Budget, several dots per topic, hidden votes, and the reveal. */
export function VoteSettings() {
  const { t } = useTranslation('openSpace');
  const settings = useOs('settings');
  const edit = useEdit();
  const command = useCommand();
  const id = useId();
  const set = (key: string, value: unknown): boolean => edit((doc) => setSetting(doc, key, value));
  return (
    <div className="os-settings">
      <div className="field">
        <label htmlFor={`${id}-b`}>{t('settings.budget')}</label>
        <input
          id={`${id}-b`}
          type="number"
          min={0}
          max={50}
          value={settings.voteBudget}
          onChange={(e) =>
            set('voteBudget', Math.max(0, Math.min(50, Math.floor(Number(e.target.value) || 0))))
          }
          data-testid="vote-budget"
        />
      </div>
      <label className="os-check">
        <input
          type="checkbox"
          checked={settings.multiDot}
          onChange={(e) => set('multiDot', e.target.checked)}
          data-testid="multi-dot"
        />
        {t('settings.multiDot')}
      </label>
      <label className="os-check">
        <input
          type="checkbox"
          checked={settings.hideVotes}
          onChange={(e) => set('hideVotes', e.target.checked)}
          data-testid="hide-votes"
        />
        {t('settings.hideVotes')}
      </label>
      {settings.hideVotes ? (
        settings.votesRevealed ? (
          <p className="os-help" data-testid="votes-revealed">
            {t('settings.revealed')}
          </p>
        ) : (
          <button
            type="button"
            className="button button--primary"
            onClick={() => void command({ type: 'os-reveal-votes' })}
            data-testid="reveal-votes"
          >
            {t('settings.reveal')}
          </button>
        )
      ) : null}
    </div>
  );
}
