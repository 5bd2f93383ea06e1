import {
  ApplicationStatusBadge,
  CredentialStatusBadge,
  formatDateRange,
  formatInstant,
  useLocale,
} from '@kmg/ui';
import { Button, Collapse, List, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { useQuery } from 'urql';
import { QueryFallback } from '#components/QueryState.tsx';
import { graphql } from '#graphql.ts';

const ApplicantRecordQuery = graphql(`
  query ApplicantRecord($id: ID!) {
    application(id: $id) {
      id
      applicantRecord {
        trainings {
          callTitle
          providerName
          startDate
          endDate
          status
          outcomeExplanation
        }
        credentials {
          name
          issuedAt
          status
        }
      }
      endorsementHistory {
        id
        action
        occurredAt
        reason
        actor {
          id
          name
        }
      }
    }
  }
`);

/** The audit actions of an endorsement, as `learner.school.record.action.*` names them. */
const decisionKeys: Record<string, string> = {
  'application.endorsed': 'endorsed',
  'application.not_endorsed': 'not_endorsed',
  'application.endorsement_undone': 'endorsement_undone',
  'application.endorsement_expired': 'endorsement_expired',
};

/**
 * What the principal reads before deciding, on demand (one request per opened card, none for the
 * list): the teacher's earlier KMG trainings with where each ended, their credentials as they stand
 * today, and this application's endorsement decisions, undone ones included.
 */
export function ApplicantRecord({
  applicationId,
  teacherName,
}: {
  applicationId: string;
  teacherName: string;
}) {
  const { t } = useLocale();
  const [isOpen, setOpen] = useState(false);
  const panelId = useId();
  return (
    <div>
      <Button
        variant="subtle"
        size="compact-md"
        px={0}
        aria-expanded={isOpen}
        aria-controls={panelId}
        rightSection={
          isOpen ? <IconChevronUp size={16} aria-hidden /> : <IconChevronDown size={16} aria-hidden />
        }
        onClick={() => setOpen((open) => !open)}
      >
        {isOpen ? t('learner.school.record.hide') : t('learner.school.record.show', { name: teacherName })}
      </Button>
      <Collapse expanded={isOpen} id={panelId}>
        {isOpen && <RecordBody applicationId={applicationId} />}
      </Collapse>
    </div>
  );
}

function RecordBody({ applicationId }: { applicationId: string }) {
  const { t, locale } = useLocale();
  const [{ data, error }, reexecute] = useQuery({
    query: ApplicantRecordQuery,
    variables: { id: applicationId },
    // Decisions and credentials change elsewhere: read them as they are now.
    requestPolicy: 'cache-and-network',
  });
  const application = data?.application;
  if (!application) {
    return (
      <QueryFallback
        error={error}
        reexecute={reexecute}
        skeleton={
          <Stack gap="xs" mt="xs">
            <Skeleton height={16} width="50%" />
            <Skeleton height={40} />
            <Skeleton height={16} width="40%" />
          </Stack>
        }
      />
    );
  }
  const record = application.applicantRecord;
  return (
    <Stack gap="sm" mt="xs">
      {record ? (
        <>
          <section>
            <Title order={4} fz="sm" fw={700} mb={4}>
              {t('learner.school.record.trainings')}
            </Title>
            {record.trainings.length === 0 ? (
              <Text size="sm" c="gray.7">
                {t('learner.school.record.noTrainings')}
              </Text>
            ) : (
              <List spacing={8} listStyleType="none" ml={0} pl={0}>
                {record.trainings.map((training) => (
                  <List.Item key={`${training.callTitle}-${training.startDate}`}>
                    <Text size="sm" fw={600} lh={1.35}>
                      {training.callTitle}
                    </Text>
                    <Text size="sm" c="gray.7">
                      {formatDateRange(training.startDate, training.endDate, locale)} ·{' '}
                      {training.providerName}
                    </Text>
                    <ApplicationStatusBadge status={training.status} tt="none" mt={2} />
                    {training.outcomeExplanation && (
                      <Text size="sm" c="gray.7">
                        {training.outcomeExplanation}
                      </Text>
                    )}
                  </List.Item>
                ))}
              </List>
            )}
          </section>
          <section>
            <Title order={4} fz="sm" fw={700} mb={4}>
              {t('learner.school.record.credentials')}
            </Title>
            {record.credentials.length === 0 ? (
              <Text size="sm" c="gray.7">
                {t('learner.school.record.noCredentials')}
              </Text>
            ) : (
              <List spacing={8} listStyleType="none" ml={0} pl={0}>
                {record.credentials.map((credential) => (
                  <List.Item key={`${credential.name}-${credential.issuedAt}`}>
                    <Text size="sm" fw={600} lh={1.35}>
                      {credential.name}
                    </Text>
                    <Text size="sm" c="gray.7">
                      {t('learner.school.record.issuedAt', {
                        when: formatInstant(credential.issuedAt, locale),
                      })}
                    </Text>
                    <CredentialStatusBadge status={credential.status} mt={2} />
                  </List.Item>
                ))}
              </List>
            )}
          </section>
        </>
      ) : (
        <Text size="sm" c="gray.7">
          {t('learner.school.record.unavailable')}
        </Text>
      )}
      <section>
        <Title order={4} fz="sm" fw={700} mb={4}>
          {t('learner.school.record.decisions')}
        </Title>
        {application.endorsementHistory.length === 0 ? (
          <Text size="sm" c="gray.7">
            {t('learner.school.record.noDecisions')}
          </Text>
        ) : (
          <List spacing={6} listStyleType="none" ml={0} pl={0}>
            {application.endorsementHistory.map((event) => (
              <List.Item key={event.id}>
                <Text size="sm">
                  {t(`learner.school.record.action.${decisionKeys[event.action] ?? 'endorsed'}`, {
                    actor: event.actor?.name ?? '',
                  })}{' '}
                  <Text span size="sm" c="gray.7">
                    · {formatInstant(event.occurredAt, locale)}
                  </Text>
                </Text>
                {event.reason && (
                  <Text size="sm" fs="italic" c="gray.8">
                    {event.reason}
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        )}
      </section>
    </Stack>
  );
}
