import { useLocale } from '@kmg/ui';
import { Stack, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconClipboardCheck, IconFolder, IconGavel, IconHistory } from '@tabler/icons-react';
import { useRef } from 'react';
import { Navigate, useParams, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { PageHeader } from '#components/PageHeader.tsx';
import { PageNotice } from '#components/PageNotice.tsx';
import { QueryPending } from '#components/QueryPending.tsx';
import { RplApplicationFile, RplApplicationFile_case } from '#components/RplApplicationFile.tsx';
import {
  RplAssessmentComparison,
  RplAssessmentComparison_case,
} from '#components/RplAssessmentComparison.tsx';
import { RplAssessmentForm, RplAssessmentForm_case } from '#components/RplAssessmentForm.tsx';
import type { AssignmentInput } from '#components/RplAssignAssessorsDialog.tsx';
import { RplApplicationStatusBadge } from '#components/RplBadges.tsx';
import {
  type CaseActionHandlers,
  type CaseTab,
  RplCaseActions,
  RplCaseActions_case,
} from '#components/RplCaseActions.tsx';
import {
  type PrecedentOutcome,
  RplCaseDecisions,
  RplCaseDecisions_case,
} from '#components/RplCaseDecisions.tsx';
import { RplCaseHistory, RplCaseHistory_case } from '#components/RplCaseHistory.tsx';
import { RplCaseOverview, RplCaseOverview_case } from '#components/RplCaseOverview.tsx';
import { type DecisionInput, RplDecisionForm, RplDecisionForm_case } from '#components/RplDecisionForm.tsx';
import { RplDecreePanel, RplDecreePanel_case } from '#components/RplDecreePanel.tsx';
import { useProblemMessages } from '#components/use-problem-messages.ts';
import { graphql } from '#graphql.ts';
import { wrappingBadgeStyles } from '#lib/badge-styles.ts';
import { MutationProblem_error, readProblem } from '#lib/mutation-result.ts';
import type { CourseJudgementInput } from '#lib/rpl-case.ts';
import { isRplStaff, useViewer } from '#lib/viewer.tsx';
import '../rpl-case.css';

/**
 * Everything the case page shows. Each step's mutation answers with all of it, so the page never
 * reads the case again after a step (a read still on its way would answer after the step).
 */
export const RplCasePage_case = graphql(
  `
  fragment RplCasePage_case on RplApplication @_unmask {
    id
    caseReference
    teacherName
    teacherNuptk
    status
    statusLabel
    availableActions
    mySeat
    programme { id name }
    intake { id name }
    ...RplCaseOverview_case
    ...RplCaseActions_case
    ...RplApplicationFile_case
    ...RplAssessmentForm_case
    ...RplAssessmentComparison_case
    ...RplDecisionForm_case
    ...RplCaseDecisions_case
    ...RplDecreePanel_case
    ...RplCaseHistory_case
  }
`,
  [
    RplCaseOverview_case,
    RplCaseActions_case,
    RplApplicationFile_case,
    RplAssessmentForm_case,
    RplAssessmentComparison_case,
    RplDecisionForm_case,
    RplCaseDecisions_case,
    RplDecreePanel_case,
    RplCaseHistory_case,
  ],
);

export const RplCasePageQuery = graphql(
  `
  query RplCasePage($id: ID!) {
    rplApplication(id: $id) { id ...RplCasePage_case }
  }
`,
  [RplCasePage_case],
);

export const AcceptRplCase = graphql(
  `
  mutation AcceptRplCase($applicationId: ID!) {
    acceptRplCase(applicationId: $applicationId) {
      __typename
      ... on AcceptRplCaseSuccess { data { id ...RplCasePage_case } }
      ...MutationProblem_error
    }
  }
`,
  [RplCasePage_case, MutationProblem_error],
);

export const ReturnRplCaseToTeacher = graphql(
  `
  mutation ReturnRplCaseToTeacher($applicationId: ID!, $missingItems: [String!]!, $message: String) {
    returnRplCaseToTeacher(applicationId: $applicationId, missingItems: $missingItems, message: $message) {
      __typename
      ... on ReturnRplCaseToTeacherSuccess { data { id ...RplCasePage_case } }
      ...MutationProblem_error
    }
  }
`,
  [RplCasePage_case, MutationProblem_error],
);

export const AssignRplCaseAssessors = graphql(
  `
  mutation AssignRplCaseAssessors(
    $applicationIds: [ID!]!
    $academicId: String
    $practitionerId: String
    $roundRobin: Boolean
  ) {
    assignRplAssessors(
      applicationIds: $applicationIds
      academicId: $academicId
      practitionerId: $practitionerId
      roundRobin: $roundRobin
    ) {
      __typename
      ... on AssignRplAssessorsSuccess { data }
      ...MutationProblem_error
    }
  }
`,
  [MutationProblem_error],
);

export const SaveRplAssessment = graphql(
  `
  mutation SaveRplAssessment($applicationId: ID!, $courses: [RplCourseJudgementInput!]!, $submit: Boolean!) {
    saveRplAssessment(applicationId: $applicationId, courses: $courses, submit: $submit) {
      __typename
      ... on SaveRplAssessmentSuccess { data { id ...RplCasePage_case } }
      ...MutationProblem_error
    }
  }
`,
  [RplCasePage_case, MutationProblem_error],
);

export const CompleteRplAssessment = graphql(
  `
  mutation CompleteRplAssessment($applicationId: ID!) {
    completeRplAssessment(applicationId: $applicationId) {
      __typename
      ... on CompleteRplAssessmentSuccess { data { id ...RplCasePage_case } }
      ...MutationProblem_error
    }
  }
`,
  [RplCasePage_case, MutationProblem_error],
);

export const DecideRplCase = graphql(
  `
  mutation DecideRplCase(
    $applicationId: ID!
    $decisions: [RplCourseDecisionInput!]!
    $notes: String
    $appeal: Boolean
  ) {
    decideRplCase(applicationId: $applicationId, decisions: $decisions, notes: $notes, appeal: $appeal) {
      __typename
      ... on DecideRplCaseSuccess { data { id ...RplCasePage_case } }
      ...MutationProblem_error
    }
  }
`,
  [RplCasePage_case, MutationProblem_error],
);

export const ValidateRplCase = graphql(
  `
  mutation ValidateRplCase($applicationId: ID!) {
    validateRplCase(applicationId: $applicationId) {
      __typename
      ... on ValidateRplCaseSuccess { data { id ...RplCasePage_case } }
      ...MutationProblem_error
    }
  }
`,
  [RplCasePage_case, MutationProblem_error],
);

export const ReturnRplCaseToCommittee = graphql(
  `
  mutation ReturnRplCaseToCommittee($applicationId: ID!, $reason: String!) {
    returnRplCaseToCommittee(applicationId: $applicationId, reason: $reason) {
      __typename
      ... on ReturnRplCaseToCommitteeSuccess { data { id ...RplCasePage_case } }
      ...MutationProblem_error
    }
  }
`,
  [RplCasePage_case, MutationProblem_error],
);

export const IssueRplCaseDecree = graphql(
  `
  mutation IssueRplCaseDecree($applicationId: ID!) {
    issueRplDecree(applicationId: $applicationId) {
      __typename
      ... on IssueRplDecreeSuccess { data { id number } }
      ...MutationProblem_error
    }
  }
`,
  [MutationProblem_error],
);

export const ProposeRplPrecedent = graphql(
  `
  mutation ProposeRplPrecedent($applicationId: ID!, $courseId: ID!) {
    proposeRplPrecedent(applicationId: $applicationId, courseId: $courseId) {
      __typename
      ... on ProposeRplPrecedentSuccess { data { id code version status } }
      ...MutationProblem_error
    }
  }
`,
  [MutationProblem_error],
);

const tabs: readonly CaseTab[] = ['file', 'assessment', 'decision', 'history'];
/** The tabs as the URL spells them (`?tab=asesmen`). */
const tabSlugs: Record<CaseTab, string> = {
  file: 'berkas',
  assessment: 'asesmen',
  decision: 'keputusan',
  history: 'riwayat',
};
const tabIcons = {
  file: IconFolder,
  assessment: IconClipboardCheck,
  decision: IconGavel,
  history: IconHistory,
};

/** The tab a viewer lands on: where their step is, else the application itself. */
function landingTab(application: {
  status: string;
  mySeat: string | null;
  availableActions: readonly string[];
}): CaseTab {
  const actions = application.availableActions;
  if (application.mySeat && application.status === 'IN_ASSESSMENT') return 'assessment';
  if (
    ['decide', 'decideAppeal', 'validate', 'returnToCommittee', 'issueDecree'].some((a) =>
      actions.includes(a),
    )
  )
    return 'decision';
  if (application.status === 'DECIDED' || application.status === 'APPEALED') return 'decision';
  if (application.status === 'AWAITING_COMMITTEE' || application.status === 'AWAITING_VALIDATION')
    return 'assessment';
  return 'file';
}

/**
 * One RPL case as the university's reviewers work it: the header (reference, status, deadlines,
 * people), the viewer's own next step, and four tabs: the application as submitted, the
 * assessment (an assessor's form, or both judgements side by side), the decision (the committee's
 * form, decisions, validation, decree and documents) and the history.
 */
export function RplCasePage() {
  const { t } = useLocale();
  const viewer = useViewer();
  const messages = useProblemMessages();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const [{ data, error }, reexecute] = useQuery({
    query: RplCasePageQuery,
    variables: { id },
    pause: !isRplStaff(viewer),
  });
  const [, accept] = useMutation(AcceptRplCase);
  const [, returnToTeacher] = useMutation(ReturnRplCaseToTeacher);
  const [, assign] = useMutation(AssignRplCaseAssessors);
  const [, saveAssessment] = useMutation(SaveRplAssessment);
  const [, complete] = useMutation(CompleteRplAssessment);
  const [, decide] = useMutation(DecideRplCase);
  const [, validate] = useMutation(ValidateRplCase);
  const [, returnToCommittee] = useMutation(ReturnRplCaseToCommittee);
  const [, issueDecree] = useMutation(IssueRplCaseDecree);
  const [, proposePrecedent] = useMutation(ProposeRplPrecedent);
  // The tab chosen on arrival at a case stays when a step changes its status (the URL's wins).
  const landing = useRef<{ id: string; tab: CaseTab } | null>(null);

  if (!isRplStaff(viewer)) return <Navigate to="/" replace />;
  if (!data) {
    return (
      <QueryPending
        error={error}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        blocks={[{ h: 36, w: '50%' }, { h: 140 }, { h: 120 }, { h: 300 }]}
      />
    );
  }
  const application = data.rplApplication;
  if (!application) {
    return (
      <PageNotice
        title={t('admin.rplCase.notFound')}
        text={t('admin.rplCase.notFoundText')}
        back={{ to: '/rpl/kasus', label: t('admin.rplCase.back') }}
      />
    );
  }

  const applicationId = application.id;
  const slug = params.get('tab');
  if (landing.current?.id !== application.id)
    landing.current = { id: application.id, tab: landingTab(application) };
  const tab = tabs.find((candidate) => tabSlugs[candidate] === slug) ?? landing.current.tab;
  const openTab = (next: CaseTab) => {
    setParams({ tab: tabSlugs[next] }, { replace: true });
    requestAnimationFrame(() => document.getElementById(`rpl-case-tab-${next}`)?.focus());
  };
  const done = (message: string) => notifications.show({ color: 'green', message });
  /** A step's refusal, or null (with a notice) when it went through. */
  const outcome = (
    result: { data?: Record<string, unknown> | null; error?: Parameters<typeof readProblem>[1] },
    field: string,
    message: string,
  ) => {
    const problem = readProblem(
      result.data?.[field] as Parameters<typeof readProblem>[0],
      result.error,
      messages,
    );
    if (!problem) done(message);
    return problem;
  };

  const handlers: CaseActionHandlers = {
    accept: async () =>
      outcome(await accept({ applicationId }), 'acceptRplCase', t('admin.rplCase.done.accepted')),
    returnToTeacher: async (missingItems, message) =>
      outcome(
        await returnToTeacher({ applicationId, missingItems, message }),
        'returnRplCaseToTeacher',
        t('admin.rplCase.done.returned'),
      ),
    assign: async (input: AssignmentInput) =>
      outcome(
        await assign({ applicationIds: [applicationId], ...input }),
        'assignRplAssessors',
        t('admin.rplCase.assign.done', { count: 1 }),
      ),
    completeAssessment: async () =>
      outcome(await complete({ applicationId }), 'completeRplAssessment', t('admin.rplCase.done.completed')),
    validate: async () =>
      outcome(await validate({ applicationId }), 'validateRplCase', t('admin.rplCase.done.validated')),
    returnToCommittee: async (reason) =>
      outcome(
        await returnToCommittee({ applicationId, reason }),
        'returnRplCaseToCommittee',
        t('admin.rplCase.done.returnedToCommittee'),
      ),
    issueDecree: async () =>
      outcome(await issueDecree({ applicationId }), 'issueRplDecree', t('admin.rplCase.done.decreed')),
  };

  const onSaveAssessment = async (courses: CourseJudgementInput[], submit: boolean) => {
    const result = await saveAssessment({ applicationId, courses, submit });
    return readProblem(result.data?.saveRplAssessment, result.error, messages);
  };
  const appeal = application.availableActions.includes('decideAppeal');
  const onDecide = async (decisions: DecisionInput, notes: string | null) =>
    outcome(
      await decide({ applicationId, decisions, notes, appeal }),
      'decideRplCase',
      t(appeal ? 'admin.rplCase.done.appealDecided' : 'admin.rplCase.done.decided'),
    );
  const onProposePrecedent = async (courseId: string): Promise<PrecedentOutcome> => {
    const result = await proposePrecedent({ applicationId, courseId });
    const problem = readProblem(result.data?.proposeRplPrecedent, result.error, messages);
    const payload = result.data?.proposeRplPrecedent;
    const versionId = payload?.__typename === 'ProposeRplPrecedentSuccess' ? payload.data.id : null;
    if (!problem) done(t('admin.rplCase.done.precedent'));
    return { problem, versionId };
  };

  const isAssessing = application.mySeat !== null && application.status === 'IN_ASSESSMENT';
  const canDecide = application.availableActions.includes('decide') || appeal;
  // Once decreed, the documents lead the decision tab; before, the minutes follow the decisions.
  const hasDecree = application.status === 'DECIDED' || application.status === 'APPEALED';

  return (
    <>
      <PageHeader
        title={application.teacherName}
        description={[
          application.caseReference,
          application.teacherNuptk && `NUPTK ${application.teacherNuptk}`,
          application.programme.name,
          application.intake.name,
        ]
          .filter(Boolean)
          .join(' · ')}
        badge={
          <RplApplicationStatusBadge
            status={application.status}
            label={application.statusLabel}
            size="lg"
            styles={wrappingBadgeStyles}
          />
        }
        back={{ to: '/rpl/kasus', label: t('admin.rplCase.back') }}
        focusKey={application.id}
      />
      <Stack gap="lg">
        <RplCaseOverview application={application} />
        <RplCaseActions application={application} handlers={handlers} onOpenTab={openTab} />
        <Tabs
          value={tab}
          onChange={(next) => next && setParams({ tab: tabSlugs[next as CaseTab] }, { replace: true })}
          keepMounted={false}
        >
          <Tabs.List
            aria-label={t('admin.rplCase.tabsLabel')}
            mb="lg"
            style={{ flexWrap: 'nowrap', overflowX: 'auto' }}
          >
            {tabs.map((value) => {
              const Icon = tabIcons[value];
              return (
                <Tabs.Tab
                  key={value}
                  value={value}
                  id={`rpl-case-tab-${value}`}
                  leftSection={<Icon size={18} aria-hidden />}
                  fz="md"
                >
                  {t(`admin.rplCase.tabs.${value}`)}
                </Tabs.Tab>
              );
            })}
          </Tabs.List>
          <Tabs.Panel value="file">
            <RplApplicationFile application={application} />
          </Tabs.Panel>
          <Tabs.Panel value="assessment">
            {isAssessing ? (
              <RplAssessmentForm application={application} onSave={onSaveAssessment} />
            ) : (
              <RplAssessmentComparison application={application} />
            )}
          </Tabs.Panel>
          <Tabs.Panel value="decision">
            <Stack gap="lg">
              {hasDecree && <RplDecreePanel application={application} />}
              {canDecide && (
                <RplDecisionForm
                  key={application.status}
                  application={application}
                  appeal={appeal}
                  onDecide={onDecide}
                />
              )}
              <section aria-labelledby="rpl-decisions-title">
                <Title order={2} size="h4" id="rpl-decisions-title" mb="sm">
                  {t('admin.rplCase.decisions.heading')}
                </Title>
                <RplCaseDecisions application={application} onProposePrecedent={onProposePrecedent} />
              </section>
              {!hasDecree && <RplDecreePanel application={application} />}
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="history">
            <section aria-labelledby="rpl-history-title">
              <Title order={2} size="h4" id="rpl-history-title" mb="sm">
                {t('admin.rplCase.history.title')}
              </Title>
              <Text size="sm" c="dimmed" mb="md">
                {t('admin.rplCase.history.intro')}
              </Text>
              <RplCaseHistory application={application} />
            </section>
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </>
  );
}
