import { formatNumber, useLocale } from '@kmg/ui';
import { Group, List, Progress, Stack, Table, Text } from '@mantine/core';
import {
  CredentialStatusBadge,
  DecisionBadge,
  IssuanceBadge,
  VerdictBadge,
} from '#components/DeliveryBadges.tsx';
import { DrawerOpener } from '#components/RecordDrawer.tsx';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';
import { verdictOf } from '#lib/delivery.ts';

export const ParticipantsTable_call = graphql(`
  fragment ParticipantsTable_call on TrainingCall {
    id
    assessmentKind
    resultsStatus
    minAttendancePercent
    competencyUnits { id code title }
  }
`);

export const ParticipantsTable_participant = graphql(`
  fragment ParticipantsTable_participant on Application {
    id
    teacher { id name teacherProfile { nuptk school { id name } } }
    completion { attendancePercent complete passed reasons { code message } }
    assessments { id unitId decision }
    issuanceStatus
    credentials { id status revision }
  }
`);

/**
 * Every participant with their attendance against the minimum, a decision per SKKNI unit, the
 * verdict with its reasons, and where their credential is. A name opens the participant.
 */
export function ParticipantsTable({
  call: callData,
  participants: data,
  labelledBy,
  onOpen,
}: {
  call: FragmentOf<typeof ParticipantsTable_call>;
  participants: readonly FragmentOf<typeof ParticipantsTable_participant>[];
  labelledBy: string;
  onOpen: (applicationId: string) => void;
}) {
  const { t, locale } = useLocale();
  const call = readFragment(ParticipantsTable_call, callData);
  const participants = data.map((participant) => readFragment(ParticipantsTable_participant, participant));
  const competency = call.assessmentKind === 'COMPETENCY' && call.competencyUnits.length > 0;
  const approved = call.resultsStatus === 'APPROVED';
  const percent = (value: number) => `${formatNumber(value, locale)}%`;

  return (
    <Table.ScrollContainer minWidth={competency ? 980 : 820} type="native">
      <Table
        verticalSpacing="sm"
        horizontalSpacing={10}
        fz="sm"
        layout="fixed"
        className="data-table participants-table"
        aria-labelledby={labelledBy}
        highlightOnHover
      >
        <colgroup>
          <col style={{ width: competency ? '20%' : '28%' }} />
          <col style={{ width: competency ? '12%' : '17%' }} />
          {competency && <col style={{ width: '25%' }} />}
          <col style={{ width: competency ? '26%' : '35%' }} />
          <col style={{ width: competency ? '17%' : '20%' }} />
        </colgroup>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admin.delivery.participants.teacher')}</Table.Th>
            <Table.Th>
              {t('admin.delivery.participants.attendance')}
              <Text span size="xs" c="dimmed" fw={400} display="block">
                {t('admin.delivery.participants.minimum', { min: call.minAttendancePercent })}
              </Text>
            </Table.Th>
            {competency && <Table.Th>{t('admin.delivery.participants.units')}</Table.Th>}
            <Table.Th>{t('admin.delivery.participants.result')}</Table.Th>
            <Table.Th>{t('admin.delivery.participants.credential')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {participants.map((participant) => {
            const completion = participant.completion;
            const verdict = verdictOf(completion);
            const attendance = completion?.attendancePercent ?? 0;
            const meets = attendance >= call.minAttendancePercent;
            // Below the minimum only counts against them once every day is recorded.
            const daysMissing = completion?.reasons.some((reason) => reason.code === 'ATTENDANCE_INCOMPLETE');
            const tone = meets ? 'teal' : daysMissing ? 'gray' : 'red';
            const credential = participant.credentials[0];
            const decisions = new Map(participant.assessments.map((row) => [row.unitId, row.decision]));
            return (
              <Table.Tr key={participant.id}>
                <Table.Td>
                  <DrawerOpener
                    name={participant.teacher.name}
                    nuptk={participant.teacher.teacherProfile?.nuptk}
                    onOpen={() => onOpen(participant.id)}
                  />
                  <Text size="xs" c="dimmed">
                    {participant.teacher.teacherProfile?.school.name ?? ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text span fw={600} c={tone === 'red' ? 'red.8' : undefined}>
                    {percent(attendance)}
                  </Text>
                  <Progress value={attendance} size="sm" mt={6} color={tone} aria-hidden />
                </Table.Td>
                {competency && (
                  <Table.Td>
                    <Stack gap={4}>
                      {call.competencyUnits.map((unit) => (
                        <Group key={unit.id} gap={6} wrap="nowrap" title={unit.title}>
                          <Text span ff="monospace" fz={11} c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                            {unit.code}
                          </Text>
                          <DecisionBadge decision={decisions.get(unit.id) ?? null} size="sm" />
                        </Group>
                      ))}
                    </Stack>
                  </Table.Td>
                )}
                <Table.Td>
                  <VerdictBadge verdict={verdict} size="md" />
                  {completion && completion.reasons.length > 0 && (
                    <List size="xs" mt={6} spacing={2} c="dimmed">
                      {completion.reasons.map((reason) => (
                        <List.Item key={reason.code}>{reason.message}</List.Item>
                      ))}
                    </List>
                  )}
                </Table.Td>
                <Table.Td>
                  {credential ? (
                    <Group gap={4}>
                      <CredentialStatusBadge status={credential.status} size="md" />
                      {credential.revision > 1 && (
                        <Text span size="xs" c="dimmed">
                          {t('admin.delivery.credential.revision', { revision: credential.revision })}
                        </Text>
                      )}
                    </Group>
                  ) : participant.issuanceStatus ? (
                    <IssuanceBadge status={participant.issuanceStatus} size="md" />
                  ) : (
                    <Text span size="sm" c="dimmed">
                      {approved && verdict !== 'passed'
                        ? t('admin.delivery.participants.noCredential')
                        : t('admin.delivery.participants.notYet')}
                    </Text>
                  )}
                  {credential && participant.issuanceStatus === 'QUEUED' && (
                    <IssuanceBadge status="QUEUED" size="sm" mt={4} />
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
