import { Button, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { PageHeader } from '#components/PageHeader.tsx';

/** A page that cannot show what was asked: not found, not allowed, or not in a state for it. */
export function PageNotice({
  title,
  text,
  back,
}: {
  title: string;
  text: string;
  back: { to: string; label: string };
}) {
  return (
    <Stack gap="md" align="flex-start">
      <PageHeader title={title} />
      <Text>{text}</Text>
      <Button component={Link} to={back.to} variant="light">
        {back.label}
      </Button>
    </Stack>
  );
}
