import { useErrorMessage, useLocale } from '@kmg/ui';
import { Skeleton, Stack } from '@mantine/core';
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
import { QueryError } from '#components/QueryError.tsx';
import { graphql } from '#graphql.ts';
import { emptyCallForm } from '#lib/call-form.ts';
import { readProblem } from '#lib/mutation-result.ts';

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

const CreateCall = graphql(`
  mutation CreateCall($input: TrainingCallInput!) {
    createTrainingCall(input: $input) {
      __typename
      ... on CreateTrainingCallSuccess { data { id } }
      ... on ValidationError { message fieldErrors { path message } }
      ... on NotAllowedError { message }
      ... on NotFoundError { message }
      ... on BaseError { message }
    }
  }
`);

export function NewCallPage() {
  const { t } = useLocale();
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const [{ data, error }, reexecute] = useQuery({ query: NewCallPageQuery });
  const [, createCall] = useMutation(CreateCall);

  if (!data) {
    if (error)
      return <QueryError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
    return (
      <Stack gap="md" role="status" aria-label={t('common.loading')}>
        <Skeleton h={36} w="40%" />
        <Skeleton h={200} />
        <Skeleton h={320} />
      </Stack>
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
          const problem = readProblem(outcome, result.error, {
            network: t('common.networkError'),
            unknown: errorMessage('INTERNAL'),
          });
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
