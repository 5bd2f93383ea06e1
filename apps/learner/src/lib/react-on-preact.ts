// `react` in the learner app (vite.config.ts aliases it here): Preact's compat layer, plus the two
// React 19 APIs that Mantine and React Router import and compat does not have.
import { type ComponentChildren, Fragment, h } from 'preact';

// @ts-expect-error compat's types are one `export =` namespace shaped like React's; the module itself
// has the named exports.
export * from 'preact/compat';
export { default } from 'preact/compat';

/**
 * React 19.2's `<Activity>`, which Mantine renders only for `keepMounted` transitions, collapses
 * and tabs (none on the learner's screens). Hidden content is unmounted instead of kept alive: what
 * shows is the same, state inside it is not kept.
 */
export function Activity({
  mode = 'visible',
  children,
}: {
  mode?: 'visible' | 'hidden';
  children?: ComponentChildren;
}) {
  return mode === 'hidden' ? null : h(Fragment, null, children);
}

/**
 * React 19's `useOptimistic`, which React Router's `<RouterProvider>` calls. An optimistic value
 * lasts until its transition ends, and Preact's `startTransition` ends as soon as it starts: the
 * value to show is always the current one.
 */
export function useOptimistic<State, Action>(
  passthrough: State,
  _reducer?: (state: State, action: Action) => State,
): [State, (action: Action) => void] {
  return [passthrough, () => {}];
}
