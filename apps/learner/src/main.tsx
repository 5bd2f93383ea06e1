import '@kmg/ui/styles.css';
import './app.css';
import messagesId from 'virtual:kmg-messages/id';
import { createI18n, initialLocale, KmgProvider, loadLocale } from '@kmg/ui';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { AppLayout } from '#components/AppLayout.tsx';
import { PageErrorBoundary } from '#components/RouteError.tsx';
import { SessionProvider } from '#lib/session.tsx';

// Indonesian ships with the app; English is fetched the first time someone reads it.
const i18n = createI18n({
  id: messagesId,
  en: async () => (await import('virtual:kmg-messages/en')).default,
});
const root = document.getElementById('root');
if (!root) throw new Error('missing #root');
// No top-level await here: it would keep the bundler from merging the first screen's chunks.
void (initialLocale() === 'en' ? loadLocale(i18n, 'en') : Promise.resolve()).then(() =>
  createRoot(root).render(
    <StrictMode>
      <KmgProvider i18n={i18n}>
        <SessionProvider>
          <BrowserRouter>
            {/* A failure in the layout itself still says so, in the reader's language. */}
            <PageErrorBoundary resetKey="app">
              <AppLayout />
            </PageErrorBoundary>
          </BrowserRouter>
        </SessionProvider>
      </KmgProvider>
    </StrictMode>,
  ),
);
