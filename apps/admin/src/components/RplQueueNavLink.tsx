import { useLocale } from '@kmg/ui';
import { NavLink } from '@mantine/core';
import { IconListCheck } from '@tabler/icons-react';
import { NavLink as RouterNavLink, useLocation } from 'react-router';

/** "Antrean RPL": the first entry under RPL for the university's reviewers (the queue and its cases). */
export function RplQueueNavLink({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useLocale();
  const { pathname } = useLocation();
  return (
    <NavLink
      component={RouterNavLink}
      to="/rpl/kasus"
      label={t('admin.rplCase.nav')}
      leftSection={<IconListCheck size={18} aria-hidden />}
      active={
        pathname === '/rpl/kasus' ||
        pathname.startsWith('/rpl/kasus/') ||
        pathname.startsWith('/rpl/pendaftaran/')
      }
      onClick={onNavigate}
      pl={36}
      fz="sm"
    />
  );
}
