import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as Y from 'yjs';
import { readPeople } from '@twinspace/shared/boards/common';
import { BOARD_RULES } from '@twinspace/shared/boards/index';
import { isModerated } from '@twinspace/shared/boards/moderation/rules';
import { isRevoked } from '@twinspace/shared/boards/moderation/read';
import { OWNER_FIELD } from '@twinspace/shared/rules/model';
import { useSession } from '../../app/sessionContext.ts';
import { useBoardInfo } from '../../state/sessionStore.ts';
import { useCommand } from '../common/useCommand.ts';
import { PartName, summaryOf } from './labels.tsx';

/** How many entries the content list shows at once (a filter finds the others). */
const SHOWN = 40;

interface Entry {
  part: string;
  id: string;
  owner: string;
  summary: string;
}

/** The live document, re-rendering on each of its changes (a resync makes a new one). */
function useLiveDoc(): Y.Doc | null {
  const session = useSession();
  const [, setTick] = useState(0);
  const doc = session.doc;
  useEffect(() => {
    const bump = (): void => setTick((n) => n + 1);
    doc?.on('update', bump);
    return () => doc?.off('update', bump);
  }, [doc]);
  return doc;
}

function entries(doc: Y.Doc, kind: keyof typeof BOARD_RULES): Entry[] {
  const out: Entry[] = [];
  for (const [part, rule] of Object.entries(BOARD_RULES[kind].parts)) {
    if (!isModerated(rule)) continue;
    doc.getMap<unknown>(part).forEach((entity, id) => {
      if (!(entity instanceof Y.Map)) return;
      const owner: unknown = entity.get(OWNER_FIELD);
      const fields = entity.toJSON() as Record<string, unknown>;
      out.push({
        part,
        id,
        owner: typeof owner === 'string' ? owner : '',
        summary: summaryOf(fields),
      });
    });
  }
  return out;
}

/** Everything participants wrote, to hide (restorable) or remove for good. */
export function BoardContent({ nameOf }: { nameOf: (id: string) => string }) {
  const { t } = useTranslation('moderation');
  const send = useCommand();
  const doc = useLiveDoc();
  const kind = useBoardInfo()?.kind ?? 'open-space';
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLocaleLowerCase();
  const all = doc ? entries(doc, kind) : [];
  const shown = all
    .filter(
      (e) => !needle || `${e.summary} ${nameOf(e.owner)}`.toLocaleLowerCase().includes(needle),
    )
    .slice(0, SHOWN);
  return (
    <>
      <h3>{t('panel.content')}</h3>
      <input
        type="search"
        className="mod-filter"
        aria-label={t('panel.filter')}
        placeholder={t('panel.filter')}
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
      <ul className="mod-list" data-testid="mod-content">
        {shown.length === 0 ? <li>{t('panel.empty')}</li> : null}
        {shown.map((e) => (
          <li key={`${e.part}/${e.id}`} className="mod-item" data-testid="mod-content-item">
            <span className="mod-item__what">
              <PartName part={e.part} />: {e.summary}{' '}
              <small>{t('panel.by', { name: nameOf(e.owner) })}</small>
            </span>
            <button
              type="button"
              className="button"
              onClick={() => void send({ type: 'mod-hide', part: e.part, id: e.id })}
            >
              {t('panel.hide')}
            </button>
            <button
              type="button"
              className="button button--quiet"
              onClick={() => void send({ type: 'mod-remove', part: e.part, id: e.id })}
            >
              {t('panel.remove')}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

/** The participants, to remove one (their content kept or removed). */
export function People({ nameOf }: { nameOf: (id: string) => string }) {
  const { t } = useTranslation('moderation');
  const send = useCommand();
  const doc = useLiveDoc();
  const people = doc
    ? [...readPeople(doc).values()].filter((p) => p.role === 'participant' && !isRevoked(doc, p.id))
    : [];
  const remove = (id: string, content: 'keep' | 'remove'): void => {
    if (!window.confirm(t('panel.confirmPerson', { name: nameOf(id) }))) return;
    void send({ type: 'mod-remove-person', participantId: id, content });
  };
  return (
    <>
      <h3>{t('panel.people')}</h3>
      <ul className="mod-list" data-testid="mod-people">
        {people.map((p) => (
          <li key={p.id} className="mod-item">
            <span className="mod-item__what">{nameOf(p.id)}</span>
            <button
              type="button"
              className="button button--quiet"
              onClick={() => remove(p.id, 'keep')}
            >
              {t('panel.keepContent')}
            </button>
            <button
              type="button"
              className="button button--quiet"
              onClick={() => remove(p.id, 'remove')}
            >
              {t('panel.dropContent')}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
