import { useLocale } from '@kmg/ui';
import { Anchor, Card, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconBriefcase, IconExternalLink } from '@tabler/icons-react';
import { Link } from 'react-router';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';
import { skillAreaName } from '#lib/skill-area.ts';

export const JobLinks_skillArea = graphql(`
  fragment JobLinks_skillArea on SkillArea {
    id
    nameId
    nameEn
    jobLinks { name url descriptionId descriptionEn }
  }
`);

/**
 * Where the teacher's students find work and apprenticeships in this skill area (the ministry's
 * platforms, configured per skill area), and, after a training, a way to the teacher's contacts.
 */
export function JobLinks({
  skillArea: data,
  headingOrder = 2,
  showContacts = false,
}: {
  skillArea: FragmentOf<typeof JobLinks_skillArea>;
  headingOrder?: 2 | 3;
  showContacts?: boolean;
}) {
  const { t, locale } = useLocale();
  const area = readFragment(JobLinks_skillArea, data);
  if (area.jobLinks.length === 0) return null;
  const headingId = `jobs-${area.id}`;
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby={headingId} bg="gray.0">
      <Stack gap="xs">
        <Title order={headingOrder} fz="md" id={headingId}>
          <IconBriefcase size={18} aria-hidden style={{ verticalAlign: -3, marginRight: 6 }} />
          {t('learner.jobs.title')}
        </Title>
        <Text size="sm" c="gray.7">
          {t('learner.jobs.lead', { area: skillAreaName(area, locale) })}
        </Text>
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {area.jobLinks.map((link) => (
            <li key={link.url}>
              <Anchor href={link.url} target="_blank" rel="noopener noreferrer" fw={600}>
                {link.name}
                <IconExternalLink size={14} aria-hidden style={{ marginLeft: 4, verticalAlign: -2 }} />
                <VisuallyHidden> {t('learner.jobs.external')}</VisuallyHidden>
              </Anchor>
              <Text size="sm" c="gray.8">
                {locale === 'en' ? link.descriptionEn : link.descriptionId}
              </Text>
            </li>
          ))}
        </Stack>
        {showContacts && (
          <Anchor component={Link} to="/kontak-industri" size="sm" fw={600}>
            {t('learner.jobs.contacts')}
          </Anchor>
        )}
      </Stack>
    </Card>
  );
}
