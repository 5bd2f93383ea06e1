import { Anchor, Drawer, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { QueryError } from '#components/QueryError.tsx';
import { type LoadingBlock, LoadingBlocks } from '#components/QueryPending.tsx';

/**
 * One record in full, in a drawer beside the table it was opened from: titled with the person's
 * name once loaded, and until then its loading blocks, its failure or that it was not found.
 */
export function RecordDrawer({
  opened,
  onClose,
  title,
  closeLabel,
  notFound,
  error,
  fetching,
  onRetry,
  blocks,
  children,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  closeLabel: string;
  notFound: string;
  error: CombinedError | undefined;
  fetching: boolean;
  onRetry: () => void;
  blocks: readonly LoadingBlock[];
  /** The loaded record; null until it is. */
  children: ReactNode;
}) {
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size={720}
      title={
        <Text component="span" fw={700} size="lg">
          {title}
        </Text>
      }
      closeButtonProps={{ 'aria-label': closeLabel }}
    >
      {children ??
        (error ? (
          <QueryError error={error} onRetry={onRetry} />
        ) : fetching ? (
          <LoadingBlocks blocks={blocks} />
        ) : (
          <Text>{notFound}</Text>
        ))}
    </Drawer>
  );
}

/** A titled part of a drawer, named by its heading. */
export function DrawerSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Title order={3} size="h5" id={id} mb={8}>
        {title}
      </Title>
      {children}
    </section>
  );
}

/** A person's name in a table that opens their record in a drawer, with their NUPTK under it. */
export function DrawerOpener({
  name,
  nuptk,
  onOpen,
}: {
  name: string;
  nuptk: string | null | undefined;
  onOpen: () => void;
}) {
  return (
    <>
      <Anchor
        component="button"
        type="button"
        fw={600}
        size="sm"
        ta="left"
        aria-haspopup="dialog"
        onClick={onOpen}
      >
        {name}
      </Anchor>
      <Text ff="monospace" fz={12} c="dimmed" mt={2}>
        {nuptk ?? '–'}
      </Text>
    </>
  );
}
