import { type ApplicationStatus, type ErrorCode, type Locale, translateError } from '@kmg/domain';
import { Alert, Badge, type BadgeProps, MantineProvider, SegmentedControl } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { i18n as I18n } from 'i18next';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { useLocale } from '#i18n.ts';
import { cssVariablesResolver, theme } from '#theme.ts';

export function KmgProvider({ i18n, children }: { i18n: I18n; children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
        <Notifications position="top-center" limit={3} />
        {children}
      </MantineProvider>
    </I18nextProvider>
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

/** A message for an error code, in the current language (the API's own table). */
export function useErrorMessage() {
  const { locale } = useLocale();
  return (code: ErrorCode, params?: Record<string, string | number>) => translateError(code, locale, params);
}

export function ErrorAlert({ title, children }: { title?: string; children: ReactNode }) {
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={title} role="alert">
      {children}
    </Alert>
  );
}
