import { assessmentRecommendationLabels } from '@kmg/domain';
import { ErrorAlert, formatInstant, useLocale } from '@kmg/ui';
import {
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { IconGavel, IconPlus } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { ConfirmDialog } from '#components/ConfirmDialog.tsx';
import { RemoveRowButton } from '#components/FormParts.tsx';
import { UnsavedChangesGuard } from '#components/UnsavedChangesGuard.tsx';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';
import { focusFirstInvalid } from '#lib/form-errors.ts';
import type { MutationProblem } from '#lib/mutation-result.ts';
import {
  checkDecisionRows,
  type DecisionRow,
  decisionInput,
  departsFromProposal,
  initialDecisionRows,
  placeDecisionErrors,
} from '#lib/rpl-case.ts';

export const RplDecisionForm_case = graphql(`
  fragment RplDecisionForm_case on RplApplication {
    id
    status
    appeal { reason appealedAt }
    proposal {
      capSks
      capSource
      proposed { courseId code name courseSks sks }
      notProposed { courseId code name courseSks reason message }
    }
    decisions {
      id
      kind
      decidedAt
      validatedAt
      returnedAt
      returnReason
      notes
      courses { courseId courseCode courseName courseSks proposedSks sks reason }
    }
    comparison {
      courseId
      kind
      academicScore
      practitionerScore
      academicRecommendation
      practitionerRecommendation
    }
  }
`);

export type DecisionInput = ReturnType<typeof decisionInput>;

const formId = 'rpl-decision-form';

/**
 * The committee's decision, course by course: each proposed course starts at the engine's SKS
 * (or, deciding again, at the last decision); any other figure needs a reason, and a course the
 * proposal left out may be added with one. The total stays within the regulation's cap. The same
 * form decides an appeal, with the teacher's reason above it.
 */
export function RplDecisionForm({
  application: data,
  appeal,
  onDecide,
}: {
  application: FragmentOf<typeof RplDecisionForm_case>;
  /** Deciding the open appeal rather than the case. */
  appeal: boolean;
  onDecide: (decisions: DecisionInput, notes: string | null) => Promise<MutationProblem | null>;
}) {
  const { t, locale } = useLocale();
  const application = readFragment(RplDecisionForm_case, data);
  const proposal = application.proposal;
  const latest = application.decisions[0] ?? null;
  // Deciding again starts from the decision on record: the appealed one, or the one sent back.
  const previous = appeal || latest?.returnedAt ? latest : null;
  const [rows, setRows] = useState<DecisionRow[]>(() =>
    initialDecisionRows(proposal?.proposed ?? [], previous?.courses ?? []),
  );
  const [notes, setNotes] = useState(previous?.notes ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [adding, setAdding] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [isDirty, setDirty] = useState(false);
  const dirtyRef = useRef(false);
  dirtyRef.current = isDirty;

  const check = () =>
    checkDecisionRows(rows, proposal?.capSks ?? null, locale, {
      sksRequired: t('admin.rplCase.decision.sksRequired'),
      sksOverCourse: (sks) => t('admin.rplCase.decision.sksOverCourse', { sks }),
    });
  const { total, overCap } = check();

  const update = (courseId: string, patch: Partial<DecisionRow>) => {
    setRows((current) => current.map((row) => (row.courseId === courseId ? { ...row, ...patch } : row)));
    setDirty(true);
    const cleared = Object.keys(patch).map((field) => `${courseId}.${field}`);
    setErrors((current) =>
      Object.fromEntries(Object.entries(current).filter(([key]) => !cleared.includes(key))),
    );
  };

  const addable = (proposal?.notProposed ?? []).filter(
    (course) =>
      course.reason !== 'COURSE_KIND_EXCLUDED' && !rows.some((row) => row.courseId === course.courseId),
  );

  const review = () => {
    setProblem(null);
    const found = check();
    setErrors(found.onFields);
    if (Object.keys(found.onFields).length > 0 || found.overCap) {
      if (found.overCap) setProblem(found.overCap);
      focusFirstInvalid(`#${formId}`);
      return;
    }
    setConfirming(true);
  };

  const send = async () => {
    setBusy(true);
    const found = await onDecide(decisionInput(rows), notes.trim() || null);
    setBusy(false);
    setConfirming(false);
    if (!found) {
      setDirty(false);
      return;
    }
    const placed = placeDecisionErrors(found.fieldErrors, rows);
    setErrors(placed.onFields);
    setProblem([found.message, ...placed.rest].join(' '));
    focusFirstInvalid(`#${formId}`);
  };

  const recommendations = (courseId: string) => {
    const entry = application.comparison.find((compared) => compared.courseId === courseId);
    if (!entry) return null;
    const label = (value: keyof typeof assessmentRecommendationLabels | null) =>
      value ? assessmentRecommendationLabels[value][locale] : '—';
    return (
      <Stack gap={2}>
        <Text size="xs">
          {t('admin.rplCase.decision.academic', {
            recommendation: label(entry.academicRecommendation),
            score: entry.academicScore ?? '—',
          })}
        </Text>
        <Text size="xs">
          {t('admin.rplCase.decision.practitioner', {
            recommendation: label(entry.practitionerRecommendation),
            score: entry.practitionerScore ?? '—',
          })}
        </Text>
        {entry.kind === 'disagree' && (
          <Text size="xs" fw={700} c="red.8">
            {t('admin.rplCase.comparison.kind.disagree')}
          </Text>
        )}
      </Stack>
    );
  };

  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'md', sm: 'lg' }}
      component="section"
      aria-labelledby={`${formId}-title`}
    >
      <UnsavedChangesGuard when={() => dirtyRef.current} />
      <Title order={2} size="h4" id={`${formId}-title`} mb="xs">
        {t(appeal ? 'admin.rplCase.decision.appealTitle' : 'admin.rplCase.decision.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t(appeal ? 'admin.rplCase.decision.appealIntro' : 'admin.rplCase.decision.intro')}
      </Text>
      {appeal && application.appeal && (
        <Alert
          color="orange"
          variant="light"
          mb="md"
          title={t('admin.rplCase.decision.appealReason', {
            date: formatInstant(application.appeal.appealedAt, locale),
          })}
        >
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {application.appeal.reason}
          </Text>
        </Alert>
      )}
      {!appeal && latest?.returnedAt && (
        <Alert
          color="orange"
          variant="light"
          mb="md"
          title={t('admin.rplCase.decision.returned', { date: formatInstant(latest.returnedAt, locale) })}
        >
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {latest.returnReason}
          </Text>
        </Alert>
      )}
      <form
        id={formId}
        noValidate
        // Enter in a field never sends the decision: only the button does (and asks first).
        onSubmit={(event) => event.preventDefault()}
      >
        <Stack gap="sm">
          <div className="rpl-decision-head" aria-hidden>
            <Text size="xs" fw={700}>
              {t('admin.rplCase.decision.course')}
            </Text>
            <Text size="xs" fw={700}>
              {t('admin.rplCase.decision.assessors')}
            </Text>
            <Text size="xs" fw={700}>
              {t('admin.rplCase.decision.finalSks')}
            </Text>
            <Text size="xs" fw={700}>
              {t('admin.rplCase.decision.reason')}
            </Text>
          </div>
          {rows.map((row) => {
            const departs = departsFromProposal(row);
            const isAdded = !(proposal?.proposed ?? []).some((course) => course.courseId === row.courseId);
            return (
              <div key={row.courseId} className="rpl-decision-row" data-departs={departs || undefined}>
                <div>
                  <Text size="sm" fw={600}>
                    {row.code} {row.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {isAdded
                      ? t('admin.rplCase.decision.added', { sks: row.courseSks })
                      : t('admin.rplCase.decision.proposed', {
                          sks: row.proposedSks,
                          courseSks: row.courseSks,
                        })}
                  </Text>
                  {departs && (
                    <Badge mt={4} color="orange" variant="light" tt="none" size="sm">
                      {t('admin.rplCase.decision.departs', { sks: row.proposedSks })}
                    </Badge>
                  )}
                </div>
                <div>
                  {recommendations(row.courseId) ?? (
                    <Text size="xs" c="dimmed">
                      —
                    </Text>
                  )}
                </div>
                <NumberInput
                  label={t('admin.rplCase.decision.sksOf', { course: row.code })}
                  labelProps={{ className: 'rpl-label-in-header' }}
                  min={0}
                  max={row.courseSks}
                  allowDecimal={false}
                  allowNegative={false}
                  clampBehavior="strict"
                  value={row.sks ?? ''}
                  onChange={(next) => update(row.courseId, { sks: typeof next === 'number' ? next : null })}
                  error={errors[`${row.courseId}.sks`]}
                  rightSection={
                    <Text size="xs" c="dimmed">
                      SKS
                    </Text>
                  }
                  rightSectionWidth={40}
                  rightSectionPointerEvents="none"
                  disabled={busy}
                />
                <Group gap="xs" align="flex-start" wrap="nowrap">
                  <Textarea
                    style={{ flex: 1 }}
                    label={t('admin.rplCase.decision.reasonFor', { course: row.code })}
                    labelProps={{ className: 'rpl-label-in-header' }}
                    placeholder={
                      departs
                        ? t('admin.rplCase.decision.reasonNeeded')
                        : t('admin.rplCase.decision.reasonOptional')
                    }
                    autosize
                    minRows={1}
                    maxRows={6}
                    maxLength={2000}
                    required={departs}
                    value={row.reason}
                    onChange={(event) => update(row.courseId, { reason: event.currentTarget.value })}
                    error={errors[`${row.courseId}.reason`]}
                    disabled={busy}
                  />
                  {isAdded && (
                    <RemoveRowButton
                      label={t('admin.rplCase.decision.remove', { course: row.code })}
                      onClick={() => {
                        setRows((current) => current.filter((other) => other.courseId !== row.courseId));
                        setDirty(true);
                      }}
                      disabled={busy}
                    />
                  )}
                </Group>
              </div>
            );
          })}
          {addable.length > 0 && (
            <Group gap="sm" align="flex-end">
              <Select
                label={t('admin.rplCase.decision.addCourse')}
                description={t('admin.rplCase.decision.addCourseHint')}
                placeholder={t('admin.rplCase.decision.chooseCourse')}
                data={addable.map((course) => ({
                  value: course.courseId,
                  label: `${course.code} ${course.name}`,
                }))}
                value={adding}
                onChange={setAdding}
                searchable
                clearable
                w={{ base: '100%', sm: 420 }}
                comboboxProps={{ withinPortal: true }}
                disabled={busy}
              />
              <Button
                variant="light"
                leftSection={<IconPlus size={16} aria-hidden />}
                disabled={!adding || busy}
                onClick={() => {
                  const course = addable.find((entry) => entry.courseId === adding);
                  if (!course) return;
                  setRows((current) => [
                    ...current,
                    {
                      courseId: course.courseId,
                      code: course.code,
                      name: course.name,
                      courseSks: course.courseSks,
                      proposedSks: 0,
                      sks: null,
                      reason: '',
                    },
                  ]);
                  setAdding(null);
                  setDirty(true);
                }}
              >
                {t('admin.rplCase.decision.add')}
              </Button>
            </Group>
          )}
          <Group gap="xs" aria-live="polite">
            <Text size="sm" fw={700}>
              {t('admin.rplCase.decision.total', { sks: total })}
            </Text>
            {proposal?.capSks != null && (
              <Text size="sm" c={overCap ? 'red.8' : 'dimmed'} fw={overCap ? 700 : 400}>
                {t('admin.rplCase.decision.cap', { cap: proposal.capSks })}
              </Text>
            )}
          </Group>
          <Textarea
            label={t('admin.rplCase.decision.notes')}
            description={t('admin.rplCase.decision.notesHint')}
            autosize
            minRows={2}
            maxRows={8}
            maxLength={4000}
            value={notes}
            onChange={(event) => {
              setNotes(event.currentTarget.value);
              setDirty(true);
            }}
            disabled={busy}
          />
          {problem && <ErrorAlert title={t('admin.rplCase.decision.failed')}>{problem}</ErrorAlert>}
          <Group>
            <Button leftSection={<IconGavel size={18} aria-hidden />} loading={busy} onClick={review}>
              {t(appeal ? 'admin.rplCase.decision.decideAppeal' : 'admin.rplCase.decision.decide')}
            </Button>
          </Group>
        </Stack>
      </form>
      <ConfirmDialog
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t(
          appeal ? 'admin.rplCase.decision.confirmAppealTitle' : 'admin.rplCase.decision.confirmTitle',
        )}
        confirmLabel={t(appeal ? 'admin.rplCase.decision.decideAppeal' : 'admin.rplCase.decision.decide')}
        busy={busy}
        problem={null}
        onConfirm={() => void send()}
      >
        <Text size="sm">
          {t(appeal ? 'admin.rplCase.decision.confirmAppealText' : 'admin.rplCase.decision.confirmText', {
            sks: total,
            count: rows.filter((row) => (row.sks ?? 0) > 0).length,
          })}
        </Text>
      </ConfirmDialog>
    </Paper>
  );
}
