// The notification bell and page.
export const notificationsMessages = {
  id: {
    notifications: {
      title: 'Notifikasi',
      lead: 'Kabar tentang pendaftaran, yang terbaru di atas.',
      bell: 'Notifikasi',
      bellUnread_one: 'Notifikasi, {{count}} belum dibaca',
      bellUnread_other: 'Notifikasi, {{count}} belum dibaca',
      unread: 'Belum dibaca',
      markAll: 'Tandai semua sudah dibaca',
      markedAll: 'Semua notifikasi sudah ditandai dibaca.',
      emptyTitle: 'Belum ada notifikasi',
      emptyText: 'Kabar tentang pendaftaran dan rekomendasi akan muncul di sini.',
    },
  },
  en: {
    notifications: {
      title: 'Notifications',
      lead: 'News about applications, newest first.',
      bell: 'Notifications',
      bellUnread_one: 'Notifications, {{count}} unread',
      bellUnread_other: 'Notifications, {{count}} unread',
      unread: 'Unread',
      markAll: 'Mark all as read',
      markedAll: 'All notifications are marked as read.',
      emptyTitle: 'No notifications yet',
      emptyText: 'News about applications and endorsements will appear here.',
    },
  },
};
