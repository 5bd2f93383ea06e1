import '@kmg/ui/styles.css';
import './app.css';
import { createI18n, KmgProvider } from '@kmg/ui';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { SessionProvider } from '#lib/session.tsx';
import { messages } from '#messages.ts';
import { router } from '#router.tsx';

const i18n = createI18n(messages);

const root = document.getElementById('root');
if (!root) throw new Error('missing #root');
createRoot(root).render(
  <StrictMode>
    <KmgProvider i18n={i18n}>
      <SessionProvider>
        <RouterProvider router={router} />
      </SessionProvider>
    </KmgProvider>
  </StrictMode>,
);
