import { Alert } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** Something this person may not do (here, or any more), and why. */
export function LockedNotice({ title, children }: { title?: string; children: ReactNode }) {
  return (
    <Alert color="gray" variant="light" icon={<IconLock size={20} aria-hidden />} title={title}>
      {children}
    </Alert>
  );
}
