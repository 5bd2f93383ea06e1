import { useLocale } from '@kmg/ui';
import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconStairsUp } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { NotFound } from '#components/NotFound.tsx';
import { Page } from '#components/Page.tsx';
import { VerifyCredentialLink } from '#components/VerifyCredentialLink.tsx';
import { educationStartingAt, type KkniGroup, kkniGroupOf, kkniLevels, parseKkniLevel } from '#lib/kkni.ts';
import classes from './KkniPage.module.css';
import reference from './ReferencePage.module.css';

const groupLevels: Record<KkniGroup, { from: number; to: number }> = {
  operator: { from: 1, to: 3 },
  technician: { from: 4, to: 6 },
  expert: { from: 7, to: 9 },
};

/**
 * `/referensi/kkni/<level>`, where a credential's KKNI alignment points: what the level means, where
 * it sits among the nine, and why the credential names it. Static: the framework does not change.
 */
export function KkniPage() {
  const { level: param } = useParams();
  const { t } = useLocale();
  const level = parseKkniLevel(param);

  if (level === null) {
    return <NotFound title={t('learner.kkni.notFound')} description={t('learner.kkni.notFoundHint')} />;
  }

  const group = kkniGroupOf(level);

  return (
    <Page title={t('learner.kkni.title', { level })} lead={t('learner.kkni.lead')} size="sm">
      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="group-heading">
        <Stack gap="xs">
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <IconStairsUp size={22} aria-hidden className={reference.headingIcon} />
            <Title order={2} fz="lg" id="group-heading" lh={1.3}>
              {t('learner.kkni.group')}: {t(`learner.kkni.groups.${group}`)}
            </Title>
          </Group>
          <Text size="sm" c="gray.7">
            {t('learner.kkni.groupLevels', groupLevels[group])}
          </Text>
          <Text size="sm" lh={1.55}>
            {t(`learner.kkni.groupTexts.${group}`)}
          </Text>
        </Stack>
      </Card>

      <section aria-labelledby="levels-heading">
        <Title order={2} fz="lg" id="levels-heading">
          {t('learner.kkni.levelsTitle')}
        </Title>
        <Text size="sm" c="gray.7" mb="sm">
          {t('learner.kkni.levelsHint')}
        </Text>
        <ol className={classes.levels}>
          {kkniLevels.map((item) => {
            const isCurrent = item === level;
            const education = educationStartingAt(item);
            return (
              <li
                key={item}
                className={classes.level}
                data-current={isCurrent || undefined}
                aria-current={isCurrent ? 'page' : undefined}
              >
                <span className={classes.number} aria-hidden>
                  {item}
                </span>
                <div className={classes.body}>
                  <Group gap="xs" justify="space-between" wrap="nowrap">
                    <Text size="sm" fw={700} lh={1.4}>
                      {isCurrent ? (
                        t('learner.kkni.levelItem', { level: item })
                      ) : (
                        <Anchor component={Link} to={`/referensi/kkni/${item}`} inherit>
                          {t('learner.kkni.levelItem', { level: item })}
                        </Anchor>
                      )}
                      <Text span c="gray.7" fw={400} inherit>
                        {' · '}
                        {t(`learner.kkni.groups.${kkniGroupOf(item)}`)}
                      </Text>
                    </Text>
                    {isCurrent && (
                      <Badge variant="filled" color="kmg" tt="none" size="sm" className={classes.badge}>
                        {t('learner.kkni.current')}
                      </Badge>
                    )}
                  </Group>
                  {education.map((key) => (
                    <Text key={key} size="sm" c="gray.8" lh={1.4}>
                      {t(`learner.kkni.education.${key}`)}
                    </Text>
                  ))}
                </div>
              </li>
            );
          })}
        </ol>
      </section>

      <section aria-labelledby="why-heading">
        <Title order={2} fz="lg" id="why-heading" mb="xs">
          {t('learner.kkni.whyTitle')}
        </Title>
        <Text size="sm" lh={1.55}>
          {t('learner.kkni.whyText')}
        </Text>
      </section>

      <VerifyCredentialLink />
    </Page>
  );
}
