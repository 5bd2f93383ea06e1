import { disseminationKindLabels, disseminationKinds, disseminationReportSchema } from '@kmg/domain';
import { ErrorAlert, formatLocalDate, schemaErrors, toFormErrors, useLocale } from '@kmg/ui';
import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  FileButton,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconPaperclip, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { DisseminationStatusBadge } from '#components/DisseminationStatusBadge.tsx';
import { LockedNotice } from '#components/LockedNotice.tsx';
import { Page } from '#components/Page.tsx';
import { QueryFallback } from '#components/QueryState.tsx';
import { RequireSignIn } from '#components/RequireSignIn.tsx';
import { graphql } from '#graphql.ts';
import { removeDisseminationEvidence, uploadDisseminationEvidence } from '#lib/dissemination-upload.ts';

const MAX_FILE_MB = 10;
const ACCEPT =
  'image/*,application/pdf,.docx,.xlsx,.pptx,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.openxmlformats-officedocument.presentationml.presentation';

const ReportQuery = graphql(`
  query DisseminationReportPage($id: ID!) {
    disseminationReport(id: $id) {
      id
      kind
      status
      statusLabel
      heldOn
      place
      description
      teachersReached
      studentsReached
      schoolsReached
      returnNote
      isEditable
      trainingTitle
      evidence { id fileName mimeType url }
    }
  }
`);

const CreateReport = graphql(`
  mutation CreateDisseminationReport($applicationId: ID!, $input: DisseminationReportInput!) {
    createDisseminationReport(applicationId: $applicationId, input: $input) {
      __typename
      ... on CreateDisseminationReportSuccess { data { id status } }
      ... on ValidationError { message fieldErrors { path message } }
      ... on Error { code message }
    }
  }
`);
const UpdateReport = graphql(`
  mutation UpdateDisseminationReport($id: ID!, $input: DisseminationReportInput!) {
    updateDisseminationReport(id: $id, input: $input) {
      __typename
      ... on UpdateDisseminationReportSuccess { data { id status } }
      ... on ValidationError { message fieldErrors { path message } }
      ... on Error { code message }
    }
  }
`);
const SubmitReport = graphql(`
  mutation SubmitDisseminationReport($id: ID!) {
    submitDisseminationReport(id: $id) {
      __typename
      ... on SubmitDisseminationReportSuccess { data { id status statusLabel isEditable } }
      ... on Error { code message }
    }
  }
`);
const DeleteDraft = graphql(`
  mutation DeleteDisseminationDraft($id: ID!) {
    deleteDisseminationDraft(id: $id) {
      __typename
      ... on Error { code message }
    }
  }
`);

type Kind = (typeof disseminationKinds)[number];
type Values = {
  kind: Kind;
  heldOn: string;
  place: string;
  description: string;
  teachersReached: number | string;
  studentsReached: number | string;
  schoolsReached: number | string;
};

const skeleton = <Skeleton height={420} radius="md" />;

/** A new activity (`/pengimbasan/baru/<applicationId>`) or one already recorded (`/pengimbasan/<id>`). */
export function DisseminationReportPage() {
  const { t } = useLocale();
  const { id, applicationId } = useParams();
  return (
    <Page title={t(id ? 'learner.dissemination.editTitle' : 'learner.dissemination.newTitle')} size="sm">
      <Anchor component={Link} to="/pengimbasan" fz="sm" mt={-12}>
        <Group gap={4} component="span">
          <IconArrowLeft size={16} aria-hidden />
          {t('learner.dissemination.backToList')}
        </Group>
      </Anchor>
      <RequireSignIn fallback={skeleton}>
        {(viewer) =>
          !viewer.isTeacher ? (
            <LockedNotice>{t('learner.dissemination.notTeacher')}</LockedNotice>
          ) : id ? (
            <ExistingReport id={id} />
          ) : (
            <ReportForm applicationId={applicationId ?? ''} report={null} onChanged={() => {}} />
          )
        }
      </RequireSignIn>
    </Page>
  );
}

function ExistingReport({ id }: { id: string }) {
  const { t, locale } = useLocale();
  const [{ data, error }, reexecute] = useQuery({
    query: ReportQuery,
    variables: { id },
    requestPolicy: 'cache-and-network',
  });
  if (!data) return <QueryFallback error={error} reexecute={reexecute} skeleton={skeleton} />;
  const report = data.disseminationReport;
  if (!report) return <LockedNotice>{t('learner.dissemination.notFound')}</LockedNotice>;
  if (report.isEditable)
    return (
      <ReportForm
        applicationId=""
        report={report}
        onChanged={() => reexecute({ requestPolicy: 'network-only' })}
      />
    );
  return (
    <Stack gap="sm">
      <Group justify="space-between" gap="xs">
        <Text fw={600}>{report.trainingTitle}</Text>
        <DisseminationStatusBadge status={report.status} label={report.statusLabel} />
      </Group>
      <Alert color="gray" variant="light">
        {t('learner.dissemination.readOnly')}
      </Alert>
      <Text fw={600}>{disseminationKindLabels[report.kind][locale]}</Text>
      <Text fz="sm">
        {formatLocalDate(report.heldOn, locale)} · {report.place}
      </Text>
      <Text fz="sm">
        {t('learner.dissemination.reached', {
          teachers: report.teachersReached,
          students: report.studentsReached,
          schools: report.schoolsReached,
        })}
      </Text>
      <Text fz="sm" style={{ whiteSpace: 'pre-line' }}>
        {report.description}
      </Text>
      <EvidenceList evidence={report.evidence} />
    </Stack>
  );
}

function EvidenceList({
  evidence,
  onRemove,
}: {
  evidence: readonly { id: string; fileName: string; url: string }[];
  onRemove?: (id: string, name: string) => void;
}) {
  const { t } = useLocale();
  if (evidence.length === 0) return null;
  return (
    <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {evidence.map((file) => (
        <Group key={file.id} component="li" gap="xs" wrap="nowrap" justify="space-between">
          <Anchor href={file.url} fz="sm" style={{ overflowWrap: 'anywhere' }}>
            <IconPaperclip size={14} aria-hidden /> {file.fileName}
          </Anchor>
          {onRemove && (
            <ActionIcon
              variant="subtle"
              color="red"
              size={40}
              aria-label={t('learner.dissemination.removeFile', { name: file.fileName })}
              onClick={() => onRemove(file.id, file.fileName)}
            >
              <IconTrash size={18} aria-hidden />
            </ActionIcon>
          )}
        </Group>
      ))}
    </Stack>
  );
}

type ExistingFields = {
  id: string;
  kind: Kind;
  status: 'DRAFT' | 'SUBMITTED' | 'VERIFIED' | 'RETURNED';
  statusLabel: string;
  heldOn: string;
  place: string;
  description: string;
  teachersReached: number;
  studentsReached: number;
  schoolsReached: number;
  returnNote: string | null;
  trainingTitle: string;
  evidence: readonly { id: string; fileName: string; url: string }[];
};

function todayIso(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

function ReportForm({
  applicationId,
  report,
  onChanged,
}: {
  applicationId: string;
  report: ExistingFields | null;
  onChanged: () => void;
}) {
  const { t, locale } = useLocale();
  const navigate = useNavigate();
  const [values, setValues] = useState<Values>(
    report
      ? {
          kind: report.kind,
          heldOn: report.heldOn,
          place: report.place,
          description: report.description,
          teachersReached: report.teachersReached,
          studentsReached: report.studentsReached,
          schoolsReached: report.schoolsReached,
        }
      : {
          kind: 'SCHOOL_WORKSHOP',
          heldOn: todayIso(),
          place: '',
          description: '',
          teachersReached: 0,
          studentsReached: 0,
          schoolsReached: 1,
        },
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [, create] = useMutation(CreateReport);
  const [, update] = useMutation(UpdateReport);
  const [, submit] = useMutation(SubmitReport);
  const [, remove] = useMutation(DeleteDraft);

  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const input = () => ({
    ...values,
    place: values.place.trim(),
    description: values.description.trim(),
    teachersReached: Number(values.teachersReached) || 0,
    studentsReached: Number(values.studentsReached) || 0,
    schoolsReached: Number(values.schoolsReached) || 0,
  });

  async function save(andSubmit: boolean) {
    setProblem(null);
    const checked = schemaErrors(disseminationReportSchema, input(), locale);
    setErrors(checked);
    if (Object.keys(checked).length > 0) return;
    setBusy(true);
    try {
      let id = report?.id ?? null;
      const result = id
        ? (await update({ id, input: input() })).data?.updateDisseminationReport
        : (await create({ applicationId, input: input() })).data?.createDisseminationReport;
      if (!result) return setProblem(t('common.networkError'));
      if (result.__typename === 'ValidationError') {
        setErrors(toFormErrors(result.fieldErrors));
        return;
      }
      if (!('data' in result)) return setProblem('message' in result ? result.message : null);
      id = result.data.id;
      for (const file of files) {
        const uploaded = await uploadDisseminationEvidence(id, file, locale);
        if (!uploaded.ok) {
          setFiles([]);
          setProblem(t('learner.dissemination.uploadFailed', { name: file.name, message: uploaded.message }));
          if (!report) navigate(`/pengimbasan/${encodeURIComponent(id)}`, { replace: true });
          else onChanged();
          return;
        }
      }
      setFiles([]);
      if (andSubmit) {
        const sent = (await submit({ id })).data?.submitDisseminationReport;
        if (sent?.__typename !== 'SubmitDisseminationReportSuccess') {
          setProblem(sent && 'message' in sent ? sent.message : t('common.networkError'));
          if (!report) navigate(`/pengimbasan/${encodeURIComponent(id)}`, { replace: true });
          else onChanged();
          return;
        }
        notifications.show({ color: 'green', message: t('learner.dissemination.submitted') });
        navigate('/pengimbasan');
        return;
      }
      notifications.show({ color: 'green', message: t('learner.dissemination.saved') });
      if (!report) navigate(`/pengimbasan/${encodeURIComponent(id)}`, { replace: true });
      else onChanged();
    } finally {
      setBusy(false);
    }
  }

  async function removeFile(evidenceId: string) {
    const removed = await removeDisseminationEvidence(evidenceId, locale);
    if (!removed.ok) setProblem(removed.message);
    onChanged();
  }

  async function deleteDraft() {
    if (!report) return;
    const result = (await remove({ id: report.id })).data?.deleteDisseminationDraft;
    if (result?.__typename !== 'DeleteDisseminationDraftSuccess') {
      setProblem(result && 'message' in result ? result.message : t('common.networkError'));
      return;
    }
    notifications.show({ color: 'gray', message: t('learner.dissemination.deleted') });
    navigate('/pengimbasan');
  }

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void save(true);
      }}
      noValidate
    >
      <Stack gap="md">
        {report && (
          <Group justify="space-between" gap="xs">
            <Text fw={600} fz="sm">
              {report.trainingTitle}
            </Text>
            <DisseminationStatusBadge status={report.status} label={report.statusLabel} />
          </Group>
        )}
        {report?.status === 'RETURNED' && report.returnNote && (
          <Alert color="orange" variant="light">
            {t('learner.dissemination.returnedNote', { note: report.returnNote })}
          </Alert>
        )}
        <NativeSelect
          label={t('learner.dissemination.kind')}
          value={values.kind}
          onChange={(event) => set('kind', event.currentTarget.value as Kind)}
          data={disseminationKinds.map((kind) => ({
            value: kind,
            label: disseminationKindLabels[kind][locale],
          }))}
          error={errors.kind}
          size="md"
        />
        <TextInput
          type="date"
          label={t('learner.dissemination.heldOn')}
          value={values.heldOn}
          max={todayIso()}
          onChange={(event) => set('heldOn', event.currentTarget.value)}
          error={errors.heldOn}
          size="md"
          required
        />
        <TextInput
          label={t('learner.dissemination.place')}
          description={t('learner.dissemination.placeHint')}
          value={values.place}
          onChange={(event) => set('place', event.currentTarget.value)}
          error={errors.place}
          maxLength={300}
          size="md"
          required
        />
        <Stack gap={4} component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
          <Text component="legend" fz="sm" fw={500} mb={4}>
            {t('learner.dissemination.audience')}
          </Text>
          <SimpleGrid cols={3} spacing="xs">
            {(['teachersReached', 'studentsReached', 'schoolsReached'] as const).map((key) => (
              <NumberInput
                key={key}
                label={t(`learner.dissemination.${key}`)}
                value={values[key]}
                onChange={(value) => set(key, value)}
                min={0}
                max={100000}
                allowDecimal={false}
                allowNegative={false}
                inputMode="numeric"
                error={errors[key]}
                size="md"
                hideControls
              />
            ))}
          </SimpleGrid>
        </Stack>
        <Textarea
          label={t('learner.dissemination.description')}
          value={values.description}
          onChange={(event) => set('description', event.currentTarget.value)}
          error={errors.description}
          autosize
          minRows={3}
          maxLength={2000}
          size="md"
          required
        />
        <Stack gap={6}>
          <Text fz="sm" fw={500}>
            {t('learner.dissemination.evidence')}
          </Text>
          <Text fz="xs" c="gray.7">
            {t('learner.dissemination.evidenceHint', { max: MAX_FILE_MB })}
          </Text>
          {report && <EvidenceList evidence={report.evidence} onRemove={(id) => void removeFile(id)} />}
          {files.length > 0 && (
            <Stack gap={2} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {files.map((file, index) => (
                <Group
                  key={`${file.name}-${index}`}
                  component="li"
                  gap="xs"
                  justify="space-between"
                  wrap="nowrap"
                >
                  <Text fz="sm" style={{ overflowWrap: 'anywhere' }}>
                    <IconPaperclip size={14} aria-hidden /> {file.name}{' '}
                    <Text span c="gray.7" fz="xs">
                      ({t('learner.dissemination.pendingFile')})
                    </Text>
                  </Text>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size={40}
                    aria-label={t('learner.dissemination.removeFile', { name: file.name })}
                    onClick={() => setFiles((list) => list.filter((_, i) => i !== index))}
                  >
                    <IconTrash size={18} aria-hidden />
                  </ActionIcon>
                </Group>
              ))}
            </Stack>
          )}
          <FileButton
            onChange={(picked) => setFiles((list) => [...list, ...picked])}
            accept={ACCEPT}
            multiple
          >
            {(props) => (
              <Button
                {...props}
                variant="default"
                leftSection={<IconPaperclip size={18} aria-hidden />}
                h={44}
              >
                {t('learner.dissemination.addFiles')}
              </Button>
            )}
          </FileButton>
        </Stack>
        {problem && <ErrorAlert>{problem}</ErrorAlert>}
        <Stack gap="xs">
          <Button type="submit" h={48} loading={busy}>
            {t('learner.dissemination.submit')}
          </Button>
          <Button variant="light" h={44} onClick={() => void save(false)} disabled={busy}>
            {t('learner.dissemination.saveDraft')}
          </Button>
          {report?.status === 'DRAFT' && (
            <Button variant="subtle" color="red" h={44} onClick={() => void deleteDraft()} disabled={busy}>
              {t('learner.dissemination.deleteDraft')}
            </Button>
          )}
        </Stack>
      </Stack>
    </form>
  );
}
