import { useLocale } from '@kmg/ui';
import { Alert, Tabs } from '@mantine/core';
import { IconCertificate, IconChecklist, IconInfoCircle, IconListDetails } from '@tabler/icons-react';
import { Outlet, useLocation, useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { CallActions, CallActions_call } from '#components/CallActions.tsx';
import { CallStateBadge } from '#components/CallStateBadge.tsx';
import { PageHeader } from '#components/PageHeader.tsx';
import { PageNotice } from '#components/PageNotice.tsx';
import { QueryPending } from '#components/QueryPending.tsx';
import { graphql } from '#graphql.ts';

const CallLayoutQuery = graphql(
  `
  query CallLayout($id: ID!) {
    trainingCall(id: $id) {
      id
      title
      status
      applicationClosesAt
      endDate
      timeZone
      programme { id isManagedByViewer }
      viewerCanDeliver
      ...CallActions_call
    }
  }
`,
  [CallActions_call],
);

type CallTab = 'overview' | 'selection' | 'delivery';

const tabPaths: Record<CallTab, string> = { overview: '', selection: '/seleksi', delivery: '/pelaksanaan' };

function tabOf(pathname: string): CallTab {
  const path = pathname.replace(/\/$/, '');
  if (/\/pelaksanaan(\/|$)/.test(path)) return 'delivery';
  return path.endsWith('/seleksi') ? 'selection' : 'overview';
}

const back = (label: string) => ({ to: '/', label });

/**
 * A call's frame: its title, status and actions, and tabs, each its own page with its own query:
 * the details with the applicants, the selection (settings, reviewers, progress, preview and
 * commit), and for those who deliver the call its delivery (participants, attendance, assessment,
 * credential template, results and credentials).
 */
export function CallLayout() {
  const { t } = useLocale();
  const { id = '' } = useParams();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const tab = tabOf(pathname);
  const [{ data, error }, reexecute] = useQuery({ query: CallLayoutQuery, variables: { id } });

  if (!data) {
    return (
      <QueryPending
        error={error}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        blocks={[{ h: 36, w: '60%' }, { h: 40, w: 320 }, { h: 220 }]}
      />
    );
  }

  const call = data.trainingCall;
  if (!call) {
    return (
      <PageNotice
        title={t('admin.call.notFound')}
        text={t('admin.call.notFoundText')}
        back={back(t('admin.call.back'))}
      />
    );
  }

  return (
    <>
      <PageHeader
        title={call.title}
        back={back(t('admin.call.back'))}
        badge={<CallStateBadge call={call} size="lg" tt="none" />}
        actions={<CallActions call={call} />}
        focusKey={call.id}
      />
      {/* Provider staff change nothing in the call itself, but they do deliver it. */}
      {!call.programme.isManagedByViewer && tab !== 'delivery' && (
        <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} aria-hidden />} mb="lg">
          {t('admin.call.readOnly')}
        </Alert>
      )}
      <Tabs
        value={tab}
        onChange={(next) =>
          navigate(`/lowongan/${call.id}${tabPaths[(next as CallTab | null) ?? 'overview']}`)
        }
        keepMounted={false}
      >
        <Tabs.List aria-label={t('admin.callTabs.label')} mb="lg">
          <Tabs.Tab value="overview" leftSection={<IconListDetails size={18} aria-hidden />} fz="md">
            {t('admin.callTabs.overview')}
          </Tabs.Tab>
          <Tabs.Tab value="selection" leftSection={<IconChecklist size={18} aria-hidden />} fz="md">
            {t('admin.callTabs.selection')}
          </Tabs.Tab>
          {call.viewerCanDeliver && (
            <Tabs.Tab value="delivery" leftSection={<IconCertificate size={18} aria-hidden />} fz="md">
              {t('admin.callTabs.delivery')}
            </Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="overview">
          <Outlet />
        </Tabs.Panel>
        <Tabs.Panel value="selection">
          <Outlet />
        </Tabs.Panel>
        <Tabs.Panel value="delivery">
          <Outlet />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
