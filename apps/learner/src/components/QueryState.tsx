import { LoadError } from '@kmg/ui';
import type { ReactNode } from 'react';
import type { CombinedError, UseQueryExecute } from 'urql';

/** A query that failed, with a retry that goes to the network: the cache is what could not be filled. */
export function QueryLoadError({ error, reexecute }: { error: CombinedError; reexecute: UseQueryExecute }) {
  return (
    <LoadError
      isNetworkError={!!error.networkError}
      onRetry={() => reexecute({ requestPolicy: 'network-only' })}
    />
  );
}

/** What stands in for a query's data until it arrives: the page's skeleton, or the failure and a retry. */
export function QueryFallback({
  error,
  reexecute,
  skeleton,
}: {
  error: CombinedError | undefined;
  reexecute: UseQueryExecute;
  skeleton: ReactNode;
}) {
  return error ? <QueryLoadError error={error} reexecute={reexecute} /> : skeleton;
}
