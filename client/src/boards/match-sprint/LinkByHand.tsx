import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  TouchSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import type { MsCard } from '@twinspace/shared/boards/match-sprint/read';
import { addLink } from '@twinspace/shared/boards/match-sprint/write';
import { useMs } from '../../state/matchSprintStore.ts';
import { MsCardTile } from './MsCardTile.tsx';
import { dndAnnouncements } from '../common/dndAnnouncements.ts';
import { useCityNames, useEdit, useIsFacilitator, useMyCity } from './hooks.ts';

/**
 * Linking by hand: drag one of your cards onto a card of another city (mouse, touch or
 * keyboard: space to lift, arrows, space to drop), or pick both from the lists below.
 */
export function LinkByHand() {
  const { t } = useTranslation('matchSprint');
  const ids = useId();
  const cards = useMs('cards');
  const myCity = useMyCity();
  const cities = useCityNames();
  const facilitator = useIsFacilitator();
  const edit = useEdit();
  // A participant drags from their own side; the facilitator (no city) links on anyone's
  // behalf, from the first city's cards onto the others' (every card once, not twice).
  const fromCity = facilitator ? (cities[0] ?? null) : myCity;
  const mine = cards.filter((c) => c.city === fromCity);
  const theirs = cards.filter((c) => c.city !== fromCity);
  const fromHeading = facilitator
    ? t('matches.cardsOf', { city: fromCity ?? '' })
    : t('matches.yourCards');
  const link = (from: string, to: string): void => {
    const a = cards.find((c) => c.id === from);
    const b = cards.find((c) => c.id === to);
    if (!a || !b || a.city === b.city) return;
    edit((doc, owner) => addLink(doc, owner, from, to));
  };
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 6 } }),
    useSensor(KeyboardSensor),
  );
  const titleOf = (id: string): string => cards.find((c) => c.id === id)?.title ?? '';
  const announcements = dndAnnouncements(
    (message, title, target) => t(`dnd.${message}`, { title, target }),
    titleOf,
    (id) => `“${titleOf(id)}”`,
  );
  const onDragEnd = ({ active, over }: DragEndEvent): void => {
    if (over) link(String(active.id), String(over.id));
  };
  return (
    <section className="ms-section" aria-labelledby="ms-by-hand">
      <h3 id="ms-by-hand">{t('matches.byHand')}</h3>
      <p className="field__help">{t('matches.dragHelp')}</p>
      <DndContext
        sensors={sensors}
        onDragEnd={onDragEnd}
        accessibility={{
          announcements,
          screenReaderInstructions: { draggable: t('matches.dragHelp') },
        }}
      >
        <div className="ms-link-grid">
          <div>
            <h4 className="ms-link-grid__heading" id={`${ids}-from`}>
              {fromHeading}
            </h4>
            <ul
              className="ms-card-list"
              aria-labelledby={`${ids}-from`}
              data-testid="ms-link-from-list"
            >
              {mine.map((c) => (
                <DraggableCard key={c.id} card={c} />
              ))}
            </ul>
          </div>
          <div>
            <h4 className="ms-link-grid__heading" id={`${ids}-to`}>
              {t('matches.theirCards')}
            </h4>
            <ul
              className="ms-card-list"
              aria-labelledby={`${ids}-to`}
              data-testid="ms-link-to-list"
            >
              {theirs.map((c) => (
                <DropCard key={c.id} card={c} />
              ))}
            </ul>
          </div>
        </div>
      </DndContext>
      <PickLink mine={facilitator ? cards : mine} others={cards} onLink={link} />
    </section>
  );
}

function DraggableCard({ card }: { card: MsCard }) {
  const { t } = useTranslation('matchSprint');
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({
    id: card.id,
  });
  const style = transform
    ? { transform: `translate3d(${transform.x}px, ${transform.y}px, 0)` }
    : undefined;
  // The list item stays a list item; dnd-kit's button role goes on the element inside it.
  return (
    <li>
      <div
        ref={setNodeRef}
        style={style}
        className={`ms-draggable${isDragging ? ' is-dragging' : ''}`}
        {...attributes}
        {...listeners}
        aria-roledescription={t('matches.draggable')}
        data-testid="ms-drag-card"
      >
        <MsCardTile card={card} compact />
      </div>
    </li>
  );
}

function DropCard({ card }: { card: MsCard }) {
  const { isOver, setNodeRef } = useDroppable({ id: card.id });
  return (
    <li
      ref={setNodeRef}
      className={`ms-droppable${isOver ? ' is-over' : ''}`}
      data-testid="ms-drop-card"
    >
      <MsCardTile card={card} compact />
    </li>
  );
}

/** The non-drag way: two lists and a button (phones, screen readers). */
function PickLink({
  mine,
  others,
  onLink,
}: {
  mine: readonly MsCard[];
  others: readonly MsCard[];
  onLink: (a: string, b: string) => void;
}) {
  const { t } = useTranslation('matchSprint');
  const ids = { from: useId(), to: useId() };
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const fromCity = mine.find((c) => c.id === from)?.city;
  const targets = others.filter((c) => c.city !== fromCity);
  return (
    <div className="ms-pick-link">
      <div className="field">
        <label htmlFor={ids.from}>{t('matches.pickFrom')}</label>
        <select
          id={ids.from}
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          data-testid="ms-link-from"
        >
          <option value="">—</option>
          {mine.map((c) => (
            <option key={c.id} value={c.id}>
              {`${c.city}: ${c.title}`}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.to}>{t('matches.pickTo')}</label>
        <select
          id={ids.to}
          value={to}
          onChange={(e) => setTo(e.target.value)}
          data-testid="ms-link-to"
        >
          <option value="">—</option>
          {targets.map((c) => (
            <option key={c.id} value={c.id}>
              {`${c.city}: ${c.title}`}
            </option>
          ))}
        </select>
      </div>
      <button
        type="button"
        className="button"
        disabled={!from || !to}
        onClick={() => {
          onLink(from, to);
          setTo('');
        }}
        data-testid="ms-link-submit"
      >
        {t('matches.link')}
      </button>
    </div>
  );
}
