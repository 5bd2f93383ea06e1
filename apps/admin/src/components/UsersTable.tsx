import { useLocale } from '@kmg/ui';
import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';
import { useRoleLabel } from '#lib/role-label.ts';

export const UsersTable_user = graphql(`
  fragment UsersTable_user on User {
    id
    name
    email
    roles
    organization { id name shortName }
    teacherProfile { nuptk }
  }
`);

/** Accounts, one row each: who, what they may do, where they work. */
export function UsersTable({
  users: data,
  labelledBy,
}: {
  users: readonly FragmentOf<typeof UsersTable_user>[];
  labelledBy: string;
}) {
  const { t } = useLocale();
  const roleLabel = useRoleLabel();
  const users = data.map((user) => readFragment(UsersTable_user, user));
  return (
    <Table.ScrollContainer minWidth={560} type="native">
      <Table
        fz="sm"
        verticalSpacing="xs"
        className="data-table"
        aria-labelledby={labelledBy}
        highlightOnHover
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admin.accounts.name')}</Table.Th>
            <Table.Th w="30%">{t('admin.accounts.roles')}</Table.Th>
            <Table.Th w="30%">{t('admin.accounts.organization')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {user.name}
                </Text>
                <Anchor href={`mailto:${user.email}`} size="xs" style={{ overflowWrap: 'anywhere' }}>
                  {user.email}
                </Anchor>
                {user.teacherProfile && (
                  <Text size="xs" c="dimmed" ff="monospace">
                    NUPTK {user.teacherProfile.nuptk}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {user.roles.map((role) => (
                    <Badge
                      key={role}
                      variant="light"
                      color={role === 'ADMIN' ? 'red' : 'gray'}
                      tt="none"
                      size="sm"
                    >
                      {roleLabel(role)}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                {user.organization
                  ? user.organization.shortName
                    ? `${user.organization.name} (${user.organization.shortName})`
                    : user.organization.name
                  : '–'}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
