import { ErrorAlert, useLocale } from '@kmg/ui';
import {
  Alert,
  Button,
  FileInput,
  Grid,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconCheck, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { CompactTable } from '#components/CompactTable.tsx';
import { CurriculumCourses } from '#components/CurriculumCourses.tsx';
import { CalendarDateInput } from '#components/FormParts.tsx';
import {
  type CurriculumFileError,
  type CurriculumPreview,
  errorsByRow,
  importCurriculum,
} from '#lib/curriculum-import.ts';

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * "Impor kurikulum": pick a file, see every course and every row error before anything is saved,
 * then save it as version X from date Y. A refused save keeps the file, version and date.
 */
export function CurriculumImport({ programmeId, onSaved }: { programmeId: string; onSaved: () => void }) {
  const { t, locale } = useLocale();
  const [file, setFile] = useState<File | null>(null);
  const [version, setVersion] = useState('');
  const [effectiveFrom, setEffectiveFrom] = useState<string | null>(null);
  const [preview, setPreview] = useState<CurriculumPreview | null>(null);
  const [fileErrors, setFileErrors] = useState<CurriculumFileError[]>([]);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<'preview' | 'save' | null>(null);
  const [savedVersion, setSavedVersion] = useState<string | null>(null);

  const run = async (mode: 'preview' | 'save') => {
    if (!file) {
      setFieldErrors({ file: t('admin.rpl.import.pickFirst') });
      return;
    }
    if (mode === 'save') {
      const missing: Record<string, string> = {};
      if (!version.trim()) missing.version = t('admin.rpl.import.versionRequired');
      if (!effectiveFrom) missing.effectiveFrom = t('admin.rpl.import.dateRequired');
      if (Object.keys(missing).length > 0) {
        setFieldErrors(missing);
        return;
      }
    }
    setBusy(mode);
    setProblem(null);
    setFieldErrors({});
    setSavedVersion(null);
    const result = await importCurriculum(
      { programmeId, version: version.trim(), effectiveFrom: effectiveFrom ?? '', mode, file },
      locale,
    );
    setBusy(null);
    if (result.ok && result.mode === 'preview') {
      setPreview(result.preview);
      setFileErrors(result.preview.errors);
    } else if (result.ok) {
      setSavedVersion(version.trim());
      setPreview(null);
      setFileErrors([]);
      setFile(null);
      onSaved();
    } else if (result.kind === 'file') {
      setFileErrors(result.errors);
      setProblem(result.message);
    } else {
      setFieldErrors(result.fieldErrors);
      setProblem(result.message ?? t('common.networkError'));
    }
  };

  const rows = errorsByRow(fileErrors);
  const canSave = preview !== null && fileErrors.length === 0 && preview.courseCount > 0;

  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'md', sm: 'lg' }}
      component="section"
      aria-labelledby="import-title"
    >
      <Title order={2} size="h4" id="import-title" mb={4}>
        {t('admin.rpl.import.title')}
      </Title>
      <Text size="sm" c="dimmed" mb={4}>
        {t('admin.rpl.import.intro')}
      </Text>
      <Text size="sm" c="orange.9" mb="md">
        {t('admin.rpl.import.rulesNote')}
      </Text>
      <Stack gap="md">
        {savedVersion && (
          <Alert color="teal" variant="light" icon={<IconCheck size={18} aria-hidden />} role="status">
            {t('admin.rpl.import.saved', { version: savedVersion })}
          </Alert>
        )}
        <Grid gap="md" align="flex-start">
          <Grid.Col span={{ base: 12, md: 5 }}>
            <FileInput
              label={t('admin.rpl.import.file')}
              description={t('admin.rpl.import.fileHint')}
              placeholder={t('admin.rpl.import.filePlaceholder')}
              accept={ACCEPT}
              clearable
              value={file}
              onChange={(next) => {
                setFile(next);
                setPreview(null);
                setFileErrors([]);
                setProblem(null);
                setFieldErrors({});
              }}
              error={fieldErrors.file}
              leftSection={<IconFileSpreadsheet size={18} aria-hidden />}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
            <TextInput
              size="sm"
              label={t('admin.rpl.import.version')}
              description={t('admin.rpl.import.versionHint')}
              value={version}
              maxLength={40}
              onChange={(event) => setVersion(event.currentTarget.value)}
              error={fieldErrors.version}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
            <CalendarDateInput
              label={t('admin.rpl.import.effectiveFrom')}
              description={t('admin.rpl.import.effectiveFromHint')}
              value={effectiveFrom}
              onChange={(value) => setEffectiveFrom(value as string | null)}
              error={fieldErrors.effectiveFrom}
            />
          </Grid.Col>
        </Grid>
        <Group gap="sm">
          <Button
            variant="light"
            leftSection={<IconUpload size={18} aria-hidden />}
            loading={busy === 'preview'}
            disabled={busy !== null}
            onClick={() => run('preview')}
          >
            {t('admin.rpl.import.preview')}
          </Button>
          <Button loading={busy === 'save'} disabled={!canSave || busy !== null} onClick={() => run('save')}>
            {version.trim()
              ? t('admin.rpl.import.saveAs', { version: version.trim() })
              : t('admin.rpl.import.save')}
          </Button>
          {preview && !canSave && (
            <Text size="sm" c="dimmed">
              {t('admin.rpl.import.fixFirst')}
            </Text>
          )}
        </Group>
        {problem && <ErrorAlert title={t('admin.rpl.import.failed')}>{problem}</ErrorAlert>}

        {fileErrors.length > 0 && (
          <section aria-labelledby="import-errors-title">
            <Title order={3} size="h5" c="red.8" id="import-errors-title" mb="xs">
              {t('admin.rpl.import.errors', { count: fileErrors.length })}
            </Title>
            <Paper withBorder radius="md" px={4} style={{ borderColor: 'var(--mantine-color-red-4)' }}>
              <CompactTable
                caption={t('admin.rpl.import.errors', { count: fileErrors.length })}
                head={
                  <>
                    <Table.Th w={80}>{t('admin.rpl.import.column.row')}</Table.Th>
                    <Table.Th w="25%">{t('admin.rpl.import.column.field')}</Table.Th>
                    <Table.Th>{t('admin.rpl.import.column.problem')}</Table.Th>
                  </>
                }
              >
                {[...rows].flatMap(([row, list]) =>
                  list.map((error, index) => (
                    <Table.Tr key={`${row}-${index}`} bg="red.0">
                      <Table.Td fw={600}>{index === 0 ? row : ''}</Table.Td>
                      <Table.Td>
                        <code>{error.field}</code>
                      </Table.Td>
                      <Table.Td c="red.9">{error.message}</Table.Td>
                    </Table.Tr>
                  )),
                )}
              </CompactTable>
            </Paper>
          </section>
        )}

        {preview && (
          <section aria-labelledby="import-preview-title">
            <Title order={3} size="h5" id="import-preview-title" mb={4}>
              {t('admin.rpl.import.previewTitle')}
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              {t('admin.rpl.import.previewSummary', { count: preview.courseCount, sks: preview.totalSks })}
            </Text>
            <CurriculumCourses
              headingOrder={4}
              courses={preview.courses.map((course, index) => ({
                key: `${course.code}-${index}`,
                code: course.code,
                name: locale === 'en' ? course.nameEn || course.nameId : course.nameId,
                sks: course.sks,
                semester: course.semester,
                kind: course.kind,
                outcomes: course.outcomes.map((outcome, at) => ({
                  key: `${outcome.code}-${at}`,
                  code: outcome.code,
                  text: locale === 'en' ? (outcome.textEn ?? outcome.textId) : outcome.textId,
                  weight: outcome.weight,
                  cplCodes: outcome.cplCodes,
                })),
              }))}
            />
          </section>
        )}
      </Stack>
    </Paper>
  );
}
