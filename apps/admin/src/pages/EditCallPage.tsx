import { planCallTransition, translateError } from '@kmg/domain';
import { useLocale } from '@kmg/ui';
import { Alert } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import {
  CallForm,
  CallForm_call,
  CallForm_programme,
  CallForm_provider,
  CallForm_skillArea,
} from '#components/CallForm.tsx';
import { PageHeader } from '#components/PageHeader.tsx';
import { PageNotice } from '#components/PageNotice.tsx';
import { QueryPending } from '#components/QueryPending.tsx';
import { useProblemMessages } from '#components/use-problem-messages.ts';
import { graphql, readFragment } from '#graphql.ts';
import { callFormFromCall } from '#lib/call-form.ts';
import { MutationProblem_error, readProblem } from '#lib/mutation-result.ts';

const EditCallPageQuery = graphql(
  `
  query EditCallPage($id: ID!) {
    trainingCall(id: $id) {
      id
      title
      status
      applicationClosesAt
      province { code }
      programme { id isManagedByViewer }
      ...CallForm_call
    }
    programmes { id ...CallForm_programme }
    providers { id ...CallForm_provider }
    skillAreas { id ...CallForm_skillArea }
  }
`,
  [CallForm_call, CallForm_programme, CallForm_provider, CallForm_skillArea],
);

const UpdateCall = graphql(
  `
  mutation UpdateCall($id: ID!, $input: TrainingCallInput!) {
    updateTrainingCall(id: $id, input: $input) {
      __typename
      ... on UpdateTrainingCallSuccess { data { id } }
      ...MutationProblem_error
    }
  }
`,
  [MutationProblem_error],
);

export function EditCallPage() {
  const { t, locale } = useLocale();
  const messages = useProblemMessages();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  // Always the saved version: someone else may have changed the call since it was last shown.
  const [{ data, error }, reexecute] = useQuery({
    query: EditCallPageQuery,
    variables: { id },
    requestPolicy: 'cache-and-network',
  });
  const [, updateCall] = useMutation(UpdateCall);

  if (!data) {
    return (
      <QueryPending
        error={error}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        blocks={[{ h: 36, w: '40%' }, { h: 320 }]}
      />
    );
  }

  const call = data.trainingCall;
  const backToCall = { to: call ? `/lowongan/${call.id}` : '/', label: call?.title ?? t('admin.call.back') };
  if (!call) {
    return (
      <PageNotice
        title={t('admin.call.notFound')}
        text={t('admin.call.notFoundText')}
        back={{ to: '/', label: t('admin.call.back') }}
      />
    );
  }
  if (!call.programme.isManagedByViewer) {
    return (
      <PageNotice
        title={t('admin.form.notAllowed')}
        text={t('admin.form.notAllowedText')}
        back={backToCall}
      />
    );
  }
  const plan = planCallTransition(
    {
      status: call.status,
      province: call.province.code,
      applicationClosesAt: new Date(call.applicationClosesAt),
    },
    'update',
    new Date(),
  );
  if (plan.kind === 'refused') {
    return (
      <PageNotice
        title={t('admin.form.notEditable')}
        text={translateError(plan.code, locale, plan.params)}
        back={backToCall}
      />
    );
  }

  return (
    <>
      <PageHeader title={t('admin.form.editTitle')} description={call.title} back={backToCall} />
      {call.status === 'OPEN' && (
        <Alert
          variant="light"
          color="yellow"
          icon={<IconInfoCircle size={18} aria-hidden />}
          mb="lg"
          maw={980}
        >
          {t('admin.form.editOpenNote')}
        </Alert>
      )}
      <CallForm
        // A new form when another call is opened in the same page.
        key={call.id}
        initialValues={callFormFromCall(readFragment(CallForm_call, call))}
        programmes={data.programmes}
        providers={data.providers}
        skillAreas={data.skillAreas}
        cancelTo={backToCall.to}
        onSubmit={async (input) => {
          const result = await updateCall({ id: call.id, input });
          const outcome = result.data?.updateTrainingCall;
          const problem = readProblem(outcome, result.error, messages);
          if (problem) return problem;
          notifications.show({ color: 'green', message: t('admin.form.saved') });
          navigate(`/lowongan/${call.id}`);
          return null;
        }}
      />
    </>
  );
}
