import { createBrowserRouter } from 'react-router';
import { AppLayout, LayoutFallback, type RouteHandle } from '#components/AppLayout.tsx';
import { RouteError } from '#components/RouteError.tsx';
import { CallsPage } from '#pages/CallsPage.tsx';

// The call list is the landing page and ships in the first bundle; every other page is its own
// chunk, fetched when a teacher first goes there.
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
            lazy: async () => ({ Component: (await import('#pages/CallPage.tsx')).CallPage }),
          },
          {
            path: 'hadir/:token',
            lazy: async () => ({ Component: (await import('#pages/CheckInPage.tsx')).CheckInPage }),
          },
          {
            path: 'pendaftaran',
            lazy: async () => ({
              Component: (await import('#pages/MyApplicationsPage.tsx')).MyApplicationsPage,
            }),
          },
          {
            path: 'kredensial',
            lazy: async () => ({
              Component: (await import('#pages/CredentialsPage.tsx')).CredentialsPage,
            }),
          },
          {
            path: 'kredensial/impor',
            lazy: async () => ({
              Component: (await import('#pages/ImportCredentialPage.tsx')).ImportCredentialPage,
            }),
          },
          {
            path: 'kredensial/:id',
            lazy: async () => ({ Component: (await import('#pages/CredentialPage.tsx')).CredentialPage }),
          },
          {
            path: 'jalur',
            lazy: async () => ({ Component: (await import('#pages/PathwaysPage.tsx')).PathwaysPage }),
          },
          {
            path: 'rpl',
            lazy: async () => ({
              Component: (await import('#pages/RplProgrammesPage.tsx')).RplProgrammesPage,
            }),
          },
          {
            path: 'rpl/prodi/:id',
            lazy: async () => ({
              Component: (await import('#pages/RplProgrammePage.tsx')).RplProgrammePage,
            }),
          },
          {
            path: 'rpl/pengajuan',
            lazy: async () => ({
              Component: (await import('#pages/RplApplicationsPage.tsx')).RplApplicationsPage,
            }),
          },
          {
            path: 'rpl/pengajuan/:id',
            lazy: async () => ({
              Component: (await import('#pages/RplApplicationPage.tsx')).RplApplicationPage,
            }),
          },
          // Credentials carry `${publicUrl}/verify/<uuid>`: the public verification pages, for anyone,
          // without the teachers' tabs.
          {
            path: 'verify',
            handle: { isDocument: true } satisfies RouteHandle,
            lazy: async () => ({
              Component: (await import('#pages/VerifyDocumentPage.tsx')).VerifyDocumentPage,
            }),
          },
          // A decree's QR code leads here: an official document's page, without the teachers' tabs.
          {
            path: 'verify/sk/:id',
            handle: { isDocument: true } satisfies RouteHandle,
            lazy: async () => ({ Component: (await import('#pages/RplDecreePage.tsx')).RplDecreePage }),
          },
          {
            path: 'verify/:id',
            handle: { isDocument: true } satisfies RouteHandle,
            lazy: async () => ({ Component: (await import('#pages/VerifyPage.tsx')).VerifyPage }),
          },
          // Credentials also link their issuer, parent organization, KKNI level and SKKNI units:
          // public pages a verifier (an RPL reviewer) lands on.
          {
            path: 'issuers/:slug',
            lazy: async () => ({ Component: (await import('#pages/IssuerPage.tsx')).IssuerPage }),
          },
          {
            path: 'referensi/kkni/:level',
            lazy: async () => ({ Component: (await import('#pages/KkniPage.tsx')).KkniPage }),
          },
          {
            path: 'referensi/skkni/:code',
            lazy: async () => ({ Component: (await import('#pages/SkkniPage.tsx')).SkkniPage }),
          },
          // A teacher's public profile, when they publish it (`/profil` is their own account page): a page
          // for anyone, without the teachers' tabs.
          {
            path: 'guru/:slug',
            handle: { isDocument: true } satisfies RouteHandle,
            lazy: async () => ({
              Component: (await import('#pages/PublicProfilePage.tsx')).PublicProfilePage,
            }),
          },
          {
            path: 'profil',
            lazy: async () => ({ Component: (await import('#pages/ProfilePage.tsx')).ProfilePage }),
          },
          {
            path: 'profil/ubah',
            lazy: async () => ({ Component: (await import('#pages/ProfileEditPage.tsx')).ProfileEditPage }),
          },
          {
            path: 'kontak-industri',
            lazy: async () => ({
              Component: (await import('#pages/IndustryContactsPage.tsx')).IndustryContactsPage,
            }),
          },
          {
            path: 'sekolah',
            lazy: async () => ({ Component: (await import('#pages/SchoolPage.tsx')).SchoolPage }),
          },
          {
            path: 'pengimbasan',
            lazy: async () => ({
              Component: (await import('#pages/DisseminationPage.tsx')).DisseminationPage,
            }),
          },
          {
            path: 'pengimbasan/baru/:applicationId',
            lazy: async () => ({
              Component: (await import('#pages/DisseminationReportPage.tsx')).DisseminationReportPage,
            }),
          },
          {
            path: 'pengimbasan/:id',
            lazy: async () => ({
              Component: (await import('#pages/DisseminationReportPage.tsx')).DisseminationReportPage,
            }),
          },
          {
            path: 'notifikasi',
            lazy: async () => ({
              Component: (await import('#pages/NotificationsPage.tsx')).NotificationsPage,
            }),
          },
          {
            path: 'masuk',
            lazy: async () => ({ Component: (await import('#pages/SignInPage.tsx')).SignInPage }),
          },
          {
            path: 'daftar',
            lazy: async () => ({ Component: (await import('#pages/RegisterPage.tsx')).RegisterPage }),
          },
          {
            path: 'forgot-password',
            lazy: async () => ({
              Component: (await import('#pages/ForgotPasswordPage.tsx')).ForgotPasswordPage,
            }),
          },
          {
            path: 'reset-password',
            lazy: async () => ({
              Component: (await import('#pages/ResetPasswordPage.tsx')).ResetPasswordPage,
            }),
          },
          {
            path: '*',
            lazy: async () => ({ Component: (await import('#components/NotFound.tsx')).NotFound }),
          },
        ],
      },
    ],
  },
]);
