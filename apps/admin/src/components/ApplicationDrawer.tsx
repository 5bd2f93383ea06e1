import { formatLocalDate, useLocale } from '@kmg/ui';
import { Blockquote, Divider, Group, Stack, Text } from '@mantine/core';
import { useQuery } from 'urql';
import { ApplicantStatusBadge } from '#components/ApplicantStatusBadge.tsx';
import { ApplicationHistory, ApplicationHistory_application } from '#components/ApplicationHistory.tsx';
import { ApplicationReviews, ApplicationReviews_application } from '#components/ApplicationReviews.tsx';
import { Fact, Facts } from '#components/Facts.tsx';
import { RecordDrawer, DrawerSection as Section } from '#components/RecordDrawer.tsx';
import { graphql, type ResultOf } from '#graphql.ts';
import { formatCompactInstant, formatPoints } from '#lib/format.ts';
import { endorsedBy } from '#lib/history.ts';

const ApplicationDrawerQuery = graphql(
  `
  query ApplicationDrawer($id: ID!) {
    application(id: $id) {
      id
      status
      submittedAt
      endorsedAt
      motivation
      endorsementNote
      outcomeExplanation
      rank
      score
      waitlistPosition
      confirmBy
      teacher {
        id
        name
        email
        teacherProfile { nuptk subject employmentStatus teachingSince school { id name } }
      }
      call { id timeZone selectionMode }
      history { id action actor { id name } }
      ...ApplicationReviews_application
      ...ApplicationHistory_application
    }
  }
`,
  [ApplicationReviews_application, ApplicationHistory_application],
);

/**
 * One application in full, beside the applicants table: the teacher, their motivation, the
 * principal's endorsement, every reviewer's scores, the outcome with its reason, and the history.
 * Its own query: it loads only when opened.
 */
export function ApplicationDrawer({
  applicationId,
  onClose,
}: {
  applicationId: string | null;
  onClose: () => void;
}) {
  const { t } = useLocale();
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: ApplicationDrawerQuery,
    variables: { id: applicationId ?? '' },
    pause: !applicationId,
    requestPolicy: 'cache-and-network',
  });
  const application = data?.application?.id === applicationId ? data.application : null;

  return (
    <RecordDrawer
      opened={!!applicationId}
      onClose={onClose}
      title={application?.teacher.name ?? t('admin.application.title')}
      closeLabel={t('admin.application.close')}
      notFound={t('admin.application.notFound')}
      error={error}
      fetching={fetching}
      onRetry={() => reexecute({ requestPolicy: 'network-only' })}
      blocks={[{ h: 24, w: '50%' }, { h: 120 }, { h: 200 }]}
    >
      {application ? <ApplicationDetails application={application} /> : null}
    </RecordDrawer>
  );
}

type Loaded = NonNullable<ResultOf<typeof ApplicationDrawerQuery>['application']>;

function ApplicationDetails({ application }: { application: Loaded }) {
  const { t, locale } = useLocale();
  const profile = application.teacher.teacherProfile;
  const zone = application.call.timeZone;
  const at = (instant: string) => formatCompactInstant(instant, locale, zone);
  const principal = endorsedBy(application.history);
  const reviewed = application.call.selectionMode === 'REVIEWED';

  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Group gap="sm">
          <ApplicantStatusBadge status={application.status} size="lg" />
          {application.rank !== null && (
            <Text size="sm">{t('admin.application.rank', { rank: application.rank })}</Text>
          )}
          {application.score !== null && (
            <Text size="sm">
              {t('admin.application.score', { score: formatPoints(application.score, locale) })}
            </Text>
          )}
          {application.waitlistPosition !== null && (
            <Text size="sm">
              {t('admin.application.waitlistPosition', { position: application.waitlistPosition })}
            </Text>
          )}
        </Group>
        {application.outcomeExplanation && (
          <Text size="sm">{t('admin.application.because', { reason: application.outcomeExplanation })}</Text>
        )}
        {application.confirmBy && application.status === 'ACCEPTED' && (
          <Text size="sm" c="dimmed">
            {t('admin.application.confirmBy', { date: at(application.confirmBy) })}
          </Text>
        )}
      </Stack>

      <Facts columns={2}>
        <Fact label={t('admin.applications.school')}>{profile?.school.name ?? '–'}</Fact>
        <Fact label={t('admin.applications.nuptk')}>
          <Text span ff="monospace" size="sm">
            {profile?.nuptk ?? '–'}
          </Text>
        </Fact>
        <Fact label={t('admin.applications.subject')}>{profile?.subject ?? '–'}</Fact>
        <Fact label={t('admin.application.teachingSince')}>
          {profile ? formatLocalDate(profile.teachingSince, locale, 'medium') : '–'}
        </Fact>
        <Fact label={t('admin.applications.email')}>{application.teacher.email}</Fact>
        <Fact label={t('admin.applications.submittedAt')}>{at(application.submittedAt)}</Fact>
      </Facts>

      <Section id="application-motivation" title={t('admin.application.motivation')}>
        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
          {application.motivation}
        </Text>
      </Section>

      <Section id="application-endorsement" title={t('admin.application.endorsement')}>
        {application.endorsedAt ? (
          <Stack gap={4}>
            <Text size="sm">
              {principal
                ? t('admin.application.endorsedBy', { name: principal, date: at(application.endorsedAt) })
                : t('admin.application.endorsedOn', { date: at(application.endorsedAt) })}
            </Text>
            {application.endorsementNote ? (
              <Blockquote p="sm" color="cyan" fz="sm" style={{ whiteSpace: 'pre-line' }}>
                {application.endorsementNote}
              </Blockquote>
            ) : (
              <Text size="sm" c="dimmed">
                {t('admin.application.noNote')}
              </Text>
            )}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {application.endorsementNote ?? t('admin.application.notEndorsed')}
          </Text>
        )}
      </Section>

      {reviewed && (
        <Section id="application-reviews" title={t('admin.application.reviews')}>
          <ApplicationReviews application={application} />
        </Section>
      )}

      <Divider />
      <Section id="application-history" title={t('admin.application.history')}>
        <ApplicationHistory application={application} />
      </Section>
    </Stack>
  );
}
