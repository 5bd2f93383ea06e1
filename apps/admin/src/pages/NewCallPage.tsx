import { useLocale } from '@kmg/ui';
import { notifications } from '@mantine/notifications';
import { useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import {
  CallForm,
  CallForm_programme,
  CallForm_provider,
  CallForm_skillArea,
} from '#components/CallForm.tsx';
import { PageHeader } from '#components/PageHeader.tsx';
import { PageNotice } from '#components/PageNotice.tsx';
import { QueryPending } from '#components/QueryPending.tsx';
import { useProblemMessages } from '#components/use-problem-messages.ts';
import { graphql } from '#graphql.ts';
import { emptyCallForm } from '#lib/call-form.ts';
import { MutationProblem_error, readProblem } from '#lib/mutation-result.ts';

const NewCallPageQuery = graphql(
  `
  query NewCallPage {
    programmes { id isManagedByViewer ...CallForm_programme }
    providers { id ...CallForm_provider }
    skillAreas { id ...CallForm_skillArea }
  }
`,
  [CallForm_programme, CallForm_provider, CallForm_skillArea],
);

const CreateCall = graphql(
  `
  mutation CreateCall($input: TrainingCallInput!) {
    createTrainingCall(input: $input) {
      __typename
      ... on CreateTrainingCallSuccess { data { id } }
      ...MutationProblem_error
    }
  }
`,
  [MutationProblem_error],
);

export function NewCallPage() {
  const { t } = useLocale();
  const messages = useProblemMessages();
  const navigate = useNavigate();
  const [{ data, error }, reexecute] = useQuery({ query: NewCallPageQuery });
  const [, createCall] = useMutation(CreateCall);

  if (!data) {
    return (
      <QueryPending
        error={error}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        blocks={[{ h: 36, w: '40%' }, { h: 200 }, { h: 320 }]}
      />
    );
  }

  const managed = data.programmes.filter((programme) => programme.isManagedByViewer);
  if (managed.length === 0) {
    return (
      <PageNotice
        title={t('admin.form.notAllowed')}
        text={t('admin.form.notAllowedText')}
        back={{ to: '/', label: t('admin.call.back') }}
      />
    );
  }

  return (
    <>
      <PageHeader
        title={t('admin.form.createTitle')}
        description={t('admin.form.createIntro')}
        back={{ to: '/', label: t('admin.call.back') }}
      />
      <CallForm
        // The newest programme first in the list is the one a new call most likely belongs to.
        initialValues={emptyCallForm({ programmeId: managed.length === 1 ? (managed[0]?.id ?? null) : null })}
        programmes={data.programmes}
        providers={data.providers}
        skillAreas={data.skillAreas}
        cancelTo="/"
        onSubmit={async (input) => {
          const result = await createCall({ input });
          const outcome = result.data?.createTrainingCall;
          const problem = readProblem(outcome, result.error, messages);
          if (problem) return problem;
          if (outcome?.__typename === 'CreateTrainingCallSuccess') {
            notifications.show({ color: 'green', message: t('admin.form.created') });
            navigate(`/lowongan/${outcome.data.id}`);
          }
          return null;
        }}
      />
    </>
  );
}
