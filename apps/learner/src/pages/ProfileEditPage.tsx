import { type employmentStatuses, type genders, teacherProfileSchema } from '@kmg/domain';
import { ErrorAlert, errorsAfterInput, useLocale } from '@kmg/ui';
import { Button, Card, Group, Skeleton, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { CardSkeleton } from '#components/CardSkeleton.tsx';
import { LockedNotice } from '#components/LockedNotice.tsx';
import { Page } from '#components/Page.tsx';
import { QueryFallback } from '#components/QueryState.tsx';
import { RequireSignIn } from '#components/RequireSignIn.tsx';
import { BirthDateField, GenderField, NameField, TeachingFields } from '#components/TeacherFields.tsx';
import { graphql } from '#graphql.ts';
import { focusFirstError, showFieldErrors, useTeacherFormValidation } from '#lib/teacher-form.ts';

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
        gender
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
            gender
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
  gender: string;
};

const skeleton = (
  <CardSkeleton padding="lg" gap="lg">
    <Skeleton height={60} />
    <Skeleton height={60} />
    <Skeleton height={120} />
    <Skeleton height={60} />
    <Skeleton height={60} />
  </CardSkeleton>
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
            <LockedNotice>{t('learner.profile.teachersOnly')}</LockedNotice>
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
      gender: profile.gender ?? '',
    });
  }
  if (initial) return <ProfileForm initial={initial} />;
  return <QueryFallback error={error} reexecute={reexecute} skeleton={skeleton} />;
}

function ProfileForm({ initial }: { initial: Values }) {
  const { t } = useLocale();
  const navigate = useNavigate();
  const [problem, setProblem] = useState<string | null>(null);
  const [{ fetching }, update] = useMutation(UpdateMyProfile);
  const validate = useTeacherFormValidation(teacherProfileSchema);

  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: initial,
    validate,
    ...errorsAfterInput(),
  });

  async function submit(values: Values) {
    setProblem(null);
    const result = await update({
      input: {
        ...values,
        name: values.name.trim(),
        subject: values.subject.trim(),
        employmentStatus: values.employmentStatus as (typeof employmentStatuses)[number],
        gender: (values.gender || null) as (typeof genders)[number] | null,
      },
    });
    const outcome = result.data?.updateMyProfile;
    if (!outcome) {
      setProblem(result.error?.networkError ? t('common.networkError') : t('learner.errors.unexpected'));
      return;
    }
    if (outcome.__typename === 'ValidationError') {
      setProblem(showFieldErrors(form, outcome));
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

  return (
    <Card withBorder radius="md" padding="lg">
      <form onSubmit={form.onSubmit(submit, focusFirstError)} noValidate>
        <Stack gap="lg">
          {problem && <ErrorAlert title={t('learner.profile.notSaved')}>{problem}</ErrorAlert>}
          <NameField {...form.getInputProps('name')} />
          <BirthDateField {...form.getInputProps('birthDate')} />
          <TeachingFields getInputProps={form.getInputProps} />
          <GenderField {...form.getInputProps('gender')} />
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
