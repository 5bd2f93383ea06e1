import { formatNumber, useLocale } from '@kmg/ui';
import { Anchor, Badge, Box, Table, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Fragment } from 'react';
import { ApplicantStatusBadge } from '#components/ApplicantStatusBadge.tsx';
import { DrawerOpener } from '#components/RecordDrawer.tsx';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';
import { wrappingBadgeStyles } from '#lib/badge-styles.ts';
import { emailBreakPoints, formatCompactInstant, formatPoints } from '#lib/format.ts';

export const ApplicationsTable_application = graphql(`
  fragment ApplicationsTable_application on Application {
    id
    status
    submittedAt
    withdrawnAt
    teacher {
      id
      name
      email
      teacherProfile {
        nuptk
        subject
        school { id name }
      }
    }
    reviewSummary { count required meanScore spread disagrees }
  }
`);

/**
 * Applicants with their school and subject; a name opens the application (motivation, reviews,
 * history). For reviewed calls, the mean score, how many reviewers have scored and whether they
 * disagree. Times are shown on the venue's clock, the clock the deadline is judged by.
 */
export function ApplicationsTable({
  applications: data,
  labelledBy,
  timeZone,
  reviewed,
  onOpen,
}: {
  applications: readonly FragmentOf<typeof ApplicationsTable_application>[];
  /** The id of the heading that names the table ("Pendaftar"). */
  labelledBy: string;
  timeZone: string;
  /** A reviewed call: show the review columns. */
  reviewed: boolean;
  onOpen: (applicationId: string) => void;
}) {
  const { t, locale } = useLocale();
  const applications = data.map((application) => readFragment(ApplicationsTable_application, application));

  return (
    <Table.ScrollContainer minWidth={reviewed ? 1000 : 860} type="native" pos="relative">
      <Table
        verticalSpacing="sm"
        horizontalSpacing={8}
        fz="sm"
        layout="fixed"
        className="data-table"
        aria-labelledby={labelledBy}
        highlightOnHover
      >
        {/* The status column fits the longest status on one line ("Diterima, menunggu konfirmasi"); the
            score column fits a score gap ("Selisih 46,67") beside its icon. */}
        <colgroup>
          <col style={{ width: reviewed ? '15%' : '20%' }} />
          <col style={{ width: reviewed ? '15%' : '20%' }} />
          <col style={{ width: reviewed ? '15%' : '20%' }} />
          <col style={{ width: '24%' }} />
          <col style={{ width: reviewed ? '11%' : '16%' }} />
          {reviewed && <col style={{ width: '13%' }} />}
          {reviewed && <col style={{ width: '7%' }} />}
        </colgroup>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admin.applications.teacher')}</Table.Th>
            <Table.Th>{t('admin.applications.school')}</Table.Th>
            <Table.Th>{t('admin.applications.email')}</Table.Th>
            <Table.Th>{t('admin.applications.status')}</Table.Th>
            <Table.Th>{t('admin.applications.submittedAt')}</Table.Th>
            {reviewed && <Table.Th>{t('admin.applications.meanScore')}</Table.Th>}
            {reviewed && <Table.Th>{t('admin.applications.reviews')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {applications.map((application) => {
            const profile = application.teacher.teacherProfile;
            const summary = application.reviewSummary;
            const name = application.teacher.name;
            return (
              <Table.Tr key={application.id}>
                <Table.Td>
                  <DrawerOpener name={name} nuptk={profile?.nuptk} onOpen={() => onOpen(application.id)} />
                </Table.Td>
                <Table.Td>
                  {profile?.school.name ?? '–'}
                  {profile?.subject && (
                    <Text size="xs" c="dimmed" mt={2}>
                      {profile.subject}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Anchor
                    href={`mailto:${application.teacher.email}`}
                    size="sm"
                    style={{ overflowWrap: 'anywhere' }}
                  >
                    {emailBreakPoints(application.teacher.email).map((piece, index) => (
                      <Fragment key={index}>
                        {index > 0 && <wbr />}
                        {piece}
                      </Fragment>
                    ))}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <ApplicantStatusBadge status={application.status} size="md" oneLine />
                  {application.withdrawnAt && (
                    <Text size="xs" c="dimmed" mt={4}>
                      {t('admin.applications.withdrawnAt', {
                        date: formatCompactInstant(application.withdrawnAt, locale, timeZone),
                      })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{formatCompactInstant(application.submittedAt, locale, timeZone)}</Table.Td>
                {reviewed && (
                  <Table.Td>
                    {summary.meanScore === null ? (
                      <Text span size="sm" c="dimmed">
                        –
                      </Text>
                    ) : (
                      <Text span size="sm" fw={600}>
                        {formatPoints(summary.meanScore, locale)}
                      </Text>
                    )}
                    {/* Under the score, on its own line; the badge keeps Mantine's grid so icon and label sit side by side. */}
                    {summary.disagrees && (
                      <Box mt={4}>
                        <Badge
                          color="orange"
                          variant="light"
                          tt="none"
                          size="sm"
                          styles={wrappingBadgeStyles}
                          leftSection={<IconAlertTriangle size={12} aria-hidden />}
                        >
                          {t('admin.applications.spread', { spread: formatPoints(summary.spread, locale) })}
                        </Badge>
                      </Box>
                    )}
                  </Table.Td>
                )}
                {reviewed && (
                  <Table.Td>
                    <Text
                      span
                      size="sm"
                      c={summary.required > 0 && summary.count >= summary.required ? undefined : 'dimmed'}
                      aria-label={t('admin.applications.reviewsOf', {
                        count: summary.count,
                        required: summary.required,
                      })}
                    >
                      {formatNumber(summary.count, locale)}/{formatNumber(summary.required, locale)}
                    </Text>
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
