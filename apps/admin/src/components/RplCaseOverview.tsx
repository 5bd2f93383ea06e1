import { formatInstant, formatLocalDate, useLocale } from '@kmg/ui';
import { Alert, List, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { Fact, Facts } from '#components/Facts.tsx';
import { RplDeadline } from '#components/RplDeadline.tsx';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';

export const RplCaseOverview_case = graphql(`
  fragment RplCaseOverview_case on RplApplication {
    status
    submittedAt
    recognisedSks
    missingItems
    evidenceRequest
    evidenceRequestedAt
    intake { id cutoffDate }
    proposal { totalSks capSks }
    deadlines { step stepLabel dueOn daysLeft isOverdue }
    participants { userId name role roleLabel }
  }
`);

/** Seats shown first, in the order the case passes through them. */
const roleOrder = [
  'ADMIN_OFFICER',
  'ACADEMIC_ASSESSOR',
  'PRACTITIONER_ASSESSOR',
  'COMMITTEE',
  'VALIDATOR',
  'UNIVERSITY_ADMIN',
] as const;

/** The note sent with the missing items: the request's lines that are not the items' own. */
function noteOf(request: string | null, items: readonly string[]): string | null {
  if (!request) return null;
  const lines = request
    .split('\n')
    .filter((line) => !items.some((item) => line === item || line === `• ${item}`));
  return lines.join('\n').trim() || null;
}

/**
 * The case at a glance: the current step's due date and the whole case's (late ones said in words),
 * the people on the case in their roles, the dates and SKS; when it is back with the teacher, what
 * they were asked to add.
 */
export function RplCaseOverview({
  application: data,
}: {
  application: FragmentOf<typeof RplCaseOverview_case>;
}) {
  const { t, locale } = useLocale();
  const application = readFragment(RplCaseOverview_case, data);
  // One line per person, their roles on the case in the order the case passes through them.
  const people = [...application.participants]
    .sort((a, b) => roleOrder.indexOf(a.role) - roleOrder.indexOf(b.role))
    .reduce<{ userId: string; name: string; roles: string[] }[]>((list, person) => {
      const entry = list.find((other) => other.userId === person.userId);
      if (entry) entry.roles.push(person.roleLabel);
      else list.push({ userId: person.userId, name: person.name, roles: [person.roleLabel] });
      return list;
    }, []);

  return (
    <Stack gap="md">
      {application.status === 'EVIDENCE_REQUESTED' && (
        <Alert
          color="orange"
          variant="light"
          title={t('admin.rplCase.overview.returned', {
            date: application.evidenceRequestedAt
              ? formatInstant(application.evidenceRequestedAt, locale)
              : '',
          })}
        >
          {application.missingItems.length > 0 ? (
            <>
              <List size="sm">
                {application.missingItems.map((item) => (
                  <List.Item key={item}>{item}</List.Item>
                ))}
              </List>
              {noteOf(application.evidenceRequest, application.missingItems) && (
                <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
                  {noteOf(application.evidenceRequest, application.missingItems)}
                </Text>
              )}
            </>
          ) : (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {application.evidenceRequest}
            </Text>
          )}
        </Alert>
      )}
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
        <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="lg">
          <Facts>
            <Fact label={t('admin.rplCase.overview.deadlines')}>
              {application.deadlines.length === 0 ? (
                t('admin.rplCase.overview.noDeadline')
              ) : (
                <Stack gap="xs">
                  {application.deadlines.map((deadline) => (
                    <RplDeadline key={deadline.step} deadline={deadline} label={deadline.stepLabel} />
                  ))}
                </Stack>
              )}
            </Fact>
          </Facts>
          <Facts>
            <Fact label={t('admin.rplCase.overview.people')}>
              {people.length === 0 ? (
                t('admin.rplCase.overview.nobody')
              ) : (
                <Stack gap={4}>
                  {people.map((person) => (
                    <span key={person.userId}>
                      <Text size="sm" fw={600} span>
                        {person.name}
                      </Text>
                      <Text size="xs" c="dimmed" span>
                        {' · '}
                        {person.roles.join(', ')}
                      </Text>
                    </span>
                  ))}
                </Stack>
              )}
            </Fact>
          </Facts>
          <Facts>
            <Fact label={t('admin.rpl.application.submitted')}>
              {application.submittedAt ? formatInstant(application.submittedAt, locale) : '—'}
            </Fact>
            <Fact label={t('admin.rpl.application.cutoff')}>
              {formatLocalDate(application.intake.cutoffDate, locale)}
            </Fact>
          </Facts>
          <Facts>
            <Fact label={t('admin.rpl.application.proposedSks')}>
              {application.proposal
                ? t('admin.rpl.application.sksOfCap', {
                    sks: application.proposal.totalSks,
                    cap: application.proposal.capSks ?? '—',
                  })
                : '—'}
            </Fact>
            {application.recognisedSks !== null && (
              <Fact label={t('admin.rplCase.overview.recognisedSks')}>
                {t('admin.rplCase.overview.sks', { sks: application.recognisedSks })}
              </Fact>
            )}
          </Facts>
        </SimpleGrid>
      </Paper>
    </Stack>
  );
}
