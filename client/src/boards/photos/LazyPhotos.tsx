import { lazy, Suspense, type ComponentProps } from 'react';

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
