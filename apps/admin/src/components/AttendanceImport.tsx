import { ErrorAlert, formatLocalDate, useLocale } from '@kmg/ui';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileInput,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconDownload, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useMutation } from 'urql';
import { AttendanceRefresh_call } from '#components/attendance-refresh.ts';
import { useProblemMessages } from '#components/use-problem-messages.ts';
import { graphql } from '#graphql.ts';
import {
  ATTENDANCE_FILE_MAX_BYTES,
  decodeAttendanceFile,
  sampleAttendanceCsv,
} from '#lib/attendance-file.ts';
import { PARTICIPANTS_PAGE } from '#lib/delivery.ts';
import { MutationProblem_error, readProblem } from '#lib/mutation-result.ts';

/** Preview and apply are one mutation; applying returns the participants' attendance as saved. */
const ImportAttendance = graphql(
  `
  mutation ImportAttendance($callId: ID!, $content: String!, $apply: Boolean!, $first: Int!) {
    importAttendance(callId: $callId, content: $content, apply: $apply) {
      __typename
      ... on ImportAttendanceSuccess {
        data {
          validCount
          invalidCount
          appliedCount
          rows { row identifier participantName date present late note issues { field message } }
          call {
            id
            ...AttendanceRefresh_call
          }
        }
      }
      ...MutationProblem_error
    }
  }
`,
  [MutationProblem_error, AttendanceRefresh_call],
);

type Preview = {
  validCount: number;
  invalidCount: number;
  rows: readonly {
    row: number;
    identifier: string;
    participantName: string | null;
    date: string | null;
    present: boolean | null;
    late: boolean | null;
    note: string | null;
    issues: readonly { field: string; message: string }[];
  }[];
};

/**
 * "Impor dari berkas CSV": pick the register exported from a spreadsheet, see every row and what
 * is wrong with it, then import the valid rows in one go (the others are skipped, as the preview
 * says). The file is read again when importing, so the preview is never trusted.
 */
export function AttendanceImport({
  callId,
  participants,
  pastDays,
}: {
  callId: string;
  participants: readonly { name: string; nuptk: string | null }[];
  /** Training days that have happened: the sample lists them. */
  pastDays: readonly string[];
}) {
  const { t, locale } = useLocale();
  const messages = useProblemMessages();
  const [, run] = useMutation(ImportAttendance);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [busy, setBusy] = useState<'preview' | 'apply' | null>(null);

  const send = async (apply: boolean) => {
    if (!file) {
      setFileError(t('admin.delivery.attendanceImport.pickFirst'));
      return;
    }
    if (file.size > ATTENDANCE_FILE_MAX_BYTES) {
      setFileError(t('admin.delivery.attendanceImport.tooLarge'));
      return;
    }
    setBusy(apply ? 'apply' : 'preview');
    setProblem(null);
    setFileError(null);
    const content = decodeAttendanceFile(new Uint8Array(await file.arrayBuffer()));
    const result = await run({ callId, content, apply, first: PARTICIPANTS_PAGE });
    setBusy(null);
    const outcome = result.data?.importAttendance;
    const found = readProblem(outcome, result.error, messages);
    if (found) {
      const fieldMessage = found.fieldErrors.map((error) => error.message).join(' ');
      if (fieldMessage) setFileError(fieldMessage);
      else setProblem(found.message);
      setPreview(null);
      return;
    }
    if (outcome?.__typename !== 'ImportAttendanceSuccess') return;
    if (apply) {
      notifications.show({
        color: 'green',
        message: t('admin.delivery.attendanceImport.applied', { count: outcome.data.appliedCount }),
      });
      setPreview(null);
      setFile(null);
    } else {
      setPreview(outcome.data);
    }
  };

  const sampleHref = `data:text/csv;charset=utf-8,${encodeURIComponent(sampleAttendanceCsv(participants, pastDays))}`;
  const statusLabel = (row: Preview['rows'][number]) =>
    row.present === null
      ? null
      : row.late
        ? t('admin.delivery.attendanceImport.late')
        : row.present
          ? t('admin.delivery.attendanceImport.present')
          : t('admin.delivery.attendanceImport.absent');

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="attendance-import-title">
      <Stack gap="sm">
        <Group gap="xs" wrap="nowrap">
          <IconFileSpreadsheet size={20} aria-hidden color="var(--mantine-color-kmg-7)" />
          <Title order={4} size="h5" id="attendance-import-title">
            {t('admin.delivery.attendanceImport.title')}
          </Title>
        </Group>
        <Text size="sm" c="dimmed">
          {t('admin.delivery.attendanceImport.intro')}
        </Text>
        {pastDays.length > 0 && (
          <Anchor href={sampleHref} download="daftar-hadir.csv" size="sm">
            <Group gap={4} wrap="nowrap" component="span">
              <IconDownload size={14} aria-hidden />
              {t('admin.delivery.attendanceImport.sample')}
            </Group>
          </Anchor>
        )}
        <Group align="flex-end" gap="sm">
          <FileInput
            style={{ flex: '1 1 240px' }}
            label={t('admin.delivery.attendanceImport.file')}
            placeholder={t('admin.delivery.attendanceImport.filePlaceholder')}
            accept=".csv,text/csv"
            value={file}
            onChange={(next) => {
              setFile(next);
              setPreview(null);
              setFileError(null);
              setProblem(null);
            }}
            error={fileError}
            clearable
          />
          <Button
            variant="default"
            leftSection={<IconUpload size={16} aria-hidden />}
            loading={busy === 'preview'}
            disabled={busy !== null}
            onClick={() => send(false)}
          >
            {t('admin.delivery.attendanceImport.preview')}
          </Button>
        </Group>
        {problem && <ErrorAlert title={t('admin.delivery.attendanceImport.failed')}>{problem}</ErrorAlert>}
        {preview && (
          <Stack gap="sm">
            <Alert
              variant="light"
              color={preview.invalidCount > 0 ? 'yellow' : 'green'}
              icon={<IconCheck size={18} aria-hidden />}
              aria-live="polite"
            >
              {preview.invalidCount > 0
                ? t('admin.delivery.attendanceImport.summary', {
                    valid: preview.validCount,
                    invalid: preview.invalidCount,
                  })
                : t('admin.delivery.attendanceImport.allValid', { count: preview.validCount })}
            </Alert>
            <Table.ScrollContainer minWidth={640} type="native">
              <Table fz="sm" verticalSpacing={6} className="data-table">
                <Table.Caption>{t('admin.delivery.attendanceImport.previewCaption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={60}>{t('admin.delivery.attendanceImport.row')}</Table.Th>
                    <Table.Th>{t('admin.delivery.attendanceImport.participant')}</Table.Th>
                    <Table.Th>{t('admin.delivery.attendanceImport.date')}</Table.Th>
                    <Table.Th>{t('admin.delivery.attendanceImport.status')}</Table.Th>
                    <Table.Th>{t('admin.delivery.attendanceImport.note')}</Table.Th>
                    <Table.Th>{t('admin.delivery.attendanceImport.problems')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.rows.map((row) => (
                    <Table.Tr
                      key={row.row}
                      bg={row.issues.length > 0 ? 'var(--mantine-color-red-0)' : undefined}
                      data-invalid={row.issues.length > 0 || undefined}
                    >
                      <Table.Td>{row.row + 1}</Table.Td>
                      <Table.Td>
                        <Text span size="sm" fw={600} display="block">
                          {row.participantName ?? '–'}
                        </Text>
                        <Text span ff="monospace" fz={11} c="dimmed">
                          {row.identifier}
                        </Text>
                      </Table.Td>
                      <Table.Td>{row.date ? formatLocalDate(row.date, locale) : '–'}</Table.Td>
                      <Table.Td>{statusLabel(row) ?? '–'}</Table.Td>
                      <Table.Td>{row.note ?? ''}</Table.Td>
                      <Table.Td>
                        {row.issues.length === 0 ? (
                          <Badge color="green" variant="light" tt="none">
                            {t('admin.delivery.attendanceImport.ok')}
                          </Badge>
                        ) : (
                          <Text size="sm" c="red.8">
                            {row.issues.map((issue) => issue.message).join(' ')}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Group justify="flex-end">
              <Button
                leftSection={<IconCheck size={16} aria-hidden />}
                disabled={preview.validCount === 0 || busy !== null}
                loading={busy === 'apply'}
                onClick={() => send(true)}
              >
                {t('admin.delivery.attendanceImport.apply', { count: preview.validCount })}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
