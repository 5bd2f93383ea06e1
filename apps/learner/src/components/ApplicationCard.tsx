import { CredentialStatusBadge, formatDateRange, TeacherCallBadge, useLocale } from '@kmg/ui';
import { Anchor, Button, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconCertificate } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApplicationProgress, ApplicationProgress_application } from '#components/ApplicationProgress.tsx';
import { CardSkeleton } from '#components/CardSkeleton.tsx';
import { AddToCalendarButton } from '#components/PracticalInfo.tsx';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';

export const ApplicationCard_application = graphql(
  `
    fragment ApplicationCard_application on Application {
      id
      status
      call {
        id
        title
        status
        mode
        city
        province {
          code
          name
        }
        startDate
        endDate
        applicationOpensAt
        applicationClosesAt
        isAcceptingApplications
        provider {
          id
          name
        }
      }
      credentials {
        id
        credentialId
        status
      }
      ...ApplicationProgress_application
    }
  `,
  [ApplicationProgress_application],
);

/** One of the teacher's applications: the call, where the application stands, what to do next. */
export function ApplicationCard({
  application: data,
}: {
  application: FragmentOf<typeof ApplicationCard_application>;
}) {
  const application = readFragment(ApplicationCard_application, data);
  const { call } = application;
  const { t, locale } = useLocale();
  const callLink = `/pelatihan/${encodeURIComponent(call.id)}`;
  // Newest revision first: an amended credential replaces (and revokes) the one before it.
  const credential = application.credentials[0];
  const [now] = useState(() => new Date());

  return (
    <Card component="article" withBorder radius="md" padding="md">
      <Stack gap="sm">
        <div>
          {!call.isAcceptingApplications && (
            <TeacherCallBadge
              call={call}
              applicationStatus={application.status}
              now={now}
              tt="none"
              size="sm"
              mb={6}
            />
          )}
          <Title order={2} fz="lg" lh={1.3}>
            <Anchor component={Link} to={callLink} c="dark.8" inherit>
              {call.title}
            </Anchor>
          </Title>
          <Text size="sm" c="gray.7" mt={2}>
            {call.provider.name}
          </Text>
          <Text size="sm" c="gray.8" mt={4}>
            {formatDateRange(call.startDate, call.endDate, locale)} · {t(`status.mode.${call.mode}`)} ·{' '}
            {call.city}, {call.province.name}
          </Text>
        </div>
        <ApplicationProgress application={application} />
        {application.status === 'CONFIRMED' && call.status !== 'COMPLETED' && call.status !== 'CANCELLED' && (
          <Group gap="sm">
            <AddToCalendarButton callId={call.id} />
            <Anchor component={Link} to={`${callLink}#informasi-praktis`} size="sm" fw={600}>
              {t('learner.practical.title')}
            </Anchor>
          </Group>
        )}
        {credential && (
          <Group gap="sm">
            <Button
              component={Link}
              to={`/kredensial/${encodeURIComponent(credential.credentialId)}`}
              variant="light"
              size="sm"
              h={40}
              leftSection={<IconCertificate size={18} aria-hidden />}
            >
              {t('learner.credentials.fromApplication')}
            </Button>
            {credential.status !== 'ACTIVE' && <CredentialStatusBadge status={credential.status} />}
          </Group>
        )}
        {application.status === 'WITHDRAWN' && call.isAcceptingApplications && (
          <Group gap="sm">
            <Button component={Link} to={`${callLink}#daftar`} variant="light" size="sm" h={40}>
              {t('learner.applications.applyAgain')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

export function ApplicationCardSkeleton() {
  return (
    <CardSkeleton>
      <Skeleton height={22} width="80%" />
      <Skeleton height={14} width="50%" />
      <Skeleton height={14} width="70%" />
      <Skeleton height={20} width={120} radius="xl" />
      <Skeleton height={56} radius="md" />
    </CardSkeleton>
  );
}
