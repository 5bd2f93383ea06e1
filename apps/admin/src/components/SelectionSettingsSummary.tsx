import { formatInstant, formatLocalDate, useLocale } from '@kmg/ui';
import { Grid, List, Table, Text } from '@mantine/core';
import { Fact, Facts } from '#components/Facts.tsx';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';
import { formatPoints } from '#lib/format.ts';
import { criterionShares } from '#lib/selection-settings.ts';

export const SelectionSettingsSummary_call = graphql(`
  fragment SelectionSettingsSummary_call on TrainingCall {
    id
    timeZone
    programme { id year }
    selectionMode
    requiresEndorsement
    endorsementDeadline
    confirmationDays
    eligibilityRules {
      subjects
      employmentStatuses
      minTeachingYears
      maxAge
      ageReferenceDate
      provinces { code name }
      schoolStatuses
      centreOfExcellenceOnly
    }
    rubric { key name weight maxScore }
    minScore
    maxPerSchool
    seatsPerProvince { province { code name } seats }
  }
`);

/** The selection settings in words, for those who may not change them (or no longer may). */
export function SelectionSettingsSummary({
  call: data,
}: {
  call: FragmentOf<typeof SelectionSettingsSummary_call>;
}) {
  const { t, locale } = useLocale();
  const call = readFragment(SelectionSettingsSummary_call, data);
  const rules = call.eligibilityRules;
  const reviewed = call.selectionMode === 'REVIEWED';
  const shares = criterionShares(call.rubric);
  const ruleLines = [
    rules.subjects?.length && t('admin.summary.subjects', { list: rules.subjects.join(', ') }),
    rules.employmentStatuses?.length &&
      t('admin.summary.employment', {
        list: rules.employmentStatuses.map((status) => t(`status.employment.${status}`)).join(', '),
      }),
    rules.minTeachingYears != null && t('admin.summary.minTeachingYears', { count: rules.minTeachingYears }),
    rules.maxAge != null &&
      t('admin.summary.maxAge', {
        age: rules.maxAge,
        date: rules.ageReferenceDate
          ? formatLocalDate(rules.ageReferenceDate, locale)
          : formatLocalDate(`${call.programme.year}-12-31`, locale),
      }),
    rules.provinces?.length &&
      t('admin.summary.provinces', { list: rules.provinces.map((province) => province.name).join(', ') }),
    rules.schoolStatuses?.length &&
      t('admin.summary.schoolStatuses', {
        list: rules.schoolStatuses.map((status) => t(`admin.schoolStatus.${status}`)).join(', '),
      }),
    rules.centreOfExcellenceOnly && t('admin.settings.centreOfExcellenceOnly'),
  ].filter((line): line is string => typeof line === 'string');

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Facts>
          <Fact label={t('admin.settings.mode')}>{t(`admin.selectionMode.${call.selectionMode}`)}</Fact>
          <Fact label={t('admin.settings.endorsementTitle')}>
            {call.requiresEndorsement
              ? t('admin.summary.endorsementBy', {
                  date: formatInstant(call.endorsementDeadline, locale, call.timeZone),
                })
              : t('admin.summary.noEndorsement')}
            <br />
            {t('admin.summary.confirmationDays', { count: call.confirmationDays })}
          </Fact>
          <Fact label={t('admin.settings.eligibilityTitle')}>
            {ruleLines.length === 0 ? (
              t('admin.summary.noRules')
            ) : (
              <List size="sm" spacing={2}>
                {ruleLines.map((line) => (
                  <List.Item key={line}>{line}</List.Item>
                ))}
              </List>
            )}
          </Fact>
          <Fact label={t('admin.settings.capsTitle')}>
            {call.maxPerSchool
              ? t('admin.summary.maxPerSchool', { count: call.maxPerSchool })
              : t('admin.summary.noSchoolCap')}
            {call.seatsPerProvince.map((entry) => (
              <Text key={entry.province?.code} size="sm">
                {t('admin.summary.provinceCap', {
                  province: entry.province?.name ?? '–',
                  count: entry.seats,
                })}
              </Text>
            ))}
          </Fact>
        </Facts>
      </Grid.Col>
      {reviewed && (
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Text
            size="xs"
            fw={600}
            c="dimmed"
            tt="uppercase"
            style={{ letterSpacing: '0.03em' }}
            id="summary-rubric"
          >
            {t('admin.settings.rubricTitle')}
          </Text>
          <Table fz="sm" verticalSpacing={6} mt={4} aria-labelledby="summary-rubric">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.application.criterion')}</Table.Th>
                <Table.Th ta="right">{t('admin.settings.weight')}</Table.Th>
                <Table.Th ta="right">{t('admin.settings.maxScore')}</Table.Th>
                <Table.Th ta="right">{t('admin.settings.share')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {call.rubric.map((criterion, index) => (
                <Table.Tr key={criterion.key}>
                  <Table.Td>{criterion.name}</Table.Td>
                  <Table.Td ta="right">{criterion.weight}</Table.Td>
                  <Table.Td ta="right">{criterion.maxScore}</Table.Td>
                  <Table.Td ta="right">{shares[index] === null ? '–' : `${shares[index]}%`}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="sm" mt="sm">
            {call.minScore === null
              ? t('admin.summary.noMinScore')
              : t('admin.summary.minScore', { score: formatPoints(call.minScore, locale) })}
          </Text>
        </Grid.Col>
      )}
    </Grid>
  );
}
