import type { RplApplicationStatus } from '@kmg/domain';
import { ErrorAlert, formatInstant, formatLocalDate, useLocale } from '@kmg/ui';
import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Container,
  Group,
  Modal,
  Paper,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconCircleCheck, IconCircleX, IconClock } from '@tabler/icons-react';
import { type ReactNode, type Ref, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { LockedNotice } from '#components/LockedNotice.tsx';
import { NotFound } from '#components/NotFound.tsx';
import { QueryFallback, QueryLoadError } from '#components/QueryState.tsx';
import { RecognitionCourses, RecognitionCourses_estimate } from '#components/RecognitionCourses.tsx';
import { RequireSignIn } from '#components/RequireSignIn.tsx';
import { RplAppealSection, RplAppealSection_application } from '#components/RplAppealSection.tsx';
import { RplCaseHistory, RplCaseHistory_application } from '#components/RplCaseHistory.tsx';
import { RplCaseProgress, RplCaseProgress_application } from '#components/RplCaseProgress.tsx';
import { RplDecisionResult, RplDecisionResult_application } from '#components/RplDecisionResult.tsx';
import { RplEvidenceFiles } from '#components/RplEvidenceFiles.tsx';
import { RplIntake, RplIntake_intake } from '#components/RplIntake.tsx';
import { RplReturnedNotice, RplReturnedNotice_application } from '#components/RplReturnedNotice.tsx';
import { type EvaluatedCourse, RplSelfEvaluation, type Support } from '#components/RplSelfEvaluation.tsx';
import { RplStatusBadge } from '#components/RplStatusBadge.tsx';
import { graphql, readFragment } from '#graphql.ts';
import { usePageTitle } from '#lib/page-title.ts';
import {
  chooseCredential,
  draftFromApplication,
  evaluationProgress,
  forgetEvidence,
  isEditable,
  isSameDraft,
  isWithdrawable,
  type RplDraft,
  rawIdOf,
  readVerification,
  toDraftInput,
} from '#lib/rpl-draft.ts';
import { rplApplicationsPath, rplProgrammePath } from '#lib/rpl-links.ts';
import { useScrollToHash } from '#lib/scroll-to-hash.ts';
import classes from './CallPage.module.css';
import actionClasses from './RplApplicationPage.module.css';

const RplApplicationFields = graphql(`
  fragment RplApplicationFields on RplApplication {
    id
    status
    statusLabel
    submittedAt
    updatedAt
    evidenceRequest
    evidenceRequestedAt
    proposedSks
    credentials {
      entryId
      credential {
        id
        credentialId
        name
      }
      externalCredentialId
      externalName
      isVerified
      verification
    }
    evidence {
      id
      kind
      title
      issuedOn
      fileName
      size
      url
    }
    selfEvaluations {
      outcomeId
      level
      levelLabel
      credentialIds
      evidenceIds
      note
    }
  }
`);

const RplApplicationPageQuery = graphql(
  `
    query RplApplicationPage($id: ID!) {
      rplApplication(id: $id) {
        ...RplApplicationFields
        ...RplCaseProgress_application
        ...RplReturnedNotice_application
        ...RplDecisionResult_application
        ...RplAppealSection_application
        ...RplCaseHistory_application
        programme {
          id
          name
          university {
            id
            name
          }
        }
        intake {
          id
          ...RplIntake_intake
          curriculum {
            id
            courses {
              id
              code
              name
              semester
              kind
              outcomes {
                id
                code
                text
              }
            }
          }
        }
        proposal {
          totalSks
          courseCount
          ...RecognitionCourses_estimate
        }
      }
      myCredentials {
        id
        credentialId
        name
        status
        issuerName
        validUntil
        workloadHours
      }
      myImportedCredentials {
        id
        credentialId
        achievementName
        issuerName
        validUntil
        hours
      }
    }
  `,
  [
    RplApplicationFields,
    RplIntake_intake,
    RecognitionCourses_estimate,
    RplCaseProgress_application,
    RplReturnedNotice_application,
    RplDecisionResult_application,
    RplAppealSection_application,
    RplCaseHistory_application,
  ],
);

const ProposedCoursesQuery = graphql(`
  query RplApplicationEstimate($programmeId: ID!, $intakeId: ID) {
    rplEstimate(programmeId: $programmeId, intakeId: $intakeId) {
      __typename
      ... on RplEstimateSuccess {
        data {
          proposed {
            courseId
            credentials {
              id
            }
          }
        }
      }
    }
  }
`);

const SaveRplDraft = graphql(
  `
    mutation SaveRplDraft($applicationId: ID!, $input: RplDraftInput!) {
      saveRplDraft(applicationId: $applicationId, input: $input) {
        __typename
        ... on SaveRplDraftSuccess {
          data {
            ...RplApplicationFields
          }
        }
        ... on ValidationError {
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
  [RplApplicationFields],
);

const SubmitRplApplication = graphql(
  `
    mutation SubmitRplApplication($applicationId: ID!) {
      submitRplApplication(applicationId: $applicationId) {
        __typename
        ... on SubmitRplApplicationSuccess {
          data {
            ...RplApplicationFields
            proposal {
              totalSks
              courseCount
              ...RecognitionCourses_estimate
            }
          }
        }
        ... on ValidationError {
          fieldErrors {
            path
            code
            message
          }
        }
        ... on Error {
          message
        }
      }
    }
  `,
  [RplApplicationFields, RecognitionCourses_estimate],
);

const WithdrawRplApplication = graphql(`
  mutation WithdrawRplApplication($applicationId: ID!) {
    withdrawRplApplication(applicationId: $applicationId) {
      __typename
      ... on WithdrawRplApplicationSuccess {
        data {
          id
          status
          statusLabel
          withdrawnAt
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

const skeleton = (
  <Container size="md" px="md" py="lg">
    <Stack gap="lg">
      <Skeleton height={20} width={160} />
      <Skeleton height={32} width="80%" />
      <Skeleton height={120} radius="md" />
      <Skeleton height={240} radius="md" />
    </Stack>
  </Container>
);

/** One RPL application: the form while the teacher may edit it; the status and proposal after. */
export function RplApplicationPage() {
  const { t } = useLocale();
  return (
    <RequireSignIn fallback={skeleton}>
      {(viewer) =>
        viewer.isTeacher ? (
          <ApplicationView />
        ) : viewer.roles.includes('RPL_REVIEWER') ? (
          <ConsoleNotice />
        ) : (
          <Container size="md" px="md" py="lg">
            <LockedNotice>{t('learner.rpl.teachersOnly')}</LockedNotice>
          </Container>
        )
      }
    </RequireSignIn>
  );
}

/**
 * A university's reviewer who followed a notice here: the case is worked in the console (served
 * beside this app at /admin), not in the teachers' app.
 */
function ConsoleNotice() {
  const { id = '' } = useParams();
  const { t } = useLocale();
  return (
    <Container size="md" px="md" py="lg">
      <LockedNotice>
        <Stack gap="xs">
          <Text>{t('learner.rplResult.console.text')}</Text>
          <Anchor href={`/admin/rpl/pendaftaran/${encodeURIComponent(id)}`} fw={600}>
            {t('learner.rplResult.console.link')}
          </Anchor>
        </Stack>
      </LockedNotice>
    </Container>
  );
}

type Problem = { title: string; message: string };

/** "Ajukan kembali" and "Simpan draf" side by side on a 360 px phone: labels wrap, never cut. */
const wrappingLabel = {
  root: { height: 'auto', minHeight: 44, paddingBlock: 6 },
  label: { whiteSpace: 'normal', lineHeight: 1.2, textAlign: 'center' },
} as const;

/** The element id of the form's evidence files, where a returned application's notice leads. */
const evidenceSectionId = 'bukti';

function ApplicationView() {
  const { id = '' } = useParams();
  const { t, locale } = useLocale();
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: RplApplicationPageQuery,
    variables: { id },
    requestPolicy: 'cache-and-network',
  });
  const application = useMemo(() => {
    const loaded = data?.rplApplication;
    return loaded ? { ...loaded, ...readFragment(RplApplicationFields, loaded) } : loaded;
  }, [data?.rplApplication]);
  usePageTitle(application ? `${t('learner.rpl.application.title')}: ${application.programme.name}` : null);
  // Notices open the page at the part they are about (#kekurangan, #hasil, #banding).
  useScrollToHash(!!application);
  const editable = !!application && isEditable(application.status);
  const [{ data: estimateData }] = useQuery({
    query: ProposedCoursesQuery,
    variables: { programmeId: application?.programme.id ?? '', intakeId: application?.intake.id ?? null },
    pause: !editable,
  });

  const [draft, setDraft] = useState<RplDraft | null>(null);
  const [draftFor, setDraftFor] = useState<string | null>(null);
  const [showIssues, setShowIssues] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [evaluationError, setEvaluationError] = useState<string | null>(null);
  const [{ fetching: saving }, save] = useMutation(SaveRplDraft);
  const [{ fetching: submitting }, submit] = useMutation(SubmitRplApplication);
  const evaluationSection = useRef<HTMLDivElement>(null);

  // The form starts from what the API stored, once per application (and again after each save).
  const stored = useMemo(() => (application ? draftFromApplication(application) : null), [application]);
  if (application && stored && draftFor !== application.id) {
    setDraftFor(application.id);
    setDraft(stored);
  }

  const estimate =
    estimateData?.rplEstimate.__typename === 'RplEstimateSuccess' ? estimateData.rplEstimate.data : null;
  const courses = application?.intake.curriculum?.courses ?? [];
  // The estimate names courses and credentials by database id; the curriculum by global id.
  const proposedIds = new Set(estimate?.proposed.map((course) => course.courseId) ?? []);
  const usedInEstimate = new Set(
    estimate?.proposed.flatMap((course) => course.credentials.map((c) => c.id)) ?? [],
  );
  const evaluated = courses.map((course) => ({
    ...course,
    rawId: rawIdOf(course.id),
    outcomes: course.outcomes.map((outcome) => ({ ...outcome, id: rawIdOf(outcome.id) })),
  }));
  const required: EvaluatedCourse[] = evaluated.filter((course) => proposedIds.has(course.rawId));
  const optional: EvaluatedCourse[] = evaluated.filter(
    (course) =>
      !proposedIds.has(course.rawId) && course.kind !== 'FINAL_PROJECT' && course.outcomes.length > 0,
  );
  const requiredOutcomes = required.flatMap((course) => course.outcomes.map((outcome) => outcome.id));

  if (!application || !draft) {
    if (fetching || (!data && !error)) return skeleton;
    if (error)
      return (
        <Container size="md" px="md" py="lg">
          <QueryLoadError error={error} reexecute={reexecute} />
        </Container>
      );
    if (!application) return <NotFound title={t('learner.rpl.application.notFound')} />;
    return <QueryFallback error={error} reexecute={reexecute} skeleton={skeleton} />;
  }

  const isDirty = !!stored && !isSameDraft(draft, stored);
  const credentials = data?.myCredentials ?? [];
  const imported = data?.myImportedCredentials ?? [];
  const supports: Support[] = [
    ...credentials
      .filter((credential) => draft.credentialIds.includes(credential.credentialId))
      .map((credential) => ({
        id: credential.credentialId,
        label: credential.name,
        kind: 'credential' as const,
      })),
    ...imported
      .filter((credential) => draft.externalCredentialIds.includes(credential.credentialId))
      .map((credential) => ({
        id: credential.credentialId,
        label: credential.achievementName,
        kind: 'credential' as const,
      })),
    ...application.evidence.map((evidence) => ({
      id: evidence.id,
      label: evidence.title,
      kind: 'evidence' as const,
    })),
  ];
  const progress = evaluationProgress(draft, requiredOutcomes);

  async function saveDraft(): Promise<boolean> {
    if (!draft || !application) return false;
    const result = await save({ applicationId: application.id, input: toDraftInput(draft) });
    const outcome = result.data?.saveRplDraft;
    if (!outcome) {
      setProblem({
        title: t('learner.rpl.application.notSaved'),
        message: result.error?.networkError ? t('common.networkError') : t('learner.errors.unexpected'),
      });
      return false;
    }
    if (outcome.__typename === 'SaveRplDraftSuccess') {
      setDraft(draftFromApplication(readFragment(RplApplicationFields, outcome.data)));
      return true;
    }
    const details = outcome.__typename === 'ValidationError' ? outcome.fieldErrors.map((e) => e.message) : [];
    setProblem({
      title: t('learner.rpl.application.notSaved'),
      message: [outcome.message, ...details].join(' '),
    });
    return false;
  }

  async function onSave() {
    setProblem(null);
    if (await saveDraft())
      notifications.show({ color: 'green', message: t('learner.rpl.application.saved') });
  }

  async function onSubmit() {
    if (!application) return;
    setProblem(null);
    setEvaluationError(null);
    setShowIssues(true);
    if (isDirty && !(await saveDraft())) return;
    const result = await submit({ applicationId: application.id });
    const outcome = result.data?.submitRplApplication;
    if (!outcome) {
      setProblem({
        title: t('learner.rpl.application.notSubmitted'),
        message: result.error?.networkError ? t('common.networkError') : t('learner.errors.unexpected'),
      });
      return;
    }
    if (outcome.__typename === 'SubmitRplApplicationSuccess') {
      setShowIssues(false);
      // The case's progress and history start now: read them again.
      reexecute({ requestPolicy: 'network-only' });
      notifications.show({
        color: 'green',
        message: t('learner.rpl.application.submitted', { programme: application.programme.name }),
      });
      window.scrollTo({ top: 0 });
      return;
    }
    // An incomplete self-evaluation is shown where it is filled in, the rest above the buttons.
    if (
      outcome.__typename === 'ValidationError' &&
      outcome.fieldErrors.some((e) => e.path.includes('selfEvaluations'))
    ) {
      setEvaluationError(outcome.fieldErrors.map((e) => e.message).join(' '));
      evaluationSection.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
      return;
    }
    setProblem({ title: t('learner.rpl.application.notSubmitted'), message: outcome.message });
  }

  const status: RplApplicationStatus = application.status;
  const isDecided = status === 'DECIDED' || status === 'APPEALED';
  const back = (
    <Anchor component={Link} to={rplApplicationsPath} size="sm" fw={600} className={classes.back}>
      <IconArrowLeft size={16} aria-hidden /> {t('learner.rpl.application.back')}
    </Anchor>
  );

  return (
    <Container size="md" px="md" py="lg">
      <Stack gap="lg">
        {back}
        <Stack gap="xs">
          <Group gap={6}>
            <RplStatusBadge status={status} label={application.statusLabel} />
            {application.submittedAt && (
              <Text size="sm" c="gray.7">
                {t('learner.rpl.applications.submittedAt', {
                  date: formatInstant(application.submittedAt, locale),
                })}
              </Text>
            )}
          </Group>
          <Title order={1} fz={{ base: 24, sm: 32 }} lh={1.2}>
            {application.programme.name}
          </Title>
          <Text c="gray.8">{application.programme.university.name}</Text>
          <Anchor component={Link} to={rplProgrammePath(application.programme.id)} size="sm">
            {t('learner.rpl.application.programme')}
          </Anchor>
        </Stack>
        <RplReturnedNotice application={application} evidenceSectionId={evidenceSectionId} />
        <RplCaseProgress application={application} />
        {status === 'WITHDRAWN' && <LockedNotice>{t('learner.rpl.application.withdrawnText')}</LockedNotice>}
        <RplDecisionResult application={application} />
        <RplAppealSection application={application} />

        <Paper withBorder radius="md" p="md">
          <RplIntake intake={application.intake} isDetailed />
        </Paper>

        {/* Once decided, the result shows each course against the proposal. */}
        {application.proposal && !isDecided && (
          <Section
            title={t('learner.rpl.application.proposalHeading')}
            hint={t('learner.rpl.application.proposalHint')}
          >
            <Text fw={700} fz="lg">
              {t('learner.rpl.estimate.headline', {
                sks: application.proposal.totalSks,
                count: application.proposal.courseCount,
              })}
            </Text>
            <RecognitionCourses estimate={application.proposal} />
          </Section>
        )}

        {application.submittedAt && application.credentials.length > 0 && (
          <Section title={t('learner.rpl.application.verification.heading')}>
            <Verification entries={application.credentials} />
          </Section>
        )}

        {editable ? (
          <>
            <Text size="sm" c="gray.8">
              {t('learner.rpl.application.steps')}
            </Text>
            <Section
              title={t('learner.rpl.application.credentials.heading')}
              hint={t('learner.rpl.application.credentials.hint')}
            >
              <CredentialPicker
                credentials={credentials}
                imported={imported}
                draft={draft}
                usedInEstimate={usedInEstimate}
                onChange={setDraft}
              />
            </Section>
            <Section
              id={evidenceSectionId}
              title={t('learner.rpl.application.evidence.heading')}
              hint={t('learner.rpl.application.evidence.hint')}
            >
              <RplEvidenceFiles
                applicationId={application.id}
                files={application.evidence}
                isEditable
                onChanged={() => reexecute({ requestPolicy: 'network-only' })}
                onRemoved={(evidenceId) =>
                  setDraft((current) => current && forgetEvidence(current, evidenceId))
                }
              />
            </Section>
            <Section
              ref={evaluationSection}
              title={t('learner.rpl.application.selfEvaluation.heading')}
              hint={t('learner.rpl.application.selfEvaluation.hint')}
              aside={
                requiredOutcomes.length > 0 && (
                  <Badge
                    variant="light"
                    color={progress.done === progress.total ? 'green' : 'gray'}
                    tt="none"
                    size="lg"
                  >
                    {t('learner.rpl.application.selfEvaluation.progress', progress)}
                  </Badge>
                )
              }
            >
              {evaluationError && <ErrorAlert>{evaluationError}</ErrorAlert>}
              <RplSelfEvaluation
                required={required}
                optional={optional}
                draft={draft}
                onChange={setDraft}
                supports={supports}
                showIssues={showIssues}
              />
            </Section>
            {problem && <ErrorAlert title={problem.title}>{problem.message}</ErrorAlert>}
            <Paper withBorder radius="md" p="sm" shadow="sm" className={actionClasses.actions}>
              <Stack gap={6}>
                {isDirty && (
                  <Text size="xs" c="orange.9">
                    {t('learner.rpl.application.unsaved')}
                  </Text>
                )}
                <Group gap="sm" grow>
                  <Button
                    variant="default"
                    size="md"
                    px="xs"
                    styles={wrappingLabel}
                    onClick={onSave}
                    loading={saving}
                    disabled={!isDirty || submitting}
                  >
                    {t('learner.rpl.application.save')}
                  </Button>
                  <Button
                    size="md"
                    px="xs"
                    styles={wrappingLabel}
                    onClick={onSubmit}
                    loading={submitting}
                    disabled={saving}
                  >
                    {status === 'EVIDENCE_REQUESTED'
                      ? t('learner.rpl.application.resubmit')
                      : t('learner.rpl.application.submit')}
                  </Button>
                </Group>
              </Stack>
            </Paper>
          </>
        ) : (
          application.evidence.length > 0 && (
            <Section title={t('learner.rpl.application.evidence.heading')}>
              <RplEvidenceFiles
                applicationId={application.id}
                files={application.evidence}
                isEditable={false}
                onChanged={() => undefined}
                onRemoved={() => undefined}
              />
            </Section>
          )
        )}

        {application.submittedAt && <RplCaseHistory application={application} />}

        {isWithdrawable(status) && (
          <WithdrawRpl applicationId={application.id} programme={application.programme.name} />
        )}
      </Stack>
    </Container>
  );
}

function Section({
  id,
  title,
  hint,
  aside,
  children,
  ref,
}: {
  /** For links to it; it takes the focus when one is followed. */
  id?: string;
  title: string;
  hint?: string;
  aside?: ReactNode;
  children: ReactNode;
  ref?: Ref<HTMLDivElement>;
}) {
  const headingId = useMemo(() => `section-${title.replace(/[^A-Za-z0-9]/g, '').slice(0, 24)}`, [title]);
  return (
    <Stack
      gap="sm"
      component="section"
      id={id}
      tabIndex={id ? -1 : undefined}
      aria-labelledby={headingId}
      ref={ref}
      style={{ scrollMarginTop: 80, outline: id ? 'none' : undefined }}
    >
      <Group justify="space-between" align="flex-start" gap="xs">
        <div style={{ flex: 1, minWidth: 220 }}>
          <Title order={2} fz="lg" id={headingId}>
            {title}
          </Title>
          {hint && (
            <Text size="sm" c="gray.7">
              {hint}
            </Text>
          )}
        </div>
        {aside}
      </Group>
      {children}
    </Stack>
  );
}

function CredentialPicker({
  credentials,
  imported,
  draft,
  usedInEstimate,
  onChange,
}: {
  credentials: readonly {
    credentialId: string;
    name: string;
    status: string;
    issuerName: string;
    validUntil: string | null;
    workloadHours: number;
  }[];
  imported: readonly {
    credentialId: string;
    achievementName: string;
    issuerName: string;
    validUntil: string | null;
    hours: number;
  }[];
  draft: RplDraft;
  usedInEstimate: ReadonlySet<string>;
  onChange: (draft: RplDraft) => void;
}) {
  const { t, locale } = useLocale();
  if (credentials.length === 0 && imported.length === 0)
    return (
      <Text size="sm" c="gray.7">
        {t('learner.rpl.application.credentials.none')}
      </Text>
    );
  const facts = (issuer: string, hours: number, validUntil: string | null) =>
    [
      issuer,
      hours > 0 ? t('learner.rpl.application.credentials.hours', { hours }) : null,
      validUntil
        ? t('learner.rpl.application.credentials.validUntil', {
            date: formatInstant(validUntil, locale).split(',')[0],
          })
        : null,
    ]
      .filter(Boolean)
      .join(' · ');
  return (
    <Stack gap="md">
      {credentials.length > 0 && (
        <Stack gap="xs">
          <Text size="sm" fw={600}>
            {t('learner.rpl.application.credentials.kmg')}
          </Text>
          {credentials.map((credential) => (
            <Checkbox.Card
              key={credential.credentialId}
              radius="md"
              p="sm"
              checked={draft.credentialIds.includes(credential.credentialId)}
              onChange={(isChosen) =>
                onChange(
                  chooseCredential(draft, { id: credential.credentialId, isImported: false, isChosen }),
                )
              }
              withBorder
            >
              <Group wrap="nowrap" align="flex-start" gap="sm">
                <Checkbox.Indicator mt={2} />
                <div style={{ minWidth: 0 }}>
                  <Text fw={600} size="sm" lh={1.35}>
                    {credential.name}
                  </Text>
                  <Text size="xs" c="gray.7">
                    {facts(credential.issuerName, credential.workloadHours, credential.validUntil)}
                  </Text>
                  <Group gap={4} mt={4}>
                    {usedInEstimate.has(credential.credentialId) && (
                      <Badge size="sm" variant="light" color="green" tt="none">
                        {t('learner.rpl.application.credentials.usedInEstimate')}
                      </Badge>
                    )}
                    {credential.status !== 'ACTIVE' && (
                      <Badge size="sm" variant="light" color="red" tt="none">
                        {t('learner.rpl.application.credentials.notActive', {
                          status: t(`status.credential.${credential.status}`),
                        })}
                      </Badge>
                    )}
                  </Group>
                </div>
              </Group>
            </Checkbox.Card>
          ))}
        </Stack>
      )}
      {imported.length > 0 && (
        <Stack gap="xs">
          <Text size="sm" fw={600}>
            {t('learner.rpl.application.credentials.imported')}
          </Text>
          {imported.map((credential) => (
            <Checkbox.Card
              key={credential.credentialId}
              radius="md"
              p="sm"
              checked={draft.externalCredentialIds.includes(credential.credentialId)}
              onChange={(isChosen) =>
                onChange(chooseCredential(draft, { id: credential.credentialId, isImported: true, isChosen }))
              }
              withBorder
            >
              <Group wrap="nowrap" align="flex-start" gap="sm">
                <Checkbox.Indicator mt={2} />
                <div style={{ minWidth: 0 }}>
                  <Text fw={600} size="sm" lh={1.35}>
                    {credential.achievementName}
                  </Text>
                  <Text size="xs" c="gray.7">
                    {facts(credential.issuerName, credential.hours, credential.validUntil)}
                  </Text>
                </div>
              </Group>
            </Checkbox.Card>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function Verification({
  entries,
}: {
  entries: readonly {
    entryId: string;
    credential: { id: string; name: string } | null;
    externalName: string | null;
    isVerified: boolean | null;
    verification: string | null;
  }[];
}) {
  const { t, locale } = useLocale();
  return (
    <Stack gap="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {entries.map((entry) => {
        const result = readVerification(entry.verification);
        const date = result?.cutoffDate ? formatLocalDate(result.cutoffDate, locale, 'medium') : '';
        const failed = result?.failed.map((check) =>
          t(`learner.rpl.application.verification.checks.${check}`, { date }),
        );
        return (
          <Paper component="li" key={entry.entryId} withBorder radius="md" p="sm">
            <Group wrap="nowrap" align="flex-start" gap="sm">
              {entry.isVerified === true ? (
                <IconCircleCheck
                  size={20}
                  color="var(--mantine-color-green-8)"
                  aria-hidden
                  style={{ flexShrink: 0 }}
                />
              ) : entry.isVerified === false ? (
                <IconCircleX
                  size={20}
                  color="var(--mantine-color-red-8)"
                  aria-hidden
                  style={{ flexShrink: 0 }}
                />
              ) : (
                <IconClock
                  size={20}
                  color="var(--mantine-color-gray-6)"
                  aria-hidden
                  style={{ flexShrink: 0 }}
                />
              )}
              <div style={{ minWidth: 0 }}>
                <Text size="sm" fw={600}>
                  {entry.credential?.name ?? entry.externalName}
                </Text>
                <Text size="sm" c={entry.isVerified === false ? 'red.9' : 'gray.8'}>
                  {entry.isVerified === true
                    ? t('learner.rpl.application.verification.verified')
                    : entry.isVerified === false
                      ? failed && failed.length > 0
                        ? t('learner.rpl.application.verification.failedChecks', {
                            checks: failed.join(', '),
                          })
                        : t('learner.rpl.application.verification.failed')
                      : t('learner.rpl.application.verification.pending')}
                </Text>
                {entry.isVerified === false && result?.detail && (
                  <Text size="xs" c="gray.7">
                    {result.detail}
                  </Text>
                )}
              </div>
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}

function WithdrawRpl({ applicationId, programme }: { applicationId: string; programme: string }) {
  const { t } = useLocale();
  const [isOpen, { open, close }] = useDisclosure(false);
  const [{ fetching }, withdraw] = useMutation(WithdrawRplApplication);
  const [problem, setProblem] = useState<string | null>(null);

  async function confirm() {
    setProblem(null);
    const result = await withdraw({ applicationId });
    const outcome = result.data?.withdrawRplApplication;
    if (!outcome) {
      setProblem(result.error?.networkError ? t('common.networkError') : t('learner.errors.unexpected'));
      return;
    }
    if (outcome.__typename === 'WithdrawRplApplicationSuccess') {
      close();
      notifications.show({
        color: 'gray',
        message: t('learner.rpl.application.withdraw.done', { programme }),
      });
      return;
    }
    setProblem(outcome.message);
  }

  return (
    <>
      <Button variant="default" c="red.9" onClick={open} style={{ alignSelf: 'flex-start' }}>
        {t('learner.rpl.application.withdraw.button')}
      </Button>
      <Modal
        opened={isOpen}
        onClose={() => {
          setProblem(null);
          close();
        }}
        centered
        title={t('learner.rpl.application.withdraw.title')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }}
      >
        <Stack gap="md">
          <Text>{t('learner.rpl.application.withdraw.body', { programme })}</Text>
          <Text size="sm" c="gray.7">
            {t('learner.rpl.application.withdraw.note')}
          </Text>
          {problem && <ErrorAlert>{problem}</ErrorAlert>}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} disabled={fetching}>
              {t('common.cancel')}
            </Button>
            <Button color="red.9" onClick={confirm} loading={fetching}>
              {t('learner.rpl.application.withdraw.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
