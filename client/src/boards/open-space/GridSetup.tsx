import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { OS_ROOT } from '@twinspace/shared/boards/open-space/layout';
import { useOs } from '../../state/openSpaceStore.ts';
import { EventDay } from './EventDay.tsx';
import { addSlot, addSpace, deleteEntity } from '@twinspace/shared/boards/open-space/write';
import { slotName, useEdit } from './hooks.ts';

/** The facilitator defines the grid: time slots (rows) and spaces (columns). */
export function GridSetup() {
  return (
    <div className="os-setup">
      <EventDay />
      <SlotsEditor />
      <SpacesEditor />
    </div>
  );
}

function SlotsEditor() {
  const { t } = useTranslation('openSpace');
  const slots = useOs('slots');
  const edit = useEdit();
  const id = useId();
  const [label, setLabel] = useState('');
  const [start, setStart] = useState('10:00');
  const [end, setEnd] = useState('11:00');
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const order = (slots.at(-1)?.order ?? 0) + 1;
    edit((doc, owner) => addSlot(doc, owner, { label: label.trim(), start, end }, order));
    setLabel('');
  };
  return (
    <section aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`}>{t('setup.slots')}</h4>
      <ul className="os-setup__list" data-testid="slot-list">
        {slots.map((s) => (
          <li key={s.id}>
            {slotName(s)}
            <button
              type="button"
              className="button button--quiet button--small"
              aria-label={t('setup.removeSlot', { name: slotName(s) })}
              onClick={() => edit((doc) => deleteEntity(doc, OS_ROOT.slots, s.id))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <form className="os-setup__form" onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-l`}>{t('setup.slotLabel')}</label>
          <input
            id={`${id}-l`}
            value={label}
            maxLength={40}
            onChange={(e) => setLabel(e.target.value)}
            data-testid="slot-label"
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-s`}>{t('setup.start')}</label>
          <input
            id={`${id}-s`}
            type="time"
            value={start}
            required
            onChange={(e) => setStart(e.target.value)}
            data-testid="slot-start"
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-e`}>{t('setup.end')}</label>
          <input
            id={`${id}-e`}
            type="time"
            value={end}
            required
            onChange={(e) => setEnd(e.target.value)}
            data-testid="slot-end"
          />
        </div>
        <button type="submit" className="button" data-testid="slot-add">
          {t('setup.addSlot')}
        </button>
      </form>
    </section>
  );
}

function SpacesEditor() {
  const { t } = useTranslation('openSpace');
  const spaces = useOs('spaces');
  const edit = useEdit();
  const id = useId();
  const [name, setName] = useState('');
  const [capacity, setCapacity] = useState('20');
  const [videoUrl, setVideoUrl] = useState('');
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!name.trim()) return;
    const order = (spaces.at(-1)?.order ?? 0) + 1;
    const space = {
      name: name.trim(),
      capacity: Math.max(0, Number(capacity) || 0),
      videoUrl: videoUrl.trim(),
    };
    edit((doc, owner) => addSpace(doc, owner, space, order));
    setName('');
    setVideoUrl('');
  };
  return (
    <section aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`}>{t('setup.spaces')}</h4>
      <ul className="os-setup__list" data-testid="space-list">
        {spaces.map((s) => (
          <li key={s.id}>
            {s.name} · {t('grid.capacity', { count: s.capacity })}
            {s.videoUrl ? ` · ${t('grid.video')}` : ''}
            <button
              type="button"
              className="button button--quiet button--small"
              aria-label={t('setup.removeSpace', { name: s.name })}
              onClick={() => edit((doc) => deleteEntity(doc, OS_ROOT.spaces, s.id))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <form className="os-setup__form" onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-n`}>{t('setup.spaceName')}</label>
          <input
            id={`${id}-n`}
            value={name}
            maxLength={60}
            required
            onChange={(e) => setName(e.target.value)}
            data-testid="space-name"
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-c`}>{t('setup.capacity')}</label>
          <input
            id={`${id}-c`}
            type="number"
            min={0}
            value={capacity}
            onChange={(e) => setCapacity(e.target.value)}
            data-testid="space-capacity"
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-v`}>{t('setup.video')}</label>
          <input
            id={`${id}-v`}
            type="url"
            value={videoUrl}
            maxLength={300}
            placeholder="https://"
            onChange={(e) => setVideoUrl(e.target.value)}
          />
        </div>
        <button type="submit" className="button" data-testid="space-add">
          {t('setup.addSpace')}
        </button>
      </form>
    </section>
  );
}
