import { useTranslation } from 'react-i18next';
import { approvalParts } from '@twinspace/shared/boards/moderation/rules';
import { BOARD_RULES } from '@twinspace/shared/boards/index';
import { useBoardInfo } from '../../state/sessionStore.ts';
import { useModSettings } from '../../state/moderationStore.ts';
import { useCommand } from '../common/useCommand.ts';
import { BoardContent, People } from './ModerationContent.tsx';
import { PartName, summaryOf } from './labels.tsx';
import { useModList } from './useModList.ts';
import './moderation.css';

/**
 * The facilitator's moderation (console only, its own chunk): anonymous mode and approval
 * queues per part, what waits for approval, what is hidden (restore or remove for good),
 * the board's content to hide or remove, and the participants to remove.
 */
export function ModerationPanel() {
  const { t } = useTranslation('moderation');
  const { list } = useModList();
  const send = useCommand();
  const kind = useBoardInfo()?.kind ?? 'open-space';
  const settings = useModSettings();
  const nameOf = (id: string): string => list.names[id] || t('panel.noName');
  return (
    <div className="mod-panel" data-testid="mod-panel">
      <label className="mod-toggle">
        <input
          type="checkbox"
          checked={settings.anonymous}
          data-testid="mod-anonymous"
          onChange={(e) => void send({ type: 'mod-settings', anonymous: e.target.checked })}
        />
        {t('panel.anonymous')}
      </label>
      <fieldset className="mod-approval">
        <legend>{t('panel.approvalHeading')}</legend>
        {approvalParts(BOARD_RULES[kind]).map((part) => (
          <label key={part} className="mod-toggle">
            <input
              type="checkbox"
              data-testid={`mod-approval-${part}`}
              checked={settings.approval.includes(part)}
              onChange={(e) =>
                void send({ type: 'mod-settings', approval: { part, on: e.target.checked } })
              }
            />
            <PartName part={part} />
          </label>
        ))}
      </fieldset>
      <h3>{t('panel.queue', { n: list.queue.length })}</h3>
      <ul className="mod-list" data-testid="mod-queue">
        {list.queue.map((q) => (
          <li key={q.id} className="mod-item">
            <span className="mod-item__what">
              <PartName part={q.part} />: {summaryOf(q.fields)}{' '}
              <small>{t('panel.by', { name: nameOf(q.owner) })}</small>
            </span>
            <button
              type="button"
              className="button"
              onClick={() => void send({ type: 'mod-approve', id: q.id })}
            >
              {t('panel.approve')}
            </button>
            <button
              type="button"
              className="button button--quiet"
              onClick={() => void send({ type: 'mod-decline', id: q.id })}
            >
              {t('panel.decline')}
            </button>
          </li>
        ))}
      </ul>
      <h3>{t('panel.hidden', { n: list.hidden.length })}</h3>
      <ul className="mod-list" data-testid="mod-hidden">
        {list.hidden.map((h) => (
          <li key={h.key} className="mod-item">
            <span className="mod-item__what">
              <PartName part={h.part} />: {summaryOf(h.fields)}{' '}
              <small>{t('panel.by', { name: nameOf(h.owner) })}</small>
            </span>
            <button
              type="button"
              className="button"
              onClick={() => void send({ type: 'mod-restore', key: h.key })}
            >
              {t('panel.restore')}
            </button>
            <button
              type="button"
              className="button button--quiet"
              onClick={() =>
                void send({ type: 'mod-remove', part: h.part, id: h.id, field: h.field })
              }
            >
              {t('panel.removeForGood')}
            </button>
          </li>
        ))}
      </ul>
      <BoardContent nameOf={nameOf} />
      <People nameOf={nameOf} />
    </div>
  );
}
