import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TF_PICKS } from '@twinspace/shared/boards/top-five/layout';
import type { Point } from '@twinspace/shared/boards/top-five/logic';
import { currentUiLanguage } from '../../i18n/index.ts';
import { useParticipantId, useRole } from '../../state/sessionStore.ts';
import { tfActions, useTfGroupChoice } from '../../state/topFiveStore.ts';
import { startTopFiveBinding } from './binding.ts';
import { useEdit, useGroupName, useCommand, useTfGroup, useTfGroups } from './hooks.ts';
import {
  addPoint,
  deletePoint,
  TF_GROUP_MAX,
  TF_TEXT_MAX,
} from '@twinspace/shared/boards/top-five/write';
import { TF_ROOT } from '@twinspace/shared/boards/top-five/layout';
import { LazyPhotos } from '../photos/LazyPhotos.tsx';
import './topFive.css';

startTopFiveBinding();

/**
 * Top five on a phone or the facilitator's laptop (seed 004): pick a group, add its
 * points, pick the five most important; the group's ranking updates live.
 */
export function TopFivePanel() {
  const { t } = useTranslation('topFive');
  const group = useTfGroupChoice();
  return (
    <div className="tf-panel" data-testid="tf-panel" data-group={group}>
      <p className="field__help">{t('help')}</p>
      <GroupPicker group={group} />
      <AddPoint group={group} />
      <PointList group={group} />
      <Ranking group={group} />
      <GroupPhotos group={group} />
    </div>
  );
}

function GroupPicker({ group }: { group: string }) {
  const { t } = useTranslation('topFive');
  const name = useGroupName();
  const existing = useTfGroups();
  const groups = [...new Set(['', ...existing, group])];
  const id = useId();
  const [draft, setDraft] = useState('');
  const use = (event: FormEvent): void => {
    event.preventDefault();
    const next = draft.trim();
    if (!next) return;
    tfActions().setGroup(next);
    setDraft('');
  };
  return (
    <fieldset className="tf-groups">
      <legend>{t('group.label')}</legend>
      <div className="tf-groups__list">
        {groups.map((g) => (
          <button
            key={g}
            type="button"
            className={`button button--small tf-group${g === group ? ' is-on' : ''}`}
            aria-pressed={g === group}
            onClick={() => tfActions().setGroup(g)}
            data-testid="tf-group"
            data-group={g}
          >
            {name(g)}
          </button>
        ))}
      </div>
      <form className="tf-inline" onSubmit={use}>
        <label htmlFor={id}>{t('group.new')}</label>
        <input
          id={id}
          value={draft}
          maxLength={TF_GROUP_MAX}
          onChange={(e) => setDraft(e.target.value)}
          data-testid="tf-new-group"
        />
        <button
          type="submit"
          className="button button--small"
          disabled={!draft.trim()}
          data-testid="tf-new-group-submit"
        >
          {t('group.use')}
        </button>
      </form>
    </fieldset>
  );
}

function AddPoint({ group }: { group: string }) {
  const { t } = useTranslation('topFive');
  const name = useGroupName();
  const edit = useEdit();
  const id = useId();
  const [text, setText] = useState('');
  const add = (event: FormEvent): void => {
    event.preventDefault();
    if (!text.trim()) return;
    if (edit((doc, owner) => addPoint(doc, owner, text, group, currentUiLanguage()))) setText('');
  };
  return (
    <form className="tf-add" onSubmit={add}>
      <label htmlFor={id}>{t('add.label', { group: name(group) })}</label>
      <div className="tf-inline">
        <input
          id={id}
          value={text}
          maxLength={TF_TEXT_MAX}
          onChange={(e) => setText(e.target.value)}
          data-testid="tf-point-input"
        />
        <button
          type="submit"
          className="button button--primary button--small"
          disabled={!text.trim()}
          data-testid="tf-point-submit"
        >
          {t('add.submit')}
        </button>
      </div>
    </form>
  );
}

function PointList({ group }: { group: string }) {
  const { t } = useTranslation('topFive');
  const { points, mine } = useTfGroup(group);
  const left = Math.max(0, TF_PICKS - mine);
  const headingId = useId();
  return (
    <section className="tf-points" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('points.heading')}</h3>
      <p className="tf-left" role="status" data-testid="tf-picks-left" data-left={left}>
        {t('picksLeft', { count: left, total: TF_PICKS })}
      </p>
      {points.length === 0 ? <p className="field__help">{t('points.empty')}</p> : null}
      <ul className="tf-list">
        {points.map((point) => (
          <PointRow key={point.id} point={point} full={left === 0} />
        ))}
      </ul>
    </section>
  );
}

function PointRow({ point, full }: { point: Point; full: boolean }) {
  const { t } = useTranslation('topFive');
  const me = useParticipantId();
  const role = useRole();
  const command = useCommand();
  const edit = useEdit();
  const [busy, setBusy] = useState(false);
  const picked = me !== null && point.voters.includes(me);
  const toggle = (): void => {
    setBusy(true);
    void command({ type: 'tf-vote', pointId: point.id, on: !picked }).finally(() => setBusy(false));
  };
  return (
    <li className="tf-point" data-testid="tf-point" data-point={point.id}>
      <span className="tf-point__text" lang={point.language || undefined}>
        {point.text}
      </span>
      <span className="tf-point__count">{t('pickCount', { count: point.voters.length })}</span>
      <span className="tf-point__actions">
        {role !== 'projector' ? (
          <button
            type="button"
            className={`button button--small tf-pick${picked ? ' is-on' : ''}`}
            aria-pressed={picked}
            aria-label={t('pickLabel', { text: point.text })}
            disabled={busy || (!picked && full)}
            onClick={toggle}
            data-testid="tf-pick"
          >
            {picked ? '✓ ' : ''}
            {t('pick')}
          </button>
        ) : null}
        {point.owner === me ? (
          <button
            type="button"
            className="button button--small button--quiet"
            aria-label={t('deleteLabel', { text: point.text })}
            onClick={() => edit((doc) => deletePoint(doc, point.id))}
            data-testid="tf-delete"
          >
            {t('delete')}
          </button>
        ) : null}
      </span>
    </li>
  );
}

function Ranking({ group }: { group: string }) {
  const { t } = useTranslation('topFive');
  const { top } = useTfGroup(group);
  const headingId = useId();
  if (top.length === 0) return null;
  return (
    <section className="tf-ranking" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('ranking.heading')}</h3>
      <ol data-testid="tf-ranking">
        {top.map((point) => (
          <li key={point.id} data-testid="tf-rank">
            <span className="tf-point__text" lang={point.language || undefined}>
              {point.text}
            </span>{' '}
            <span className="tf-point__count">
              {t('pickCount', { count: point.voters.length })}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Photos of the group's flipchart; a group exists once it has a point (the server checks it). */
function GroupPhotos({ group }: { group: string }) {
  const { points } = useTfGroup(group);
  const name = useGroupName();
  return points.length > 0 ? (
    <LazyPhotos part={TF_ROOT.points} refId={group} label={name(group)} />
  ) : null;
}
