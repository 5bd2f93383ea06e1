import { useLocale } from '@kmg/ui';
import { IconBell } from '@tabler/icons-react';
import { useEffect } from 'react';
import { Link, useLocation } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '#graphql.ts';
import classes from './AppLayout.module.css';

const NotificationBellQuery = graphql(`
  query NotificationBell {
    unreadNotificationCount
  }
`);

/** How often a page left open asks for new notices (selection results, endorsement requests). */
const REFRESH_MS = 120_000;

/** The bell in the header: how many notices are unread, and the way to them. Signed-in people only. */
export function NotificationBell() {
  const { t } = useLocale();
  const location = useLocation();
  const [{ data }, reexecute] = useQuery({ query: NotificationBellQuery });

  // A result may arrive while the phone is in a pocket: ask again when the page is looked at, and
  // now and then while it stays open.
  useEffect(() => {
    const refresh = () => {
      if (document.visibilityState === 'visible') reexecute({ requestPolicy: 'network-only' });
    };
    const timer = window.setInterval(refresh, REFRESH_MS);
    document.addEventListener('visibilitychange', refresh);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', refresh);
    };
  }, [reexecute]);

  const count = data?.unreadNotificationCount ?? 0;
  const isHere = location.pathname.startsWith('/notifikasi');
  return (
    <Link
      to="/notifikasi"
      className={classes.bell}
      aria-label={
        count > 0 ? t('learner.notifications.bellUnread', { count }) : t('learner.notifications.bell')
      }
      aria-current={isHere ? 'page' : undefined}
    >
      <IconBell size={24} stroke={1.8} aria-hidden />
      {count > 0 && (
        <span className={classes.bellBadge} aria-hidden>
          {count > 99 ? '99+' : count}
        </span>
      )}
    </Link>
  );
}
