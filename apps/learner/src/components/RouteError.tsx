import { LoadError } from '@kmg/ui';
import { Container } from '@mantine/core';
import { Component, type ReactNode } from 'react';
import { retryFailedPages } from '#lib/page-messages.ts';

/**
 * A page that failed to load or render, inside the layout so the navigation stays usable. The
 * usual cause on a phone is losing the connection before a page's code arrived: reloading fetches it.
 */
export function RouteError({ error }: { error: unknown }) {
  const isNetworkError =
    !navigator.onLine || (error instanceof TypeError && /fetch|import|module/i.test(error.message));
  return (
    <Container size="sm" px="md" py="xl">
      <LoadError isNetworkError={isNetworkError} isPageFailure onRetry={() => window.location.reload()} />
    </Container>
  );
}

type BoundaryProps = { resetKey: string; children: ReactNode };
type BoundaryState = { resetKey: string; error: { thrown: unknown } | null };

/**
 * Shows `RouteError` for what failed to load or render below it; a new `resetKey` (the layout gives
 * the page's path: going to another page) shows what is below again.
 */
export class PageErrorBoundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { resetKey: this.props.resetKey, error: null };

  static getDerivedStateFromProps(props: BoundaryProps, state: BoundaryState): Partial<BoundaryState> | null {
    if (props.resetKey === state.resetKey) return null;
    if (state.error) retryFailedPages();
    return { resetKey: props.resetKey, error: null };
  }

  static getDerivedStateFromError(thrown: unknown): Partial<BoundaryState> {
    return { error: { thrown } };
  }

  override render() {
    return this.state.error ? <RouteError error={this.state.error.thrown} /> : this.props.children;
  }
}
