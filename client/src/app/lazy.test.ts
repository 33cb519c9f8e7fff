import { createElement, Suspense } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { lazy, preloadView } from './lazy.ts';

const Hello = ({ name }: { name: string }) => createElement('p', null, `Hello ${name}`);
const inSuspense = (view: ReturnType<typeof lazy<typeof Hello>>): string =>
  renderToString(
    createElement(
      Suspense,
      { fallback: createElement('i', null, 'waiting') },
      createElement(view, { name: 'Ana' }),
    ),
  );

describe('lazy views (issue 13, item 8)', () => {
  it('renders a preloaded view at once, never its fallback', async () => {
    let calls = 0;
    const load = () => {
      calls++;
      return Promise.resolve({ default: Hello });
    };
    const View = lazy(load);
    await preloadView(load);
    expect(inSuspense(View)).toContain('Hello Ana');
    expect(inSuspense(View)).not.toContain('waiting');
    expect(calls).toBe(1); // one download, shared by the preload and the view
  });

  it('suspends on a view whose code has not arrived (what React.lazy always did first)', () => {
    const View = lazy(() => new Promise<{ default: typeof Hello }>(() => undefined));
    expect(inSuspense(View)).toContain('waiting');
  });

  it('hands every caller the same download for the same loader', () => {
    const load = () => Promise.resolve({ default: Hello });
    expect(preloadView(load)).toBe(preloadView(load));
  });
});
