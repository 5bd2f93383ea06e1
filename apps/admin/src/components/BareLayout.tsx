import { useLocale } from '@kmg/ui';
import { Box, Container, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { LocaleSwitch } from '#components/LocaleSwitch.tsx';

/** The console's mark: a teal "KMG" tile; `isNamePart` where its letters name a link. */
export function BrandMark({ isNamePart = false }: { isNamePart?: boolean }) {
  return (
    <Box
      aria-hidden={!isNamePart}
      bg="kmg.7"
      c="white"
      fw={800}
      fz={13}
      px={8}
      py={5}
      style={{ borderRadius: 8, letterSpacing: '0.04em' }}
    >
      KMG
    </Box>
  );
}

/** A page outside the console frame (sign-in, staff only): brand, language and one card. */
export function BareLayout({ signedIn, children }: { signedIn: boolean; children: ReactNode }) {
  const { t } = useLocale();
  return (
    <Box mih="100vh" bg="gray.0">
      <Group justify="space-between" px="lg" py="md" component="header">
        <Group gap={10}>
          <BrandMark />
          <Text fw={700}>{t('admin.consoleName')}</Text>
        </Group>
        <LocaleSwitch signedIn={signedIn} />
      </Group>
      <Container size={480} pt={{ base: 'md', sm: 48 }} pb="xl" component="main">
        {children}
      </Container>
    </Box>
  );
}
