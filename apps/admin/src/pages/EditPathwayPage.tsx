import { useLocale } from '@kmg/ui';
import { useMemo, useRef } from 'react';
import { Navigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { PageHeader } from '#components/PageHeader.tsx';
import { PageNotice } from '#components/PageNotice.tsx';
import { PathwayForm, PathwayForm_version, PathwayFormNotice } from '#components/PathwayForm.tsx';
import { QueryPending } from '#components/QueryPending.tsx';
import { useOpenSavedVersion } from '#components/use-open-saved-version.ts';
import { useProblemMessages } from '#components/use-problem-messages.ts';
import { graphql } from '#graphql.ts';
import { MutationProblem_error, readProblem } from '#lib/mutation-result.ts';
import { pathwayFormFromVersion, toPathwayInput } from '#lib/pathway-form.ts';
import { labelKey } from '#lib/pathway-labels.ts';
import { treeLookups } from '#lib/pathway-lookups.ts';
import { managesPathways, useViewer } from '#lib/viewer.tsx';

const EditPathwayPageQuery = graphql(
  `
  query EditPathwayPage($id: ID!) {
    pathwayVersion(id: $id) {
      ...PathwayForm_version
      pathway { id code issuer { id name } versions { id version status } }
    }
    skillAreas { id code nameId nameEn }
    pathways(status: PUBLISHED) { id code title }
  }
`,
  [PathwayForm_version],
);

/** Saves the open draft, or drafts the next version of a published (or retired) one. */
const SavePathwayDraft = graphql(
  `
  mutation SavePathwayDraft($pathwayId: ID!, $content: PathwayContentInput!, $definition: String!) {
    savePathwayDraft(pathwayId: $pathwayId, content: $content, definition: $definition) {
      __typename
      ... on SavePathwayDraftSuccess {
        data {
          ...PathwayForm_version
          pathway { id versions { id version status } }
        }
      }
      ...MutationProblem_error
    }
  }
`,
  [PathwayForm_version, MutationProblem_error],
);

export function EditPathwayPage() {
  const { t, locale } = useLocale();
  const viewer = useViewer();
  const messages = useProblemMessages();
  const openSavedVersion = useOpenSavedVersion();
  const { id = '' } = useParams();
  const [{ data, error }, reexecute] = useQuery({
    query: EditPathwayPageQuery,
    variables: { id: id },
    pause: !managesPathways(viewer),
  });
  const [, save] = useMutation(SavePathwayDraft);
  // Saving a published version drafts the next one, which then shows in the versions read here:
  // that is this page's own result, not a draft to be sent to.
  const isSaving = useRef(false);
  const version = data?.pathwayVersion;
  const savedLabels = useMemo(
    () =>
      new Map(
        (version?.items ?? []).map((item) => [labelKey(item.kind as never, item.reference), item.label]),
      ),
    [version?.items],
  );
  const initialValues = useMemo(() => (version ? pathwayFormFromVersion(version) : null), [version?.id]);

  if (!managesPathways(viewer)) return <Navigate to="/" replace />;
  if (!data) {
    return (
      <QueryPending
        error={error}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        blocks={[{ h: 36, w: '40%' }, { h: 160 }, { h: 320 }]}
      />
    );
  }
  if (!version || !initialValues) {
    return (
      <PageNotice
        title={t('admin.pathway.notFound')}
        text={t('admin.pathway.notFoundText')}
        back={{ to: '/jalur', label: t('admin.pathway.back') }}
      />
    );
  }
  const latest = version.pathway.versions[0];
  // There is one draft at a time: changes go into it, whichever version they were started from.
  if (latest && latest.status === 'DRAFT' && latest.id !== version.id && !isSaving.current)
    return <Navigate to={`/jalur/${latest.id}/ubah`} replace />;
  const next = (latest?.version ?? version.version) + 1;
  const isDraft = version.status === 'DRAFT';
  const notice = isDraft
    ? t('admin.pathwayBuilder.draftNote', { version: version.version })
    : version.status === 'PUBLISHED'
      ? t('admin.pathwayBuilder.newVersionNote', { version: version.version, next })
      : t('admin.pathwayBuilder.retiredNote', { version: version.version, next });

  return (
    <>
      <PageHeader
        title={t('admin.pathwayBuilder.titleEdit', { code: version.code })}
        back={{ to: `/jalur/${version.id}`, label: t('admin.pathwayBuilder.back') }}
      />
      <PathwayForm
        key={version.id}
        initialValues={initialValues}
        identity={t('admin.pathwayBuilder.fixedIdentity', {
          code: version.code,
          issuer: version.pathway.issuer.name,
        })}
        notice={<PathwayFormNotice>{notice}</PathwayFormNotice>}
        lookups={treeLookups(data, { locale, ownCode: version.code })}
        savedLabels={savedLabels}
        saveLabel={
          isDraft
            ? t('admin.pathwayBuilder.save')
            : t('admin.pathwayBuilder.saveNewVersion', { version: next })
        }
        onSubmit={async (values) => {
          isSaving.current = true;
          const result = await save({
            pathwayId: version.pathway.id,
            ...toPathwayInput(values),
          });
          const outcome = result.data?.savePathwayDraft;
          const problem = readProblem(outcome, result.error, messages);
          if (problem) {
            isSaving.current = false;
            return problem;
          }
          if (outcome?.__typename === 'SavePathwayDraftSuccess') openSavedVersion(outcome.data);
          return null;
        }}
      />
    </>
  );
}
