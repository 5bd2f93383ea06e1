import { useLocale } from '@kmg/ui';
import { Button, Tabs } from '@mantine/core';
import {
  IconArrowsExchange,
  IconBook,
  IconListDetails,
  IconPencil,
  IconScale,
  IconUsers,
} from '@tabler/icons-react';
import { Link, Navigate, Outlet, useLocation, useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { PageHeader } from '#components/PageHeader.tsx';
import { PageNotice } from '#components/PageNotice.tsx';
import { QueryPending } from '#components/QueryPending.tsx';
import { RplIllustrativeBadge } from '#components/RplBadges.tsx';
import { graphql } from '#graphql.ts';
import { isRplStaff, useViewer } from '#lib/viewer.tsx';

const RplProgrammeLayoutQuery = graphql(`
  query RplProgrammeLayout($id: ID!) {
    studyProgramme(id: $id) { id name code degree canManage illustrative university { id name } }
  }
`);

const tabs = ['overview', 'curriculum', 'regulation', 'rules', 'applications'] as const;
type ProgrammeTab = (typeof tabs)[number];

const tabPaths: Record<ProgrammeTab, string> = {
  overview: '',
  curriculum: '/kurikulum',
  regulation: '/regulasi',
  rules: '/aturan',
  applications: '/pendaftar',
};

const tabIcons = {
  overview: IconListDetails,
  curriculum: IconBook,
  regulation: IconScale,
  rules: IconArrowsExchange,
  applications: IconUsers,
} as const;

function tabOf(pathname: string): ProgrammeTab {
  const found = tabs.find((tab) => tab !== 'overview' && new RegExp(`${tabPaths[tab]}(/|$)`).test(pathname));
  return found ?? 'overview';
}

/**
 * A study programme's frame for RPL staff: its name and university, and tabs, each its own page
 * with its own query: overview and intakes, curriculum, regulation, equivalence rules, applicants.
 */
export function RplProgrammeLayout() {
  const { t } = useLocale();
  const viewer = useViewer();
  const { id = '' } = useParams();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const [{ data, error }, reexecute] = useQuery({
    query: RplProgrammeLayoutQuery,
    variables: { id },
    pause: !isRplStaff(viewer),
  });
  if (!isRplStaff(viewer)) return <Navigate to="/" replace />;
  if (!data) {
    return (
      <QueryPending
        error={error}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        blocks={[{ h: 36, w: '60%' }, { h: 40, w: 480 }, { h: 240 }]}
      />
    );
  }
  const programme = data.studyProgramme;
  if (!programme) {
    return (
      <PageNotice
        title={t('admin.rpl.programme.notFound')}
        text={t('admin.rpl.programme.notFoundText')}
        back={{ to: '/rpl', label: t('admin.rpl.programmes.back') }}
      />
    );
  }
  const tab = tabOf(pathname);
  return (
    <>
      <PageHeader
        title={programme.name}
        description={`${programme.code} · ${programme.degree} · ${programme.university.name}`}
        badge={programme.illustrative ? <RplIllustrativeBadge size="sm" /> : undefined}
        back={{ to: '/rpl', label: t('admin.rpl.programmes.back') }}
        focusKey={programme.id}
        actions={
          programme.canManage && (
            <Button
              component={Link}
              to={`/rpl/prodi/${programme.id}/ubah`}
              variant="default"
              leftSection={<IconPencil size={18} aria-hidden />}
            >
              {t('admin.rpl.programme.edit')}
            </Button>
          )
        }
      />
      <Tabs
        value={tab}
        onChange={(next) =>
          navigate(`/rpl/prodi/${programme.id}${tabPaths[(next as ProgrammeTab | null) ?? 'overview']}`)
        }
        keepMounted={false}
      >
        <Tabs.List
          aria-label={t('admin.rpl.programme.tabsLabel')}
          mb="lg"
          style={{ flexWrap: 'nowrap', overflowX: 'auto' }}
        >
          {tabs.map((value) => {
            const Icon = tabIcons[value];
            return (
              <Tabs.Tab key={value} value={value} leftSection={<Icon size={18} aria-hidden />} fz="md">
                {t(`admin.rpl.programme.tabs.${value}`)}
              </Tabs.Tab>
            );
          })}
        </Tabs.List>
        {tabs.map((value) => (
          <Tabs.Panel key={value} value={value}>
            <Outlet />
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}
