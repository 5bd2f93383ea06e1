import { useLocale } from '@kmg/ui';
import { Button, Group, Stack, Text } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';
import { useRoleLabel } from '#lib/role-label.ts';

export const ViewerMenu_viewer = graphql(`
  fragment ViewerMenu_viewer on User {
    name
    roles
    organization { id name shortName }
  }
`);

/** Who is signed in (name, roles, organization) and the way out. */
export function ViewerMenu({
  viewer: data,
  onSignOut,
}: {
  viewer: FragmentOf<typeof ViewerMenu_viewer>;
  onSignOut: () => void;
}) {
  const { t } = useLocale();
  const roleLabel = useRoleLabel();
  const viewer = readFragment(ViewerMenu_viewer, data);
  const organization = viewer.organization
    ? (viewer.organization.shortName ?? viewer.organization.name)
    : t('admin.viewer.noOrganization');
  return (
    <Group gap="sm" wrap="nowrap">
      <Stack gap={0} visibleFrom="sm" style={{ textAlign: 'right', minWidth: 0 }}>
        <Text size="sm" fw={600} truncate="end" maw={260}>
          {viewer.name}
        </Text>
        <Text size="xs" c="dimmed" truncate="end" maw={260}>
          {viewer.roles.map((role) => roleLabel(role)).join(', ')} · {organization}
        </Text>
      </Stack>
      <Button
        variant="default"
        size="sm"
        leftSection={<IconLogout size={18} aria-hidden />}
        onClick={onSignOut}
      >
        {t('common.signOut')}
      </Button>
    </Group>
  );
}
