import { OS_ROOT } from '@twinspace/shared/boards/open-space/layout';
import { useTranslation } from 'react-i18next';
import type { Slot, Topic } from '@twinspace/shared/boards/open-space/read';
import { useOs } from '../../state/openSpaceStore.ts';
import { ActionItems } from './ActionItems.tsx';
import { NotesEditor } from './NotesEditor.tsx';
import { LazyPhotos } from '../photos/LazyPhotos.tsx';
import { SlotTime } from './SlotTime.tsx';
import { useSessionsIn } from './hooks.ts';
import { offTheClock } from '@twinspace/shared/boards/open-space/nowNext';
import { useNowAndNext } from './useNowAndNext.ts';

/** Now / next on a phone: what runs where, with each session's notes and action items. */
export function NowNext() {
  const { t } = useTranslation('openSpace');
  const { now, next } = useNowAndNext();
  const offClock = offTheClock({ now, next }, useOs('topics'));
  return (
    <div className="os-nownext" data-testid="now-next">
      <SlotSessions
        heading={t('running.now')}
        slot={now}
        empty={t('running.nothingNow')}
        testId="now"
        open
      />
      <SlotSessions
        heading={t('running.next')}
        slot={next}
        empty={t('running.nothingNext')}
        testId="next"
      />
      {/* With nothing now or next by the clock, every session is unfolded, one tap away. */}
      <AllSessions open={offClock} />
    </div>
  );
}

function SlotSessions(props: {
  heading: string;
  slot: Slot | null;
  empty: string;
  testId: string;
  open?: boolean;
}) {
  const sessions = useSessionsIn(props.slot?.id ?? null);
  return (
    <section className="os-slot" data-testid={props.testId}>
      <h3 className="os-slot__heading">
        {props.heading}
        {props.slot ? (
          <span className="os-slot__time" data-testid="slot-time">
            {' '}
            <SlotTime slot={props.slot} />
          </span>
        ) : null}
      </h3>
      {sessions.length === 0 ? <p className="os-help">{props.empty}</p> : null}
      {sessions.map((topic) => (
        <SessionCard key={topic.id} topic={topic} open={props.open ?? false} />
      ))}
    </section>
  );
}

/** Every other slot, collapsed: notes of earlier sessions can still be read and finished. */
function AllSessions({ open }: { open: boolean }) {
  const { t } = useTranslation('openSpace');
  const slots = useOs('slots');
  return (
    <details className="os-all" open={open} data-testid="all-sessions">
      <summary>{t('running.all')}</summary>
      {slots.map((slot) => (
        <SlotSessions
          key={slot.id}
          // The time follows the heading already (SlotTime, in the venue's and reader's zone).
          heading={slot.label || t('running.slot')}
          slot={slot}
          empty={t('running.emptySlot')}
          testId="slot"
        />
      ))}
    </details>
  );
}

export function SessionCard({ topic, open }: { topic: Topic; open: boolean }) {
  const { t } = useTranslation('openSpace');
  const spaces = useOs('spaces');
  const space = spaces.find((s) => s.id === topic.space);
  return (
    <details className="os-session" open={open} data-testid="session" data-topic={topic.id}>
      <summary>
        <span className="os-session__title">{topic.title}</span>
        <span className="os-session__where">
          {space?.name} · {topic.convener}
        </span>
      </summary>
      {space?.videoUrl ? (
        <a
          className="button button--small"
          href={space.videoUrl}
          target="_blank"
          rel="noreferrer noopener"
        >
          {t('running.join')}
        </a>
      ) : null}
      <NotesEditor topicId={topic.id} title={topic.title} />
      <ActionItems topicId={topic.id} />
      <LazyPhotos part={OS_ROOT.topics} refId={topic.id} label={topic.title} />
    </details>
  );
}
