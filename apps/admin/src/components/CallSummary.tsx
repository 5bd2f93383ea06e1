import { localDateAt } from '@kmg/domain';
import { formatDateRange, formatInstant, formatLocalDate, formatNumber, useLocale } from '@kmg/ui';
import { Alert, Badge, Grid, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Fact, Facts } from '#components/Facts.tsx';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';
import { zoneAbbreviation } from '#lib/venue-time.ts';

export const CallSummary_call = graphql(`
  fragment CallSummary_call on TrainingCall {
    id
    title
    description
    learningOutcomes
    competencyUnits { code title }
    mode
    venueName
    address
    city
    province { code name }
    timeZone
    startDate
    endDate
    trainingHours
    seats
    applicationCount
    applicationOpensAt
    applicationClosesAt
    isAcceptingApplications
    status
    publishedAt
    cancelledAt
    cancellationReason
    programme { id name }
    provider { id name }
    skillArea { id nameId nameEn }
  }
`);

/** Everything a manager checks about a call: when, where, who runs it, what it teaches. */
export function CallSummary({ call: data }: { call: FragmentOf<typeof CallSummary_call> }) {
  const { t, locale } = useLocale();
  const call = readFragment(CallSummary_call, data);
  const at = (instant: string) => formatInstant(instant, locale, call.timeZone);
  const place = [call.venueName, call.address].filter(Boolean).join(', ');

  return (
    <Stack gap="lg">
      {call.status === 'CANCELLED' && (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle size={18} aria-hidden />}
          title={t('admin.call.cancelled')}
        >
          {call.cancelledAt &&
            t('admin.call.cancelledOn', {
              date: formatLocalDate(localDateAt(new Date(call.cancelledAt), call.timeZone), locale),
            })}{' '}
          {call.cancellationReason && t('admin.call.cancellationReason', { reason: call.cancellationReason })}
        </Alert>
      )}

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="call-details">
            <Stack gap="lg">
              <Title order={2} size="h3" id="call-details">
                {t('admin.call.details')}
              </Title>
              <div>
                <Title order={3} size="h5" mb={6}>
                  {t('admin.call.description')}
                </Title>
                <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                  {call.description}
                </Text>
              </div>
              <div>
                <Title order={3} size="h5" mb={6}>
                  {t('admin.call.learningOutcomes')}
                </Title>
                <List type="ordered" size="sm" spacing={4}>
                  {call.learningOutcomes.map((outcome) => (
                    <List.Item key={outcome}>{outcome}</List.Item>
                  ))}
                </List>
              </div>
              <div>
                <Title order={3} size="h5" mb={6}>
                  {t('admin.call.competencyUnits')}
                </Title>
                {call.competencyUnits.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('admin.call.noCompetencyUnits')}
                  </Text>
                ) : (
                  <Table fz="sm" verticalSpacing={6} withRowBorders>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th w={170}>{t('admin.call.unitCode')}</Table.Th>
                        <Table.Th>{t('admin.call.unitTitle')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {call.competencyUnits.map((unit) => (
                        <Table.Tr key={unit.code}>
                          <Table.Td ff="monospace">{unit.code}</Table.Td>
                          <Table.Td>{unit.title}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                )}
              </div>
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Paper withBorder radius="md" p="lg">
            <Facts>
              <Fact label={t('admin.call.dates')}>
                {formatDateRange(call.startDate, call.endDate, locale)}
                <Text span size="sm" c="dimmed">
                  {' · '}
                  {t('common.hours', { count: call.trainingHours })}
                </Text>
              </Fact>
              <Fact label={t('admin.call.window')}>
                {t('admin.call.windowValue', {
                  opens: at(call.applicationOpensAt),
                  closes: at(call.applicationClosesAt),
                })}
                <Group gap={6} mt={6}>
                  <Badge
                    variant="dot"
                    color={call.isAcceptingApplications ? 'green' : 'gray'}
                    tt="none"
                    size="md"
                  >
                    {call.isAcceptingApplications
                      ? t('admin.call.acceptingNow')
                      : t('admin.call.notAcceptingNow')}
                  </Badge>
                </Group>
                <Text size="xs" c="dimmed" mt={6}>
                  {t('admin.call.timeZoneNote', {
                    zone: `${zoneAbbreviation(call.timeZone)}, ${call.timeZone}`,
                  })}
                </Text>
              </Fact>
              {/* Not "6 / 3 kursi", which reads as six of three seats. */}
              <Fact label={t('admin.call.applicants')}>
                <Text span fw={700}>
                  {t('admin.call.applicantCount', {
                    count: call.applicationCount,
                    number: formatNumber(call.applicationCount, locale),
                  })}
                </Text>
                {' · '}
                {t('admin.call.quota', { seats: t('common.seats', { count: call.seats }) })}
              </Fact>
              <Fact label={t('admin.call.programme')}>{call.programme.name}</Fact>
              <Fact label={t('admin.call.provider')}>{call.provider.name}</Fact>
              <Fact label={t('admin.call.skillArea')}>
                {locale === 'en' ? call.skillArea.nameEn : call.skillArea.nameId}
              </Fact>
              <Fact label={t('admin.call.mode')}>{t(`status.mode.${call.mode}`)}</Fact>
              <Fact label={t('admin.call.location')}>
                {place && (
                  <>
                    {place}
                    <br />
                  </>
                )}
                {call.city}, {call.province.name}
              </Fact>
              <Fact label={t('admin.call.publishedAt')}>
                {call.publishedAt ? at(call.publishedAt) : t('admin.call.notPublished')}
              </Fact>
            </Facts>
          </Paper>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
