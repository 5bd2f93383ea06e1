import { useLocale } from '@kmg/ui';
import { useMemo } from 'react';
import { Navigate, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { PageHeader } from '#components/PageHeader.tsx';
import { PageNotice } from '#components/PageNotice.tsx';
import { ProgrammeForm } from '#components/ProgrammeForm.tsx';
import { QueryPending } from '#components/QueryPending.tsx';
import { useProblemMessages } from '#components/use-problem-messages.ts';
import { graphql } from '#graphql.ts';
import { MutationProblem_error, readProblem } from '#lib/mutation-result.ts';
import { emptyProgrammeForm, programmeFormFrom, toProgrammeInput } from '#lib/rpl-catalogue-form.ts';
import { isAdmin, isRplStaff, useViewer } from '#lib/viewer.tsx';

const ProgrammeFields = graphql(`
  fragment ProgrammeFormPage_programme on StudyProgramme @_unmask {
    id code nameId nameEn name degree mode accreditation accreditationExpiresOn totalSks semesters rplOffered canManage
  }
`);

const EditProgrammeQuery = graphql(
  `
  query EditProgrammePage($id: ID!) {
    studyProgramme(id: $id) { ...ProgrammeFormPage_programme }
  }
`,
  [ProgrammeFields],
);

/** For an admin, who names the university of a new programme. */
const ProgrammeUniversitiesQuery = graphql(`
  query ProgrammeUniversities {
    organizations(kind: UNIVERSITY) { id name shortName }
  }
`);

const CreateStudyProgramme = graphql(
  `
  mutation CreateStudyProgramme($input: StudyProgrammeInput!, $universityId: ID) {
    createStudyProgramme(input: $input, universityId: $universityId) {
      __typename
      ... on CreateStudyProgrammeSuccess { data { ...ProgrammeFormPage_programme } }
      ...MutationProblem_error
    }
  }
`,
  [ProgrammeFields, MutationProblem_error],
);

const UpdateStudyProgramme = graphql(
  `
  mutation UpdateStudyProgramme($id: ID!, $input: StudyProgrammeInput!) {
    updateStudyProgramme(id: $id, input: $input) {
      __typename
      ... on UpdateStudyProgrammeSuccess { data { ...ProgrammeFormPage_programme } }
      ...MutationProblem_error
    }
  }
`,
  [ProgrammeFields, MutationProblem_error],
);

/** A new programme of the staff member's university, or, for an admin, of the university they pick. */
export function NewProgrammePage() {
  const { t } = useLocale();
  const viewer = useViewer();
  const navigate = useNavigate();
  const messages = useProblemMessages();
  const picksUniversity = isAdmin(viewer);
  const [{ data, error }, reexecute] = useQuery({
    query: ProgrammeUniversitiesQuery,
    pause: !picksUniversity,
  });
  const [, create] = useMutation(CreateStudyProgramme);
  const universities = useMemo(
    () =>
      data?.organizations.map((university) => ({
        value: university.id,
        label: university.shortName ? `${university.name} (${university.shortName})` : university.name,
      })),
    [data],
  );
  if (!isRplStaff(viewer)) return <Navigate to="/" replace />;
  const header = (
    <PageHeader
      title={t('admin.rpl.programmeForm.titleNew')}
      description={picksUniversity ? undefined : viewer.organization?.name}
      back={{ to: '/rpl', label: t('admin.rpl.programmes.back') }}
    />
  );
  if (picksUniversity && !universities) {
    return (
      <>
        {header}
        <QueryPending
          error={error}
          onRetry={() => reexecute({ requestPolicy: 'network-only' })}
          blocks={[{ h: 240 }]}
        />
      </>
    );
  }
  return (
    <>
      {header}
      <ProgrammeForm
        initialValues={emptyProgrammeForm}
        saveLabel={t('admin.rpl.programmeForm.create')}
        universities={universities}
        onSubmit={async (values) => {
          const result = await create({
            input: toProgrammeInput(values),
            universityId: picksUniversity ? values.universityId : null,
          });
          const outcome = result.data?.createStudyProgramme;
          const problem = readProblem(outcome, result.error, messages);
          if (!problem && outcome?.__typename === 'CreateStudyProgrammeSuccess')
            navigate(`/rpl/prodi/${outcome.data.id}`);
          return problem;
        }}
      />
    </>
  );
}

/** The programme's catalogue entry, changed in place. */
export function EditProgrammePage() {
  const { t } = useLocale();
  const viewer = useViewer();
  const navigate = useNavigate();
  const messages = useProblemMessages();
  const { id = '' } = useParams();
  const [{ data, error }, reexecute] = useQuery({
    query: EditProgrammeQuery,
    variables: { id },
    pause: !isRplStaff(viewer),
  });
  const [, update] = useMutation(UpdateStudyProgramme);
  const programme = data?.studyProgramme;
  const initialValues = useMemo(() => (programme ? programmeFormFrom(programme) : null), [programme?.id]);
  if (!isRplStaff(viewer)) return <Navigate to="/" replace />;
  if (!data) {
    return (
      <QueryPending
        error={error}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        blocks={[{ h: 36, w: '40%' }, { h: 240 }]}
      />
    );
  }
  if (!programme || !initialValues || !programme.canManage) {
    return (
      <PageNotice
        title={t('admin.rpl.programme.notFound')}
        text={t('admin.rpl.programme.notFoundText')}
        back={{ to: '/rpl', label: t('admin.rpl.programmes.back') }}
      />
    );
  }
  return (
    <>
      <PageHeader
        title={t('admin.rpl.programmeForm.titleEdit', { name: programme.name })}
        back={{ to: `/rpl/prodi/${programme.id}`, label: t('admin.rpl.programme.back') }}
      />
      <ProgrammeForm
        initialValues={initialValues}
        saveLabel={t('admin.rpl.programmeForm.save')}
        onSubmit={async (values) => {
          const result = await update({ id: programme.id, input: toProgrammeInput(values) });
          const outcome = result.data?.updateStudyProgramme;
          const problem = readProblem(outcome, result.error, messages);
          if (!problem) navigate(`/rpl/prodi/${programme.id}`);
          return problem;
        }}
      />
    </>
  );
}
