import { type employmentStatuses, localDateAt, teacherProfileSchema } from '@kmg/domain';
import {
  ErrorAlert,
  LoadError,
  schemaErrors,
  toFormErrors,
  useErrorMessage,
  useLocale,
  viewerTimeZone,
} from '@kmg/ui';
import { Alert, Button, Card, Group, Skeleton, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { EmploymentStatusField } from '#components/EmploymentStatusField.tsx';
import { Page } from '#components/Page.tsx';
import { RequireSignIn } from '#components/RequireSignIn.tsx';
import { graphql } from '#graphql.ts';

const ProfileEditPageQuery = graphql(`
  query ProfileEditPage {
    me {
      id
      name
      teacherProfile {
        subject
        employmentStatus
        teachingSince
        birthDate
      }
    }
  }
`);

const UpdateMyProfile = graphql(`
  mutation UpdateMyProfile($input: TeacherProfileInput!) {
    updateMyProfile(input: $input) {
      __typename
      ... on UpdateMyProfileSuccess {
        data {
          id
          name
          teacherProfile {
            nuptk
            subject
            employmentStatus
            teachingSince
            birthDate
          }
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
`);

type Values = {
  name: string;
  subject: string;
  employmentStatus: string;
  teachingSince: string;
  birthDate: string;
};

const skeleton = (
  <Card withBorder radius="md" padding="lg" aria-hidden>
    <Stack gap="lg">
      <Skeleton height={60} />
      <Skeleton height={60} />
      <Skeleton height={120} />
      <Skeleton height={60} />
      <Skeleton height={60} />
    </Stack>
  </Card>
);

/** A teacher corrects their own details; NUPTK, school and email stay as registered. */
export function ProfileEditPage() {
  const { t } = useLocale();
  return (
    <Page title={t('learner.profile.editTitle')} lead={t('learner.profile.editLead')} size="sm">
      <RequireSignIn fallback={skeleton}>
        {(viewer) =>
          viewer.isTeacher ? (
            <ProfileEditor />
          ) : (
            <Alert color="gray" variant="light" icon={<IconLock size={20} aria-hidden />}>
              {t('learner.profile.teachersOnly')}
            </Alert>
          )
        }
      </RequireSignIn>
    </Page>
  );
}

function ProfileEditor() {
  const [{ data, error }, reexecute] = useQuery({ query: ProfileEditPageQuery });
  // The form starts from the details as first loaded, and keeps what is typed if they load again.
  const [initial, setInitial] = useState<Values | null>(null);
  const me = data?.me;
  if (!initial && me?.teacherProfile) {
    const profile = me.teacherProfile;
    setInitial({
      name: me.name,
      subject: profile.subject,
      employmentStatus: profile.employmentStatus,
      teachingSince: profile.teachingSince,
      birthDate: profile.birthDate ?? '',
    });
  }
  if (initial) return <ProfileForm initial={initial} />;
  if (error) {
    return (
      <LoadError
        isNetworkError={!!error.networkError}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
      />
    );
  }
  return skeleton;
}

function ProfileForm({ initial }: { initial: Values }) {
  const { t, locale } = useLocale();
  const message = useErrorMessage();
  const navigate = useNavigate();
  const [problem, setProblem] = useState<string | null>(null);
  const [{ fetching }, update] = useMutation(UpdateMyProfile);

  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: initial,
    // Blanks go to the schema as missing, so they read "Wajib diisi." as the API words it.
    validate: (values) => {
      const errors = schemaErrors(
        teacherProfileSchema,
        Object.fromEntries(
          Object.entries(values).map(([key, value]) => [key, value.trim() ? value : undefined]),
        ),
        locale,
      );
      if (!values.employmentStatus) errors.employmentStatus = message('REQUIRED');
      return errors;
    },
    validateInputOnBlur: true,
  });

  const focusFirstError = () => {
    requestAnimationFrame(() => {
      document.querySelector<HTMLElement>('form [aria-invalid="true"]')?.focus();
    });
  };

  async function submit(values: Values) {
    setProblem(null);
    const result = await update({
      input: {
        ...values,
        name: values.name.trim(),
        subject: values.subject.trim(),
        employmentStatus: values.employmentStatus as (typeof employmentStatuses)[number],
      },
    });
    const outcome = result.data?.updateMyProfile;
    if (!outcome) {
      setProblem(result.error?.networkError ? t('common.networkError') : t('learner.errors.unexpected'));
      return;
    }
    if (outcome.__typename === 'ValidationError') {
      const errors = toFormErrors(outcome.fieldErrors);
      form.setErrors(errors);
      if (Object.keys(errors).length === 0) setProblem(outcome.message);
      focusFirstError();
      return;
    }
    if (outcome.__typename !== 'UpdateMyProfileSuccess') {
      // NotAllowedError (not a teacher), NotFoundError, BaseError: the API's words.
      setProblem(outcome.message);
      return;
    }
    notifications.show({ color: 'green', message: t('learner.profile.saved') });
    navigate('/profil');
  }

  const today = localDateAt(new Date(), viewerTimeZone());

  return (
    <Card withBorder radius="md" padding="lg">
      <form onSubmit={form.onSubmit(submit, focusFirstError)} noValidate>
        <Stack gap="lg">
          {problem && <ErrorAlert title={t('learner.profile.notSaved')}>{problem}</ErrorAlert>}
          <TextInput
            label={t('learner.profile.name')}
            description={t('learner.register.nameHint')}
            autoComplete="name"
            withAsterisk
            {...form.getInputProps('name')}
          />
          <TextInput
            type="date"
            label={t('learner.profile.birthDate')}
            description={t('learner.register.birthDateHint')}
            autoComplete="bday"
            max={today}
            withAsterisk
            {...form.getInputProps('birthDate')}
          />
          <TextInput
            label={t('learner.register.subject')}
            description={t('learner.register.subjectHint')}
            withAsterisk
            {...form.getInputProps('subject')}
          />
          <EmploymentStatusField {...form.getInputProps('employmentStatus')} />
          <TextInput
            type="date"
            label={t('learner.register.teachingSince')}
            description={t('learner.register.teachingSinceHint')}
            max={today}
            withAsterisk
            {...form.getInputProps('teachingSince')}
          />
          <Group gap="sm" grow preventGrowOverflow={false}>
            <Button component={Link} to="/profil" variant="default" size="md">
              {t('common.cancel')}
            </Button>
            <Button type="submit" size="md" loading={fetching}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
