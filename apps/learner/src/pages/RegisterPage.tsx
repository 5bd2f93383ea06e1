import {
  type employmentStatuses,
  type genders,
  isNpsn,
  PASSWORD_MIN_LENGTH,
  teacherRegistrationSchema,
} from '@kmg/domain';
import { ErrorAlert, errorsAfterInput, PasswordField, useErrorMessage, useLocale } from '@kmg/ui';
import { signIn } from '@kmg/ui/auth';
import {
  Anchor,
  Button,
  Card,
  Container,
  Fieldset,
  Group,
  Loader,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { BirthDateField, GenderField, NameField, TeachingFields } from '#components/TeacherFields.tsx';
import { graphql } from '#graphql.ts';
import { safeNextPath, withNext } from '#lib/next-path.ts';
import { usePageTitle } from '#lib/page-title.ts';
import { useRenewSession } from '#lib/session.tsx';
import { focusFirstError, showFieldErrors, useTeacherFormValidation } from '#lib/teacher-form.ts';
import { useViewer } from '#lib/viewer.tsx';

const RegisterPageQuery = graphql(`
  query RegisterPage($npsn: String!) {
    schoolByNpsn(npsn: $npsn) {
      id
      name
      city
      province {
        code
        name
      }
    }
  }
`);

const RegisterTeacher = graphql(`
  mutation RegisterTeacher($input: TeacherRegistrationInput!) {
    registerTeacher(input: $input) {
      __typename
      ... on RegisterTeacherSuccess {
        data {
          email
          schoolName
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

const SetMyLocale = graphql(`
  mutation RegisterSetLocale($locale: Locale!) {
    setMyLocale(locale: $locale) {
      id
      locale
    }
  }
`);

type Values = {
  name: string;
  nuptk: string;
  npsn: string;
  email: string;
  password: string;
  subject: string;
  employmentStatus: string;
  teachingSince: string;
  birthDate: string;
  gender: string;
};

/** A teacher creates their account with NUPTK and school NPSN, then is signed in. */
export function RegisterPage() {
  const { t, locale } = useLocale();
  const message = useErrorMessage();
  const navigate = useNavigate();
  const renewSession = useRenewSession();
  const viewerState = useViewer();
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('next'));
  const [problem, setProblem] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const [, register] = useMutation(RegisterTeacher);
  const [, setMyLocale] = useMutation(SetMyLocale);
  const validate = useTeacherFormValidation(teacherRegistrationSchema);
  usePageTitle(t('learner.register.title'));

  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      name: '',
      nuptk: '',
      npsn: '',
      email: '',
      password: '',
      subject: '',
      employmentStatus: '',
      teachingSince: '',
      birthDate: '',
      gender: '',
    },
    validate,
    ...errorsAfterInput(),
  });

  const npsn = form.values.npsn.trim().toUpperCase();
  const [school] = useQuery({ query: RegisterPageQuery, variables: { npsn }, pause: !isNpsn(npsn) });

  if (viewerState.status === 'ready' && viewerState.viewer) return <Navigate to={next} replace />;

  async function submit(values: Values) {
    setProblem(null);
    setBusy(true);
    try {
      const result = await register({
        input: {
          ...values,
          employmentStatus: values.employmentStatus as (typeof employmentStatuses)[number],
          gender: (values.gender || null) as (typeof genders)[number] | null,
        },
      });
      const outcome = result.data?.registerTeacher;
      if (!outcome) {
        setProblem(result.error?.networkError ? t('common.networkError') : t('learner.errors.unexpected'));
        return;
      }
      if (outcome.__typename === 'ValidationError') {
        setProblem(showFieldErrors(form, outcome));
        return;
      }
      if (outcome.__typename !== 'RegisterTeacherSuccess') {
        setProblem(outcome.message);
        return;
      }
      const signedIn = await signIn(outcome.data.email, values.password);
      if (!signedIn.ok) {
        // The account exists; only the automatic sign-in failed (network, rate limit).
        notifications.show({ color: 'yellow', message: t('learner.register.signInYourself') });
        navigate(withNext('/masuk', next), { replace: true });
        return;
      }
      // New accounts start in Indonesian; keep the language the teacher registered in.
      if (locale !== 'id') await setMyLocale({ locale });
      renewSession();
      notifications.show({
        color: 'green',
        title: t('learner.register.welcome', { name: values.name.trim() }),
        message: t('learner.register.welcomeText', { school: outcome.data.schoolName }),
      });
      navigate(next, { replace: true });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Container size={560} px="md" py="xl">
      <Card withBorder radius="md" padding="lg">
        <form onSubmit={form.onSubmit(submit, focusFirstError)} noValidate>
          <Stack gap="lg">
            <Stack gap={4}>
              <Title order={1} fz={26}>
                {t('learner.register.title')}
              </Title>
              <Text c="gray.7">{t('learner.register.lead')}</Text>
            </Stack>
            {problem && <ErrorAlert title={t('learner.register.failed')}>{problem}</ErrorAlert>}

            <Fieldset legend={t('learner.register.you')} variant="unstyled" className="kmg-fieldset">
              <Stack gap="md">
                <NameField {...form.getInputProps('name')} />
                <TextInput
                  label="NUPTK"
                  description={t('learner.register.nuptkHint')}
                  inputMode="numeric"
                  autoComplete="off"
                  maxLength={16}
                  withAsterisk
                  {...form.getInputProps('nuptk')}
                />
                <BirthDateField {...form.getInputProps('birthDate')} />
                <TextInput
                  label={t('learner.register.email')}
                  type="email"
                  autoComplete="email"
                  inputMode="email"
                  withAsterisk
                  {...form.getInputProps('email')}
                />
                <PasswordField
                  label={t('common.password')}
                  description={t('learner.register.passwordHint', { min: PASSWORD_MIN_LENGTH })}
                  autoComplete="new-password"
                  withAsterisk
                  {...form.getInputProps('password')}
                />
              </Stack>
            </Fieldset>

            <Fieldset legend={t('learner.register.teaching')} variant="unstyled" className="kmg-fieldset">
              <Stack gap="md">
                <div>
                  <TextInput
                    label={t('learner.register.npsn')}
                    description={t('learner.register.npsnHint')}
                    autoComplete="off"
                    autoCapitalize="characters"
                    maxLength={8}
                    withAsterisk
                    {...form.getInputProps('npsn')}
                  />
                  <div aria-live="polite">
                    {isNpsn(npsn) && (
                      <Group gap={6} mt={6} wrap="nowrap" align="flex-start">
                        {school.fetching ? (
                          <>
                            <Loader size={16} />
                            <Text size="sm">{t('learner.register.schoolLooking')}</Text>
                          </>
                        ) : school.data?.schoolByNpsn ? (
                          <>
                            <IconCircleCheck size={18} color="var(--mantine-color-green-8)" aria-hidden />
                            <Text size="sm" c="dark.8" fw={600}>
                              {school.data.schoolByNpsn.name}
                              <Text span size="sm" c="gray.8" fw={400}>
                                {' · '}
                                {[school.data.schoolByNpsn.city, school.data.schoolByNpsn.province?.name]
                                  .filter(Boolean)
                                  .join(', ')}
                              </Text>
                            </Text>
                          </>
                        ) : (
                          school.data && (
                            <>
                              <IconAlertTriangle
                                size={18}
                                color="var(--mantine-color-orange-8)"
                                aria-hidden
                              />
                              <Text size="sm" c="orange.9">
                                {message('UNKNOWN_SCHOOL')}
                              </Text>
                            </>
                          )
                        )}
                      </Group>
                    )}
                  </div>
                </div>
                <TeachingFields getInputProps={form.getInputProps} />
                <GenderField {...form.getInputProps('gender')} />
              </Stack>
            </Fieldset>

            <Button type="submit" size="md" loading={isBusy} fullWidth>
              {t('learner.register.submit')}
            </Button>
            <Text ta="center" size="sm">
              {t('learner.register.haveAccount')}{' '}
              <Anchor component={Link} to={withNext('/masuk', next)} fw={600}>
                {t('common.signIn')}
              </Anchor>
            </Text>
          </Stack>
        </form>
      </Card>
    </Container>
  );
}
