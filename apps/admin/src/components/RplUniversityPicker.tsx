import { useLocale } from '@kmg/ui';
import { Select } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '#graphql.ts';
import { rawIdOf } from '#lib/curriculum-import.ts';
import { isAdmin, useViewer } from '#lib/viewer.tsx';

const RplUniversitiesQuery = graphql(`
  query RplUniversities {
    organizations(kind: UNIVERSITY) { id name shortName }
  }
`);

export type RplUniversity = {
  /** The organization's global id (as the API gives it). */
  id: string;
  /** Its database id, as the `universityId` arguments of the RPL settings take it. */
  rawId: string;
  name: string;
  shortName: string | null;
};

/**
 * The university whose RPL people and settings the page shows: the staff member's own, or for a
 * platform admin the one chosen in the URL (`?university=`), the first by name until one is.
 */
export function useRplUniversity(): {
  university: RplUniversity | null;
  /** Platform admins choose; null for university staff. */
  universities: readonly RplUniversity[] | null;
  choose: (id: string) => void;
  pending: boolean;
} {
  const viewer = useViewer();
  const platformAdmin = isAdmin(viewer);
  const [params, setParams] = useSearchParams();
  const [{ data, error }] = useQuery({ query: RplUniversitiesQuery, pause: !platformAdmin });
  const choose = (id: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set('university', id);
        return next;
      },
      { replace: true },
    );
  if (!platformAdmin) {
    const own = viewer.organization;
    return {
      university: own ? { ...own, rawId: rawIdOf(own.id) } : null,
      universities: null,
      choose,
      pending: false,
    };
  }
  const universities = (data?.organizations ?? []).map((organization) => ({
    ...organization,
    rawId: rawIdOf(organization.id),
  }));
  const wanted = params.get('university');
  const university = universities.find((candidate) => candidate.id === wanted) ?? universities[0] ?? null;
  return { university, universities, choose, pending: !data && !error };
}

/** A platform admin's choice of university (staff work on their own and see no picker). */
export function RplUniversityPicker({
  universities,
  value,
  onChange,
}: {
  universities: readonly RplUniversity[] | null;
  value: string | null;
  onChange: (id: string) => void;
}) {
  const { t } = useLocale();
  if (!universities) return null;
  return (
    <Select
      label={t('admin.rplAdmin.university.label')}
      description={t('admin.rplAdmin.university.hint')}
      w={{ base: '100%', sm: 420 }}
      mb="lg"
      searchable
      allowDeselect={false}
      nothingFoundMessage={t('admin.rplAdmin.university.none')}
      data={universities.map((university) => ({
        value: university.id,
        label: university.shortName ? `${university.name} (${university.shortName})` : university.name,
      }))}
      value={value}
      onChange={(id) => id && onChange(id)}
    />
  );
}
