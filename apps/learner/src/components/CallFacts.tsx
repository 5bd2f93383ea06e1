import { formatDateRange, formatInstant, useLocale } from '@kmg/ui';
import { DataList, Text } from '@mantine/core';
import { CallRequirements } from '#components/CallRequirements.tsx';
import { DataItem } from '#components/DataItem.tsx';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';
import { listRequirements } from '#lib/requirements.ts';

export const CallFacts_call = graphql(`
  fragment CallFacts_call on TrainingCall {
    mode
    venueName
    address
    city
    province {
      code
      name
    }
    startDate
    endDate
    trainingHours
    seats
    applicationCount
    applicationOpensAt
    applicationClosesAt
    timeZone
    provider {
      id
      name
    }
    programme {
      id
      name
      year
    }
    requiresEndorsement
    eligibilityRules {
      subjects
      employmentStatuses
      minTeachingYears
      maxAge
      ageReferenceDate
      provinces {
        code
        name
      }
      schoolStatuses
      centreOfExcellenceOnly
    }
  }
`);

/** The facts of a call as label/value pairs: when, where, how long, how many, who may apply, who runs it. */
export function CallFacts({ call: data }: { call: FragmentOf<typeof CallFacts_call> }) {
  const call = readFragment(CallFacts_call, data);
  const { t, locale } = useLocale();
  const place = [call.venueName, call.address, `${call.city}, ${call.province.name}`].filter(Boolean);

  return (
    <DataList orientation="vertical" gap="md" size="md" withDivider>
      <DataItem label={t('learner.call.dates')}>
        {formatDateRange(call.startDate, call.endDate, locale)} ·{' '}
        {t('common.hours', { count: call.trainingHours })}
      </DataItem>
      <DataItem label={t('learner.call.place')}>
        <Text fw={600} span>
          {t(`status.mode.${call.mode}`)}
        </Text>
        {call.mode === 'ONLINE' ? (
          <Text size="sm">
            {t('learner.call.onlineFrom', { place: `${call.city}, ${call.province.name}` })}
          </Text>
        ) : (
          place.map((line) => (
            <Text size="sm" key={line}>
              {line}
            </Text>
          ))
        )}
      </DataItem>
      <DataItem label={t('learner.call.seatsLabel')}>
        {t('learner.call.quota', { count: call.seats })} ·{' '}
        {t('common.applications', { count: call.applicationCount })}
      </DataItem>
      <DataItem label={t('learner.call.window')}>
        <Text size="sm">
          {t('learner.call.opens', { when: formatInstant(call.applicationOpensAt, locale, call.timeZone) })}
        </Text>
        <Text size="sm" fw={600}>
          {t('learner.call.closes', {
            when: formatInstant(call.applicationClosesAt, locale, call.timeZone),
          })}
        </Text>
      </DataItem>
      <DataItem label={t('learner.call.requirements')}>
        <CallRequirements requirements={listRequirements(call)} />
      </DataItem>
      <DataItem label={t('learner.call.provider')}>{call.provider.name}</DataItem>
      <DataItem label={t('learner.call.programme')}>
        {call.programme.name} ({call.programme.year})
      </DataItem>
    </DataList>
  );
}
