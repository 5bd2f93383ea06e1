import { useLocale } from '@kmg/ui';
import { Alert } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMemo } from 'react';
import { Navigate, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { PageHeader } from '#components/PageHeader.tsx';
import { PageNotice } from '#components/PageNotice.tsx';
import { QueryPending } from '#components/QueryPending.tsx';
import { RuleForm } from '#components/RuleForm.tsx';
import { useProblemMessages } from '#components/use-problem-messages.ts';
import { graphql } from '#graphql.ts';
import { todayLocalDate } from '#lib/format.ts';
import { MutationProblem_error, readProblem } from '#lib/mutation-result.ts';
import { emptyRuleForm, ruleFormFromVersion, toRuleInput } from '#lib/rpl-rule-form.ts';
import { isRplStaff, useViewer } from '#lib/viewer.tsx';

const RuleEditorQuery = graphql(`
  query RuleEditorPage($id: ID!) {
    studyProgramme(id: $id) {
      id
      name
      canManage
      currentCurriculum { id courses { id code name sks semester kind outcomes { id code text weight } } }
      ruleVersions {
        id code version status course { id } requirements coveredOutcomes coverage sks rationaleId rationaleEn effectiveFrom effectiveTo
      }
    }
    pathways(status: PUBLISHED) { id code title }
  }
`);

const SaveRuleDraft = graphql(
  `
  mutation SaveEquivalenceRuleDraft($programmeId: ID!, $code: String!, $input: EquivalenceRuleInput!) {
    saveEquivalenceRuleDraft(programmeId: $programmeId, code: $code, input: $input) {
      __typename
      ... on SaveEquivalenceRuleDraftSuccess { data { id code version status } }
      ...MutationProblem_error
    }
  }
`,
  [MutationProblem_error],
);

/**
 * A new rule, the open draft of one, or the next version of an approved one: saving always makes
 * or updates the rule's draft, which someone else then approves.
 */
export function RuleEditorPage() {
  const { t } = useLocale();
  const viewer = useViewer();
  const navigate = useNavigate();
  const messages = useProblemMessages();
  const { id = '', versionId } = useParams();
  const [{ data, error }, reexecute] = useQuery({
    query: RuleEditorQuery,
    variables: { id },
    pause: !isRplStaff(viewer),
  });
  const [, save] = useMutation(SaveRuleDraft);
  const programme = data?.studyProgramme;
  const version = versionId ? programme?.ruleVersions.find((rule) => rule.id === versionId) : undefined;
  const initialValues = useMemo(
    () => (programme ? (version ? ruleFormFromVersion(version) : emptyRuleForm(todayLocalDate())) : null),
    [programme?.id, version?.id],
  );
  const back = { to: `/rpl/prodi/${id}/aturan`, label: t('admin.rpl.ruleForm.back') };
  if (!isRplStaff(viewer)) return <Navigate to="/" replace />;
  if (!data) {
    return (
      <QueryPending
        error={error}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        blocks={[{ h: 36, w: '40%' }, { h: 400 }]}
      />
    );
  }
  if (!programme?.canManage || !initialValues || (versionId && !version)) {
    return (
      <PageNotice
        title={t('admin.rpl.ruleForm.notFound')}
        text={t('admin.rpl.ruleForm.notFoundText')}
        back={back}
      />
    );
  }
  const isNew = !version;
  const openDraft = version
    ? programme.ruleVersions.find((rule) => rule.code === version.code && rule.status === 'DRAFT')
    : undefined;
  // One draft per rule: changes go into it, whichever version they were started from.
  if (version && openDraft && openDraft.id !== version.id)
    return <Navigate to={`/rpl/prodi/${id}/aturan/${openDraft.id}`} replace />;
  const next = version
    ? Math.max(
        ...programme.ruleVersions.filter((rule) => rule.code === version.code).map((rule) => rule.version),
      ) + 1
    : 1;
  const notice = version
    ? version.status === 'DRAFT'
      ? t('admin.rpl.ruleForm.draftNote', { version: version.version })
      : t('admin.rpl.ruleForm.nextNote', { version: version.version, next })
    : t('admin.rpl.ruleForm.newNote');

  return (
    <>
      <PageHeader
        title={
          isNew ? t('admin.rpl.ruleForm.titleNew') : t('admin.rpl.ruleForm.titleEdit', { code: version.code })
        }
        description={programme.name}
        back={back}
      />
      <RuleForm
        key={version?.id ?? 'new'}
        initialValues={initialValues}
        isNew={isNew}
        courses={programme.currentCurriculum?.courses ?? []}
        pathways={data.pathways}
        notice={
          <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} aria-hidden />}>
            {notice}
          </Alert>
        }
        saveLabel={
          version?.status === 'DRAFT'
            ? t('admin.rpl.ruleForm.save')
            : t('admin.rpl.ruleForm.saveDraft', { version: next })
        }
        onSubmit={async (values) => {
          const result = await save({
            programmeId: programme.id,
            code: values.code.trim(),
            input: toRuleInput(values),
          });
          const outcome = result.data?.saveEquivalenceRuleDraft;
          const problem = readProblem(outcome, result.error, messages);
          if (!problem) navigate(`/rpl/prodi/${programme.id}/aturan`);
          return problem;
        }}
      />
    </>
  );
}
