import '@kmg/ui/styles.css';
// Date pickers are the console's alone: the learner's first screen does without their styles.
import '@mantine/dates/styles.css';
import '@mantine/charts/styles.css';
import '#admin.css';
import { createI18n, KmgProvider, withCommonMessages } from '@kmg/ui';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { Provider as UrqlProvider } from 'urql';
import { DatesLocale } from '#components/DatesLocale.tsx';
import { client } from '#lib/urql.ts';
import { messages } from '#messages.ts';
import { router } from '#router.tsx';

const i18n = createI18n(withCommonMessages(messages));

const root = document.getElementById('root');
if (!root) throw new Error('missing #root');
createRoot(root).render(
  <StrictMode>
    <KmgProvider i18n={i18n}>
      <DatesLocale>
        <UrqlProvider value={client}>
          <RouterProvider router={router} />
        </UrqlProvider>
      </DatesLocale>
    </KmgProvider>
  </StrictMode>,
);
