import { formatInstant, useLocale } from '@kmg/ui';
import {
  Box,
  Button,
  Card,
  Group,
  Image,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useId, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ImageUploadButtons } from '#components/ImageUploadButtons.tsx';
import { PageHeader } from '#components/PageHeader.tsx';
import { QueryError } from '#components/QueryError.tsx';
import { useProblemMessages } from '#components/use-problem-messages.ts';
import { graphql, type ResultOf } from '#graphql.ts';
import {
  BRANDING_MAX_MB,
  type BrandingImageSlot,
  brandingImageTypes,
  checkBrandingFile,
  uploadBrandingImage,
} from '#lib/branding-images.ts';
import { MutationProblem_error, readProblem } from '#lib/mutation-result.ts';

const BrandingPageQuery = graphql(`
  query BrandingPage {
    brandableOrganizations {
      isProgramme
      logoUrl
      signatureUrl
      signatoryName
      signatoryPosition
      updatedAt
      organization {
        id
        name
        kind
      }
    }
  }
`);

const UpdateCertificateSignatory = graphql(
  `
    mutation UpdateCertificateSignatory($organizationId: ID!, $input: CertificateSignatoryInput!) {
      updateCertificateSignatory(organizationId: $organizationId, input: $input) {
        __typename
        ... on UpdateCertificateSignatorySuccess {
          data {
            signatoryName
            signatoryPosition
          }
        }
        ...MutationProblem_error
      }
    }
  `,
  [MutationProblem_error],
);

const RemoveCertificateBrandingImage = graphql(
  `
    mutation RemoveCertificateBrandingImage($organizationId: ID!, $slot: BrandingImageSlot!) {
      removeCertificateBrandingImage(organizationId: $organizationId, slot: $slot) {
        __typename
        ...MutationProblem_error
      }
    }
  `,
  [MutationProblem_error],
);

type Branding = ResultOf<typeof BrandingPageQuery>['brandableOrganizations'][number];

/**
 * Certificate branding: provider staff set their own organization's logo and signatory; admins
 * and program managers choose any provider, or the programme's parent organization (the
 * ministry logo). Applies to credentials issued from now on.
 */
export function BrandingPage() {
  const { t } = useLocale();
  const [{ data, error, fetching }, reexecute] = useQuery({ query: BrandingPageQuery });
  const [chosen, setChosen] = useState<string | null>(null);
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const list = data?.brandableOrganizations ?? [];
  const branding = list.find((entry) => entry.organization.id === chosen) ?? list[0];

  return (
    <Stack gap="lg">
      <PageHeader title={t('admin.branding.title')} description={t('admin.branding.lead')} />
      {error && !data ? (
        <QueryError error={error} onRetry={refresh} />
      ) : !data && fetching ? (
        <Skeleton height={320} radius="md" />
      ) : !branding ? (
        <Text c="dimmed">{t('admin.branding.none')}</Text>
      ) : (
        <>
          {list.length > 1 && (
            <Select
              label={t('admin.branding.organization')}
              data={list.map((entry) => ({
                value: entry.organization.id,
                label: entry.isProgramme
                  ? `${entry.organization.name} · ${t('admin.branding.programme')}`
                  : entry.organization.name,
              }))}
              value={branding.organization.id}
              onChange={setChosen}
              allowDeselect={false}
              maw={560}
              searchable
            />
          )}
          <BrandingForm key={branding.organization.id} branding={branding} onChanged={refresh} />
        </>
      )}
    </Stack>
  );
}

function BrandingForm({ branding, onChanged }: { branding: Branding; onChanged: () => void }) {
  const { t, locale } = useLocale();
  const problemMessages = useProblemMessages();
  const [name, setName] = useState(branding.signatoryName ?? '');
  const [position, setPosition] = useState(branding.signatoryPosition ?? '');
  const [fieldErrors, setFieldErrors] = useState<{ name?: string; position?: string; form?: string }>({});
  const [{ fetching }, update] = useMutation(UpdateCertificateSignatory);

  useEffect(() => {
    setName(branding.signatoryName ?? '');
    setPosition(branding.signatoryPosition ?? '');
  }, [branding.signatoryName, branding.signatoryPosition]);

  async function save(event: React.FormEvent) {
    event.preventDefault();
    setFieldErrors({});
    const result = await update({
      organizationId: branding.organization.id,
      input: { signatoryName: name, signatoryPosition: position },
    });
    const outcome = result.data?.updateCertificateSignatory;
    if (outcome?.__typename === 'UpdateCertificateSignatorySuccess') {
      notifications.show({ color: 'teal', message: t('admin.branding.saved') });
      onChanged();
      return;
    }
    const problem = readProblem(outcome, result.error, problemMessages);
    if (!problem) return;
    const byField = (field: string) =>
      problem.fieldErrors.find((issue) => issue.path[issue.path.length - 1] === field)?.message;
    setFieldErrors({
      name: byField('signatoryName'),
      position: byField('signatoryPosition'),
      form: problem.fieldErrors.length === 0 ? problem.message : undefined,
    });
  }

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <Card withBorder radius="md" padding="lg">
        <ImageField
          organizationId={branding.organization.id}
          slot="logo"
          title={branding.isProgramme ? t('admin.branding.programme') : t('admin.branding.logo')}
          hint={
            branding.isProgramme
              ? `${t('admin.branding.programmeHint')} ${t('admin.branding.logoHint', { max: BRANDING_MAX_MB })}`
              : `${t('admin.branding.logoPlace')} ${t('admin.branding.logoHint', { max: BRANDING_MAX_MB })}`
          }
          imageUrl={branding.logoUrl}
          alt={t('admin.branding.logoAlt', { name: branding.organization.name })}
          emptyText={t('admin.branding.noLogo')}
          onChanged={onChanged}
        />
        {branding.updatedAt && (
          <Text size="xs" c="dimmed" mt="md">
            {t('admin.branding.updatedAt', { date: formatInstant(branding.updatedAt, locale) })}
          </Text>
        )}
      </Card>
      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="signatory-heading">
        <Stack gap="md">
          <div>
            <Title order={2} fz="lg" id="signatory-heading">
              {t('admin.branding.signatory')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('admin.branding.signatoryHint')}
            </Text>
          </div>
          <form onSubmit={save}>
            <Stack gap="sm">
              <TextInput
                label={t('admin.branding.signatoryName')}
                value={name}
                onChange={(event) => setName(event.currentTarget.value)}
                error={fieldErrors.name}
                maxLength={120}
              />
              <TextInput
                label={t('admin.branding.signatoryPosition')}
                value={position}
                onChange={(event) => setPosition(event.currentTarget.value)}
                error={fieldErrors.position}
                maxLength={160}
              />
              {fieldErrors.form && (
                <Text size="sm" c="red.8" role="alert">
                  {fieldErrors.form}
                </Text>
              )}
              <Group>
                <Button type="submit" loading={fetching}>
                  {t('admin.branding.save')}
                </Button>
              </Group>
            </Stack>
          </form>
          {branding.signatoryName ? (
            <ImageField
              organizationId={branding.organization.id}
              slot="signature"
              title={t('admin.branding.signature')}
              hint={t('admin.branding.signatureHint', { max: BRANDING_MAX_MB })}
              imageUrl={branding.signatureUrl}
              alt={t('admin.branding.signature')}
              emptyText={t('admin.branding.noSignature')}
              onChanged={onChanged}
              isWide
            />
          ) : (
            <Text size="sm" c="dimmed">
              {t('admin.branding.signatureNeedsName')}
            </Text>
          )}
        </Stack>
      </Card>
    </SimpleGrid>
  );
}

function ImageField({
  organizationId,
  slot,
  title,
  hint,
  imageUrl,
  alt,
  emptyText,
  onChanged,
  isWide = false,
}: {
  organizationId: string;
  slot: BrandingImageSlot;
  title: string;
  hint: string;
  imageUrl: string | null;
  alt: string;
  emptyText: string;
  onChanged: () => void;
  isWide?: boolean;
}) {
  const { t, locale } = useLocale();
  const hintId = useId();
  const problemMessages = useProblemMessages();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [, remove] = useMutation(RemoveCertificateBrandingImage);
  const [width, height] = isWide ? [240, 80] : [120, 120];

  async function upload(file: File | null) {
    if (!file) return;
    setProblem(null);
    const wrong = checkBrandingFile(file, locale);
    if (wrong) return setProblem(wrong);
    setBusy(true);
    const result = await uploadBrandingImage({ organizationId, slot, file }, locale);
    setBusy(false);
    if (!result.ok) return setProblem(result.message ?? t('common.networkError'));
    notifications.show({ color: 'teal', message: t('admin.branding.imageSaved') });
    onChanged();
  }

  async function clear() {
    setProblem(null);
    setBusy(true);
    const result = await remove({ organizationId, slot: slot === 'logo' ? 'LOGO' : 'SIGNATURE' });
    setBusy(false);
    const outcome = result.data?.removeCertificateBrandingImage;
    const failure =
      outcome?.__typename === 'RemoveCertificateBrandingImageSuccess'
        ? null
        : readProblem(outcome, result.error, problemMessages);
    if (failure) return setProblem(failure.message);
    notifications.show({ color: 'gray', message: t('admin.branding.imageRemoved') });
    onChanged();
  }

  return (
    <Stack gap={6}>
      <Text size="sm" fw={700}>
        {title}
      </Text>
      <Text size="xs" c="dimmed" id={hintId}>
        {hint}
      </Text>
      <Group gap="md" align="center">
        <Box
          w={width + 8}
          h={height + 8}
          bd="1px dashed var(--mantine-color-gray-4)"
          style={{ borderRadius: 8, display: 'grid', placeItems: 'center', overflow: 'hidden' }}
        >
          {imageUrl ? (
            <Image src={imageUrl} alt={alt} fit="contain" w={width} h={height} />
          ) : (
            <Text size="xs" c="dimmed" ta="center" px="xs">
              {emptyText}
            </Text>
          )}
        </Box>
        <ImageUploadButtons
          accept={brandingImageTypes}
          hasImage={!!imageUrl}
          uploading={busy}
          busy={busy}
          hintId={hintId}
          labels={{
            upload: t('admin.branding.upload'),
            replace: t('admin.branding.replace'),
            remove: t('admin.branding.remove'),
          }}
          onPick={upload}
          onRemove={clear}
        />
      </Group>
      {problem && (
        <Text size="sm" c="red.8" role="alert">
          {problem}
        </Text>
      )}
    </Stack>
  );
}
