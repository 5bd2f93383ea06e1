import { formatInstant, useLocale } from '@kmg/ui';
import { Button, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconClipboardList } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import classes from '#components/CallCard.module.css';
import { CardSkeleton } from '#components/CardSkeleton.tsx';
import { EmptyList } from '#components/EmptyList.tsx';
import { LockedNotice } from '#components/LockedNotice.tsx';
import { Page } from '#components/Page.tsx';
import { QueryFallback } from '#components/QueryState.tsx';
import { RequireSignIn } from '#components/RequireSignIn.tsx';
import { RplStatusBadge } from '#components/RplStatusBadge.tsx';
import { graphql } from '#graphql.ts';
import { orderRplApplications } from '#lib/rpl-draft.ts';
import { rplApplicationPath, rplProgrammesPath } from '#lib/rpl-links.ts';

const RplApplicationsPageQuery = graphql(`
  query RplApplicationsPage {
    myRplApplications {
      id
      status
      statusLabel
      proposedSks
      recognisedSks
      submittedAt
      updatedAt
      evidenceRequest
      missingItems
      programme {
        id
        name
        university {
          id
          name
        }
      }
      intake {
        id
        name
      }
    }
  }
`);

const skeleton = (
  <Stack gap="md">
    <CardSkeleton>
      <Skeleton height={20} width={120} radius="xl" />
      <Skeleton height={22} width="80%" />
      <Skeleton height={14} width="50%" />
    </CardSkeleton>
  </Stack>
);

/**
 * "Pengajuan RPL saya": the teacher's RPL applications from draft to decree, the one waiting for
 * them first; a decided one with the SKS recognised.
 */
export function RplApplicationsPage() {
  const { t } = useLocale();
  return (
    <Page title={t('learner.rpl.applications.title')} lead={t('learner.rplResult.list.lead')} size="sm">
      <RequireSignIn fallback={skeleton}>
        {(viewer) =>
          viewer.isTeacher ? (
            <ApplicationList />
          ) : (
            <LockedNotice>{t('learner.rpl.teachersOnly')}</LockedNotice>
          )
        }
      </RequireSignIn>
    </Page>
  );
}

function ApplicationList() {
  const { t, locale } = useLocale();
  const [{ data, error }, reexecute] = useQuery({
    query: RplApplicationsPageQuery,
    // The university may ask for more evidence meanwhile: look again on each visit.
    requestPolicy: 'cache-and-network',
  });
  if (!data) return <QueryFallback error={error} reexecute={reexecute} skeleton={skeleton} />;

  if (data.myRplApplications.length === 0) {
    return (
      <EmptyList
        icon={IconClipboardList}
        title={t('learner.rpl.applications.emptyTitle')}
        description={t('learner.rpl.applications.emptyText')}
        actions={
          <Button component={Link} to={rplProgrammesPath} size="md">
            {t('learner.rpl.applications.browse')}
          </Button>
        }
      />
    );
  }

  return (
    <Stack gap="md">
      {orderRplApplications(data.myRplApplications).map((application) => (
        <Card
          key={application.id}
          component="article"
          withBorder
          radius="md"
          padding="md"
          className={classes.card}
        >
          <Stack gap="xs">
            <Group gap={6}>
              <RplStatusBadge status={application.status} label={application.statusLabel} />
              {application.recognisedSks !== null &&
              (application.status === 'DECIDED' || application.status === 'APPEALED') ? (
                <Text size="sm" fw={700} c="green.9">
                  {t('learner.rplResult.list.recognisedSks', {
                    sks: application.recognisedSks,
                    proposed: application.proposedSks ?? application.recognisedSks,
                  })}
                </Text>
              ) : (
                application.proposedSks !== null && (
                  <Text size="sm" fw={600} c="green.9">
                    {t('learner.rpl.applications.proposedSks', { sks: application.proposedSks })}
                  </Text>
                )
              )}
            </Group>
            <div>
              <Title order={2} fz="lg" lh={1.3}>
                <Link to={rplApplicationPath(application.id)} className={classes.titleLink}>
                  {application.programme.name}
                </Link>
              </Title>
              <Text size="sm" c="gray.8">
                {application.programme.university.name} · {application.intake.name}
              </Text>
            </div>
            {application.status === 'EVIDENCE_REQUESTED' &&
              (application.missingItems.length > 0 || application.evidenceRequest) && (
                <Group gap={6} wrap="nowrap" align="flex-start">
                  <IconAlertTriangle
                    size={18}
                    aria-hidden
                    color="var(--mantine-color-orange-8)"
                    style={{ flexShrink: 0 }}
                  />
                  <div style={{ minWidth: 0 }}>
                    {application.missingItems.length > 0 ? (
                      <>
                        <Text size="sm" fw={600}>
                          {t('learner.rplResult.list.missing', { count: application.missingItems.length })}
                        </Text>
                        <Text size="sm" lineClamp={3}>
                          {application.missingItems.join(' · ')}
                        </Text>
                      </>
                    ) : (
                      <Text size="sm" lineClamp={3}>
                        {application.evidenceRequest}
                      </Text>
                    )}
                  </div>
                </Group>
              )}
            <Text size="xs" c="gray.7">
              {application.submittedAt
                ? t('learner.rpl.applications.submittedAt', {
                    date: formatInstant(application.submittedAt, locale),
                  })
                : t('learner.rpl.applications.updatedAt', {
                    date: formatInstant(application.updatedAt, locale),
                  })}
            </Text>
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
