import { useLocale } from '@kmg/ui';
import { Container, Group, Skeleton, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import type { CombinedError, UseQueryExecute } from 'urql';
import { QueryLoadError } from '#components/QueryState.tsx';

/** The issuer and SKKNI pages while their record loads: a heading, a row of facts, a card. */
export function ReferenceSkeleton() {
  const { t } = useLocale();
  return (
    <Container size="sm" px="md" py="lg" role="status" aria-busy="true" aria-label={t('common.loading')}>
      <Stack gap="lg">
        <Group gap="md" wrap="nowrap">
          <Skeleton height={52} width={52} radius="md" />
          <Stack gap={8} style={{ flex: 1 }}>
            <Skeleton height={14} width="40%" />
            <Skeleton height={28} width="85%" />
          </Stack>
        </Group>
        <Skeleton height={120} radius="md" />
        <Skeleton height={200} radius="md" />
      </Stack>
    </Container>
  );
}

/**
 * What a reference page shows before it has its record: the skeleton while loading, the failure
 * with a retry; null once the answer came without a record (the page then says it is not found).
 */
export function referencePending(
  { data, error, fetching }: { data?: unknown; error?: CombinedError; fetching: boolean },
  reexecute: UseQueryExecute,
): ReactNode | null {
  if (fetching || (!data && !error)) return <ReferenceSkeleton />;
  if (error?.networkError || (error && data === undefined)) {
    return (
      <Container size="sm" px="md" py="lg">
        <QueryLoadError error={error} reexecute={reexecute} />
      </Container>
    );
  }
  return null;
}
