import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Topic } from '@twinspace/shared/boards/open-space/read';
import { OS_ROOT } from '@twinspace/shared/boards/open-space/layout';
import { translationTarget } from '@twinspace/shared/boards/translations';
import { useAnnounceNew } from '../../components/Announcer.tsx';
import { useTranslated, useWallLanguageChoice } from '../common/useTranslated.ts';
import { osActions, useOs } from '../../state/openSpaceStore.ts';
import { useParticipantId } from '../../state/sessionStore.ts';
import { useAnnounceTimer } from '../timer/Timer.tsx';

/** The `translations` target of a topic and the topic as written (title, description). */
export const topicTarget = (topic: Topic): string => translationTarget(OS_ROOT.topics, topic.id);
export const topicOriginal = (topic: Topic) =>
  ({
    title: topic.title,
    text: topic.description || undefined,
    language: topic.language || undefined,
  }) as const;

/** A topic in this screen's language (or `language`) where someone translated it. */
export function useTopicText(topic: Topic, language?: string) {
  return useTranslated(topicTarget(topic), topicOriginal(topic), language);
}

/** A topic's title in this screen's language (or `language`), with its lang attribute. */
export function TopicTitle({
  topic,
  className,
  language,
}: {
  topic: Topic;
  className?: string | undefined;
  language?: string | undefined;
}) {
  const version = useTopicText(topic, language);
  return (
    <span className={className} lang={version.language}>
      {version.title}
    </span>
  );
}

/**
 * The wall's languages: the facilitator's Open Space setting (settings.projectorLanguages),
 * else the board-wide wall setting; two side by side, one for the whole wall, [] for the
 * projector's own language.
 */
export function useProjectorLanguages(): readonly string[] {
  const own = useOs('settings').projectorLanguages;
  const board = useWallLanguageChoice();
  return own.length > 0 ? own.slice(0, 2) : board;
}

/**
 * What a screen reader hears about the Open Space board beyond phases and cards: new
 * topics by others (phones and the facilitator), and the timer running out (every screen
 * with a timer). Renders nothing; the app's live region speaks, batched and rate-limited.
 */
export function OsAnnouncements({ topics = true }: { topics?: boolean }) {
  const { t } = useTranslation(['openSpace', 'common']);
  const me = useParticipantId();
  const list = useOs('topics');
  const ids = useMemo(() => (topics ? list.map((x) => x.id) : EMPTY), [list, topics]);
  const mine = useCallback(
    (id: string) => osActions().topics.some((x) => x.id === id && x.owner === me),
    [me],
  );
  useAnnounceNew(ids, 'os-topics', (count) => t('openSpace:announce.newTopics', { count }), mine);
  useAnnounceTimer();
  return null;
}

const EMPTY: readonly string[] = [];
