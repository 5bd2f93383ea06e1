import { useLocale } from '@kmg/ui';
import { Skeleton, Stack } from '@mantine/core';
import type { CombinedError } from 'urql';
import { QueryError } from '#components/QueryError.tsx';

/** One grey block of a loading placeholder: its height, and its width when not the full line. */
export type LoadingBlock = { h: number; w?: number | string };

/** Grey blocks in the rough shape of what is loading, announced as loading. */
export function LoadingBlocks({ blocks }: { blocks: readonly LoadingBlock[] }) {
  const { t } = useLocale();
  return (
    <Stack gap="md" role="status" aria-label={t('common.loading')}>
      {blocks.map((block, index) => (
        <Skeleton key={index} h={block.h} w={block.w} />
      ))}
    </Stack>
  );
}

/** A query that has no data yet: its failure with a retry, or else the blocks of what is loading. */
export function QueryPending({
  error,
  onRetry,
  blocks,
}: {
  error: CombinedError | undefined;
  onRetry: () => void;
  blocks: readonly LoadingBlock[];
}) {
  if (error) return <QueryError error={error} onRetry={onRetry} />;
  return <LoadingBlocks blocks={blocks} />;
}
