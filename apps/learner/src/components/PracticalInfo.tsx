import { formatNumber, useLocale } from '@kmg/ui';
import { Anchor, Button, Card, DataList, Stack, Text, Title } from '@mantine/core';
import { IconCalendarPlus, IconExternalLink } from '@tabler/icons-react';
import { DataItem } from '#components/DataItem.tsx';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';

export const PracticalInfo_call = graphql(`
  fragment PracticalInfo_call on TrainingCall {
    id
    mode
    venueName
    address
    city
    province { code name }
    timeZone
    mapUrl
    whatToBring
    accommodationProvided
    accommodationNote
    travelSupport
    travelSupportMaxRupiah
    travelSupportNote
    viewerApplication { id status }
  }
`);

/** Where the file of a confirmed teacher's training days is served (the API checks the seat). */
export const calendarUrl = (callId: string) => `/api/calls/${encodeURIComponent(callId)}/calendar.ics`;

/** The "add to calendar" download, for a teacher whose seat is confirmed. */
export function AddToCalendarButton({ callId }: { callId: string }) {
  const { t } = useLocale();
  return (
    <Button
      component="a"
      href={calendarUrl(callId)}
      download
      variant="light"
      size="md"
      leftSection={<IconCalendarPlus size={18} aria-hidden />}
      style={{ alignSelf: 'flex-start' }}
    >
      {t('learner.practical.addToCalendar')}
    </Button>
  );
}

/**
 * What a teacher coming from another city needs: the venue with a map link, its time zone, what to
 * bring, accommodation and travel costs. A confirmed seat adds the calendar download on top.
 */
export function PracticalInfo({ call: data }: { call: FragmentOf<typeof PracticalInfo_call> }) {
  const call = readFragment(PracticalInfo_call, data);
  const { t, locale } = useLocale();
  const isSeated = call.viewerApplication?.status === 'CONFIRMED';
  const place = [call.venueName, call.address, call.city, call.province.name].filter(Boolean).join(', ');
  const travel = call.travelSupport
    ? t(`learner.practical.travelKinds.${call.travelSupport}`, {
        amount: `Rp${formatNumber(call.travelSupportMaxRupiah ?? 0, locale)}`,
      })
    : t('learner.practical.travelUnset');

  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      component="section"
      id="informasi-praktis"
      aria-labelledby="practical-heading"
      bg={isSeated ? 'green.0' : undefined}
    >
      <Stack gap="md">
        {isSeated && (
          <Stack gap="xs">
            <Title order={2} fz="xl">
              {t('learner.practical.seatConfirmed')}
            </Title>
            <Text>{t('learner.practical.seatConfirmedText')}</Text>
            <AddToCalendarButton callId={call.id} />
          </Stack>
        )}
        <Title order={isSeated ? 3 : 2} fz={isSeated ? 'lg' : 'xl'} id="practical-heading">
          {t('learner.practical.title')}
        </Title>
        <DataList orientation="vertical" gap="md" size="md">
          {call.mode !== 'ONLINE' && (
            <DataItem label={t('learner.practical.venue')}>
              <Text>{place}</Text>
              {call.mapUrl && (
                <Anchor href={call.mapUrl} target="_blank" rel="noopener noreferrer" size="sm" fw={600}>
                  {t('learner.practical.map')} <IconExternalLink size={14} aria-hidden />
                </Anchor>
              )}
            </DataItem>
          )}
          <DataItem label={t('learner.practical.timeZone')}>
            <Text>{t(`learner.practical.zones.${call.timeZone}`, { defaultValue: call.timeZone })}</Text>
          </DataItem>
          {call.whatToBring && (
            <DataItem label={t('learner.practical.bring')}>
              <Text style={{ whiteSpace: 'pre-line' }}>{call.whatToBring}</Text>
            </DataItem>
          )}
          <DataItem label={t('learner.practical.accommodation')}>
            <Text>
              {call.accommodationProvided
                ? t('learner.practical.accommodationYes')
                : t('learner.practical.accommodationNo')}
              {call.accommodationNote ? ` · ${call.accommodationNote}` : ''}
            </Text>
          </DataItem>
          <DataItem label={t('learner.practical.travel')}>
            <Text>
              {travel}
              {call.travelSupportNote ? ` · ${call.travelSupportNote}` : ''}
            </Text>
          </DataItem>
        </DataList>
      </Stack>
    </Card>
  );
}
