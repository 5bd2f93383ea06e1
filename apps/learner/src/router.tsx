import { createBrowserRouter } from 'react-router';
import { AppLayout, LayoutFallback, type RouteHandle } from '#components/AppLayout.tsx';
import { RouteError } from '#components/RouteError.tsx';
import { lazyPage } from '#lib/page-messages.ts';
import { CallsPage } from '#pages/CallsPage.tsx';

// The call list is the landing page and ships in the first bundle; every other page is its own
// chunk, fetched with the other pages' strings when a teacher first goes there.
export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    hydrateFallbackElement: <LayoutFallback />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, element: <CallsPage /> },
          {
            path: 'pelatihan/:id',
            lazy: lazyPage(() => import('#pages/CallPage.tsx'), 'CallPage'),
          },
          {
            path: 'hadir/:token',
            lazy: lazyPage(() => import('#pages/CheckInPage.tsx'), 'CheckInPage'),
          },
          {
            path: 'pendaftaran',
            lazy: lazyPage(() => import('#pages/MyApplicationsPage.tsx'), 'MyApplicationsPage'),
          },
          {
            path: 'kredensial',
            lazy: lazyPage(() => import('#pages/CredentialsPage.tsx'), 'CredentialsPage'),
          },
          {
            path: 'kredensial/impor',
            lazy: lazyPage(() => import('#pages/ImportCredentialPage.tsx'), 'ImportCredentialPage'),
          },
          {
            path: 'kredensial/:id',
            lazy: lazyPage(() => import('#pages/CredentialPage.tsx'), 'CredentialPage'),
          },
          {
            path: 'jalur',
            lazy: lazyPage(() => import('#pages/PathwaysPage.tsx'), 'PathwaysPage'),
          },
          {
            path: 'rpl',
            lazy: lazyPage(() => import('#pages/RplProgrammesPage.tsx'), 'RplProgrammesPage'),
          },
          {
            path: 'rpl/prodi/:id',
            lazy: lazyPage(() => import('#pages/RplProgrammePage.tsx'), 'RplProgrammePage'),
          },
          {
            path: 'rpl/pengajuan',
            lazy: lazyPage(() => import('#pages/RplApplicationsPage.tsx'), 'RplApplicationsPage'),
          },
          {
            path: 'rpl/pengajuan/:id',
            lazy: lazyPage(() => import('#pages/RplApplicationPage.tsx'), 'RplApplicationPage'),
          },
          // Credentials carry `${publicUrl}/verify/<uuid>`: the public verification pages, for anyone,
          // without the teachers' tabs.
          {
            path: 'verify',
            handle: { isDocument: true } satisfies RouteHandle,
            lazy: lazyPage(() => import('#pages/VerifyDocumentPage.tsx'), 'VerifyDocumentPage'),
          },
          // A decree's QR code leads here: an official document's page, without the teachers' tabs.
          {
            path: 'verify/sk/:id',
            handle: { isDocument: true } satisfies RouteHandle,
            lazy: lazyPage(() => import('#pages/RplDecreePage.tsx'), 'RplDecreePage'),
          },
          {
            path: 'verify/:id',
            handle: { isDocument: true } satisfies RouteHandle,
            lazy: lazyPage(() => import('#pages/VerifyPage.tsx'), 'VerifyPage'),
          },
          // Credentials also link their issuer, parent organization, KKNI level and SKKNI units:
          // public pages a verifier (an RPL reviewer) lands on.
          {
            path: 'issuers/:slug',
            lazy: lazyPage(() => import('#pages/IssuerPage.tsx'), 'IssuerPage'),
          },
          {
            path: 'referensi/kkni/:level',
            lazy: lazyPage(() => import('#pages/KkniPage.tsx'), 'KkniPage'),
          },
          {
            path: 'referensi/skkni/:code',
            lazy: lazyPage(() => import('#pages/SkkniPage.tsx'), 'SkkniPage'),
          },
          // A teacher's public profile, when they publish it (`/profil` is their own account page): a page
          // for anyone, without the teachers' tabs.
          {
            path: 'guru/:slug',
            handle: { isDocument: true } satisfies RouteHandle,
            lazy: lazyPage(() => import('#pages/PublicProfilePage.tsx'), 'PublicProfilePage'),
          },
          {
            path: 'profil',
            lazy: lazyPage(() => import('#pages/ProfilePage.tsx'), 'ProfilePage'),
          },
          {
            path: 'profil/ubah',
            lazy: lazyPage(() => import('#pages/ProfileEditPage.tsx'), 'ProfileEditPage'),
          },
          {
            path: 'kontak-industri',
            lazy: lazyPage(() => import('#pages/IndustryContactsPage.tsx'), 'IndustryContactsPage'),
          },
          {
            path: 'sekolah',
            lazy: lazyPage(() => import('#pages/SchoolPage.tsx'), 'SchoolPage'),
          },
          {
            path: 'pengimbasan',
            lazy: lazyPage(() => import('#pages/DisseminationPage.tsx'), 'DisseminationPage'),
          },
          {
            path: 'pengimbasan/baru/:applicationId',
            lazy: lazyPage(() => import('#pages/DisseminationReportPage.tsx'), 'DisseminationReportPage'),
          },
          {
            path: 'pengimbasan/:id',
            lazy: lazyPage(() => import('#pages/DisseminationReportPage.tsx'), 'DisseminationReportPage'),
          },
          {
            path: 'notifikasi',
            lazy: lazyPage(() => import('#pages/NotificationsPage.tsx'), 'NotificationsPage'),
          },
          {
            path: 'masuk',
            lazy: lazyPage(() => import('#pages/SignInPage.tsx'), 'SignInPage'),
          },
          {
            path: 'daftar',
            lazy: lazyPage(() => import('#pages/RegisterPage.tsx'), 'RegisterPage'),
          },
          {
            path: 'forgot-password',
            lazy: lazyPage(() => import('#pages/ForgotPasswordPage.tsx'), 'ForgotPasswordPage'),
          },
          {
            path: 'reset-password',
            lazy: lazyPage(() => import('#pages/ResetPasswordPage.tsx'), 'ResetPasswordPage'),
          },
          {
            path: '*',
            lazy: lazyPage(() => import('#components/NotFound.tsx'), 'NotFound'),
          },
        ],
      },
    ],
  },
]);
