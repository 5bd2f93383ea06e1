import { formatDateRange, formatInstant, TeacherCallBadge, useLocale } from '@kmg/ui';
import { Badge, Card, Group, Skeleton, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import {
  IconCalendarEvent,
  IconCircleCheck,
  IconClockHour4,
  IconMapPin,
  IconUsers,
} from '@tabler/icons-react';
import { Link, useLocation } from 'react-router';
import { CardSkeleton } from '#components/CardSkeleton.tsx';
import { DeadlineCountdown } from '#components/DeadlineCountdown.tsx';
import { ProviderRating, ProviderRating_call } from '#components/ProviderRating.tsx';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';
import { skillAreaName } from '#lib/skill-area.ts';
import classes from './CallCard.module.css';

export const CallCard_call = graphql(
  `
  fragment CallCard_call on TrainingCall {
    id
    title
    status
    mode
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
    isAcceptingApplications
    provider {
      id
      name
    }
    skillArea {
      id
      nameId
      nameEn
    }
    viewerApplication {
      id
      status
    }
    ...ProviderRating_call
  }
`,
  [ProviderRating_call],
);

/** One call in the list: what a teacher weighs before opening it (where, when, how many, until when). */
export function CallCard({ call: data, now }: { call: FragmentOf<typeof CallCard_call>; now: Date }) {
  const call = readFragment(CallCard_call, data);
  const { t, locale } = useLocale();
  const location = useLocation();
  const hasApplied = !!call.viewerApplication && call.viewerApplication.status !== 'WITHDRAWN';

  return (
    <Card component="article" withBorder radius="md" padding="md" className={classes.card}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Badge variant="light" color="kmg" tt="none" fw={600} size="md" style={{ minWidth: 0 }}>
            {skillAreaName(call.skillArea, locale)}
          </Badge>
          {hasApplied ? (
            <Badge
              color="blue"
              variant="light"
              tt="none"
              size="md"
              leftSection={<IconCircleCheck size={14} aria-hidden />}
              style={{ flexShrink: 0 }}
            >
              {t('learner.card.applied')}
            </Badge>
          ) : (
            !call.isAcceptingApplications && (
              <TeacherCallBadge call={call} now={now} tt="none" style={{ flexShrink: 0 }} />
            )
          )}
        </Group>
        <div>
          <Title order={3} fz="lg" lh={1.3}>
            <Link
              to={`/pelatihan/${encodeURIComponent(call.id)}`}
              state={{ fromList: location.search }}
              className={classes.titleLink}
            >
              {call.title}
            </Link>
          </Title>
          <Text size="sm" c="gray.7" mt={2}>
            {call.provider.name}
          </Text>
          <ProviderRating call={call} />
        </div>
        <ul className={classes.facts}>
          <li className={classes.fact}>
            <IconMapPin size={18} aria-hidden />
            <span>
              <VisuallyHidden>{t('learner.call.place')}: </VisuallyHidden>
              {t(`status.mode.${call.mode}`)} · {call.city}, {call.province.name}
            </span>
          </li>
          <li className={classes.fact}>
            <IconCalendarEvent size={18} aria-hidden />
            <span>
              <VisuallyHidden>{t('learner.call.dates')}: </VisuallyHidden>
              {formatDateRange(call.startDate, call.endDate, locale)} ·{' '}
              {t('common.hours', { count: call.trainingHours })}
            </span>
          </li>
          <li className={classes.fact}>
            <IconUsers size={18} aria-hidden />
            <span>
              {t('learner.call.quota', { count: call.seats })} ·{' '}
              {t('common.applications', { count: call.applicationCount })}
            </span>
          </li>
        </ul>
        {call.isAcceptingApplications && (
          <div className={classes.deadline}>
            <IconClockHour4 size={18} aria-hidden />
            <div className={classes.deadlineText}>
              <span>
                {t('learner.call.deadline')}:{' '}
                <Text span fw={600} size="sm" c="dark.8">
                  {formatInstant(call.applicationClosesAt, locale, call.timeZone)}
                </Text>
              </span>
              <DeadlineCountdown closesAt={call.applicationClosesAt} now={now} />
            </div>
          </div>
        )}
      </Stack>
    </Card>
  );
}

export function CallCardSkeleton() {
  return (
    <CardSkeleton>
      <Skeleton height={20} width={120} radius="xl" />
      <Skeleton height={22} width="85%" />
      <Skeleton height={14} width="50%" />
      <Skeleton height={14} width="70%" />
      <Skeleton height={14} width="65%" />
      <Skeleton height={14} width="55%" />
    </CardSkeleton>
  );
}
