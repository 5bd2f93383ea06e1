import {
  type AssessmentMethod,
  type AssessmentRecommendation,
  assessmentMethodLabels,
  assessmentMethods,
  assessmentRecommendationLabels,
  assessmentRecommendations,
  evidencePrinciples,
  scheduledMethods,
} from '@kmg/domain';
import { ErrorAlert, formatInstant, useLocale } from '@kmg/ui';
import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Checkbox,
  Group,
  Kbd,
  List,
  NativeSelect,
  NumberInput,
  Paper,
  Radio,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCertificate, IconDeviceFloppy, IconFileText, IconLock, IconSend } from '@tabler/icons-react';
import { type ReactNode, useRef, useState } from 'react';
import { ConfirmDialog } from '#components/ConfirmDialog.tsx';
import { EvidenceViewer } from '#components/EvidenceViewer.tsx';
import { selfEvaluationColors } from '#components/RplApplicationFile.tsx';
import {
  credentialAnchor,
  credentialKey,
  RplCaseCredentials,
  RplCaseCredentials_case,
} from '#components/RplCaseCredentials.tsx';
import { UnsavedChangesGuard } from '#components/UnsavedChangesGuard.tsx';
import { type FragmentOf, graphql, type ResultOf, readFragment } from '#graphql.ts';
import { focusFirstInvalid } from '#lib/form-errors.ts';
import type { MutationProblem } from '#lib/mutation-result.ts';
import {
  type AssessedCourse,
  assessmentInput,
  type CourseDraft,
  type CourseJudgementInput,
  draftKey,
  findAssessmentGaps,
  initialAssessmentDraft,
  type OutcomeDraft,
  placeAssessmentErrors,
  rawIdOf,
  weightedScore,
} from '#lib/rpl-case.ts';

export const RplAssessmentForm_case = graphql(
  `
  fragment RplAssessmentForm_case on RplApplication {
    id
    mySeat
    proposal {
      proposed { courseId code name semester sks courseSks ruleCode ruleVersion coverage credentials { id name } }
    }
    intake { id curriculum { id courses { id code outcomes { id code text weight } } } }
    selfEvaluations { outcomeId level levelLabel note credentialIds evidenceIds outcome { id code } }
    assessments {
      role
      roleLabel
      submittedAt
      updatedAt
      courses {
        courseId
        recommendation
        notes
        outcomes { outcomeCode valid authentic current sufficient method scheduledOn place link score }
      }
    }
    credentials { entryId externalCredentialId externalName credential { id credentialId name } }
    evidence { id title kind fileName mimeType size }
    ...RplCaseCredentials_case
  }
`,
  [RplCaseCredentials_case],
);

type Application = ResultOf<typeof RplAssessmentForm_case>;

const formId = 'rpl-assessment-form';
const paneViewerId = 'rpl-evidence-pane-viewer';

/** The CPMK of each proposed course, from the intake's curriculum (the one the proposal read). */
function coursesOf(application: Application) {
  const curriculum = application.intake.curriculum?.courses ?? [];
  return (application.proposal?.proposed ?? []).map((proposed) => {
    const course = curriculum.find((entry) => rawIdOf(entry.id) === proposed.courseId);
    return { ...proposed, outcomes: course?.outcomes ?? [] };
  });
}

type CourseView = ReturnType<typeof coursesOf>[number];

/**
 * An assessor's judgement of a case, course by course: beside each CPMK (its text and weight) the
 * teacher's self-evaluation and what backs it, and the assessor's four principles, method (with a
 * date and a place or link when the teacher must be present) and score; per course a
 * recommendation and notes. The credentials and files are beside the form (under it on a phone),
 * opened from the CPMK that cites them. Saved as a draft as often as wanted (Ctrl/Cmd+S); once
 * submitted it is final.
 */
export function RplAssessmentForm({
  application: data,
  onSave,
}: {
  application: FragmentOf<typeof RplAssessmentForm_case>;
  onSave: (courses: CourseJudgementInput[], submit: boolean) => Promise<MutationProblem | null>;
}) {
  const { t, locale } = useLocale();
  const application = readFragment(RplAssessmentForm_case, data);
  const courses = coursesOf(application);
  const mine = application.assessments.find((assessment) => assessment.role === application.mySeat) ?? null;
  const isSubmitted = Boolean(mine?.submittedAt);
  const assessed: AssessedCourse[] = courses.map((course) => ({
    courseId: course.courseId,
    code: course.code,
    outcomeCodes: course.outcomes.map((outcome) => outcome.code),
  }));
  const [draft, setDraft] = useState<CourseDraft[]>(() =>
    initialAssessmentDraft(assessed, mine?.courses ?? []),
  );
  const [isDirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<{ title: string; message: string; items?: ReactNode[] } | null>(
    null,
  );
  const [unsent, setUnsent] = useState<string[]>([]);
  const [busy, setBusy] = useState<'draft' | 'submit' | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [evidenceId, setEvidenceId] = useState<string | null>(application.evidence[0]?.id ?? null);
  const [highlight, setHighlight] = useState<string[]>([]);
  const dirtyRef = useRef(false);
  dirtyRef.current = isDirty;

  const change = (courseId: string, update: (course: CourseDraft) => CourseDraft, clear: string[]) => {
    setDraft((current) => current.map((course) => (course.courseId === courseId ? update(course) : course)));
    setDirty(true);
    if (clear.some((key) => errors[key])) {
      setErrors((current) =>
        Object.fromEntries(Object.entries(current).filter(([key]) => !clear.includes(key))),
      );
    }
  };
  const changeOutcome = (courseId: string, code: string, patch: Partial<OutcomeDraft>) =>
    change(
      courseId,
      (course) => {
        const outcome = course.outcomes[code];
        return outcome
          ? { ...course, outcomes: { ...course.outcomes, [code]: { ...outcome, ...patch } } }
          : course;
      },
      Object.keys(patch).map((field) => draftKey(courseId, code, field === 'link' ? 'place' : field)),
    );

  const codeOf = (courseId: string) =>
    courses.find((course) => course.courseId === courseId)?.code ?? courseId;

  const save = async (submit: boolean) => {
    if (busy || isSubmitted) return;
    setProblem(null);
    if (submit) {
      const gaps = findAssessmentGaps(draft, locale, {
        recommendation: t('admin.rplCase.assessment.recommendationRequired'),
        score: t('admin.rplCase.assessment.scoreRequired'),
      });
      if (gaps.length > 0) {
        setErrors(Object.fromEntries(gaps.map((gap) => [gap.key, gap.message])));
        setProblem({
          title: t('admin.rplCase.assessment.incomplete', { count: gaps.length }),
          message: t('admin.rplCase.assessment.incompleteText'),
          items: gaps.map((gap) => (
            <Anchor
              key={gap.key}
              component="button"
              type="button"
              size="sm"
              ta="left"
              onClick={() => document.getElementById(`${formId}-${gap.key}`)?.focus()}
            >
              {[codeOf(gap.courseId), gap.outcomeCode].filter(Boolean).join(' · ')}: {gap.message}
            </Anchor>
          )),
        });
        focusFirstInvalid(`#${formId}`);
        return;
      }
    }
    const input = assessmentInput(draft);
    setBusy(submit ? 'submit' : 'draft');
    const found = await onSave(input.courses, submit);
    setBusy(null);
    setConfirming(false);
    if (found) {
      const placed = placeAssessmentErrors(found.fieldErrors, input.positions);
      setErrors(placed.onFields);
      setProblem({
        title: t(submit ? 'admin.rplCase.assessment.submitFailed' : 'admin.rplCase.assessment.saveFailed'),
        message: [found.message, ...placed.rest].join(' '),
      });
      focusFirstInvalid(`#${formId}`);
      return;
    }
    setErrors({});
    // The form keeps what the assessor typed (the saved record is what was sent); courses not
    // sent yet keep it "unsaved".
    setDirty(!submit && input.unsent.length > 0);
    setUnsent(submit ? [] : input.unsent);
    notifications.show({
      color: 'green',
      message: t(submit ? 'admin.rplCase.assessment.submitted' : 'admin.rplCase.assessment.saved'),
    });
  };

  // Ctrl/Cmd+S saves the draft from anywhere on the page, inside a field too.
  useHotkeys([['mod+S', () => void save(false)]], []);

  const showEvidence = (id: string) => {
    setEvidenceId(id);
    requestAnimationFrame(() => document.getElementById(paneViewerId)?.scrollIntoView({ block: 'nearest' }));
  };
  const showCredential = (key: string) => {
    setHighlight([key]);
    requestAnimationFrame(() => {
      const card = document.getElementById(credentialAnchor(key));
      card?.scrollIntoView({ block: 'nearest' });
      card?.focus({ preventScroll: true });
    });
  };
  const credentialName = new Map(
    application.credentials.map((entry) => [
      credentialKey(entry),
      entry.credential?.name ?? entry.externalName ?? '—',
    ]),
  );
  const evidenceTitle = new Map(application.evidence.map((file) => [file.id, file.title]));

  const status = isSubmitted
    ? t('admin.rplCase.assessment.submittedOn', { date: formatInstant(mine?.submittedAt ?? '', locale) })
    : isDirty
      ? t('admin.rplCase.assessment.unsaved')
      : mine
        ? t('admin.rplCase.assessment.savedOn', { date: formatInstant(mine.updatedAt, locale) })
        : t('admin.rplCase.assessment.notStarted');

  return (
    <div className="rpl-assessment">
      <UnsavedChangesGuard when={() => dirtyRef.current} />
      <div className="rpl-assessment-form">
        {isSubmitted && (
          <Alert color="teal" variant="light" icon={<IconLock size={20} aria-hidden />} mb="md">
            {t('admin.rplCase.assessment.locked', {
              date: formatInstant(mine?.submittedAt ?? '', locale),
            })}
          </Alert>
        )}
        <form
          id={formId}
          noValidate
          onSubmit={(event) => event.preventDefault()}
          aria-label={t('admin.rplCase.assessment.formLabel', { role: mine?.roleLabel ?? '' })}
        >
          <Stack gap="lg">
            {courses.map((course, courseIndex) => {
              const courseDraft = draft.find((entry) => entry.courseId === course.courseId);
              if (!courseDraft) return null;
              return (
                <CourseCard
                  key={course.courseId}
                  course={course}
                  index={courseIndex}
                  draft={courseDraft}
                  locked={isSubmitted || busy !== null}
                  errors={errors}
                  application={application}
                  credentialName={credentialName}
                  evidenceTitle={evidenceTitle}
                  onOutcome={(code, patch) => changeOutcome(course.courseId, code, patch)}
                  onCourse={(patch) =>
                    change(
                      course.courseId,
                      (current) => ({ ...current, ...patch }),
                      Object.keys(patch).map((field) => draftKey(course.courseId, null, field)),
                    )
                  }
                  onEvidence={showEvidence}
                  onCredential={showCredential}
                  onFocusCourse={() => setHighlight(course.credentials.map((credential) => credential.id))}
                />
              );
            })}
          </Stack>
          {!isSubmitted && problem && (
            <Box mt="lg">
              <ErrorAlert title={problem.title}>
                <Text size="sm">{problem.message}</Text>
                {problem.items && (
                  <List size="sm" mt="xs" spacing={2}>
                    {problem.items.slice(0, 12).map((item, index) => (
                      <List.Item key={index}>{item}</List.Item>
                    ))}
                  </List>
                )}
              </ErrorAlert>
            </Box>
          )}
          {!isSubmitted && unsent.length > 0 && !problem && (
            <Alert color="yellow" variant="light" mt="lg">
              {t('admin.rplCase.assessment.unsent', { courses: unsent.map(codeOf).join(', ') })}
            </Alert>
          )}
          {!isSubmitted && (
            <Paper withBorder radius="md" p="md" mt="lg" className="rpl-save-bar">
              <Group justify="space-between" gap="sm">
                <Text size="sm" c="dimmed" aria-live="polite">
                  {status}
                </Text>
                <Group gap="sm">
                  <Button
                    variant="default"
                    leftSection={<IconDeviceFloppy size={18} aria-hidden />}
                    loading={busy === 'draft'}
                    disabled={busy !== null}
                    onClick={() => void save(false)}
                    aria-keyshortcuts="Control+S Meta+S"
                  >
                    {t('admin.rplCase.assessment.saveDraft')}
                  </Button>
                  <Button
                    leftSection={<IconSend size={18} aria-hidden />}
                    disabled={busy !== null}
                    onClick={() => {
                      setProblem(null);
                      const gaps = findAssessmentGaps(draft, locale, {
                        recommendation: t('admin.rplCase.assessment.recommendationRequired'),
                        score: t('admin.rplCase.assessment.scoreRequired'),
                      });
                      if (gaps.length > 0) void save(true);
                      else setConfirming(true);
                    }}
                  >
                    {t('admin.rplCase.assessment.submit')}
                  </Button>
                </Group>
              </Group>
              <Text size="xs" c="dimmed" mt={6} visibleFrom="sm">
                {t('admin.rplCase.assessment.shortcutBefore')} <Kbd size="xs">Ctrl</Kbd> +{' '}
                <Kbd size="xs">S</Kbd> {t('admin.rplCase.assessment.shortcutAfter')}
              </Text>
            </Paper>
          )}
        </form>
      </div>

      <aside className="rpl-assessment-pane" aria-label={t('admin.rplCase.assessment.evidencePane')}>
        <Title order={2} size="h4" mb="sm">
          {t('admin.rplCase.assessment.files')}
        </Title>
        <div id={paneViewerId}>
          <EvidenceViewer files={application.evidence} selectedId={evidenceId} onSelect={setEvidenceId} />
        </div>
        <Title order={2} size="h4" mt="lg" mb="sm">
          {t('admin.rplCase.assessment.credentials')}
        </Title>
        <RplCaseCredentials application={application} highlight={highlight} />
      </aside>

      <ConfirmDialog
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('admin.rplCase.assessment.confirmTitle')}
        confirmLabel={t('admin.rplCase.assessment.submit')}
        busy={busy === 'submit'}
        problem={null}
        onConfirm={() => void save(true)}
      >
        <Text size="sm">{t('admin.rplCase.assessment.confirmText')}</Text>
      </ConfirmDialog>
    </div>
  );
}

function CourseCard({
  course,
  index,
  draft,
  locked,
  errors,
  application,
  credentialName,
  evidenceTitle,
  onOutcome,
  onCourse,
  onEvidence,
  onCredential,
  onFocusCourse,
}: {
  course: CourseView;
  index: number;
  draft: CourseDraft;
  /** Submitted (final) or being saved: shown, not editable; the files stay at hand. */
  locked: boolean;
  errors: Record<string, string>;
  application: Application;
  credentialName: Map<string, string>;
  evidenceTitle: Map<string, string>;
  onOutcome: (code: string, patch: Partial<OutcomeDraft>) => void;
  onCourse: (patch: Partial<Pick<CourseDraft, 'recommendation' | 'notes'>>) => void;
  onEvidence: (id: string) => void;
  onCredential: (key: string) => void;
  onFocusCourse: () => void;
}) {
  const { t, locale } = useLocale();
  const headingId = `${formId}-course-${index}`;
  const score = weightedScore(
    course.outcomes.map((outcome) => ({
      score: draft.outcomes[outcome.code]?.score ?? null,
      weight: outcome.weight,
    })),
  );
  const fieldId = (code: string | null, field: string) =>
    `${formId}-${draftKey(course.courseId, code, field)}`;
  const recommendationKey = draftKey(course.courseId, null, 'recommendation');
  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'sm', sm: 'md' }}
      component="section"
      aria-labelledby={headingId}
      onFocusCapture={onFocusCourse}
      data-locked={locked || undefined}
    >
      <Group justify="space-between" align="flex-start" gap="xs" mb="xs">
        <div>
          <Title order={2} size="h4" id={headingId}>
            {course.code} {course.name}
          </Title>
          <Text size="xs" c="dimmed">
            {t('admin.rplCase.assessment.courseFacts', {
              sks: course.sks,
              courseSks: course.courseSks,
              rule: `${course.ruleCode} v${course.ruleVersion}`,
              coverage: Math.round(course.coverage * 100),
            })}
          </Text>
        </div>
        <Badge variant="light" color={score === null ? 'gray' : 'blue'} tt="none" size="lg">
          {score === null
            ? t('admin.rplCase.assessment.noScore')
            : t('admin.rplCase.assessment.courseScore', { score })}
        </Badge>
      </Group>
      {course.credentials.length > 0 && (
        <Group gap={6} mb="sm">
          <Text size="xs" c="dimmed">
            {t('admin.rplCase.assessment.ruleCredentials')}
          </Text>
          {course.credentials.map((credential) => (
            <SupportButton
              key={credential.id}
              kind="credential"
              label={credential.name}
              onClick={() => onCredential(credential.id)}
            />
          ))}
        </Group>
      )}
      {course.outcomes.length === 0 && (
        <Alert color="yellow" variant="light">
          {t('admin.rplCase.assessment.noOutcomes')}
        </Alert>
      )}
      <Stack gap="sm">
        {course.outcomes.map((outcome) => {
          const value = draft.outcomes[outcome.code];
          if (!value) return null;
          const self = application.selfEvaluations.find((entry) => entry.outcome.id === outcome.id);
          const needsSchedule = scheduledMethods.includes(value.method);
          const key = (field: string) => draftKey(course.courseId, outcome.code, field);
          return (
            <div key={outcome.code} className="rpl-outcome">
              <div className="rpl-outcome-context">
                <Text size="sm">
                  <b>{outcome.code}</b> {outcome.text}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('admin.rplCase.assessment.weight', { weight: outcome.weight })}
                </Text>
                <Text size="xs" fw={600} mt="xs">
                  {t('admin.rplCase.assessment.selfEvaluation')}
                </Text>
                {self ? (
                  <>
                    <Badge variant="light" color={selfEvaluationColors[self.level]} tt="none" size="sm">
                      {self.levelLabel}
                    </Badge>
                    {self.note && (
                      <Text size="xs" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                        “{self.note}”
                      </Text>
                    )}
                    {self.credentialIds.length + self.evidenceIds.length > 0 ? (
                      <Group gap={6} mt={6}>
                        {self.credentialIds.map((id) => (
                          <SupportButton
                            key={id}
                            kind="credential"
                            label={credentialName.get(id) ?? id}
                            onClick={() => onCredential(id)}
                          />
                        ))}
                        {self.evidenceIds.map((id) => (
                          <SupportButton
                            key={id}
                            kind="file"
                            label={evidenceTitle.get(id) ?? id}
                            onClick={() => onEvidence(id)}
                          />
                        ))}
                      </Group>
                    ) : (
                      <Text size="xs" c="dimmed" mt={4}>
                        {t('admin.rplCase.assessment.noSupport')}
                      </Text>
                    )}
                  </>
                ) : (
                  <Text size="xs" c="dimmed">
                    {t('admin.rplCase.assessment.noSelfEvaluation')}
                  </Text>
                )}
              </div>
              <fieldset className="rpl-outcome-judgement" disabled={locked}>
                <legend className="rpl-visually-hidden">
                  {t('admin.rplCase.assessment.judgementOf', { course: course.code, outcome: outcome.code })}
                </legend>
                <fieldset className="rpl-plain-fieldset">
                  <Text component="legend" size="xs" fw={600} mb={4}>
                    {t('admin.rplCase.assessment.principles')}
                  </Text>
                  <Group gap="md">
                    {evidencePrinciples.map((principle) => (
                      <Checkbox
                        key={principle}
                        size="sm"
                        label={t(`admin.rplCase.principle.${principle}`)}
                        checked={value[principle]}
                        onChange={(event) =>
                          onOutcome(outcome.code, { [principle]: event.currentTarget.checked })
                        }
                      />
                    ))}
                  </Group>
                </fieldset>
                <div className="rpl-outcome-fields">
                  <NativeSelect
                    id={fieldId(outcome.code, 'method')}
                    label={t('admin.rplCase.assessment.method')}
                    size="sm"
                    value={value.method}
                    data={assessmentMethods.map((method) => ({
                      value: method,
                      label: capitalise(assessmentMethodLabels[method][locale]),
                    }))}
                    onChange={(event) =>
                      onOutcome(outcome.code, { method: event.currentTarget.value as AssessmentMethod })
                    }
                  />
                  <NumberInput
                    id={fieldId(outcome.code, 'score')}
                    label={t('admin.rplCase.assessment.score')}
                    description={t('admin.rplCase.assessment.scoreRange')}
                    size="sm"
                    min={0}
                    max={100}
                    step={5}
                    allowDecimal={false}
                    allowNegative={false}
                    clampBehavior="strict"
                    value={value.score ?? ''}
                    onChange={(next) =>
                      onOutcome(outcome.code, { score: typeof next === 'number' ? next : null })
                    }
                    error={errors[key('score')]}
                    required
                  />
                </div>
                {needsSchedule && (
                  <div className="rpl-outcome-fields">
                    <TextInput
                      id={fieldId(outcome.code, 'scheduledOn')}
                      type="date"
                      size="sm"
                      label={t('admin.rplCase.assessment.scheduledOn')}
                      value={value.scheduledOn ?? ''}
                      onChange={(event) =>
                        onOutcome(outcome.code, { scheduledOn: event.currentTarget.value || null })
                      }
                      error={errors[key('scheduledOn')]}
                      required
                    />
                    <TextInput
                      id={fieldId(outcome.code, 'place')}
                      size="sm"
                      label={t('admin.rplCase.assessment.place')}
                      description={t('admin.rplCase.assessment.placeHint')}
                      value={value.place}
                      maxLength={200}
                      onChange={(event) => onOutcome(outcome.code, { place: event.currentTarget.value })}
                      error={errors[key('place')]}
                    />
                    <TextInput
                      id={fieldId(outcome.code, 'link')}
                      size="sm"
                      type="url"
                      label={t('admin.rplCase.assessment.link')}
                      placeholder="https://"
                      value={value.link}
                      maxLength={500}
                      onChange={(event) => onOutcome(outcome.code, { link: event.currentTarget.value })}
                      error={errors[key('link')]}
                    />
                  </div>
                )}
              </fieldset>
            </div>
          );
        })}
      </Stack>
      <fieldset className="rpl-course-verdict" disabled={locked}>
        <Radio.Group
          label={t('admin.rplCase.assessment.recommendation')}
          value={draft.recommendation ?? ''}
          onChange={(next) => onCourse({ recommendation: next as AssessmentRecommendation })}
          error={errors[recommendationKey]}
          required
        >
          <Group gap="md" mt={6}>
            {assessmentRecommendations.map((recommendation, position) => (
              <Radio
                key={recommendation}
                value={recommendation}
                label={assessmentRecommendationLabels[recommendation][locale]}
                // The message above names the course; focus lands on its first choice.
                id={position === 0 ? `${formId}-${recommendationKey}` : undefined}
                aria-invalid={position === 0 && errors[recommendationKey] ? true : undefined}
              />
            ))}
          </Group>
        </Radio.Group>
        <Textarea
          id={fieldId(null, 'notes')}
          label={t('admin.rplCase.assessment.notes')}
          autosize
          minRows={2}
          maxRows={8}
          maxLength={4000}
          value={draft.notes}
          onChange={(event) => onCourse({ notes: event.currentTarget.value })}
          error={errors[draftKey(course.courseId, null, 'notes')]}
        />
      </fieldset>
    </Paper>
  );
}

function SupportButton({
  kind,
  label,
  onClick,
}: {
  kind: 'credential' | 'file';
  label: string;
  onClick: () => void;
}) {
  const { t } = useLocale();
  const Icon = kind === 'credential' ? IconCertificate : IconFileText;
  return (
    <UnstyledButton
      type="button"
      onClick={onClick}
      className="rpl-support"
      aria-label={t(
        kind === 'credential'
          ? 'admin.rplCase.assessment.showCredential'
          : 'admin.rplCase.assessment.showFile',
        {
          name: label,
        },
      )}
    >
      <Icon size={14} aria-hidden />
      <span>{label}</span>
    </UnstyledButton>
  );
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
