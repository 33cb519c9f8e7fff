import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import type { Slot, Space, Topic } from '@twinspace/shared/boards/open-space/read';
import { groupsOf, topFive, type Point } from '@twinspace/shared/boards/top-five/logic';
import { QrCode } from '../../components/QrCode.tsx';

export type Paper = 'a4' | 'a3';
type T = TFunction<'print'>;

/** One printed page: its own named @page (A4 or A3 portrait), everything sized for the back of a room. */
export function Sheet({
  paper,
  kind,
  children,
}: {
  paper: Paper;
  kind: string;
  children: ReactNode;
}) {
  return (
    <section
      className={`poster poster--${paper} poster--${kind}`}
      data-testid="poster"
      data-poster={kind}
    >
      {children}
    </section>
  );
}

export function JoinPoster({
  paper,
  t,
  title,
  code,
  url,
}: {
  paper: Paper;
  t: T;
  title: string;
  code: string;
  url: string;
}) {
  return (
    <Sheet paper={paper} kind="join">
      <h1 className="poster__title">{t('join.title')}</h1>
      <p className="poster__board">{title}</p>
      <QrCode url={url} label={t('join.qrAlt', { url })} className="poster__qr" />
      <p className="poster__label">{t('join.code')}</p>
      <p className="poster__code" data-testid="poster-code">
        {code}
      </p>
      <p className="poster__label">{t('join.address')}</p>
      <p className="poster__url">{url}</p>
      <p className="poster__help">{t('join.steps')}</p>
    </Sheet>
  );
}

const byOrder = <X extends { order: number }>(a: X, b: X): number => a.order - b.order;
const slotTime = (slot: Slot): string =>
  [slot.start && slot.end ? `${slot.start}–${slot.end}` : slot.start, slot.label]
    .filter(Boolean)
    .join(' · ');

/** For each room's door: its sessions slot by slot ("free" where nothing is placed). */
export function DoorPosters({
  paper,
  t,
  slots,
  spaces,
  topics,
}: {
  paper: Paper;
  t: T;
  slots: readonly Slot[];
  spaces: readonly Space[];
  topics: readonly Topic[];
}) {
  const ordered = [...slots].sort(byOrder);
  return (
    <>
      {[...spaces].sort(byOrder).map((space) => (
        <Sheet key={space.id} paper={paper} kind="door">
          <p className="poster__label">{t('door.room')}</p>
          <h1 className="poster__title">{space.name}</h1>
          <ol className="poster__schedule">
            {ordered.map((slot) => {
              const topic = topics.find((x) => x.slot === slot.id && x.space === space.id);
              return (
                <li key={slot.id} className={topic ? '' : 'is-free'}>
                  <span className="poster__time">{slotTime(slot)}</span>
                  <span className="poster__topic">{topic ? topic.title : t('door.free')}</span>
                  {topic?.convener ? (
                    <span className="poster__convener">{topic.convener}</span>
                  ) : null}
                </li>
              );
            })}
          </ol>
        </Sheet>
      ))}
    </>
  );
}

/** The whole agenda: time slots down, rooms across. */
export function AgendaPoster({
  paper,
  t,
  title,
  slots,
  spaces,
  topics,
}: {
  paper: Paper;
  t: T;
  title: string;
  slots: readonly Slot[];
  spaces: readonly Space[];
  topics: readonly Topic[];
}) {
  const rooms = [...spaces].sort(byOrder);
  return (
    <Sheet paper={paper} kind="agenda">
      <h1 className="poster__title poster__title--small">{t('agenda.title')}</h1>
      <p className="poster__board">{title}</p>
      <table className="poster__agenda">
        <thead>
          <tr>
            <th scope="col">{t('agenda.time')}</th>
            {rooms.map((space) => (
              <th key={space.id} scope="col">
                {space.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...slots].sort(byOrder).map((slot) => (
            <tr key={slot.id}>
              <th scope="row">{slotTime(slot)}</th>
              {rooms.map((space) => {
                const topic = topics.find((x) => x.slot === slot.id && x.space === space.id);
                return (
                  <td key={space.id}>
                    {topic ? <strong>{topic.title}</strong> : null}
                    {topic?.convener ? (
                      <span className="poster__convener">{topic.convener}</span>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </Sheet>
  );
}

/** Each group's five most important points, one page per group. */
export function TopFivePosters({
  paper,
  t,
  points,
}: {
  paper: Paper;
  t: T;
  points: readonly Point[];
}) {
  const groups = groupsOf(points);
  if (groups.length === 0)
    return (
      <Sheet paper={paper} kind="top-five">
        <h1 className="poster__title">{t('topFive.title', { group: t('topFive.wholeRoom') })}</h1>
        <p className="poster__help">{t('topFive.none')}</p>
      </Sheet>
    );
  return (
    <>
      {groups.map((group) => (
        <Sheet key={group} paper={paper} kind="top-five">
          <h1 className="poster__title poster__title--small">
            {t('topFive.title', { group: group || t('topFive.wholeRoom') })}
          </h1>
          <ol className="poster__ranking">
            {topFive(points, group).map((point) => (
              <li key={point.id} lang={point.language || undefined}>
                <span>{point.text}</span>
                <span className="poster__picks">
                  {t('topFive.picks', { n: point.voters.length })}
                </span>
              </li>
            ))}
          </ol>
        </Sheet>
      ))}
    </>
  );
}
