import { rplEvidenceKinds } from '@kmg/domain';
import { ErrorAlert, formatLocalDate, useLocale } from '@kmg/ui';
import {
  ActionIcon,
  Anchor,
  Button,
  FileInput,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileUpload, IconPaperclip, IconTrash } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { type RplEvidenceKind, removeRplEvidence, uploadRplEvidence } from '#lib/rpl-evidence-upload.ts';

export type EvidenceFile = {
  id: string;
  kind: RplEvidenceKind;
  title: string;
  issuedOn: string | null;
  fileName: string;
  size: number;
  url: string;
};

/**
 * The other evidence of an application (BNSP certificates, work experience, badges from elsewhere):
 * the files so far, each removable while the teacher may edit, and the form that uploads one.
 */
export function RplEvidenceFiles({
  applicationId,
  files,
  isEditable,
  onChanged,
  onRemoved,
}: {
  applicationId: string;
  files: readonly EvidenceFile[];
  isEditable: boolean;
  /** A file was uploaded or removed: load the application again. */
  onChanged: () => void;
  onRemoved: (evidenceId: string) => void;
}) {
  const { t, locale } = useLocale();
  const [kind, setKind] = useState<RplEvidenceKind>('BNSP_CERTIFICATE');
  const [title, setTitle] = useState('');
  const [issuedOn, setIssuedOn] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<{ title?: string; file?: string }>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [isUploading, setIsUploading] = useState(false);
  const [removing, setRemoving] = useState<string | null>(null);

  async function upload(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    const missing = {
      ...(title.trim() ? {} : { title: t('learner.rpl.application.evidence.titleRequired') }),
      ...(file ? {} : { file: t('learner.rpl.application.evidence.fileRequired') }),
    };
    setErrors(missing);
    if (!file || missing.title) return;
    setIsUploading(true);
    const result = await uploadRplEvidence(
      { applicationId, kind, title, issuedOn: issuedOn || null, file },
      locale,
    );
    setIsUploading(false);
    if (!result.ok) {
      setProblem(result.message ?? t('common.networkError'));
      return;
    }
    notifications.show({
      color: 'green',
      message: t('learner.rpl.application.evidence.uploaded', { title: title.trim() }),
    });
    setTitle('');
    setIssuedOn('');
    setFile(null);
    onChanged();
  }

  async function remove(evidence: EvidenceFile) {
    setProblem(null);
    setRemoving(evidence.id);
    const result = await removeRplEvidence(evidence.id, locale);
    setRemoving(null);
    if (!result.ok) {
      setProblem(result.message ?? t('common.networkError'));
      return;
    }
    notifications.show({
      color: 'gray',
      message: t('learner.rpl.application.evidence.removed', { title: evidence.title }),
    });
    onRemoved(evidence.id);
    onChanged();
  }

  return (
    <Stack gap="sm">
      {files.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t('learner.rpl.application.evidence.none')}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {files.map((evidence) => (
            <Paper component="li" key={evidence.id} withBorder radius="md" p="sm">
              <Group gap="sm" wrap="nowrap" align="flex-start">
                <IconPaperclip size={18} aria-hidden style={{ flexShrink: 0, marginTop: 3 }} />
                <div style={{ flex: 1, minWidth: 0 }}>
                  <Anchor
                    href={evidence.url}
                    target="_blank"
                    rel="noopener"
                    fw={600}
                    size="sm"
                    aria-label={t('learner.rpl.application.evidence.download', { title: evidence.title })}
                  >
                    {evidence.title}
                  </Anchor>
                  <Text size="xs" c="gray.7" style={{ overflowWrap: 'anywhere' }}>
                    {t(`learner.rpl.application.evidence.kinds.${evidence.kind}`)}
                    {evidence.issuedOn &&
                      ` · ${t('learner.rpl.application.evidence.issued', { date: formatLocalDate(evidence.issuedOn, locale, 'medium') })}`}
                    {` · ${evidence.fileName}`}
                  </Text>
                </div>
                {isEditable && (
                  <ActionIcon
                    variant="subtle"
                    color="red.9"
                    size="lg"
                    loading={removing === evidence.id}
                    onClick={() => remove(evidence)}
                    aria-label={t('learner.rpl.application.evidence.remove', { title: evidence.title })}
                  >
                    <IconTrash size={18} aria-hidden />
                  </ActionIcon>
                )}
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      {problem && (
        <ErrorAlert title={t('learner.rpl.application.evidence.uploadFailed')}>{problem}</ErrorAlert>
      )}
      {isEditable && (
        <Paper withBorder radius="md" p="sm" bg="gray.0">
          <form onSubmit={upload} noValidate>
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <NativeSelect
                  label={t('learner.rpl.application.evidence.kind')}
                  value={kind}
                  onChange={(event) =>
                    setKind(rplEvidenceKinds.find((value) => value === event.currentTarget.value) ?? 'OTHER')
                  }
                  data={rplEvidenceKinds.map((value) => ({
                    value,
                    label: t(`learner.rpl.application.evidence.kinds.${value}`),
                  }))}
                />
                <TextInput
                  type="date"
                  label={t('learner.rpl.application.evidence.issuedOn')}
                  value={issuedOn}
                  onChange={(event) => setIssuedOn(event.currentTarget.value)}
                />
              </SimpleGrid>
              <TextInput
                label={t('learner.rpl.application.evidence.fileTitle')}
                description={t('learner.rpl.application.evidence.fileTitleHint')}
                withAsterisk
                value={title}
                maxLength={200}
                error={errors.title}
                onChange={(event) => setTitle(event.currentTarget.value)}
              />
              <FileInput
                label={t('learner.rpl.application.evidence.file')}
                placeholder={t('learner.rpl.application.evidence.filePlaceholder')}
                withAsterisk
                accept="application/pdf,image/png,image/jpeg,application/json"
                value={file}
                error={errors.file}
                onChange={setFile}
                clearable
                leftSection={<IconFileUpload size={18} aria-hidden />}
              />
              <Button type="submit" variant="light" loading={isUploading} style={{ alignSelf: 'flex-start' }}>
                {t('learner.rpl.application.evidence.upload')}
              </Button>
            </Stack>
          </form>
        </Paper>
      )}
    </Stack>
  );
}
