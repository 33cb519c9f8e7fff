import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { OS_ROOT } from '@twinspace/shared/boards/open-space/layout';
import { topicNotes, type Topic } from '@twinspace/shared/boards/open-space/read';
import { useCard, useCardIds } from '../../state/boardStore.ts';
import { useOs, useOsDoc } from '../../state/openSpaceStore.ts';
import { TopicTitle, useProjectorLanguages } from './translated.tsx';
import { LazyPhotos } from '../photos/LazyPhotos.tsx';

/** The start of a session's notes, live (the wall shows what each session produced). */
function useNotesStart(topicId: string): string {
  const doc = useOsDoc();
  return useSyncExternalStore(
    (onChange) => {
      const topics = doc?.getMap(OS_ROOT.topics);
      topics?.observeDeep(onChange);
      return () => topics?.unobserveDeep(onChange);
    },
    () => {
      const notes = doc ? topicNotes(doc, topicId) : null;
      const text = notes ? notes.toJSON() : '';
      return text.length > 160 ? `${text.slice(0, 160).trimEnd()}…` : text;
    },
  );
}

/**
 * The harvest on the wall: every session with the start of its notes and its action items,
 * the story wall and the morning's check-in wall (instead of now / next once more).
 */
export function HarvestWall() {
  const { t } = useTranslation('openSpace');
  const topics = useOs('topics');
  const placed = topics.filter((x) => x.slot !== null && x.space !== null);
  const checkIns = useCardIds();
  return (
    <div className="os-harvest-wall" data-testid="wall-harvest">
      <section className="os-harvest-wall__sessions">
        <h2>{t('harvest.wallSessions')}</h2>
        <ul>
          {placed.map((topic) => (
            <HarvestSession key={topic.id} topic={topic} />
          ))}
        </ul>
      </section>
      <aside className="os-harvest-wall__side">
        <WallStories />
        {checkIns.length > 0 ? (
          <section className="os-wall__checkins" data-testid="wall-checkins">
            <h2>{t('checkin.heading')}</h2>
            <ul>
              {checkIns.slice(-6).map((id) => (
                <CheckIn key={id} id={id} />
              ))}
            </ul>
          </section>
        ) : null}
      </aside>
    </div>
  );
}

function CheckIn({ id }: { id: string }) {
  const card = useCard(id);
  return card ? (
    <li lang={card.language} data-testid="wall-checkin">
      {card.text}
    </li>
  ) : null;
}

function HarvestSession({ topic }: { topic: Topic }) {
  const { t } = useTranslation('openSpace');
  const notes = useNotesStart(topic.id);
  const actions = useOs('actions').filter((a) => a.topicId === topic.id);
  const [language] = useProjectorLanguages();
  return (
    <li className="os-harvest-wall__session" data-testid="wall-harvest-session">
      <TopicTitle topic={topic} className="os-wall__title" language={language} />
      <p className="os-harvest-wall__notes">{notes || t('harvest.wallNoNotes')}</p>
      <LazyPhotos part={OS_ROOT.topics} refId={topic.id} label={topic.title} canAdd={false} wall />
      {actions.length > 0 ? (
        <ul className="os-harvest-wall__actions">
          {actions.slice(0, 3).map((a) => (
            <li key={a.id}>{a.text}</li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** The story wall's newest posts, on the projector while sessions run and at the harvest. */
export function WallStories() {
  const { t } = useTranslation('openSpace');
  const stories = useOs('stories');
  if (stories.length === 0) return null;
  return (
    <section className="os-wall__stories" data-testid="wall-stories">
      <h2>{t('stories.heading')}</h2>
      <ul>
        {[...stories]
          .reverse()
          .slice(0, 4)
          .map((story) => (
            <li key={story.id} data-testid="wall-story">
              {story.text}
            </li>
          ))}
      </ul>
    </section>
  );
}
