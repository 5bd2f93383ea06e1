import { useLocale } from '@kmg/ui';
import { Box, Group, Image, Stack, Text } from '@mantine/core';
import { useId, useState } from 'react';
import { ConfirmDialog } from '#components/ConfirmDialog.tsx';
import { ImageUploadButtons } from '#components/ImageUploadButtons.tsx';
import {
  checkLogoFile,
  LOGO_MAX_MB,
  logoTypes,
  removeUniversityLogo,
  uploadUniversityLogo,
} from '#lib/rpl-logo.ts';

/**
 * The letterhead's logo: shown as it will print, replaced by uploading another (PNG or JPEG up to
 * 1 MB), or removed. Saved at once, apart from the settings form. `canChange` is false for a
 * platform admin looking at another university: the route files a logo under the viewer's own.
 */
export function RplLogoField({
  logoUrl,
  canChange,
  onChanged,
}: {
  logoUrl: string | null;
  canChange: boolean;
  onChanged: () => void;
}) {
  const { t, locale } = useLocale();
  const hintId = useId();
  const [shown, setShown] = useState(logoUrl);
  // The logo's address stays the same when it is replaced: a new query string shows the new one.
  const [version, setVersion] = useState(0);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [removeProblem, setRemoveProblem] = useState<string | null>(null);

  const upload = async (file: File | null) => {
    if (!file) return;
    setProblem(null);
    const wrong = checkLogoFile(file, locale);
    if (wrong) {
      setProblem(wrong);
      return;
    }
    setBusy(true);
    const result = await uploadUniversityLogo(file, locale);
    setBusy(false);
    if (!result.ok) {
      setProblem(result.message ?? t('common.networkError'));
      return;
    }
    setShown(result.logoUrl ?? shown);
    setVersion((current) => current + 1);
    onChanged();
  };

  const remove = async () => {
    setRemoveProblem(null);
    setBusy(true);
    const result = await removeUniversityLogo(locale);
    setBusy(false);
    if (!result.ok) {
      setRemoveProblem(result.message ?? t('common.networkError'));
      return;
    }
    setConfirming(false);
    setShown(null);
    onChanged();
  };

  return (
    <Stack gap={6}>
      <Text size="sm" fw={700}>
        {t('admin.rplAdmin.settings.logo')}
      </Text>
      <Text size="xs" c="dimmed" id={hintId}>
        {canChange
          ? t('admin.rplAdmin.settings.logoHint', { max: LOGO_MAX_MB })
          : t('admin.rplAdmin.settings.logoOwnOnly')}
      </Text>
      <Group gap="md" align="center">
        <Box
          w={120}
          h={120}
          bd="1px dashed var(--mantine-color-gray-4)"
          style={{ borderRadius: 8, display: 'grid', placeItems: 'center', overflow: 'hidden' }}
        >
          {shown ? (
            <Image
              src={`${shown}${version ? `?v=${version}` : ''}`}
              alt={t('admin.rplAdmin.settings.logoAlt')}
              fit="contain"
              w={112}
              h={112}
            />
          ) : (
            <Text size="xs" c="dimmed" ta="center" px="xs">
              {t('admin.rplAdmin.settings.noLogo')}
            </Text>
          )}
        </Box>
        {canChange && (
          <ImageUploadButtons
            accept={logoTypes}
            hasImage={!!shown}
            uploading={busy && !confirming}
            busy={busy}
            hintId={hintId}
            labels={{
              upload: t('admin.rplAdmin.settings.logoUpload'),
              replace: t('admin.rplAdmin.settings.logoReplace'),
              remove: t('admin.rplAdmin.settings.logoRemove'),
            }}
            onPick={upload}
            onRemove={() => setConfirming(true)}
          />
        )}
      </Group>
      {problem && (
        <Text size="sm" c="red.8" role="alert">
          {problem}
        </Text>
      )}
      <ConfirmDialog
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('admin.rplAdmin.settings.logoRemoveTitle')}
        confirmLabel={t('admin.rplAdmin.settings.logoRemove')}
        confirmColor="red"
        busy={busy}
        problem={removeProblem}
        onConfirm={remove}
      >
        <Text size="sm">{t('admin.rplAdmin.settings.logoRemoveText')}</Text>
      </ConfirmDialog>
    </Stack>
  );
}
