import { matchRoutes, type RouteObject } from 'react-router';
import { NotFound } from '#components/NotFound.tsx';
import { lazyPage } from '#lib/page-messages.ts';
import { CallsPage } from '#pages/CallsPage.tsx';

/**
 * What a page tells the layout: `isDocument`, a public page for anyone (a credential's or a
 * decree's verification), shows no main navigation; a signed-in person gets a link back instead.
 */
export type PageHandle = { isDocument?: boolean };

// The call list is the landing page and ships in the first bundle; every other page is its own
// chunk, fetched with the other pages' strings when a teacher first goes there. The router is React
// Router's declarative one (`useRoutes` in `AppLayout`): no page has a loader or an action, and the
// data router would add some 18 KB (gzip) to the first load.
export const pageRoutes: RouteObject[] = [
  { index: true, Component: CallsPage },
  {
    path: 'pelatihan/:id',
    Component: lazyPage(() => import('#pages/CallPage.tsx'), 'CallPage'),
  },
  {
    path: 'hadir/:token',
    Component: lazyPage(() => import('#pages/CheckInPage.tsx'), 'CheckInPage'),
  },
  {
    path: 'pendaftaran',
    Component: lazyPage(() => import('#pages/MyApplicationsPage.tsx'), 'MyApplicationsPage'),
  },
  {
    path: 'kredensial',
    Component: lazyPage(() => import('#pages/CredentialsPage.tsx'), 'CredentialsPage'),
  },
  {
    path: 'kredensial/impor',
    Component: lazyPage(() => import('#pages/ImportCredentialPage.tsx'), 'ImportCredentialPage'),
  },
  {
    path: 'kredensial/:id',
    Component: lazyPage(() => import('#pages/CredentialPage.tsx'), 'CredentialPage'),
  },
  {
    path: 'jalur',
    Component: lazyPage(() => import('#pages/PathwaysPage.tsx'), 'PathwaysPage'),
  },
  {
    path: 'rpl',
    Component: lazyPage(() => import('#pages/RplProgrammesPage.tsx'), 'RplProgrammesPage'),
  },
  {
    path: 'rpl/prodi/:id',
    Component: lazyPage(() => import('#pages/RplProgrammePage.tsx'), 'RplProgrammePage'),
  },
  {
    path: 'rpl/pengajuan',
    Component: lazyPage(() => import('#pages/RplApplicationsPage.tsx'), 'RplApplicationsPage'),
  },
  {
    path: 'rpl/pengajuan/:id',
    Component: lazyPage(() => import('#pages/RplApplicationPage.tsx'), 'RplApplicationPage'),
  },
  // Credentials carry `${publicUrl}/verify/<uuid>`: the public verification pages, for anyone,
  // without the teachers' tabs.
  {
    path: 'verify',
    handle: { isDocument: true } satisfies PageHandle,
    Component: lazyPage(() => import('#pages/VerifyDocumentPage.tsx'), 'VerifyDocumentPage'),
  },
  // A decree's QR code leads here: an official document's page, without the teachers' tabs.
  {
    path: 'verify/sk/:id',
    handle: { isDocument: true } satisfies PageHandle,
    Component: lazyPage(() => import('#pages/RplDecreePage.tsx'), 'RplDecreePage'),
  },
  {
    path: 'verify/:id',
    handle: { isDocument: true } satisfies PageHandle,
    Component: lazyPage(() => import('#pages/VerifyPage.tsx'), 'VerifyPage'),
  },
  // Credentials also link their issuer, parent organization, KKNI level and SKKNI units:
  // public pages a verifier (an RPL reviewer) lands on.
  {
    path: 'issuers/:slug',
    Component: lazyPage(() => import('#pages/IssuerPage.tsx'), 'IssuerPage'),
  },
  {
    path: 'referensi/kkni/:level',
    Component: lazyPage(() => import('#pages/KkniPage.tsx'), 'KkniPage'),
  },
  {
    path: 'referensi/skkni/:code',
    Component: lazyPage(() => import('#pages/SkkniPage.tsx'), 'SkkniPage'),
  },
  // A teacher's public profile, when they publish it (`/profil` is their own account page): a page
  // for anyone, without the teachers' tabs.
  {
    path: 'guru/:slug',
    handle: { isDocument: true } satisfies PageHandle,
    Component: lazyPage(() => import('#pages/PublicProfilePage.tsx'), 'PublicProfilePage'),
  },
  {
    path: 'profil',
    Component: lazyPage(() => import('#pages/ProfilePage.tsx'), 'ProfilePage'),
  },
  {
    path: 'profil/ubah',
    Component: lazyPage(() => import('#pages/ProfileEditPage.tsx'), 'ProfileEditPage'),
  },
  {
    path: 'kontak-industri',
    Component: lazyPage(() => import('#pages/IndustryContactsPage.tsx'), 'IndustryContactsPage'),
  },
  {
    path: 'sekolah',
    Component: lazyPage(() => import('#pages/SchoolPage.tsx'), 'SchoolPage'),
  },
  {
    path: 'pengimbasan',
    Component: lazyPage(() => import('#pages/DisseminationPage.tsx'), 'DisseminationPage'),
  },
  {
    path: 'pengimbasan/baru/:applicationId',
    Component: lazyPage(() => import('#pages/DisseminationReportPage.tsx'), 'DisseminationReportPage'),
  },
  {
    path: 'pengimbasan/:id',
    Component: lazyPage(() => import('#pages/DisseminationReportPage.tsx'), 'DisseminationReportPage'),
  },
  {
    path: 'notifikasi',
    Component: lazyPage(() => import('#pages/NotificationsPage.tsx'), 'NotificationsPage'),
  },
  {
    path: 'masuk',
    Component: lazyPage(() => import('#pages/SignInPage.tsx'), 'SignInPage'),
  },
  {
    path: 'daftar',
    Component: lazyPage(() => import('#pages/RegisterPage.tsx'), 'RegisterPage'),
  },
  {
    path: 'forgot-password',
    Component: lazyPage(() => import('#pages/ForgotPasswordPage.tsx'), 'ForgotPasswordPage'),
  },
  {
    path: 'reset-password',
    Component: lazyPage(() => import('#pages/ResetPasswordPage.tsx'), 'ResetPasswordPage'),
  },
  { path: '*', Component: NotFound },
];

/** Whether the page at `pathname` is a public document (`PageHandle.isDocument`). */
export function isDocumentPage(pathname: string): boolean {
  return (matchRoutes(pageRoutes, pathname) ?? []).some(
    (match) => (match.route.handle as PageHandle | undefined)?.isDocument,
  );
}
