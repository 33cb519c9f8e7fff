import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Topic } from '@twinspace/shared/boards/open-space/read';
import { useOs } from '../../state/openSpaceStore.ts';
import { cellId, parseCellId } from './cells.ts';
import { slotName, useCommand, useIsFacilitator } from './hooks.ts';

/**
 * The way to place a topic without dragging (phones, screen readers): pick a free cell
 * from a list. The facilitator also sees taken cells (placing there swaps the two topics).
 */
export function SlotPicker({ topic }: { topic: Topic }) {
  const { t } = useTranslation('openSpace');
  const id = useId();
  const topics = useOs('topics');
  const slots = useOs('slots');
  const spaces = useOs('spaces');
  const facilitator = useIsFacilitator();
  const command = useCommand();
  const [choice, setChoice] = useState('');
  const [busy, setBusy] = useState(false);
  const taken = new Set(
    topics
      .filter((x) => x.slot && x.id !== topic.id)
      .map((x) => cellId(x.slot ?? '', x.space ?? '')),
  );
  const cells = slots.flatMap((slot) =>
    spaces
      .map((space) => ({
        id: cellId(slot.id, space.id),
        label: `${slotName(slot)} · ${space.name}`,
      }))
      .filter((cell) => facilitator || !taken.has(cell.id)),
  );
  if (cells.length === 0 && topic.slot === null)
    return <p className="os-help">{t('picker.full')}</p>;
  const place = async (target: string | null): Promise<void> => {
    const cell = target ? parseCellId(target) : null;
    setBusy(true);
    await command({
      type: 'os-place',
      topicId: topic.id,
      slotId: cell?.slotId ?? null,
      spaceId: cell?.spaceId ?? null,
    });
    setBusy(false);
    setChoice('');
  };
  return (
    <div className="os-picker">
      <label htmlFor={id}>{t('picker.label')}</label>
      <div className="os-picker__row">
        <select
          id={id}
          value={choice}
          onChange={(e) => setChoice(e.target.value)}
          data-testid="slot-picker"
        >
          <option value="">{t('picker.choose')}</option>
          {cells.map((cell) => (
            <option
              key={cell.id}
              value={cell.id}
              disabled={cell.id === cellId(topic.slot ?? '', topic.space ?? '')}
            >
              {taken.has(cell.id) ? t('picker.swap', { cell: cell.label }) : cell.label}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button button--primary"
          disabled={!choice || busy}
          onClick={() => void place(choice)}
          data-testid="slot-picker-place"
        >
          {t('picker.place')}
        </button>
      </div>
      {topic.slot !== null ? (
        <button
          type="button"
          className="button button--quiet button--small"
          disabled={busy}
          onClick={() => void place(null)}
        >
          {t('picker.unplace')}
        </button>
      ) : null}
    </div>
  );
}
