import { formatDateRange, formatInstant, useLocale } from '@kmg/ui';
import { DataList, Text } from '@mantine/core';
import { CallRequirements } from '#components/CallRequirements.tsx';
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
      <DataList.Item>
        <DataList.ItemLabel>{t('learner.call.dates')}</DataList.ItemLabel>
        <DataList.ItemValue>
          {formatDateRange(call.startDate, call.endDate, locale)} ·{' '}
          {t('common.hours', { count: call.trainingHours })}
        </DataList.ItemValue>
      </DataList.Item>
      <DataList.Item>
        <DataList.ItemLabel>{t('learner.call.place')}</DataList.ItemLabel>
        <DataList.ItemValue>
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
        </DataList.ItemValue>
      </DataList.Item>
      <DataList.Item>
        <DataList.ItemLabel>{t('learner.call.seatsLabel')}</DataList.ItemLabel>
        <DataList.ItemValue>
          {t('learner.call.quota', { count: call.seats })} ·{' '}
          {t('common.applications', { count: call.applicationCount })}
        </DataList.ItemValue>
      </DataList.Item>
      <DataList.Item>
        <DataList.ItemLabel>{t('learner.call.window')}</DataList.ItemLabel>
        <DataList.ItemValue>
          <Text size="sm">
            {t('learner.call.opens', { when: formatInstant(call.applicationOpensAt, locale, call.timeZone) })}
          </Text>
          <Text size="sm" fw={600}>
            {t('learner.call.closes', {
              when: formatInstant(call.applicationClosesAt, locale, call.timeZone),
            })}
          </Text>
        </DataList.ItemValue>
      </DataList.Item>
      <DataList.Item>
        <DataList.ItemLabel>{t('learner.call.requirements')}</DataList.ItemLabel>
        <DataList.ItemValue>
          <CallRequirements requirements={listRequirements(call)} />
        </DataList.ItemValue>
      </DataList.Item>
      <DataList.Item>
        <DataList.ItemLabel>{t('learner.call.provider')}</DataList.ItemLabel>
        <DataList.ItemValue>{call.provider.name}</DataList.ItemValue>
      </DataList.Item>
      <DataList.Item>
        <DataList.ItemLabel>{t('learner.call.programme')}</DataList.ItemLabel>
        <DataList.ItemValue>
          {call.programme.name} ({call.programme.year})
        </DataList.ItemValue>
      </DataList.Item>
    </DataList>
  );
}
