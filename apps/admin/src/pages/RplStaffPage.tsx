import type { RplCaseRole } from '@kmg/domain';
import { useLocale } from '@kmg/ui';
import {
  Badge,
  Button,
  Drawer,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconEyeCheck, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useClient, useMutation, useQuery } from 'urql';
import { PageHeader } from '#components/PageHeader.tsx';
import { PageNotice } from '#components/PageNotice.tsx';
import { QueryPending } from '#components/QueryPending.tsx';
import { RplAdminNavQuery, useRplAdminAccess } from '#components/RplAdminNav.tsx';
import { type ProgrammeOption, RplStaffEditor } from '#components/RplStaffEditor.tsx';
import { RplUniversityPicker, useRplUniversity } from '#components/RplUniversityPicker.tsx';
import { useProblemMessages } from '#components/use-problem-messages.ts';
import { graphql, type ResultOf } from '#graphql.ts';
import { rawIdOf } from '#lib/curriculum-import.ts';
import { MutationProblem_error, readProblem } from '#lib/mutation-result.ts';
import { type StaffFormValues, staffFormFrom, toStaffRolesInput } from '#lib/rpl-staff-form.ts';
import { useViewer } from '#lib/viewer.tsx';

const RplStaffPageQuery = graphql(`
  query RplStaffPage($universityId: String) {
    rplStaff(universityId: $universityId) {
      userId
      name
      email
      affiliation
      employeeNumber
      roles { role programmeIds }
    }
    managedStudyProgrammes { id code name university { id } }
  }
`);

const SetRplStaffRoles = graphql(
  `
  mutation SetRplStaffRoles(
    $universityId: String
    $userId: String!
    $roles: [RplStaffRoleInput!]!
    $affiliation: String
    $employeeNumber: String
  ) {
    setRplStaffRoles(
      universityId: $universityId
      userId: $userId
      roles: $roles
      affiliation: $affiliation
      employeeNumber: $employeeNumber
    ) {
      __typename
      ... on SetRplStaffRolesSuccess { data }
      ...MutationProblem_error
    }
  }
`,
  [MutationProblem_error],
);

type Member = ResultOf<typeof RplStaffPageQuery>['rplStaff'][number];

/** A person's roles as badges: each role, and the programmes it covers when not every one. */
function RoleBadges({ member, programmes }: { member: Member; programmes: readonly ProgrammeOption[] }) {
  const { t } = useLocale();
  if (member.roles.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('admin.rplAdmin.staff.noRoles')}
      </Text>
    );
  return (
    <Group gap={6}>
      {member.roles.map((grant) => {
        const codes = grant.programmeIds.map(
          (id) =>
            programmes.find((programme) => programme.id === id)?.code ??
            t('admin.rplAdmin.staff.otherProgramme'),
        );
        return (
          <Badge key={grant.role} variant="light" color="kmg" tt="none" size="md" radius="sm" maw="100%">
            {t(`admin.rplAdmin.role.${grant.role}`)}
            {' · '}
            {codes.length > 0 ? codes.join(', ') : t('admin.rplAdmin.staff.everyProgramme')}
          </Badge>
        );
      })}
    </Group>
  );
}

function IdentityLines({ member }: { member: Member }) {
  const { t } = useLocale();
  if (!member.affiliation && !member.employeeNumber)
    return (
      <Text size="sm" c="dimmed">
        {t('admin.rplAdmin.staff.noAffiliation')}
      </Text>
    );
  return (
    <Stack gap={0}>
      {member.affiliation && <Text size="sm">{member.affiliation}</Text>}
      {member.employeeNumber && (
        <Text size="xs" c="dimmed">
          {t('admin.rplAdmin.staff.employeeNumberShort', { number: member.employeeNumber })}
        </Text>
      )}
    </Stack>
  );
}

/**
 * The university's RPL people (every RPL account of it) with their roles per programme; its
 * university admins (and platform admins) change one person's roles, affiliation and number.
 */
export function RplStaffPage() {
  const { t } = useLocale();
  const viewer = useViewer();
  const client = useClient();
  const messages = useProblemMessages();
  const { access, ready } = useRplAdminAccess();
  const { university, universities, choose, pending } = useRplUniversity();
  const [editing, setEditing] = useState<Member | null>(null);
  const [{ data, error }, reexecute] = useQuery({
    query: RplStaffPageQuery,
    variables: { universityId: university?.rawId ?? null },
    pause: !access.staff || !university,
    requestPolicy: 'cache-and-network',
  });
  const [, setRoles] = useMutation(SetRplStaffRoles);

  if (ready && !access.staff) {
    return (
      <PageNotice
        title={t('admin.rplAdmin.notAllowed')}
        text={t('admin.rplAdmin.staff.notAllowedText')}
        back={{ to: '/rpl', label: t('admin.rpl.programmes.back') }}
      />
    );
  }

  const programmes: ProgrammeOption[] = (data?.managedStudyProgrammes ?? [])
    .filter((programme) => programme.university.id === university?.id)
    .map(({ id, code, name }) => ({ id, code, name }));
  const staff = data?.rplStaff ?? [];
  const universityName = university?.shortName ?? university?.name ?? '';

  const save = async (member: Member, values: StaffFormValues) => {
    const input = toStaffRolesInput(values);
    const result = await setRoles({
      universityId: university?.rawId ?? null,
      userId: member.userId,
      roles: input.roles,
      affiliation: input.affiliation,
      employeeNumber: input.employeeNumber,
    });
    const outcome = result.data?.setRplStaffRoles;
    const problem = readProblem(outcome, result.error, messages);
    if (problem) return problem;
    setEditing(null);
    notifications.show({ color: 'green', message: t('admin.rplAdmin.staff.saved', { name: member.name }) });
    reexecute({ requestPolicy: 'network-only' });
    // Changing one's own roles changes the menu.
    if (member.userId === rawIdOf(viewer.id))
      void client.query(RplAdminNavQuery, {}, { requestPolicy: 'network-only' }).toPromise();
    return null;
  };

  return (
    <>
      <PageHeader
        title={t('admin.rplAdmin.staff.title')}
        description={t('admin.rplAdmin.staff.intro', { university: universityName })}
      />
      <RplUniversityPicker universities={universities} value={university?.id ?? null} onChange={choose} />
      <Group gap="xs" wrap="nowrap" align="flex-start" mb="lg" maw={960}>
        <IconEyeCheck size={20} aria-hidden color="var(--mantine-color-kmg-7)" style={{ flexShrink: 0 }} />
        <Text size="sm">
          <Text span fw={700} size="sm">
            {t('admin.rplAdmin.staff.fourEyesTitle')}:
          </Text>{' '}
          {t('admin.rplAdmin.staff.fourEyes')}
        </Text>
      </Group>
      {!data || pending ? (
        <QueryPending
          error={error}
          onRetry={() => reexecute({ requestPolicy: 'network-only' })}
          blocks={[{ h: 56 }, { h: 56 }, { h: 56 }]}
        />
      ) : staff.length === 0 ? (
        <Paper withBorder radius="md">
          <Stack align="center" gap="sm" py={48} px="md" ta="center">
            <Title order={2} size="h4">
              {t('admin.rplAdmin.staff.empty')}
            </Title>
            <Text c="dimmed">{t('admin.rplAdmin.staff.emptyText')}</Text>
          </Stack>
        </Paper>
      ) : (
        <Stack gap="sm">
          <Text size="sm" fw={600} id="rpl-staff-count">
            {t('admin.rplAdmin.staff.count', { count: staff.length })}
          </Text>
          <Stack gap="sm" hiddenFrom="sm">
            {staff.map((member) => (
              <Paper key={member.userId} withBorder radius="md" p="md" component="article">
                <Stack gap={8}>
                  <div>
                    <Text fw={700}>{member.name}</Text>
                    <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                      {member.email}
                    </Text>
                  </div>
                  <IdentityLines member={member} />
                  <RoleBadges member={member} programmes={programmes} />
                  <Button
                    variant="light"
                    size="sm"
                    w="fit-content"
                    leftSection={<IconPencil size={16} aria-hidden />}
                    onClick={() => setEditing(member)}
                    aria-label={t('admin.rplAdmin.staff.editOf', { name: member.name })}
                  >
                    {t('admin.rplAdmin.staff.edit')}
                  </Button>
                </Stack>
              </Paper>
            ))}
          </Stack>
          <Paper withBorder radius="md" px={4} visibleFrom="sm">
            <Table.ScrollContainer minWidth={720} type="native">
              <Table verticalSpacing="sm" horizontalSpacing="sm" fz="sm" className="data-table">
                <VisuallyHidden component="caption">{t('admin.rplAdmin.staff.tableCaption')}</VisuallyHidden>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('admin.rplAdmin.staff.column.person')}</Table.Th>
                    <Table.Th>{t('admin.rplAdmin.staff.column.affiliation')}</Table.Th>
                    <Table.Th>{t('admin.rplAdmin.staff.column.roles')}</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>{t('admin.rplAdmin.staff.column.actions')}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {staff.map((member) => (
                    <Table.Tr key={member.userId}>
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {member.name}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {member.email}
                        </Text>
                      </Table.Td>
                      <Table.Td maw={260}>
                        <IdentityLines member={member} />
                      </Table.Td>
                      <Table.Td>
                        <RoleBadges member={member} programmes={programmes} />
                      </Table.Td>
                      <Table.Td ta="right">
                        <Button
                          variant="light"
                          size="xs"
                          leftSection={<IconPencil size={14} aria-hidden />}
                          onClick={() => setEditing(member)}
                          aria-label={t('admin.rplAdmin.staff.editOf', { name: member.name })}
                        >
                          {t('admin.rplAdmin.staff.edit')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        </Stack>
      )}
      <Drawer
        opened={editing !== null}
        onClose={() => setEditing(null)}
        position="right"
        size="md"
        title={
          <Text fw={700} size="lg" component="h2">
            {t('admin.rplAdmin.staff.editTitle', { name: editing?.name ?? '' })}
          </Text>
        }
      >
        {editing && (
          <RplStaffEditor
            key={editing.userId}
            initialValues={staffFormFrom({
              affiliation: editing.affiliation,
              employeeNumber: editing.employeeNumber,
              roles: editing.roles.map((grant) => ({
                role: grant.role as RplCaseRole,
                programmeIds: grant.programmeIds,
              })),
            })}
            programmes={programmes}
            onSubmit={(values) => save(editing, values)}
            onCancel={() => setEditing(null)}
          />
        )}
      </Drawer>
    </>
  );
}
