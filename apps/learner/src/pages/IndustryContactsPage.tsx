import { industryContactSchema } from '@kmg/domain';
import { ErrorAlert, schemaErrors, useLocale } from '@kmg/ui';
import {
  Anchor,
  Button,
  Card,
  Group,
  Select,
  Skeleton,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { CardSkeleton } from '#components/CardSkeleton.tsx';
import { LockedNotice } from '#components/LockedNotice.tsx';
import { Page } from '#components/Page.tsx';
import { QueryFallback } from '#components/QueryState.tsx';
import { RequireSignIn } from '#components/RequireSignIn.tsx';
import { graphql, type ResultOf } from '#graphql.ts';
import { focusFirstError, showFieldErrors } from '#lib/teacher-form.ts';

const IndustryContactsPageQuery = graphql(`
  query IndustryContactsPage {
    myIndustryContacts {
      id
      companyName
      contactName
      role
      email
      phone
      notes
      application { id call { id title } }
    }
    myApplications(first: 50) {
      edges { node { id status call { id title } } }
    }
  }
`);

const CreateIndustryContact = graphql(`
  mutation CreateIndustryContact($input: IndustryContactInput!) {
    createIndustryContact(input: $input) {
      __typename
      ... on CreateIndustryContactSuccess { data { id } }
      ... on ValidationError { message fieldErrors { path message } }
      ... on Error { message }
    }
  }
`);

const UpdateIndustryContact = graphql(`
  mutation UpdateIndustryContact($id: ID!, $input: IndustryContactInput!) {
    updateIndustryContact(id: $id, input: $input) {
      __typename
      ... on UpdateIndustryContactSuccess { data { id companyName contactName role email phone notes application { id call { id title } } } }
      ... on ValidationError { message fieldErrors { path message } }
      ... on Error { message }
    }
  }
`);

const DeleteIndustryContact = graphql(`
  mutation DeleteIndustryContact($id: ID!) {
    deleteIndustryContact(id: $id) {
      __typename
      ... on Error { message }
    }
  }
`);

type Contact = ResultOf<typeof IndustryContactsPageQuery>['myIndustryContacts'][number];
type Values = {
  companyName: string;
  contactName: string;
  role: string;
  email: string;
  phone: string;
  notes: string;
  applicationId: string;
};

const empty: Values = {
  companyName: '',
  contactName: '',
  role: '',
  email: '',
  phone: '',
  notes: '',
  applicationId: '',
};

const skeleton = (
  <CardSkeleton padding="lg" gap="md">
    <Skeleton height={28} width="60%" />
    <Skeleton height={80} />
  </CardSkeleton>
);

/** The teacher's industry contacts from trainings, for student internships: theirs alone. */
export function IndustryContactsPage() {
  const { t } = useLocale();
  return (
    <Page title={t('learner.contacts.title')} lead={t('learner.contacts.lead')} size="sm">
      <RequireSignIn fallback={skeleton}>
        {(viewer) =>
          viewer.isTeacher ? <Contacts /> : <LockedNotice>{t('learner.profile.teachersOnly')}</LockedNotice>
        }
      </RequireSignIn>
    </Page>
  );
}

function Contacts() {
  const { t } = useLocale();
  const [{ data, error }, reexecute] = useQuery({ query: IndustryContactsPageQuery });
  // null: no form open; 'new': adding; else the id of the contact being edited.
  const [editing, setEditing] = useState<string | null>(null);
  const [, remove] = useMutation(DeleteIndustryContact);
  if (!data) return <QueryFallback error={error} reexecute={reexecute} skeleton={skeleton} />;
  const trainings = data.myApplications.edges
    .map((edge) => edge.node)
    .filter((application) => application.status === 'CONFIRMED')
    .map((application) => ({ value: application.id, label: application.call.title }));
  const refresh = () => reexecute({ requestPolicy: 'network-only' });

  async function deleteContact(contact: Contact) {
    if (!window.confirm(t('learner.contacts.deleteConfirm', { name: contact.companyName }))) return;
    const result = await remove({ id: contact.id });
    if (result.data?.deleteIndustryContact.__typename === 'DeleteIndustryContactSuccess') {
      notifications.show({ color: 'green', message: t('learner.contacts.deleted') });
      refresh();
    }
  }

  return (
    <Stack gap="md">
      {editing === 'new' ? (
        <ContactForm
          trainings={trainings}
          initial={empty}
          onDone={(saved) => {
            setEditing(null);
            if (saved) refresh();
          }}
        />
      ) : (
        <Button
          leftSection={<IconPlus size={18} aria-hidden />}
          onClick={() => setEditing('new')}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('learner.contacts.add')}
        </Button>
      )}
      {data.myIndustryContacts.length === 0 && editing !== 'new' && (
        <Text c="gray.7">{t('learner.contacts.empty')}</Text>
      )}
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {data.myIndustryContacts.map((contact) => (
          <li key={contact.id}>
            {editing === contact.id ? (
              <ContactForm
                id={contact.id}
                trainings={trainings}
                initial={{
                  companyName: contact.companyName,
                  contactName: contact.contactName ?? '',
                  role: contact.role ?? '',
                  email: contact.email ?? '',
                  phone: contact.phone ?? '',
                  notes: contact.notes ?? '',
                  applicationId: contact.application?.id ?? '',
                }}
                onDone={(saved) => {
                  setEditing(null);
                  if (saved) refresh();
                }}
              />
            ) : (
              <ContactCard
                contact={contact}
                onEdit={() => setEditing(contact.id)}
                onDelete={() => deleteContact(contact)}
              />
            )}
          </li>
        ))}
      </Stack>
    </Stack>
  );
}

function ContactCard({
  contact,
  onEdit,
  onDelete,
}: {
  contact: Contact;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t } = useLocale();
  return (
    <Card withBorder radius="md" padding="md" component="article" aria-label={contact.companyName}>
      <Stack gap={4}>
        <Title order={2} fz="lg">
          {contact.companyName}
        </Title>
        {(contact.contactName || contact.role) && (
          <Text size="sm">{[contact.contactName, contact.role].filter(Boolean).join(' · ')}</Text>
        )}
        {contact.email && (
          <Anchor href={`mailto:${contact.email}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
            {contact.email}
          </Anchor>
        )}
        {contact.phone && (
          <Anchor href={`tel:${contact.phone.replace(/[^+0-9]/g, '')}`} size="sm">
            {contact.phone}
          </Anchor>
        )}
        {contact.notes && (
          <Text size="sm" c="gray.8" style={{ whiteSpace: 'pre-line' }}>
            {contact.notes}
          </Text>
        )}
        {contact.application && (
          <Text size="sm" c="gray.7">
            {t('learner.contacts.metAt', { title: contact.application.call.title })}
          </Text>
        )}
        <Group gap="xs" mt="xs">
          <Button
            variant="default"
            size="xs"
            onClick={onEdit}
            aria-label={`${t('learner.contacts.edit')} ${contact.companyName}`}
          >
            {t('learner.contacts.edit')}
          </Button>
          <Button
            variant="subtle"
            color="red"
            size="xs"
            onClick={onDelete}
            aria-label={`${t('learner.contacts.delete')} ${contact.companyName}`}
          >
            {t('learner.contacts.delete')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function ContactForm({
  id,
  initial,
  trainings,
  onDone,
}: {
  id?: string;
  initial: Values;
  trainings: { value: string; label: string }[];
  onDone: (saved: boolean) => void;
}) {
  const { t, locale } = useLocale();
  const [problem, setProblem] = useState<string | null>(null);
  const [{ fetching: creating }, create] = useMutation(CreateIndustryContact);
  const [{ fetching: updating }, update] = useMutation(UpdateIndustryContact);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: initial,
    // The training is picked from the teacher's own list; the rest is checked as the API does.
    validate: ({ applicationId: _training, ...values }) =>
      schemaErrors(industryContactSchema, values, locale),
  });

  async function submit(values: Values) {
    setProblem(null);
    const input = { ...values, applicationId: values.applicationId || null };
    const result = id ? await update({ id, input }) : await create({ input });
    const outcome =
      result.data &&
      ('updateIndustryContact' in result.data
        ? result.data.updateIndustryContact
        : result.data.createIndustryContact);
    if (!outcome) {
      setProblem(result.error?.networkError ? t('common.networkError') : t('learner.errors.unexpected'));
      return;
    }
    if (outcome.__typename === 'ValidationError') {
      setProblem(showFieldErrors(form, outcome));
      return;
    }
    if ('message' in outcome) {
      setProblem(outcome.message);
      return;
    }
    notifications.show({ color: 'green', message: t('learner.contacts.saved') });
    onDone(true);
  }

  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="contact-form-title">
      <Title order={2} fz="lg" id="contact-form-title" mb="sm">
        {id ? t('learner.contacts.formTitleEdit') : t('learner.contacts.formTitleNew')}
      </Title>
      <form onSubmit={form.onSubmit(submit, focusFirstError)} noValidate>
        <Stack gap="sm">
          {problem && <ErrorAlert title={t('learner.contacts.notSaved')}>{problem}</ErrorAlert>}
          <TextInput
            label={t('learner.contacts.companyName')}
            required
            {...form.getInputProps('companyName')}
          />
          <TextInput label={t('learner.contacts.contactName')} {...form.getInputProps('contactName')} />
          <TextInput label={t('learner.contacts.role')} {...form.getInputProps('role')} />
          <TextInput label={t('learner.contacts.email')} type="email" {...form.getInputProps('email')} />
          <TextInput label={t('learner.contacts.phone')} type="tel" {...form.getInputProps('phone')} />
          <Textarea
            label={t('learner.contacts.notes')}
            description={t('learner.contacts.notesHint')}
            autosize
            minRows={2}
            {...form.getInputProps('notes')}
          />
          <Select
            label={t('learner.contacts.training')}
            data={[{ value: '', label: t('learner.contacts.noTraining') }, ...trainings]}
            allowDeselect={false}
            {...form.getInputProps('applicationId')}
          />
          <Group gap="sm">
            <Button type="submit" loading={creating || updating}>
              {t('common.save')}
            </Button>
            <Button variant="default" onClick={() => onDone(false)}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
