import { useTranslation } from 'react-i18next';
import { topFive } from '@twinspace/shared/boards/top-five/logic';
import { useTfPoints } from '../../state/topFiveStore.ts';
import { startTopFiveBinding } from './binding.ts';
import { useGroupName, useTfGroups } from './hooks.ts';
import { TF_ROOT } from '@twinspace/shared/boards/top-five/layout';
import { LazyPhotos } from '../photos/LazyPhotos.tsx';
import './topFive.css';

startTopFiveBinding();

/** Columns for a number of groups: one group fills the wall, more share it. */
const columns = (groups: number): number =>
  groups <= 2 ? groups : groups <= 4 ? 2 : groups <= 6 ? 3 : 4;

/** The projector: every group's five most important points, in large type, live. */
export function TopFiveWall() {
  const { t } = useTranslation('topFive');
  const groups = useTfGroups();
  return (
    <section className="tf-wall" data-testid="tf-wall" aria-labelledby="tf-wall-h">
      <h2 id="tf-wall-h" className="tf-wall__title">
        {t('title')}
      </h2>
      {groups.length === 0 ? (
        <p className="tf-wall__empty">{t('wall.empty')}</p>
      ) : (
        <div
          className="tf-wall__groups"
          data-size={groups.length === 1 ? 'l' : groups.length <= 4 ? 'm' : 's'}
          style={{ gridTemplateColumns: `repeat(${columns(groups.length)}, minmax(0, 1fr))` }}
        >
          {groups.map((group) => (
            <WallGroup key={group} group={group} />
          ))}
        </div>
      )}
    </section>
  );
}

function WallGroup({ group }: { group: string }) {
  const { t } = useTranslation('topFive');
  const points = useTfPoints();
  const name = useGroupName();
  const top = topFive(points, group);
  return (
    <section className="tf-wall__group" data-testid="tf-wall-group" data-group={group}>
      <h3>{name(group)}</h3>
      <ol>
        {top.map((point) => (
          <li key={point.id} data-testid="tf-wall-point">
            <span className="tf-wall__text" lang={point.language || undefined}>
              {point.text}
            </span>
            <span className="tf-wall__count">{t('pickCount', { count: point.voters.length })}</span>
          </li>
        ))}
      </ol>
      <LazyPhotos part={TF_ROOT.points} refId={group} label={name(group)} canAdd={false} wall />
    </section>
  );
}
