import { localDateAt, wholeYearsBetween } from '@kmg/domain';
import { formatLocalDate, useLocale, viewerTimeZone } from '@kmg/ui';
import { Alert, Avatar, Button, Card, DataList, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconCake, IconLogout, IconPencil } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { initials } from '#components/AccountMenu.tsx';
import { DataItem } from '#components/DataItem.tsx';
import { Page } from '#components/Page.tsx';
import { QueryFallback } from '#components/QueryState.tsx';
import { RequireSignIn } from '#components/RequireSignIn.tsx';
import { graphql } from '#graphql.ts';
import { useSignOut } from '#lib/sign-out.ts';

const ProfilePageQuery = graphql(`
  query ProfilePage {
    me {
      id
      name
      email
      roles
      organization {
        id
        name
      }
      teacherProfile {
        nuptk
        subject
        employmentStatus
        teachingSince
        birthDate
        gender
        school {
          id
          name
          npsn
          city
          province {
            code
            name
          }
        }
      }
    }
  }
`);

const skeleton = (
  <Stack gap="md" aria-hidden>
    <Skeleton height={72} radius="md" />
    <Skeleton height={220} radius="md" />
    <Skeleton height={160} radius="md" />
  </Stack>
);

/** Who the teacher is to KMG: identity, school, teaching, and signing out. */
export function ProfilePage() {
  const { t } = useLocale();
  return (
    <Page title={t('learner.profile.title')} size="sm">
      <RequireSignIn fallback={skeleton}>{() => <ProfileDetails />}</RequireSignIn>
    </Page>
  );
}

function ProfileDetails() {
  const { t, locale } = useLocale();
  const { signOut, isSigningOut } = useSignOut();
  const [{ data, error }, reexecute] = useQuery({ query: ProfilePageQuery });
  const me = data?.me;

  if (!me) return <QueryFallback error={error} reexecute={reexecute} skeleton={skeleton} />;

  const profile = me.teacherProfile;
  const today = localDateAt(new Date(), viewerTimeZone());
  const years = profile ? wholeYearsBetween(profile.teachingSince, today) : 0;
  const age = profile?.birthDate ? wholeYearsBetween(profile.birthDate, today) : null;

  return (
    <Stack gap="lg">
      <Group gap="md" wrap="nowrap">
        <Avatar color="kmg" variant="filled" radius="xl" size={56} aria-hidden>
          {initials(me.name)}
        </Avatar>
        <div style={{ minWidth: 0 }}>
          <Text fw={700} size="lg" lh={1.3}>
            {me.name}
          </Text>
          <Text size="sm" c="gray.7">
            {me.roles.map((role) => t(`status.role.${role}`)).join(', ')}
            {(profile?.school.name ?? me.organization?.name) &&
              ` · ${profile?.school.name ?? me.organization?.name}`}
          </Text>
        </div>
      </Group>

      {profile && !profile.birthDate && (
        <Alert color="yellow" variant="light" icon={<IconCake size={20} aria-hidden />}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('learner.profile.completeBirthDate')}</Text>
            <Button component={Link} to="/profil/ubah" variant="white" size="sm" h={40} color="dark">
              {t('learner.profile.edit')}
            </Button>
          </Stack>
        </Alert>
      )}

      {profile && (
        <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="teacher-heading">
          <Group justify="space-between" align="center" mb="md" gap="xs">
            <Title order={2} fz="lg" id="teacher-heading">
              {t('learner.profile.teacher')}
            </Title>
            <Button
              component={Link}
              to="/profil/ubah"
              variant="light"
              size="sm"
              h={40}
              leftSection={<IconPencil size={18} aria-hidden />}
            >
              {t('learner.profile.edit')}
            </Button>
          </Group>
          <DataList orientation="vertical" gap="md" withDivider>
            <DataItem label={t('learner.profile.nuptk')}>
              <Text ff="monospace" inherit>
                {profile.nuptk}
              </Text>
            </DataItem>
            <DataItem label={t('learner.profile.birthDate')}>
              {profile.birthDate ? (
                <>
                  {formatLocalDate(profile.birthDate, locale)}
                  {age !== null && age > 0 && ` (${t('learner.profile.age', { count: age })})`}
                </>
              ) : (
                <Text span c="dimmed" inherit>
                  {t('learner.profile.birthDateMissing')}
                </Text>
              )}
            </DataItem>
            <DataItem label={t('learner.profile.gender')}>
              {profile.gender ? (
                t(`learner.register.genderValues.${profile.gender}`)
              ) : (
                <Text span c="dimmed" inherit>
                  {t('learner.profile.genderNotStated')}
                </Text>
              )}
            </DataItem>
            <DataItem label={t('learner.profile.subject')}>{profile.subject}</DataItem>
            <DataItem label={t('learner.profile.employment')}>
              {t(`status.employment.${profile.employmentStatus}`)}
            </DataItem>
            <DataItem label={t('learner.profile.teachingSince')}>
              {formatLocalDate(profile.teachingSince, locale)}
              {years > 0 && ` (${t('learner.profile.years', { count: years })})`}
            </DataItem>
          </DataList>
        </Card>
      )}

      {profile && (
        <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="school-heading">
          <Title order={2} fz="lg" id="school-heading" mb="md">
            {t('learner.profile.school')}
          </Title>
          <DataList orientation="vertical" gap="md" withDivider>
            <DataItem label={t('learner.profile.schoolName')}>{profile.school.name}</DataItem>
            <DataItem label={t('learner.profile.npsn')}>
              <Text ff="monospace" inherit>
                {profile.school.npsn}
              </Text>
            </DataItem>
            <DataItem label={t('learner.profile.province')}>
              {[profile.school.city, profile.school.province?.name].filter(Boolean).join(', ')}
            </DataItem>
          </DataList>
        </Card>
      )}

      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="account-heading">
        <Title order={2} fz="lg" id="account-heading" mb="md">
          {t('learner.profile.account')}
        </Title>
        <DataList orientation="vertical" gap="md" withDivider>
          <DataItem label={t('learner.profile.email')}>{me.email}</DataItem>
          {!profile && me.organization && (
            <DataItem label={t('learner.profile.organization')}>{me.organization.name}</DataItem>
          )}
        </DataList>
        <Text size="sm" c="gray.7" mt="md">
          {/* Only teachers have an NUPTK and a school on file. */}
          {t(
            profile
              ? 'learner.profile.correction'
              : me.organization
                ? 'learner.profile.correctionAccount'
                : 'learner.profile.correctionEmail',
          )}
        </Text>
      </Card>

      <Button
        variant="default"
        size="md"
        c="red.9"
        leftSection={<IconLogout size={18} aria-hidden />}
        onClick={signOut}
        loading={isSigningOut}
        fullWidth
      >
        {t('common.signOut')}
      </Button>
    </Stack>
  );
}
