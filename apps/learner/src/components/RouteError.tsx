import { LoadError } from '@kmg/ui';
import { Container } from '@mantine/core';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { NotFound } from '#components/NotFound.tsx';

/**
 * A page that failed to load or render, inside the layout so the navigation stays usable. The
 * usual cause on a phone is losing the connection before a page's code arrived: reloading fetches it.
 */
export function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFound />;
  const isNetworkError =
    !navigator.onLine || (error instanceof TypeError && /fetch|import|module/i.test(error.message));
  return (
    <Container size="sm" px="md" py="xl">
      <LoadError isNetworkError={isNetworkError} onRetry={() => window.location.reload()} />
    </Container>
  );
}
