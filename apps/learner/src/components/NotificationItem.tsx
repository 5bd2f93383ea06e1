import { formatInstant, useLocale } from '@kmg/ui';
import { Text, VisuallyHidden } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import { Link } from 'react-router';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';
import { notificationTarget } from '#lib/notification-target.ts';
import classes from './NotificationItem.module.css';

export const NotificationItem_notification = graphql(`
  fragment NotificationItem_notification on Notification {
    id
    kind
    title
    body
    createdAt
    readAt
    application {
      id
      status
      call {
        id
      }
      teacher {
        id
      }
    }
    rplApplication {
      id
    }
  }
`);

/** One notice: its title, text and time; tapping it marks it read and opens the application. */
export function NotificationItem({
  notification: data,
  viewerId,
  onOpen,
}: {
  notification: FragmentOf<typeof NotificationItem_notification>;
  viewerId: string;
  /** The notice was tapped: mark it read. */
  onOpen: (id: string) => void;
}) {
  const notification = readFragment(NotificationItem_notification, data);
  const { t, locale } = useLocale();
  const target = notificationTarget(notification, viewerId);
  const isUnread = !notification.readAt;

  const content = (
    <>
      <span className={classes.dot} data-unread={isUnread || undefined} aria-hidden />
      <div className={classes.text}>
        <Text fw={isUnread ? 700 : 500} size="md" lh={1.35} c="dark.8">
          {isUnread && <VisuallyHidden>{t('learner.notifications.unread')}: </VisuallyHidden>}
          {notification.title}
        </Text>
        <Text size="sm" c="gray.8" mt={2} lh={1.45}>
          {notification.body}
        </Text>
        <Text size="xs" c="dimmed" mt={4} component="time" dateTime={notification.createdAt}>
          {formatInstant(notification.createdAt, locale)}
        </Text>
      </div>
      {target && <IconChevronRight className={classes.chevron} size={20} aria-hidden />}
    </>
  );

  return (
    <li className={classes.item} data-unread={isUnread || undefined}>
      {target ? (
        <Link
          to={target}
          className={classes.row}
          onClick={() => {
            if (isUnread) onOpen(notification.id);
          }}
        >
          {content}
        </Link>
      ) : (
        <div className={classes.row}>{content}</div>
      )}
    </li>
  );
}
