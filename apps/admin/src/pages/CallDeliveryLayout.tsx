import { formatInstant, useLocale } from '@kmg/ui';
import { Alert, Box, Button, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import {
  IconAward,
  IconCalendarCheck,
  IconCheck,
  IconClipboardList,
  IconLock,
  IconUsers,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Outlet, NavLink as RouterNavLink, useLocation, useParams } from 'react-router';
import { useQuery } from 'urql';
import { QueryPending } from '#components/QueryPending.tsx';
import { ResultsHistory_call, ResultsReturnNotice } from '#components/ResultsHistory.tsx';
import { graphql } from '#graphql.ts';
import { deliveryRights } from '#lib/delivery.ts';

const CallDeliveryLayoutQuery = graphql(
  `
  query CallDeliveryLayout($id: ID!) {
    trainingCall(id: $id) {
      id
      assessmentKind
      resultsStatus
      resultsSubmittedAt
      resultsApprovedAt
      timeZone
      viewerCanDeliver
      viewerCanRun
      ...ResultsHistory_call
    }
  }
`,
  [ResultsHistory_call],
);

const stages = ['RECORDING', 'SUBMITTED', 'APPROVED'] as const;

/** Where the results are: recorded by the provider, submitted, approved by the manager. */
function ResultsStage({
  status,
  submittedAt,
  approvedAt,
  timeZone,
}: {
  status: string;
  submittedAt: string | null;
  approvedAt: string | null;
  timeZone: string;
}) {
  const { t, locale } = useLocale();
  const current = Math.max(0, stages.indexOf(status as (typeof stages)[number]));
  const notes: Record<(typeof stages)[number], string> = {
    RECORDING: t('admin.delivery.stage.recordingNote'),
    SUBMITTED: submittedAt
      ? t('admin.delivery.stage.submittedOn', { date: formatInstant(submittedAt, locale, timeZone) })
      : t('admin.delivery.stage.submittedNote'),
    APPROVED: approvedAt
      ? t('admin.delivery.stage.approvedOn', { date: formatInstant(approvedAt, locale, timeZone) })
      : t('admin.delivery.stage.approvedNote'),
  };
  return (
    <Box component="ol" aria-label={t('admin.delivery.stage.label')} className="results-stage">
      {stages.map((stage, index) => {
        const done = index < current || (index === current && stage === 'APPROVED');
        return (
          <li
            key={stage}
            aria-current={index === current ? 'step' : undefined}
            data-state={done ? 'done' : index === current ? 'current' : 'next'}
          >
            <span className="results-stage-mark" aria-hidden>
              {done ? <IconCheck size={14} /> : index + 1}
            </span>
            <span>
              <Text span fw={600} size="sm" display="block">
                {t(`admin.delivery.stage.${stage}`)}
              </Text>
              <Text span size="xs" c="dimmed" className="results-stage-note">
                {notes[stage]}
              </Text>
            </span>
          </li>
        );
      })}
    </Box>
  );
}

function SubLink({
  to,
  end,
  icon,
  children,
}: {
  to: string;
  end?: boolean;
  icon: ReactNode;
  children: ReactNode;
}) {
  const { pathname } = useLocation();
  const active = end ? pathname.replace(/\/$/, '') === to : pathname.startsWith(to);
  return (
    <Button
      component={RouterNavLink}
      to={to}
      end={end}
      variant={active ? 'light' : 'subtle'}
      color={active ? 'kmg' : 'gray'}
      size="sm"
      leftSection={icon}
      fw={active ? 700 : 500}
    >
      {children}
    </Button>
  );
}

/**
 * The delivery of a call: where its results stand, and its parts, each its own page: participants
 * and results (submit, approve, issuance, amendments), attendance, competency assessment (for
 * competency calls) and the credential template.
 */
export function CallDeliveryLayout() {
  const { t } = useLocale();
  const { id = '' } = useParams();
  const [{ data, error }, reexecute] = useQuery({ query: CallDeliveryLayoutQuery, variables: { id } });

  if (!data) {
    return (
      <QueryPending
        error={error}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        blocks={[{ h: 56 }, { h: 36, w: 520 }, { h: 320 }]}
      />
    );
  }
  const call = data.trainingCall;
  // The frame around this page says when a call is missing.
  if (!call) return null;

  const rights = deliveryRights(call);
  const base = `/lowongan/${call.id}/pelaksanaan`;
  return (
    <Stack gap="lg">
      <VisuallyHidden component="h2">{t('admin.callTabs.delivery')}</VisuallyHidden>
      {!rights.canRecord ? (
        <Alert variant="light" color="gray" icon={<IconLock size={18} aria-hidden />}>
          {t('admin.delivery.notAllowed')}
        </Alert>
      ) : (
        <>
          <ResultsStage
            status={call.resultsStatus}
            submittedAt={call.resultsSubmittedAt}
            approvedAt={call.resultsApprovedAt}
            timeZone={call.timeZone}
          />
          <ResultsReturnNotice call={call} canRun={rights.canRun} />
          <Group component="nav" aria-label={t('admin.delivery.nav.label')} gap={6} className="delivery-nav">
            <SubLink to={base} end icon={<IconUsers size={18} aria-hidden />}>
              {t('admin.delivery.nav.results')}
            </SubLink>
            <SubLink to={`${base}/kehadiran`} icon={<IconCalendarCheck size={18} aria-hidden />}>
              {t('admin.delivery.nav.attendance')}
            </SubLink>
            {call.assessmentKind === 'COMPETENCY' && (
              <SubLink to={`${base}/asesmen`} icon={<IconClipboardList size={18} aria-hidden />}>
                {t('admin.delivery.nav.assessment')}
              </SubLink>
            )}
            <SubLink to={`${base}/kredensial`} icon={<IconAward size={18} aria-hidden />}>
              {t('admin.delivery.nav.achievement')}
            </SubLink>
          </Group>
          <Outlet />
        </>
      )}
    </Stack>
  );
}
