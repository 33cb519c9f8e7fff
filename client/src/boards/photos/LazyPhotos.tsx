import { Suspense, type ComponentProps } from 'react';
import { lazy } from '../../app/lazy.ts';
// With the board's styles (a few hundred bytes of CSS), so the lazy chunk carries no stylesheet.
import './photos.css';

/**
 * The photo views download when a board first shows one, after the board: a phone's first
 * paint does not wait for the camera button.
 */
const Photos = lazy(() => import('./Photos.tsx').then((m) => ({ default: m.Photos })));

export function LazyPhotos(props: ComponentProps<typeof Photos>) {
  return (
    <Suspense fallback={null}>
      <Photos {...props} />
    </Suspense>
  );
}
