import { LoadError } from '@kmg/ui';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { withNext } from '#lib/next-path.ts';
import { useViewer, type Viewer } from '#lib/viewer.tsx';

/** Pages about the signed-in person: anonymous visitors go to sign in and come back here after. */
export function RequireSignIn({
  fallback,
  children,
}: {
  /** Shown while we learn who is signed in (a skeleton of the page). */
  fallback: ReactNode;
  children: (viewer: Viewer) => ReactNode;
}) {
  const state = useViewer();
  const location = useLocation();
  if (state.status === 'loading') return fallback;
  if (state.status === 'failed')
    return <LoadError isNetworkError={state.isNetworkError} onRetry={state.retry} />;
  if (!state.viewer)
    return <Navigate to={withNext('/masuk', `${location.pathname}${location.search}`)} replace />;
  return children(state.viewer);
}
