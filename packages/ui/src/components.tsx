import {
  type ApplicationStatus,
  type CallStatus,
  type Locale,
  teacherCallPhase,
  teacherCallPhaseColors,
  teacherCallPhaseLabels,
} from '@kmg/domain';
import { Alert, Badge, type BadgeProps, MantineProvider, SegmentedControl } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { i18n as I18n } from 'i18next';
import { lazy, type ReactNode, Suspense, useEffect, useMemo, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { useLocale } from '#i18n.ts';
import { cssVariablesResolver, localizedTheme } from '#theme.ts';

// Toasts come after the first screen, once the browser is idle: `notifications.show` queues them
// until this has loaded.
const Notifications = lazy(async () => ({ default: (await import('@mantine/notifications')).Notifications }));

function useIsIdle(): boolean {
  const [isIdle, setIdle] = useState(false);
  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((callback: () => void) => window.setTimeout(callback, 1000));
    idle(() => setIdle(true));
  }, []);
  return isIdle;
}

export function KmgProvider({ i18n, children }: { i18n: I18n; children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <ThemeProvider>{children}</ThemeProvider>
    </I18nextProvider>
  );
}

function ThemeProvider({ children }: { children: ReactNode }) {
  const isIdle = useIsIdle();
  const { t } = useLocale();
  const closeLabel = t('common.close');
  const theme = useMemo(() => localizedTheme(closeLabel), [closeLabel]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      {isIdle && (
        <Suspense fallback={null}>
          <Notifications position="top-center" limit={3} />
        </Suspense>
      )}
      {children}
    </MantineProvider>
  );
}

/**
 * ID | EN. Each option is at least 36 px square (styles.css), a fair thumb target in a header.
 * `onChange` lets the app remember the choice for the signed-in user too.
 */
export function LanguageSwitch({ onChange }: { onChange?: (locale: Locale) => void }) {
  const { locale, setLocale, t } = useLocale();
  return (
    <SegmentedControl
      aria-label={t('common.language')}
      size="sm"
      className="kmg-language-switch"
      value={locale}
      onChange={(value) => {
        const next = value === 'en' ? 'en' : 'id';
        setLocale(next);
        onChange?.(next);
      }}
      data={[
        { value: 'id', label: 'ID' },
        { value: 'en', label: 'EN' },
      ]}
    />
  );
}

const callStatusColors: Record<string, string> = {
  DRAFT: 'gray',
  OPEN: 'green',
  CLOSED: 'yellow',
  IN_TRAINING: 'blue',
  COMPLETED: 'indigo',
  CANCELLED: 'red',
};

/**
 * Badge colours as a teacher reads them: blue while in selection, green when a seat is theirs,
 * yellow on the waitlist, grey once it is over, red when the call was cancelled.
 */
export const applicationStatusColors: Record<ApplicationStatus, string> = {
  SUBMITTED: 'blue',
  ENDORSED: 'indigo',
  NOT_ENDORSED: 'gray',
  ENDORSEMENT_EXPIRED: 'gray',
  ACCEPTED: 'green',
  CONFIRMED: 'green',
  WAITLISTED: 'yellow',
  REJECTED: 'gray',
  DECLINED: 'gray',
  LAPSED: 'gray',
  WITHDRAWN: 'gray',
  CANCELLED: 'red',
};

export function CallStatusBadge({ status, ...props }: { status: string } & BadgeProps) {
  const { t } = useLocale();
  return (
    <Badge color={callStatusColors[status] ?? 'gray'} variant="light" {...props}>
      {t(`status.call.${status}`)}
    </Badge>
  );
}

/**
 * Where a call stands for a teacher (taking applications, applications closed, her upcoming
 * training...), from its status, its window and her application: the one label the call list, the
 * call page and "Pendaftaran saya" all show, so none contradicts another.
 */
export function TeacherCallBadge({
  call,
  applicationStatus,
  now,
  ...props
}: {
  call: { status: CallStatus; applicationOpensAt: string; applicationClosesAt: string };
  applicationStatus?: ApplicationStatus | null;
  now: Date;
} & BadgeProps) {
  const { locale } = useLocale();
  const phase = teacherCallPhase(call, now, applicationStatus);
  return (
    <Badge color={teacherCallPhaseColors[phase]} variant="light" data-phase={phase} {...props}>
      {teacherCallPhaseLabels[phase][locale]}
    </Badge>
  );
}

/** An application's status in the shared words; `label` replaces them where the context says more. */
export function ApplicationStatusBadge({
  status,
  label,
  ...props
}: { status: string; label?: string } & BadgeProps) {
  const { t } = useLocale();
  return (
    <Badge color={applicationStatusColors[status as ApplicationStatus] ?? 'gray'} variant="light" {...props}>
      {label ?? t(`status.application.${status}`)}
    </Badge>
  );
}

export function ErrorAlert({ title, children }: { title?: string; children: ReactNode }) {
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={title} role="alert">
      {children}
    </Alert>
  );
}
