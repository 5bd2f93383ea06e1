import { Table, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A pathway page's small table (versions, awards): it scrolls sideways on a phone, and its caption
 * is for screen readers only, since the section heading above says the same.
 */
export function CompactTable({
  caption,
  head,
  children,
}: {
  caption: string;
  head: ReactNode;
  children: ReactNode;
}) {
  return (
    <Table.ScrollContainer minWidth={560} type="native" pos="relative">
      <Table verticalSpacing="xs" fz="sm" className="data-table" tabularNums>
        <VisuallyHidden component="caption">{caption}</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>{head}</Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
