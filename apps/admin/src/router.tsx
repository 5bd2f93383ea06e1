import { createBrowserRouter } from 'react-router';
import { AppLayout } from '#components/AppLayout.tsx';
import { PageLoader } from '#components/PageLoader.tsx';
import { RouteError } from '#components/RouteError.tsx';

// Each page is its own chunk; the shell and sign-in load first.
export const router = createBrowserRouter(
  [
    {
      path: '/masuk',
      lazy: async () => ({ Component: (await import('#pages/SignInPage.tsx')).SignInPage }),
      ErrorBoundary: RouteError,
      HydrateFallback: PageLoader,
    },
    {
      path: '/',
      Component: AppLayout,
      ErrorBoundary: RouteError,
      HydrateFallback: PageLoader,
      children: [
        {
          ErrorBoundary: RouteError,
          children: [
            {
              index: true,
              lazy: async () => ({ Component: (await import('#pages/CallsPage.tsx')).CallsPage }),
            },
            {
              path: 'lowongan/baru',
              lazy: async () => ({ Component: (await import('#pages/NewCallPage.tsx')).NewCallPage }),
            },
            {
              path: 'lowongan/:id',
              lazy: async () => ({ Component: (await import('#pages/CallLayout.tsx')).CallLayout }),
              children: [
                {
                  index: true,
                  lazy: async () => ({
                    Component: (await import('#pages/CallOverviewPage.tsx')).CallOverviewPage,
                  }),
                },
                {
                  path: 'seleksi',
                  lazy: async () => ({
                    Component: (await import('#pages/CallSelectionPage.tsx')).CallSelectionPage,
                  }),
                },
                {
                  path: 'pelaksanaan',
                  lazy: async () => ({
                    Component: (await import('#pages/CallDeliveryLayout.tsx')).CallDeliveryLayout,
                  }),
                  children: [
                    {
                      index: true,
                      lazy: async () => ({
                        Component: (await import('#pages/CallResultsPage.tsx')).CallResultsPage,
                      }),
                    },
                    {
                      path: 'kehadiran',
                      lazy: async () => ({
                        Component: (await import('#pages/CallAttendancePage.tsx')).CallAttendancePage,
                      }),
                    },
                    {
                      path: 'asesmen',
                      lazy: async () => ({
                        Component: (await import('#pages/CallAssessmentPage.tsx')).CallAssessmentPage,
                      }),
                    },
                    {
                      path: 'kredensial',
                      lazy: async () => ({
                        Component: (await import('#pages/CallAchievementPage.tsx')).CallAchievementPage,
                      }),
                    },
                  ],
                },
              ],
            },
            {
              path: 'lowongan/:id/ubah',
              lazy: async () => ({ Component: (await import('#pages/EditCallPage.tsx')).EditCallPage }),
            },
            {
              path: 'penilaian',
              lazy: async () => ({
                Component: (await import('#pages/ReviewAssignmentsPage.tsx')).ReviewAssignmentsPage,
              }),
            },
            {
              path: 'penilaian/:id',
              lazy: async () => ({ Component: (await import('#pages/ReviewCallPage.tsx')).ReviewCallPage }),
            },
            {
              path: 'dasbor',
              lazy: async () => ({ Component: (await import('#pages/DashboardPage.tsx')).DashboardPage }),
            },
            {
              path: 'jalur',
              lazy: async () => ({ Component: (await import('#pages/PathwaysPage.tsx')).PathwaysPage }),
            },
            {
              path: 'jalur/baru',
              lazy: async () => ({ Component: (await import('#pages/NewPathwayPage.tsx')).NewPathwayPage }),
            },
            {
              path: 'jalur/tinjauan',
              lazy: async () => ({
                Component: (await import('#pages/PathwayReviewsPage.tsx')).PathwayReviewsPage,
              }),
            },
            {
              path: 'jalur/:id',
              lazy: async () => ({ Component: (await import('#pages/PathwayPage.tsx')).PathwayPage }),
            },
            {
              path: 'jalur/:id/ubah',
              lazy: async () => ({ Component: (await import('#pages/EditPathwayPage.tsx')).EditPathwayPage }),
            },
            {
              path: 'rpl',
              lazy: async () => ({
                Component: (await import('#pages/RplProgrammesPage.tsx')).RplProgrammesPage,
              }),
            },
            {
              path: 'rpl/regulasi-nasional',
              lazy: async () => ({
                Component: (await import('#pages/NationalRegulationPage.tsx')).NationalRegulationPage,
              }),
            },
            // The university's RPL administration: people, decree settings, decrees, report.
            {
              path: 'rpl/staf',
              lazy: async () => ({ Component: (await import('#pages/RplStaffPage.tsx')).RplStaffPage }),
            },
            {
              path: 'rpl/pengaturan',
              lazy: async () => ({ Component: (await import('#pages/RplSettingsPage.tsx')).RplSettingsPage }),
            },
            {
              path: 'rpl/sk',
              lazy: async () => ({ Component: (await import('#pages/RplDecreesPage.tsx')).RplDecreesPage }),
            },
            {
              path: 'rpl/laporan',
              lazy: async () => ({ Component: (await import('#pages/RplReportPage.tsx')).RplReportPage }),
            },
            {
              path: 'rpl/prodi/baru',
              lazy: async () => ({
                Component: (await import('#pages/ProgrammeFormPage.tsx')).NewProgrammePage,
              }),
            },
            {
              path: 'rpl/prodi/:id/ubah',
              lazy: async () => ({
                Component: (await import('#pages/ProgrammeFormPage.tsx')).EditProgrammePage,
              }),
            },
            {
              path: 'rpl/prodi/:id/aturan/baru',
              lazy: async () => ({ Component: (await import('#pages/RuleEditorPage.tsx')).RuleEditorPage }),
            },
            {
              path: 'rpl/prodi/:id/aturan/:versionId',
              lazy: async () => ({ Component: (await import('#pages/RuleEditorPage.tsx')).RuleEditorPage }),
            },
            // RPL cases: the reviewers' queue and one case (part 1's application page redirects here).
            {
              path: 'rpl/kasus',
              lazy: async () => ({ Component: (await import('#pages/RplQueuePage.tsx')).RplQueuePage }),
            },
            {
              path: 'rpl/kasus/:id',
              lazy: async () => ({ Component: (await import('#pages/RplCasePage.tsx')).RplCasePage }),
            },
            {
              path: 'rpl/pendaftaran/:id',
              lazy: async () => ({
                Component: (await import('#pages/RplApplicationPage.tsx')).RplApplicationPage,
              }),
            },
            {
              path: 'rpl/prodi/:id',
              lazy: async () => ({
                Component: (await import('#pages/RplProgrammeLayout.tsx')).RplProgrammeLayout,
              }),
              children: [
                {
                  index: true,
                  lazy: async () => ({
                    Component: (await import('#pages/RplProgrammeOverviewPage.tsx')).RplProgrammeOverviewPage,
                  }),
                },
                {
                  path: 'kurikulum',
                  lazy: async () => ({
                    Component: (await import('#pages/RplCurriculumPage.tsx')).RplCurriculumPage,
                  }),
                },
                {
                  path: 'regulasi',
                  lazy: async () => ({
                    Component: (await import('#pages/RplRegulationPage.tsx')).RplRegulationPage,
                  }),
                },
                {
                  path: 'aturan',
                  lazy: async () => ({ Component: (await import('#pages/RplRulesPage.tsx')).RplRulesPage }),
                },
                {
                  path: 'pendaftar',
                  lazy: async () => ({
                    Component: (await import('#pages/RplApplicationsPage.tsx')).RplApplicationsPage,
                  }),
                },
              ],
            },
            {
              path: 'program',
              lazy: async () => ({ Component: (await import('#pages/ProgrammesPage.tsx')).ProgrammesPage }),
            },
            {
              path: 'dasbor/peta',
              lazy: async () => ({ Component: (await import('#pages/ProvinceMapPage.tsx')).ProvinceMapPage }),
            },
            {
              path: 'tautan-kerja',
              lazy: async () => ({ Component: (await import('#pages/JobLinksPage.tsx')).JobLinksPage }),
            },
            {
              path: 'branding',
              lazy: async () => ({ Component: (await import('#pages/BrandingPage.tsx')).BrandingPage }),
            },
            {
              path: 'akun',
              lazy: async () => ({ Component: (await import('#pages/AccountsPage.tsx')).AccountsPage }),
            },
            {
              path: '*',
              lazy: async () => ({ Component: (await import('#pages/NotFoundPage.tsx')).NotFoundPage }),
            },
          ],
        },
      ],
    },
  ],
  { basename: '/admin' },
);
