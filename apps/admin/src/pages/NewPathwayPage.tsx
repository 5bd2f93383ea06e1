import { useLocale } from '@kmg/ui';
import { Navigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { PageHeader } from '#components/PageHeader.tsx';
import { PathwayForm } from '#components/PathwayForm.tsx';
import { QueryPending } from '#components/QueryPending.tsx';
import { useOpenSavedVersion } from '#components/use-open-saved-version.ts';
import { useProblemMessages } from '#components/use-problem-messages.ts';
import { graphql } from '#graphql.ts';
import { MutationProblem_error, readProblem } from '#lib/mutation-result.ts';
import { emptyPathwayForm, toPathwayInput } from '#lib/pathway-form.ts';
import { treeLookups } from '#lib/pathway-lookups.ts';
import { managesPathways, useViewer } from '#lib/viewer.tsx';

const NewPathwayPageQuery = graphql(`
  query NewPathwayPage {
    ministries: organizations(kind: MINISTRY) { id name }
    funders: organizations(kind: FUNDER) { id name }
    skillAreas { id code nameId nameEn }
    pathways(status: PUBLISHED) { id code title }
  }
`);

const CreatePathway = graphql(
  `
  mutation CreatePathway($code: String!, $issuerId: ID!, $content: PathwayContentInput!, $definition: String!) {
    createPathway(code: $code, issuerId: $issuerId, content: $content, definition: $definition) {
      __typename
      ... on CreatePathwaySuccess { data { id version } }
      ...MutationProblem_error
    }
  }
`,
  [MutationProblem_error],
);

const noLabels: ReadonlyMap<string, string> = new Map();

export function NewPathwayPage() {
  const { t, locale } = useLocale();
  const viewer = useViewer();
  const messages = useProblemMessages();
  const openSavedVersion = useOpenSavedVersion();
  const [{ data, error }, reexecute] = useQuery({
    query: NewPathwayPageQuery,
    pause: !managesPathways(viewer),
  });
  const [, create] = useMutation(CreatePathway);

  if (!managesPathways(viewer)) return <Navigate to="/" replace />;
  const back = { to: '/jalur', label: t('admin.pathway.back') };
  if (!data) {
    return (
      <QueryPending
        error={error}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        blocks={[{ h: 36, w: '40%' }, { h: 160 }, { h: 320 }]}
      />
    );
  }
  const issuers = [...data.ministries, ...data.funders];
  return (
    <>
      <PageHeader
        title={t('admin.pathwayBuilder.titleNew')}
        description={t('admin.pathwayBuilder.introNew')}
        back={back}
      />
      <PathwayForm
        initialValues={{
          ...emptyPathwayForm(),
          issuerId: issuers.length === 1 ? (issuers[0]?.id ?? null) : null,
        }}
        issuers={issuers}
        lookups={treeLookups(data, { locale, ownCode: null })}
        savedLabels={noLabels}
        saveLabel={t('admin.pathwayBuilder.save')}
        onSubmit={async (values) => {
          const result = await create({
            code: values.code.trim().toUpperCase(),
            issuerId: values.issuerId ?? '',
            ...toPathwayInput(values),
          });
          const outcome = result.data?.createPathway;
          const problem = readProblem(outcome, result.error, messages);
          if (problem) return problem;
          if (outcome?.__typename === 'CreatePathwaySuccess') openSavedVersion(outcome.data);
          return null;
        }}
      />
    </>
  );
}
