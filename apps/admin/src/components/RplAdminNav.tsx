import { useLocale } from '@kmg/ui';
import { NavLink } from '@mantine/core';
import { IconChartBar, IconFileCertificate, IconSettings, IconUsersGroup } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { NavLink as RouterNavLink, useLocation } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '#graphql.ts';
import { rplAdminAccess } from '#lib/rpl-admin-access.ts';

export const RplAdminNavQuery = graphql(`
  query RplAdminNav {
    rplMyStaffRoles
    rplCanAdministerUniversity
  }
`);

/** What the viewer may use of the university's RPL pages (the nav and the pages ask the same). */
export function useRplAdminAccess() {
  const [{ data, error, fetching }] = useQuery({ query: RplAdminNavQuery });
  return {
    access: rplAdminAccess({
      roles: data?.rplMyStaffRoles ?? [],
      canAdminister: data?.rplCanAdministerUniversity ?? false,
    }),
    roles: data?.rplMyStaffRoles ?? [],
    ready: Boolean(data) || Boolean(error),
    fetching,
  };
}

function SubLink({
  to,
  label,
  icon,
  onNavigate,
}: {
  to: string;
  label: string;
  icon: ReactNode;
  onNavigate: () => void;
}) {
  const { pathname } = useLocation();
  return (
    <NavLink
      component={RouterNavLink}
      to={to}
      label={label}
      leftSection={icon}
      active={pathname === to || pathname.startsWith(`${to}/`)}
      onClick={onNavigate}
      pl={36}
      fz="sm"
    />
  );
}

/**
 * The university's RPL pages under the RPL entry, each for whoever may use it: people and decree
 * settings for its university admins, decrees and reports for anyone with an RPL role there.
 */
export function RplAdminNavLinks({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useLocale();
  const { access } = useRplAdminAccess();
  const links = [
    access.staff && { to: '/rpl/staf', label: t('admin.rplAdmin.nav.staff'), icon: IconUsersGroup },
    access.settings && { to: '/rpl/pengaturan', label: t('admin.rplAdmin.nav.settings'), icon: IconSettings },
    access.decrees && { to: '/rpl/sk', label: t('admin.rplAdmin.nav.decrees'), icon: IconFileCertificate },
    access.reports && { to: '/rpl/laporan', label: t('admin.rplAdmin.nav.reports'), icon: IconChartBar },
  ].filter((link) => link !== false);
  return links.map(({ to, label, icon: Icon }) => (
    <SubLink key={to} to={to} label={label} icon={<Icon size={18} aria-hidden />} onNavigate={onNavigate} />
  ));
}
