import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenSpaceReply } from '@twinspace/shared/boards/open-space/notices';
import type { Placement, Quality } from '@twinspace/shared/boards/open-space/schedule';
import { useOs } from '../../state/openSpaceStore.ts';
import { cellId, parseCellId } from './cells.ts';
import { slotName, useCommand } from './hooks.ts';

type Preview = Extract<OpenSpaceReply, { type: 'os-schedule-preview' }>;
const SKIP = '';

/**
 * Auto-schedule: the server proposes cells for the unplaced topics (from every ballot,
 * hidden ones too); the facilitator compares its quality with the grid as it is, changes
 * or drops single placements, and accepts. Nothing moves until they accept.
 */
export function SchedulePreview() {
  const { t } = useTranslation('openSpace');
  const command = useCommand();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [choice, setChoice] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const ask = async (): Promise<void> => {
    setBusy(true);
    const result = await command({ type: 'os-preview-schedule' });
    setBusy(false);
    if (result?.type !== 'ok' || result.data?.type !== 'os-schedule-preview') return;
    setPreview(result.data);
    setChoice(
      Object.fromEntries(
        result.data.placements.map((p) => [p.topicId, cellId(p.slotId, p.spaceId)]),
      ),
    );
  };
  const accept = async (): Promise<void> => {
    const placements: Placement[] = Object.entries(choice).flatMap(([topicId, cell]) => {
      const c = parseCellId(cell);
      return c ? [{ topicId, ...c }] : [];
    });
    setBusy(true);
    const result = await command({ type: 'os-apply-schedule', placements });
    setBusy(false);
    if (result?.type === 'ok') setPreview(null);
  };
  return (
    <section className="os-schedule" data-testid="schedule">
      <div className="button-row">
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => void ask()}
          data-testid="schedule-preview"
        >
          {preview ? t('schedule.again') : t('schedule.preview')}
        </button>
      </div>
      {preview ? (
        <>
          <QualityTable current={preview.current} proposal={preview.proposal} />
          {preview.placements.length === 0 ? (
            <p className="os-help">{t('schedule.nothing')}</p>
          ) : null}
          <ProposalRows
            preview={preview}
            choice={choice}
            onChange={(topicId, cell) => setChoice({ ...choice, [topicId]: cell })}
          />
          {preview.unplaced.length > 0 ? (
            <p className="os-help">{t('schedule.unplaced', { count: preview.unplaced.length })}</p>
          ) : null}
          <div className="button-row">
            <button
              type="button"
              className="button button--primary"
              disabled={busy}
              onClick={() => void accept()}
              data-testid="schedule-accept"
            >
              {t('schedule.accept')}
            </button>
            <button type="button" className="button button--quiet" onClick={() => setPreview(null)}>
              {t('schedule.discard')}
            </button>
          </div>
        </>
      ) : null}
    </section>
  );
}

/** The hand-made grid and the proposal side by side: what each leaves and serves. */
function QualityTable({ current, proposal }: { current: Quality; proposal: Quality }) {
  const { t } = useTranslation('openSpace');
  const pct = (q: Quality): string => `${Math.round(q.attendanceServed * 100)} %`;
  const rows: [string, (q: Quality) => string][] = [
    [t('schedule.placed'), (q) => String(q.placed)],
    [t('schedule.unplacedCount'), (q) => String(q.unplaced)],
    [t('schedule.conflicts'), (q) => String(q.conflicts)],
    [t('schedule.served'), pct],
  ];
  return (
    <table className="os-quality" data-testid="schedule-quality">
      <thead>
        <tr>
          <th scope="col">{t('schedule.measure')}</th>
          <th scope="col">{t('schedule.current')}</th>
          <th scope="col">{t('schedule.proposal')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{value(current)}</td>
            <td>{value(proposal)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ProposalRows(props: {
  preview: Preview;
  choice: Record<string, string>;
  onChange: (topicId: string, cell: string) => void;
}) {
  const { t } = useTranslation('openSpace');
  const topics = useOs('topics');
  const slots = useOs('slots');
  const spaces = useOs('spaces');
  const cells = slots.flatMap((slot) =>
    spaces.map((space) => ({
      id: cellId(slot.id, space.id),
      label: `${slotName(slot)} · ${space.name}`,
    })),
  );
  return (
    <ul className="os-proposal">
      {props.preview.placements.map((p) => {
        const topic = topics.find((x) => x.id === p.topicId);
        return (
          <li key={p.topicId}>
            <span className="os-proposal__title">
              {topic?.title ?? p.topicId}{' '}
              <span className="os-help">
                ({t('grid.interest', { count: props.preview.interest[p.topicId] ?? 0 })})
              </span>
            </span>
            <select
              aria-label={t('schedule.cellFor', { title: topic?.title ?? '' })}
              value={props.choice[p.topicId] ?? SKIP}
              onChange={(e) => props.onChange(p.topicId, e.target.value)}
            >
              <option value={SKIP}>{t('schedule.skip')}</option>
              {cells.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </select>
          </li>
        );
      })}
    </ul>
  );
}
