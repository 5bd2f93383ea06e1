import { EmptyState } from '@mantine/core';
import type { TablerIcon } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** A list page with nothing in it yet: what would be here, and (in `actions`) where to go instead. */
export function EmptyList({
  icon: ListIcon,
  title,
  description,
  actions,
  children,
}: {
  icon: TablerIcon;
  title: string;
  description: string;
  actions?: ReactNode;
  /** Shown between the description and the actions. */
  children?: ReactNode;
}) {
  return (
    <EmptyState icon={<ListIcon size={28} aria-hidden />} withIndicatorBackground py="xl">
      <EmptyState.Title order={2}>{title}</EmptyState.Title>
      <EmptyState.Description>{description}</EmptyState.Description>
      {children}
      {actions && <EmptyState.Actions>{actions}</EmptyState.Actions>}
    </EmptyState>
  );
}
