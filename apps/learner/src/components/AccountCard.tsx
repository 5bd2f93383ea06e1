import { Anchor, Card, Container, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** The narrow card of the account pages (sign in, forgot and reset password): a title, a lead, a form. */
export function AccountCard({ title, lead, children }: { title: string; lead: string; children: ReactNode }) {
  return (
    <Container size={440} px="md" py="xl">
      <Card withBorder radius="md" padding="lg">
        <Stack gap="lg">
          <Stack gap={4}>
            <Title order={1} fz={26}>
              {title}
            </Title>
            <Text c="gray.7">{lead}</Text>
          </Stack>
          {children}
        </Stack>
      </Card>
    </Container>
  );
}

/** A link to the page that sends a reset link, inside a sentence of the shared forms. */
export function ForgotPasswordLink({ children }: { children?: ReactNode }) {
  return (
    <Anchor component={Link} to="/forgot-password" inherit>
      {children}
    </Anchor>
  );
}
