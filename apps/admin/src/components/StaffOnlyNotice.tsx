import { useLocale } from '@kmg/ui';
import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconArrowRight, IconLogout } from '@tabler/icons-react';
import { useRoleLabel } from '#lib/role-label.ts';
import type { Role } from '#lib/viewer.tsx';

/**
 * For a signed-in person the console does not serve: teachers and principals are sent to the
 * learner app, other roles (RPL reviewers, for now) to the programme admin.
 */
export function StaffOnlyNotice({
  name,
  roles,
  onSignOut,
}: {
  name: string;
  roles: readonly Role[];
  onSignOut: () => void;
}) {
  const { t } = useLocale();
  const roleLabel = useRoleLabel();
  useDocumentTitle(`${t('admin.staffOnly.title')} · ${t('admin.consoleName')}`);
  const isSchoolUser = roles.some((role) => role === 'TEACHER' || role === 'PRINCIPAL');
  return (
    <Paper withBorder p="xl" radius="md" role="alert" aria-labelledby="staff-only-title">
      <Stack gap="md">
        <Title order={1} size="h2" id="staff-only-title">
          {t('admin.staffOnly.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('admin.viewer.signedInAs', { name })} · {roles.map((role) => roleLabel(role)).join(', ')}
        </Text>
        <Text>{isSchoolUser ? t('admin.staffOnly.teacher') : t('admin.staffOnly.other')}</Text>
        <Stack gap="sm">
          {isSchoolUser && (
            <Button component="a" href="/" rightSection={<IconArrowRight size={18} aria-hidden />}>
              {t('admin.staffOnly.openLearner')}
            </Button>
          )}
          <Button variant="default" leftSection={<IconLogout size={18} aria-hidden />} onClick={onSignOut}>
            {t('admin.staffOnly.signOut')}
          </Button>
        </Stack>
      </Stack>
    </Paper>
  );
}
