import { formatNumber, useLocale } from '@kmg/ui';
import { Anchor, Button, Divider, Group, List, Stack, Table, Text } from '@mantine/core';
import { IconEdit } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { AmendmentForm } from '#components/AmendmentForm.tsx';
import { AmendmentItem, AmendmentItem_amendment } from '#components/AmendmentItem.tsx';
import { CredentialCard, CredentialCard_credential } from '#components/CredentialCard.tsx';
import { DecisionBadge, IssuanceBadge, VerdictBadge } from '#components/DeliveryBadges.tsx';
import { EvidenceList, EvidenceList_evidence } from '#components/EvidenceList.tsx';
import { RecordDrawer, DrawerSection as Section } from '#components/RecordDrawer.tsx';
import { graphql, type ResultOf } from '#graphql.ts';
import { deliveryRights, verdictOf } from '#lib/delivery.ts';
import { formatTrainingDay } from '#lib/format.ts';

const ParticipantDrawerQuery = graphql(
  `
  query ParticipantDrawer($id: ID!) {
    application(id: $id) {
      id
      teacher { id name email teacherProfile { nuptk subject school { id name } } }
      call {
        id
        timeZone
        assessmentKind
        minAttendancePercent
        resultsStatus
        trainingDays { id date }
        competencyUnits { id code title }
        viewerCanDeliver
        viewerCanRun
      }
      attendance { dayId present }
      assessments { id unitId decision notes evidence { id ...EvidenceList_evidence } }
      completion { attendancePercent complete passed reasons { code message } }
      issuanceStatus
      credentials { id ...CredentialCard_credential }
      amendments { id ...AmendmentItem_amendment }
    }
  }
`,
  [CredentialCard_credential, AmendmentItem_amendment, EvidenceList_evidence],
);

/**
 * One participant's delivery in full, beside the participants table: attendance day by day, each
 * unit's decision with notes and evidence, the verdict and why, their credentials (with the ways to
 * suspend, reinstate or revoke them) and the corrections proposed after approval.
 */
export function ParticipantDrawer({
  applicationId,
  onClose,
}: {
  applicationId: string | null;
  onClose: () => void;
}) {
  const { t } = useLocale();
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: ParticipantDrawerQuery,
    variables: { id: applicationId ?? '' },
    pause: !applicationId,
    requestPolicy: 'cache-and-network',
  });
  const participant = data?.application?.id === applicationId ? data.application : null;

  return (
    <RecordDrawer
      opened={!!applicationId}
      onClose={onClose}
      title={participant?.teacher.name ?? t('admin.delivery.participant.title')}
      closeLabel={t('admin.delivery.participant.close')}
      notFound={t('admin.delivery.participant.notFound')}
      error={error}
      fetching={fetching}
      onRetry={() => reexecute({ requestPolicy: 'network-only' })}
      blocks={[{ h: 24, w: '50%' }, { h: 160 }, { h: 200 }]}
    >
      {/* A fresh form for each participant. */}
      {participant ? <ParticipantDetails key={participant.id} participant={participant} /> : null}
    </RecordDrawer>
  );
}

type Loaded = NonNullable<ResultOf<typeof ParticipantDrawerQuery>['application']>;

function ParticipantDetails({ participant }: { participant: Loaded }) {
  const { t, locale } = useLocale();
  const [proposing, setProposing] = useState(false);
  const call = participant.call;
  const rights = deliveryRights(call);
  const profile = participant.teacher.teacherProfile;
  const completion = participant.completion;
  const present = new Map(participant.attendance.map((row) => [row.dayId, row.present]));
  const assessments = new Map(participant.assessments.map((row) => [row.unitId, row]));
  const competency = call.assessmentKind === 'COMPETENCY' && call.competencyUnits.length > 0;
  const approved = call.resultsStatus === 'APPROVED';

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Group gap="sm">
          <VerdictBadge verdict={verdictOf(completion)} size="lg" />
          {completion && (
            <Text size="sm">
              {t('admin.delivery.participant.attendancePercent', {
                percent: formatNumber(completion.attendancePercent, locale),
              })}
            </Text>
          )}
          {participant.issuanceStatus && <IssuanceBadge status={participant.issuanceStatus} size="md" />}
        </Group>
        {completion && completion.reasons.length > 0 && (
          <List size="sm" spacing={2}>
            {completion.reasons.map((reason) => (
              <List.Item key={reason.code}>{reason.message}</List.Item>
            ))}
          </List>
        )}
        <Text size="sm" c="dimmed">
          {[profile?.school.name, profile?.nuptk ? `NUPTK ${profile.nuptk}` : null, participant.teacher.email]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      </Stack>

      <Section id="participant-attendance" title={t('admin.delivery.participant.attendance')}>
        <Table fz="sm" verticalSpacing={6} aria-labelledby="participant-attendance" withRowBorders>
          <Table.Tbody>
            {call.trainingDays.map((day) => {
              const value = present.get(day.id);
              return (
                <Table.Tr key={day.id}>
                  <Table.Th scope="row" fw={500}>
                    {formatTrainingDay(day.date, locale, 'long')}
                  </Table.Th>
                  <Table.Td c={value === false ? 'red.8' : value === undefined ? 'dimmed' : undefined}>
                    {value === undefined
                      ? t('admin.delivery.attendance.unrecorded')
                      : value
                        ? t('admin.delivery.attendance.present')
                        : t('admin.delivery.attendance.absent')}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Section>

      {competency && (
        <Section id="participant-units" title={t('admin.delivery.participant.units')}>
          <Stack gap="sm">
            {call.competencyUnits.map((unit) => {
              const assessment = assessments.get(unit.id);
              return (
                <div key={unit.id}>
                  <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
                    <Text size="sm">
                      <Text span ff="monospace" size="xs">
                        {unit.code}
                      </Text>{' '}
                      {unit.title}
                    </Text>
                    <DecisionBadge
                      decision={assessment?.decision ?? null}
                      size="md"
                      style={{ flex: 'none' }}
                    />
                  </Group>
                  {assessment?.notes && (
                    <Text size="sm" c="dimmed" mt={2} style={{ whiteSpace: 'pre-line' }}>
                      {assessment.notes}
                    </Text>
                  )}
                  {assessment && assessment.evidence.length > 0 && (
                    <EvidenceList evidence={assessment.evidence} compact />
                  )}
                </div>
              );
            })}
          </Stack>
        </Section>
      )}

      <Section id="participant-credentials" title={t('admin.delivery.participant.credentials')}>
        {participant.credentials.length === 0 ? (
          <Text size="sm" c="dimmed">
            {approved
              ? completion?.passed
                ? t('admin.delivery.participant.credentialPending')
                : t('admin.delivery.participant.noCredentialFailed')
              : t('admin.delivery.participant.noCredentialYet')}
          </Text>
        ) : (
          <Stack gap="sm">
            {participant.credentials.map((credential) => (
              <CredentialCard
                key={credential.id}
                credential={credential}
                canChange={rights.canRun}
                timeZone={call.timeZone}
              />
            ))}
          </Stack>
        )}
      </Section>

      {approved && (
        <>
          <Divider />
          <Section id="participant-amendments" title={t('admin.delivery.participant.amendments')}>
            <Stack gap="sm">
              {rights.canRecord && !proposing && (
                <Group justify="space-between" gap="xs">
                  <Text size="sm" c="dimmed" style={{ flex: '1 1 16rem' }}>
                    {t('admin.delivery.amendment.why')}
                  </Text>
                  <Button
                    variant="light"
                    leftSection={<IconEdit size={16} aria-hidden />}
                    onClick={() => setProposing(true)}
                  >
                    {t('admin.delivery.amendment.propose')}
                  </Button>
                </Group>
              )}
              {proposing && (
                <AmendmentForm
                  applicationId={participant.id}
                  days={call.trainingDays}
                  units={call.competencyUnits}
                  record={participant}
                  rules={{
                    minAttendancePercent: call.minAttendancePercent,
                    assessmentKind: call.assessmentKind,
                  }}
                  onClose={() => setProposing(false)}
                />
              )}
              {participant.amendments.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('admin.delivery.participant.noAmendments')}
                </Text>
              ) : (
                participant.amendments.map((amendment) => (
                  <AmendmentItem
                    key={amendment.id}
                    amendment={amendment}
                    days={call.trainingDays}
                    units={call.competencyUnits}
                    timeZone={call.timeZone}
                    canDecide={rights.canRun}
                  />
                ))
              )}
            </Stack>
          </Section>
        </>
      )}
      {call.resultsStatus === 'RECORDING' && rights.canRecord && (
        <Group gap="md">
          <Anchor component={Link} to={`/lowongan/${call.id}/pelaksanaan/kehadiran`} size="sm">
            {t('admin.delivery.participant.toAttendance')}
          </Anchor>
          {competency && (
            <Anchor
              component={Link}
              to={`/lowongan/${call.id}/pelaksanaan/asesmen?peserta=${encodeURIComponent(participant.id)}`}
              size="sm"
            >
              {t('admin.delivery.participant.toAssessment')}
            </Anchor>
          )}
        </Group>
      )}
    </Stack>
  );
}
