import { useLocale } from '@kmg/ui';
import { Badge, Card, Group, Skeleton, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconCertificate2, IconMapPin } from '@tabler/icons-react';
import { Link, useLocation } from 'react-router';
import { CardSkeleton } from '#components/CardSkeleton.tsx';
import { RplIntake, RplIntake_intake } from '#components/RplIntake.tsx';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';
import { rplProgrammePath } from '#lib/rpl-links.ts';
import classes from './CallCard.module.css';

export const RplProgrammeCard_programme = graphql(
  `
    fragment RplProgrammeCard_programme on StudyProgramme {
      id
      name
      degree
      mode
      accreditation
      totalSks
      semesters
      illustrative
      university {
        id
        name
        city
        province {
          code
          name
        }
      }
      openIntake {
        id
        ...RplIntake_intake
      }
    }
  `,
  [RplIntake_intake],
);

/** One programme in the RPL list: the university, the degree, its standing and the intake. */
export function RplProgrammeCard({
  programme: data,
}: {
  programme: FragmentOf<typeof RplProgrammeCard_programme>;
}) {
  const programme = readFragment(RplProgrammeCard_programme, data);
  const { t } = useLocale();
  const location = useLocation();
  const { university } = programme;
  const place = [university.city, university.province?.name].filter(Boolean).join(', ');

  return (
    <Card component="article" withBorder radius="md" padding="md" className={classes.card}>
      <Stack gap="sm">
        <Group gap={6}>
          <Badge variant="light" color="kmg" tt="none" size="md">
            {t(`learner.rpl.degree.${programme.degree}`)}
          </Badge>
          <Badge variant="outline" color="gray" tt="none" size="md">
            {t(`learner.rpl.mode.${programme.mode}`)}
          </Badge>
          {programme.illustrative && <IllustrativeBadge />}
        </Group>
        <div>
          <Title order={3} fz="lg" lh={1.3}>
            <Link
              to={rplProgrammePath(programme.id)}
              state={{ fromList: location.search }}
              className={classes.titleLink}
            >
              {programme.name}
            </Link>
          </Title>
          <Text size="sm" c="gray.8" mt={2}>
            {university.name}
          </Text>
        </div>
        <ul className={classes.facts}>
          {place && (
            <li className={classes.fact}>
              <IconMapPin size={18} aria-hidden />
              <span>{place}</span>
            </li>
          )}
          <li className={classes.fact}>
            <IconCertificate2 size={18} aria-hidden />
            <span>
              {programme.accreditation
                ? t('learner.rpl.accreditation', {
                    value: t(`learner.rpl.accreditationValue.${programme.accreditation}`),
                  })
                : t('learner.rpl.noAccreditation')}{' '}
              · {t('learner.rpl.totalSks', { sks: programme.totalSks, semesters: programme.semesters })}
            </span>
          </li>
        </ul>
        <div className={classes.deadline}>
          <RplIntake intake={programme.openIntake} />
        </div>
      </Stack>
    </Card>
  );
}

/** Demo programmes say so, wherever they are shown. */
export function IllustrativeBadge() {
  const { t } = useLocale();
  return (
    <Tooltip
      label={t('learner.rpl.illustrativeHint')}
      multiline
      w={240}
      events={{ hover: true, focus: true, touch: true }}
    >
      <Badge color="orange" variant="outline" tt="none" size="md" tabIndex={0}>
        {t('learner.rpl.illustrative')}
      </Badge>
    </Tooltip>
  );
}

export function RplProgrammeCardSkeleton() {
  return (
    <CardSkeleton>
      <Skeleton height={20} width={160} radius="xl" />
      <Skeleton height={22} width="80%" />
      <Skeleton height={14} width="55%" />
      <Skeleton height={14} width="70%" />
      <Skeleton height={36} width="60%" />
    </CardSkeleton>
  );
}
