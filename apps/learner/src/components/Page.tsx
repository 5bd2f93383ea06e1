import { Container, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { usePageTitle } from '#lib/page-title.ts';

/** A page's frame: its one `h1`, an optional lead line, and the tab title to match. */
export function Page({
  title,
  lead,
  size = 'md',
  children,
}: {
  title: string;
  lead?: ReactNode;
  size?: 'xs' | 'sm' | 'md' | 'lg';
  children: ReactNode;
}) {
  usePageTitle(title);
  return (
    <Container size={size} px="md" py="lg">
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1} fz={{ base: 24, sm: 32 }} lh={1.2}>
            {title}
          </Title>
          {lead && (
            <Text c="gray.7" fz={{ base: 'sm', sm: 'md' }}>
              {lead}
            </Text>
          )}
        </Stack>
        {children}
      </Stack>
    </Container>
  );
}
