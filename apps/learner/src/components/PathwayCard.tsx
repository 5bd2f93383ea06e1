import { useLocale } from '@kmg/ui';
import {
  Alert,
  Badge,
  Button,
  Card,
  Collapse,
  Group,
  Progress,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconAward,
  IconChevronDown,
  IconChevronUp,
  IconHourglassHigh,
  IconInfoCircle,
} from '@tabler/icons-react';
import { useId, useMemo } from 'react';
import { Link } from 'react-router';
import { ClampedText } from '#components/ClampedText.tsx';
import { walletLink } from '#components/CredentialComponents.tsx';
import { CredentialName, type CredentialNames, RequirementTree } from '#components/RequirementTree.tsx';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';
import { pathwayAnchor } from '#lib/pathway-links.ts';
import { buildRequirementTree } from '#lib/pathway-tree.ts';

export const PathwayCard_pathway = graphql(`
  fragment PathwayCard_pathway on TeacherPathway {
    isComplete
    progressPercent
    version {
      id
      code
      version
      title
      description
      kkniLevel
      validityMonths
      recencyYears
      illustrative
      definition
    }
    award {
      id
      credentialId
      name
    }
    groups {
      groupId
      rule
      target
      isSatisfied
      satisfiedChildren
      requiredChildren
      hours
      sks
    }
    items {
      item {
        itemId
        groupId
        kind
        label
        reference
      }
      isFilled
      isMissing
      filledBy
      openTrainings {
        id
        title
        applicationOpensAt
        applicationClosesAt
        isAcceptingApplications
        provider {
          id
          name
        }
      }
    }
    notCounted {
      credentialId
      reason
      message
    }
  }
`);

type Standing = 'awarded' | 'complete' | 'inProgress' | 'notStarted';

const standingColors: Record<Standing, string> = {
  awarded: 'green',
  complete: 'teal',
  inProgress: 'blue',
  notStarted: 'gray',
};

/**
 * One pathway and the teacher's standing on it: how far they are, the requirement tree (what
 * filled each item, the trainings open for each missing one), why a credential did not count, and
 * the award once earned. `isCompact` is for pathways none of the teacher's credentials touch yet:
 * the requirements fold away behind a button.
 */
export function PathwayCard({
  pathway: data,
  credentialNames,
  isCompact = false,
}: {
  pathway: FragmentOf<typeof PathwayCard_pathway>;
  credentialNames: CredentialNames;
  isCompact?: boolean;
}) {
  const pathway = readFragment(PathwayCard_pathway, data);
  const { t } = useLocale();
  const headingId = useId();
  const [isOpen, { toggle }] = useDisclosure(!isCompact);
  const { version, award } = pathway;
  const tree = useMemo(
    () =>
      buildRequirementTree({ definition: version.definition, groups: pathway.groups, items: pathway.items }),
    [version.definition, pathway.groups, pathway.items],
  );
  const standing: Standing = award
    ? 'awarded'
    : pathway.isComplete
      ? 'complete'
      : pathway.items.some((item) => item.isFilled)
        ? 'inProgress'
        : 'notStarted';
  // Every credential that is not about this pathway at all is "not relevant" to it: naming each
  // one on every pathway would bury the reasons that matter (revoked, expired, out of order...).
  const notCounted = pathway.notCounted.filter(
    (entry) => entry.reason !== 'NOT_RELEVANT' && entry.credentialId !== award?.credentialId,
  );
  const rules = [
    version.validityMonths !== null && t('learner.pathways.validity', { count: version.validityMonths }),
    version.recencyYears !== null && t('learner.pathways.recency', { count: version.recencyYears }),
  ].filter((rule): rule is string => !!rule);

  return (
    <Card
      component="article"
      withBorder
      radius="md"
      padding="md"
      aria-labelledby={headingId}
      id={pathwayAnchor(version.code)}
      tabIndex={-1}
      style={{ scrollMarginTop: 80 }}
    >
      <Stack gap="md">
        <div>
          <Group gap={6} mb={6}>
            {!isCompact && (
              <Badge color={standingColors[standing]} variant="light" tt="none" size="md">
                {t(`learner.pathways.status.${standing}`)}
              </Badge>
            )}
            {version.illustrative && (
              <Tooltip
                label={t('learner.pathways.illustrativeHint')}
                multiline
                w={240}
                events={{ hover: true, focus: true, touch: true }}
              >
                <Badge color="orange" variant="outline" tt="none" size="md" tabIndex={0}>
                  {t('learner.pathways.illustrative')}
                </Badge>
              </Tooltip>
            )}
          </Group>
          <Title order={3} fz="lg" lh={1.3} id={headingId}>
            {version.title}
          </Title>
          <Text size="xs" c="gray.7" mt={2}>
            {t('learner.pathways.kkni', { level: version.kkniLevel })} ·{' '}
            {t('learner.pathways.version', { code: version.code, version: version.version })}
          </Text>
        </div>

        {version.description && <ClampedText lines={isCompact ? 2 : 3}>{version.description}</ClampedText>}

        {!isCompact && (
          <div>
            <Group justify="space-between" mb={4} gap="xs">
              <Text size="sm" fw={600}>
                {t('learner.pathways.progressValue', { percent: pathway.progressPercent })}
              </Text>
            </Group>
            <Progress
              value={pathway.progressPercent}
              size="lg"
              radius="xl"
              color={standing === 'awarded' || standing === 'complete' ? 'green' : 'kmg'}
              aria-label={t('learner.pathways.progress', { title: version.title })}
            />
          </div>
        )}

        {award ? (
          <Alert
            color="green"
            variant="light"
            icon={<IconAward size={22} aria-hidden />}
            title={t('learner.pathways.awardedTitle')}
            p="sm"
          >
            <Stack gap="xs">
              <Text size="sm">{t('learner.pathways.awardedText', { name: award.name })}</Text>
              <Button
                component={Link}
                to={walletLink(award.credentialId)}
                size="sm"
                variant="filled"
                color="green"
                style={{ alignSelf: 'flex-start' }}
              >
                {t('learner.pathways.seeAward')}
              </Button>
            </Stack>
          </Alert>
        ) : (
          pathway.isComplete && (
            <Alert
              color="teal"
              variant="light"
              icon={<IconHourglassHigh size={22} aria-hidden />}
              title={t('learner.pathways.completeTitle')}
              p="sm"
            >
              <Text size="sm">{t('learner.pathways.completeText')}</Text>
            </Alert>
          )
        )}

        {isCompact && (
          <Button
            variant="subtle"
            size="sm"
            onClick={toggle}
            aria-expanded={isOpen}
            rightSection={
              isOpen ? <IconChevronUp size={18} aria-hidden /> : <IconChevronDown size={18} aria-hidden />
            }
            style={{ alignSelf: 'flex-start' }}
            px={8}
            ml={-8}
          >
            {isOpen
              ? t('learner.pathways.hideRequirements')
              : `${t('learner.pathways.showRequirements')} (${t('learner.pathways.itemCount', { count: pathway.items.length })})`}
          </Button>
        )}

        <Collapse expanded={isOpen}>
          <Stack gap="md">
            <section aria-label={t('learner.pathways.requirements')}>
              {!isCompact && (
                <Title order={4} fz="sm" fw={700} c="gray.8" mb={8}>
                  {t('learner.pathways.requirements')}
                </Title>
              )}
              <RequirementTree tree={tree} credentialNames={credentialNames} showsTrainings={!award} />
            </section>
            {rules.length > 0 && (
              <Stack gap={4}>
                {rules.map((rule) => (
                  <Group key={rule} gap={6} wrap="nowrap" align="flex-start">
                    <IconInfoCircle
                      size={18}
                      aria-hidden
                      style={{ flexShrink: 0, marginTop: 1 }}
                      color="var(--mantine-color-gray-6)"
                    />
                    <Text size="sm" c="gray.7">
                      {rule}
                    </Text>
                  </Group>
                ))}
              </Stack>
            )}
          </Stack>
        </Collapse>

        {notCounted.length > 0 && (
          <section aria-labelledby={`${headingId}-not-counted`}>
            <Title order={4} fz="sm" fw={700} c="gray.8" id={`${headingId}-not-counted`}>
              {t('learner.pathways.notCounted')}
            </Title>
            <Text size="sm" c="gray.7" mb={6}>
              {t('learner.pathways.notCountedHint')}
            </Text>
            <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
              {notCounted.map((entry) => {
                return (
                  <Alert
                    key={`${entry.credentialId}-${entry.reason}`}
                    component="li"
                    color="yellow"
                    variant="light"
                    p="xs"
                  >
                    <Text size="sm" fw={600}>
                      <CredentialName id={entry.credentialId} credentialNames={credentialNames} />
                    </Text>
                    <Text size="sm">{entry.message}</Text>
                  </Alert>
                );
              })}
            </Stack>
          </section>
        )}
      </Stack>
    </Card>
  );
}
