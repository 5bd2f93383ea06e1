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
      <LoadError isNetworkError={isNetworkError} onRetry={() => window.location.reload()} />
    </Container>
  );
}

type BoundaryProps = { pathname: string; children: ReactNode };
type BoundaryState = { pathname: string; error: { thrown: unknown } | null };

/** Shows `RouteError` for the page that failed; going to another page shows that page again. */
export class PageErrorBoundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { pathname: this.props.pathname, error: null };

  static getDerivedStateFromProps(props: BoundaryProps, state: BoundaryState): Partial<BoundaryState> | null {
    if (props.pathname === state.pathname) return null;
    if (state.error) retryFailedPages();
    return { pathname: props.pathname, error: null };
  }

  static getDerivedStateFromError(thrown: unknown): Partial<BoundaryState> {
    return { error: { thrown } };
  }

  override render() {
    return this.state.error ? <RouteError error={this.state.error.thrown} /> : this.props.children;
  }
}
