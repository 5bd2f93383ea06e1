import { translateError } from '@kmg/domain';
import {
  CharacterCount,
  ErrorAlert,
  errorsAfterInput,
  formatInstant,
  toFormErrors,
  useLocale,
} from '@kmg/ui';
import {
  ActionIcon,
  Button,
  Fieldset,
  FileButton,
  Group,
  List,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconLink, IconPaperclip, IconX } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { ConfirmDialog } from '#components/ConfirmDialog.tsx';
import { DecisionBadge } from '#components/DeliveryBadges.tsx';
import {
  type EvidenceItem,
  EvidenceList,
  EvidenceList_evidence,
  fileTypeName,
} from '#components/EvidenceList.tsx';
import { AddRowButton, ChoiceCard, RemoveRowButton } from '#components/FormParts.tsx';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';
import {
  type AssessmentFormValues,
  assessmentFormFrom,
  checkEvidenceFile,
  evidenceAccept,
  LINK_NAME_MAX,
  LINKS_MAX,
  MAX_EVIDENCE_MB,
  NOTES_MAX,
  normalizeUrl,
  toAssessmentInput,
  unitDecisions,
  validateAssessment,
} from '#lib/assessment-form.ts';
import { formatFileSize } from '#lib/delivery.ts';
import { removeEvidence, uploadEvidence } from '#lib/evidence-upload.ts';
import { focusFirstInvalid } from '#lib/form-errors.ts';
import type { MutationProblem } from '#lib/mutation-result.ts';

export const UnitAssessmentForm_assessment = graphql(
  `
  fragment UnitAssessmentForm_assessment on UnitAssessment {
    id
    unitId
    decision
    notes
    assessedAt
    evidence { id ...EvidenceList_evidence }
  }
`,
  [EvidenceList_evidence],
);

type AssessmentInput = ReturnType<typeof toAssessmentInput>;
type Pending = { file: File; error: string | null };

/**
 * One SKKNI unit for one participant: Kompeten or Belum Kompeten, the assessor's notes, and the
 * evidence: links, and files uploaded right after the decision is saved (the API attaches files to
 * a recorded assessment). Saved evidence can be removed, after a confirmation, until the results
 * are submitted. Every rule is checked here first, in the API's words.
 */
export function UnitAssessmentForm({
  unit,
  assessment: data,
  participantName,
  locked,
  timeZone,
  onSave,
  onEvidenceChanged,
}: {
  unit: { id: string; code: string; title: string };
  assessment: FragmentOf<typeof UnitAssessmentForm_assessment> | null;
  participantName: string;
  locked: boolean;
  timeZone: string;
  /** Records the decision; resolves to the assessment's id, or what went wrong. */
  onSave: (input: AssessmentInput) => Promise<{ assessmentId: string } | { problem: MutationProblem }>;
  /** Files were attached or evidence removed: resolves once the evidence list has been read again. */
  onEvidenceChanged: () => Promise<unknown>;
}) {
  const { t, locale } = useLocale();
  const assessment = data ? readFragment(UnitAssessmentForm_assessment, data) : null;
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [pending, setPending] = useState<Pending[]>([]);
  const [rejected, setRejected] = useState<string[]>([]);
  const resetFiles = useRef<() => void>(null);
  const [toRemove, setToRemove] = useState<EvidenceItem | null>(null);
  const [removing, setRemoving] = useState(false);
  const [removeProblem, setRemoveProblem] = useState<string | null>(null);
  // Removed evidence leaves the list at once, before the page is read again.
  const [removed, setRemoved] = useState<ReadonlySet<string>>(new Set());
  const evidence = (assessment?.evidence ?? []).filter(
    (item) => !removed.has(readFragment(EvidenceList_evidence, item).id),
  );
  const headingId = `unit-${unit.id}`;
  const form = useForm<AssessmentFormValues>({
    mode: 'controlled',
    initialValues: assessmentFormFrom(assessment),
    validate: (values) => validateAssessment(values, locale),
    ...errorsAfterInput(),
  });
  const values = form.getValues();

  const pickFiles = (files: File[]) => {
    const accepted: Pending[] = [];
    const refused: string[] = [];
    for (const file of files) {
      const issue = checkEvidenceFile(file);
      if (issue) refused.push(`${file.name}: ${translateError(issue.code, locale, issue.params)}`);
      else if (!pending.some((item) => item.file.name === file.name && item.file.size === file.size))
        accepted.push({ file, error: null });
    }
    setPending([...pending, ...accepted]);
    setRejected(refused);
    resetFiles.current?.();
  };

  const submit = form.onSubmit(
    async (formValues) => {
      setProblem(null);
      setSaving(true);
      const result = await onSave(toAssessmentInput(formValues));
      if ('problem' in result) {
        setSaving(false);
        const fieldErrors = toFormErrors(result.problem.fieldErrors);
        form.setErrors(fieldErrors);
        const elsewhere = Object.entries(fieldErrors).filter(
          ([path]) => !['decision', 'notes', 'links'].includes(path.split('.')[0] ?? ''),
        );
        setProblem([result.problem.message, ...elsewhere.map(([, message]) => message)].join(' '));
        return;
      }
      let uploaded = 0;
      const left: Pending[] = [];
      for (const item of pending) {
        const upload = await uploadEvidence(result.assessmentId, item.file, locale);
        if (upload.ok) uploaded += 1;
        else left.push({ file: item.file, error: upload.message ?? t('common.networkError') });
      }
      // Still saving until the files are listed: a second save of this unit meanwhile could be
      // undone by the older list.
      if (uploaded > 0) await onEvidenceChanged();
      setSaving(false);
      setPending(left);
      setRejected([]);
      form.setValues({ ...formValues, links: [] });
      form.resetDirty({ ...formValues, links: [] });
      notifications.show({
        color: left.length > 0 ? 'yellow' : 'green',
        message: [
          t('admin.delivery.assessment.saved', { code: unit.code, name: participantName }),
          uploaded > 0 ? t('admin.delivery.assessment.uploaded', { count: uploaded }) : '',
          left.length > 0 ? t('admin.delivery.assessment.uploadFailed', { count: left.length }) : '',
        ]
          .filter(Boolean)
          .join(' '),
      });
    },
    () => focusFirstInvalid(`#${CSS.escape(headingId)}-form`),
  );

  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'sm', sm: 'md' }}
      component="section"
      aria-labelledby={headingId}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
          <div>
            <Title order={4} size="h5" id={headingId}>
              <Text span ff="monospace" fw={700} size="sm">
                {unit.code}
              </Text>{' '}
              {unit.title}
            </Title>
            <Text size="xs" c="dimmed">
              {assessment
                ? t('admin.delivery.assessment.assessedAt', {
                    date: formatInstant(assessment.assessedAt, locale, timeZone),
                  })
                : t('admin.delivery.assessment.notAssessed')}
            </Text>
          </div>
          <DecisionBadge decision={assessment?.decision ?? null} size="lg" style={{ flex: 'none' }} />
        </Group>

        {locked ? (
          <Stack gap="xs">
            {assessment?.notes && (
              <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                {assessment.notes}
              </Text>
            )}
            {assessment && assessment.evidence.length > 0 ? (
              <EvidenceList evidence={assessment.evidence} />
            ) : (
              <Text size="sm" c="dimmed">
                {t('admin.delivery.assessment.noEvidence')}
              </Text>
            )}
          </Stack>
        ) : (
          <form onSubmit={submit} noValidate aria-labelledby={headingId} id={`${headingId}-form`}>
            <Stack gap="md">
              {problem && <ErrorAlert title={t('admin.delivery.assessment.failed')}>{problem}</ErrorAlert>}
              <Radio.Group
                label={t('admin.delivery.assessment.decision')}
                required
                {...form.getInputProps('decision')}
              >
                <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" mt={6}>
                  {unitDecisions.map((decision) => (
                    <ChoiceCard
                      key={decision}
                      value={decision}
                      aria-label={t(`admin.delivery.decision.${decision}`)}
                      label={t(`admin.delivery.decision.${decision}`)}
                      hint={t(`admin.delivery.assessment.decisionHint.${decision}`)}
                    />
                  ))}
                </SimpleGrid>
              </Radio.Group>

              <div>
                <Textarea
                  label={t('admin.delivery.assessment.notes')}
                  description={t('admin.delivery.assessment.notesHint')}
                  autosize
                  minRows={2}
                  maxRows={8}
                  maxLength={NOTES_MAX}
                  {...form.getInputProps('notes')}
                />
                {values.notes.length > NOTES_MAX * 0.8 && (
                  <CharacterCount value={values.notes} min={0} max={NOTES_MAX} />
                )}
              </div>

              <Fieldset
                legend={
                  <Text span fw={600} size="sm">
                    {t('admin.delivery.assessment.evidence')}
                  </Text>
                }
                variant="unstyled"
                p={0}
              >
                <Text size="xs" c="dimmed" mb="xs">
                  {t('admin.delivery.assessment.evidenceHint')}
                </Text>
                {evidence.length > 0 ? (
                  <EvidenceList
                    evidence={evidence}
                    onRemove={(item) => {
                      setRemoveProblem(null);
                      setToRemove(item);
                    }}
                  />
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('admin.delivery.assessment.noEvidence')}
                  </Text>
                )}

                <Stack gap="xs" mt="sm">
                  {values.links.map((_, index) => {
                    const n = index + 1;
                    const urlProps = form.getInputProps(`links.${index}.url`);
                    return (
                      <Group key={index} align="flex-start" gap="xs" wrap="nowrap">
                        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" style={{ flex: 1 }}>
                          <TextInput
                            label={t('admin.delivery.assessment.linkName', { n })}
                            placeholder={t('admin.delivery.assessment.linkNamePlaceholder')}
                            required
                            maxLength={LINK_NAME_MAX}
                            {...form.getInputProps(`links.${index}.name`)}
                          />
                          <TextInput
                            label={t('admin.delivery.assessment.linkUrl', { n })}
                            placeholder="https://"
                            required
                            type="url"
                            inputMode="url"
                            leftSection={<IconLink size={16} aria-hidden />}
                            {...urlProps}
                            onBlur={(event) => {
                              const url = values.links[index]?.url ?? '';
                              if (url && normalizeUrl(url) !== url)
                                form.setFieldValue(`links.${index}.url`, normalizeUrl(url));
                              urlProps.onBlur?.(event);
                            }}
                          />
                        </SimpleGrid>
                        <RemoveRowButton
                          mt={26}
                          label={t('admin.delivery.assessment.removeLink', { n })}
                          onClick={() => form.removeListItem('links', index)}
                        />
                      </Group>
                    );
                  })}
                </Stack>

                {pending.length > 0 && (
                  <List size="sm" spacing={4} mt="sm" listStyleType="none" withPadding={false}>
                    {pending.map((item) => (
                      <List.Item key={`${item.file.name}-${item.file.size}`}>
                        <Group gap={6} wrap="nowrap" align="flex-start">
                          <IconPaperclip size={16} aria-hidden style={{ flex: 'none', marginTop: 3 }} />
                          <div style={{ flex: 1, minWidth: 0 }}>
                            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                              {item.file.name}
                            </Text>
                            <Text size="xs" c="dimmed">
                              {[
                                fileTypeName(item.file.type),
                                formatFileSize(item.file.size, locale),
                                item.error ? null : t('admin.delivery.assessment.uploadsOnSave'),
                              ]
                                .filter(Boolean)
                                .join(' · ')}
                            </Text>
                            {item.error && (
                              <Text size="xs" c="red.8" role="alert">
                                {item.error}
                              </Text>
                            )}
                          </div>
                          <ActionIcon
                            variant="subtle"
                            color="gray"
                            aria-label={t('admin.delivery.assessment.removeFile', { name: item.file.name })}
                            onClick={() => setPending(pending.filter((other) => other !== item))}
                          >
                            <IconX size={16} aria-hidden />
                          </ActionIcon>
                        </Group>
                      </List.Item>
                    ))}
                  </List>
                )}

                <Group gap="xs" mt="sm">
                  <AddRowButton
                    size="xs"
                    disabled={values.links.length >= LINKS_MAX}
                    onAdd={() => form.insertListItem('links', { name: '', url: '' })}
                    newRowField={() => form.getInputNode(`links.${values.links.length}.name`)}
                  >
                    {t('admin.delivery.assessment.addLink')}
                  </AddRowButton>
                  <FileButton onChange={pickFiles} accept={evidenceAccept} multiple resetRef={resetFiles}>
                    {(props) => (
                      <Button
                        {...props}
                        variant="light"
                        size="xs"
                        leftSection={<IconPaperclip size={16} aria-hidden />}
                        aria-describedby={`${headingId}-files-hint`}
                      >
                        {t('admin.delivery.assessment.addFiles')}
                      </Button>
                    )}
                  </FileButton>
                </Group>
                <Text size="xs" c="dimmed" mt={6} id={`${headingId}-files-hint`}>
                  {t('admin.delivery.assessment.filesHint', { max: MAX_EVIDENCE_MB })}
                </Text>
                {rejected.length > 0 && (
                  <Stack gap={2} mt={6} role="alert">
                    {rejected.map((line) => (
                      <Text key={line} size="xs" c="red.8">
                        {line}
                      </Text>
                    ))}
                  </Stack>
                )}
              </Fieldset>

              <Group>
                <Button
                  type="submit"
                  loading={saving}
                  leftSection={<IconDeviceFloppy size={16} aria-hidden />}
                >
                  {t('admin.delivery.assessment.save')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>

      <ConfirmDialog
        opened={toRemove !== null}
        onClose={() => setToRemove(null)}
        title={t('admin.delivery.assessment.removeEvidenceTitle')}
        confirmLabel={t('admin.delivery.assessment.removeEvidenceConfirm')}
        confirmColor="red"
        busy={removing}
        problem={removeProblem}
        onConfirm={async () => {
          if (!toRemove) return;
          setRemoving(true);
          const result = await removeEvidence(toRemove.id, locale);
          if (!result.ok) {
            setRemoving(false);
            setRemoveProblem(result.message ?? t('common.networkError'));
            return;
          }
          setRemoved(new Set([...removed, toRemove.id]));
          await onEvidenceChanged();
          setRemoving(false);
          setToRemove(null);
          notifications.show({
            color: 'green',
            message: t('admin.delivery.assessment.evidenceRemoved', { name: toRemove.name }),
          });
        }}
      >
        <Text>
          {t(
            toRemove?.kind === 'LINK'
              ? 'admin.delivery.assessment.removeLinkText'
              : 'admin.delivery.assessment.removeFileText',
            { name: toRemove?.name ?? '', code: unit.code, participant: participantName },
          )}
        </Text>
      </ConfirmDialog>
    </Paper>
  );
}
