import { formatLocalDate, useLocale } from '@kmg/ui';
import { Anchor, Card, Container, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import {
  IconCertificate,
  IconRoute,
  IconSchool,
  IconShieldCheck,
  IconSpeakerphone,
} from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { NotFound } from '#components/NotFound.tsx';
import { referencePending } from '#components/ReferenceSkeleton.tsx';
import { graphql, type ResultOf } from '#graphql.ts';
import { readCredentialSource } from '#lib/credential-view.ts';
import { formatDay } from '#lib/format-day.ts';
import { usePageTitle } from '#lib/page-title.ts';

// The teacher's verified dissemination (pengimbasan) follows the credentials: kind, date and
// audience only (no description, place or files).
const PublicProfilePageQuery = graphql(`
  query PublicProfilePage($slug: String!) {
    publicProfile(slug: $slug) {
      slug
      name
      school {
        name
        city
        provinceName
      }
      credentials {
        ...PublicProfileCredential
      }
      pathways {
        ...PublicProfileCredential
      }
      disseminationActivities {
        kind
        kindLabel
        heldOn
        teachersReached
        studentsReached
        schoolsReached
      }
    }
  }

  fragment PublicProfileCredential on Credential {
    id
    credentialId
    name
    issuerName
    awardedAt
    source
  }
`);

type ProfileCredential = NonNullable<
  ResultOf<typeof PublicProfilePageQuery>['publicProfile']
>['credentials'][number];

/**
 * A teacher's public profile, for anyone: name, school, the credentials the teacher left public
 * (each with its seal and a link to verify it) and the pathways they completed. Nothing else.
 */
export function PublicProfilePage() {
  const { slug = '' } = useParams();
  const { t, locale } = useLocale();
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: PublicProfilePageQuery,
    variables: { slug },
  });
  const profile = data?.publicProfile;
  usePageTitle(profile ? t('learner.publicProfile.pageTitle', { name: profile.name }) : null);

  if (!profile) {
    const pending = referencePending({ data, error, fetching }, reexecute);
    if (pending) return pending;
    return (
      <NotFound
        title={t('learner.publicProfile.notFoundTitle')}
        description={t('learner.publicProfile.notFoundText')}
      />
    );
  }

  const place = profile.school
    ? [profile.school.city, profile.school.provinceName].filter(Boolean).join(', ')
    : '';

  return (
    <Container size="sm" px="md" py="lg">
      <Stack gap="lg">
        <Group gap="md" wrap="nowrap" align="flex-start">
          <ThemeIcon size={52} radius="xl" variant="light" color="kmg" aria-hidden>
            <IconSchool size={30} stroke={1.6} />
          </ThemeIcon>
          <div style={{ minWidth: 0 }}>
            <Title order={1} fz={{ base: 24, sm: 32 }} lh={1.2}>
              {profile.name}
            </Title>
            {profile.school && (
              <Text size="md" c="gray.8" mt={4}>
                {t('learner.publicProfile.teacherAt', { school: profile.school.name })}
                {place && ` · ${place}`}
              </Text>
            )}
          </div>
        </Group>

        <Group gap={6} wrap="nowrap" align="flex-start">
          <IconShieldCheck size={18} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
          <Text size="sm" c="gray.7">
            {t('learner.publicProfile.signedNote')}
          </Text>
        </Group>

        {profile.pathways.length > 0 && (
          <CredentialSection
            id="pathways-heading"
            title={t('learner.publicProfile.pathways')}
            icon={<IconRoute size={22} aria-hidden />}
            credentials={profile.pathways}
          />
        )}
        <CredentialSection
          id="credentials-heading"
          title={t('learner.publicProfile.credentials')}
          icon={<IconCertificate size={22} aria-hidden />}
          credentials={profile.credentials}
        />
        {profile.disseminationActivities.length > 0 && (
          <Stack gap="sm" component="section" aria-labelledby="dissemination-heading">
            <Group gap="xs" wrap="nowrap">
              <IconSpeakerphone size={22} aria-hidden />
              <Title order={2} fz="lg" id="dissemination-heading">
                {t('learner.dissemination.publicHeading')}
              </Title>
            </Group>
            <Text size="sm" c="gray.7">
              {t('learner.dissemination.publicLead')}
            </Text>
            <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {profile.disseminationActivities.map((activity, index) => (
                <Card
                  key={`${activity.kind}-${activity.heldOn}-${index}`}
                  component="li"
                  withBorder
                  radius="md"
                  padding="sm"
                >
                  <Text fw={600} fz="sm">
                    {activity.kindLabel}
                  </Text>
                  <Text fz="sm" c="gray.7">
                    {formatLocalDate(activity.heldOn, locale)} ·{' '}
                    {t('learner.dissemination.reached', {
                      teachers: activity.teachersReached,
                      students: activity.studentsReached,
                      schools: activity.schoolsReached,
                    })}
                  </Text>
                </Card>
              ))}
            </Stack>
          </Stack>
        )}
      </Stack>
    </Container>
  );
}

function CredentialSection({
  id,
  title,
  icon,
  credentials,
}: {
  id: string;
  title: string;
  icon: React.ReactNode;
  credentials: ProfileCredential[];
}) {
  const { t } = useLocale();
  return (
    <Stack gap="sm" component="section" aria-labelledby={id}>
      <Group gap="xs" wrap="nowrap">
        {icon}
        <Title order={2} fz="lg" id={id}>
          {title}
        </Title>
      </Group>
      {credentials.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t('learner.publicProfile.empty')}
        </Text>
      ) : (
        credentials.map((credential) => <ProfileCredentialCard key={credential.id} credential={credential} />)
      )}
    </Stack>
  );
}

function ProfileCredentialCard({ credential }: { credential: ProfileCredential }) {
  const { t, locale } = useLocale();
  const details = readCredentialSource(credential.source, locale);
  const verifyPath = `/verify/${encodeURIComponent(credential.credentialId)}`;
  return (
    <Card component="article" withBorder radius="md" padding="md">
      <Group gap="sm" wrap="nowrap" align="flex-start">
        {details.imageUrl ? (
          <img src={details.imageUrl} alt="" width={56} height={56} style={{ flexShrink: 0 }} />
        ) : (
          <ThemeIcon size={44} radius="md" variant="light" color="kmg" aria-hidden style={{ flexShrink: 0 }}>
            <IconCertificate size={26} stroke={1.6} />
          </ThemeIcon>
        )}
        <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
          <Title order={3} fz="md" lh={1.3}>
            {credential.name}
          </Title>
          <Text size="sm" c="gray.8">
            {t('learner.publicProfile.issuedBy', { issuer: credential.issuerName })}
          </Text>
          <Text size="sm" c="gray.7">
            {t('learner.publicProfile.issuedOn')}: {formatDay(credential.awardedAt, locale)}
          </Text>
          <Anchor component={Link} to={verifyPath} size="sm" fw={600} mt={4}>
            <Group gap={4} component="span" wrap="nowrap">
              <IconShieldCheck size={16} aria-hidden />
              {t('learner.publicProfile.verify')}
            </Group>
          </Anchor>
        </Stack>
      </Group>
    </Card>
  );
}
