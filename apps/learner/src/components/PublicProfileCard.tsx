import { useLocale } from '@kmg/ui';
import {
  Anchor,
  Button,
  Card,
  CopyButton,
  Group,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy, IconExternalLink, IconWorld } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useMutation } from 'urql';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';

/** What the card shows: read with the wallet, so the card and the credentials appear together. */
export const PublicProfileCard_settings = graphql(`
  fragment PublicProfileCard_settings on PublicProfileSettings {
    slug
    isPublished
    url
  }
`);

const UpdateMyPublicProfile = graphql(
  `
  mutation UpdateMyPublicProfile($input: PublicProfileSettingsInput!) {
    updateMyPublicProfile(input: $input) {
      __typename
      ... on UpdateMyPublicProfileSuccess {
        data {
          ...PublicProfileCard_settings
        }
      }
      ... on ValidationError {
        message
        fieldErrors {
          path
          message
        }
      }
      ... on Error {
        message
      }
    }
  }
`,
  [PublicProfileCard_settings],
);

/** Path of a public profile in this app. */
export const publicProfilePath = (slug: string) => `/guru/${encodeURIComponent(slug)}`;

/**
 * The wallet's public profile settings: on or off (off until the teacher turns it on) and its
 * address, with the link to open and copy.
 */
export function PublicProfileCard({
  settings: read,
}: {
  settings: FragmentOf<typeof PublicProfileCard_settings>;
}) {
  const { t } = useLocale();
  const loaded = readFragment(PublicProfileCard_settings, read);
  const [{ fetching }, update] = useMutation(UpdateMyPublicProfile);
  // What the server holds: from the wallet's query, then from each save (the settings have no id to
  // cache by).
  const [settings, setSettings] = useState(loaded);
  const [slug, setSlug] = useState(loaded.slug);
  const [isPublished, setPublished] = useState(loaded.isPublished);
  const [slugError, setSlugError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  // The wallet read again (each visit, or in another language) brings what the server holds now.
  const { slug: loadedSlug, isPublished: loadedPublished, url: loadedUrl } = loaded;
  useEffect(() => {
    setSettings({ slug: loadedSlug, isPublished: loadedPublished, url: loadedUrl });
    setSlug(loadedSlug);
    setPublished(loadedPublished);
  }, [loadedSlug, loadedPublished, loadedUrl]);

  async function save(next: { isPublished: boolean; slug: string }) {
    setSlugError(null);
    setProblem(null);
    const result = await update({ input: next });
    const outcome = result.data?.updateMyPublicProfile;
    if (outcome?.__typename === 'UpdateMyPublicProfileSuccess') {
      const saved = readFragment(PublicProfileCard_settings, outcome.data);
      setSettings(saved);
      setSlug(saved.slug);
      setPublished(saved.isPublished);
      notifications.show({ color: 'teal', message: t('learner.publicProfile.saved') });
      return;
    }
    if (outcome?.__typename === 'ValidationError') {
      const slugIssue = outcome.fieldErrors.find((issue) => issue.path.includes('slug'));
      if (slugIssue) return setSlugError(slugIssue.message);
    }
    setProblem(
      outcome && 'message' in outcome
        ? outcome.message
        : result.error?.networkError
          ? t('common.networkError')
          : t('learner.errors.unexpected'),
    );
  }

  const isSaved = settings.isPublished && settings.slug === slug;

  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="public-profile-heading">
      <Stack gap="sm">
        <Group gap="xs" wrap="nowrap">
          <IconWorld size={22} aria-hidden />
          <Title order={2} fz="lg" id="public-profile-heading">
            {t('learner.publicProfile.settingsTitle')}
          </Title>
        </Group>
        <Text size="sm" c="gray.8">
          {t('learner.publicProfile.settingsLead')}
        </Text>
        <Switch
          size="md"
          checked={isPublished}
          disabled={fetching}
          label={t('learner.publicProfile.publish')}
          description={
            isPublished ? t('learner.publicProfile.publishedHint') : t('learner.publicProfile.offHint')
          }
          onChange={(event) => {
            const next = event.currentTarget.checked;
            setPublished(next);
            save({ isPublished: next, slug });
          }}
        />
        <form
          onSubmit={(event) => {
            event.preventDefault();
            save({ isPublished, slug });
          }}
        >
          <Group gap="sm" align="flex-end" wrap="wrap">
            <TextInput
              label={t('learner.publicProfile.slug')}
              description={t('learner.publicProfile.slugHint')}
              leftSection={
                <Text size="sm" c="gray.7">
                  /guru/
                </Text>
              }
              leftSectionWidth={56}
              value={slug}
              onChange={(event) => setSlug(event.currentTarget.value)}
              error={slugError}
              style={{ flex: '1 1 220px' }}
              autoCapitalize="none"
              autoCorrect="off"
              spellCheck={false}
            />
            <Button type="submit" variant="default" loading={fetching}>
              {t('learner.publicProfile.save')}
            </Button>
          </Group>
        </form>
        {problem && (
          <Text size="sm" c="red.8" role="alert">
            {t('learner.publicProfile.notSaved')}: {problem}
          </Text>
        )}
        {isSaved && (
          <Group gap="md">
            <Anchor href={publicProfilePath(settings.slug)} target="_blank" size="sm" fw={600}>
              <Group gap={4} component="span" wrap="nowrap">
                <IconExternalLink size={16} aria-hidden />
                {t('learner.publicProfile.open')}
              </Group>
            </Anchor>
            <CopyButton value={settings.url}>
              {({ copied, copy }) => (
                <Button
                  variant="subtle"
                  size="compact-sm"
                  onClick={copy}
                  leftSection={
                    copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />
                  }
                >
                  {copied ? t('learner.publicProfile.copied') : t('learner.publicProfile.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
