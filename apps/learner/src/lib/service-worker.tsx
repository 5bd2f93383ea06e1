// The service worker (vite-plugin-pwa, Workbox): the app shell, the wallet and English are
// precached, every other page's code is cached when first opened. A new deploy installs in the
// background and waits for the person to reload, so nobody loses what they were typing.

import { registerSW } from 'virtual:pwa-register';
import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import i18next from 'i18next';

export function registerServiceWorker(): void {
  const updateServiceWorker = registerSW({
    immediate: true,
    onNeedRefresh() {
      notifications.show({
        id: 'kmg-update',
        autoClose: false,
        title: i18next.t('learner.update.title'),
        message: (
          <Button size="xs" mt={6} onClick={() => void updateServiceWorker(true)}>
            {i18next.t('learner.update.reload')}
          </Button>
        ),
      });
    },
  });
}
