import type { Locale } from '@kmg/domain';
import { LanguageSwitch, rememberSignedOutChoice, useLocale } from '@kmg/ui';
import { Anchor, Button, Container, Group } from '@mantine/core';
import {
  IconArrowLeft,
  IconBuildingBank,
  IconBuildingCommunity,
  IconCertificate,
  IconClipboardList,
  IconRoute,
  IconSchool,
  IconUserCircle,
} from '@tabler/icons-react';
import { type ReactNode, Suspense, useEffect, useMemo, useRef } from 'react';
import { Link, useLocation, useRoutes } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { AccountMenu, AccountMenu_viewer } from '#components/AccountMenu.tsx';
import { NotificationBell } from '#components/NotificationBell.tsx';
import { PageErrorBoundary } from '#components/RouteError.tsx';
import { graphql } from '#graphql.ts';
import { withNext } from '#lib/next-path.ts';
import { startOfflineSupport } from '#lib/offline.ts';
import { useScrollRestoration } from '#lib/scroll-restoration.ts';
import { useSessionCount } from '#lib/session.tsx';
import { ViewerContext, type ViewerState } from '#lib/viewer.tsx';
import { forgetOtherWallets } from '#lib/wallet-copy.ts';
import { isDocumentPage, pageRoutes } from '#routes.tsx';
import classes from './AppLayout.module.css';

const AppLayoutQuery = graphql(
  `
    query AppLayout {
      me {
        id
        name
        locale
        roles
        teacherProfile {
          nuptk
        }
        ...AccountMenu_viewer
      }
    }
  `,
  [AccountMenu_viewer],
);

const SetMyLocale = graphql(`
  mutation SetMyLocale($locale: Locale!) {
    setMyLocale(locale: $locale) {
      id
      locale
    }
  }
`);

/** The header, the main navigation and the page; loads who is signed in for every page. */
export function AppLayout() {
  const { t, locale, setLocale } = useLocale();
  const location = useLocation();
  const page = useRoutes(pageRoutes);
  const isDocument = useMemo(() => isDocumentPage(location.pathname), [location.pathname]);
  useScrollRestoration();
  const [{ data: fresh, error, fetching }, reexecute] = useQuery({ query: AppLayoutQuery });
  const [, setMyLocale] = useMutation(SetMyLocale);
  // A new client in another language loads `me` again: meanwhile keep the person we knew, so
  // pages do not fall back to their skeletons and lose what was typed into them. After a sign-in
  // or sign-out that person is gone (their bell would ask for their notices, signed out).
  const sessions = useSessionCount();
  const known = useRef({ sessions, data: fresh });
  if (fresh || known.current.sessions !== sessions) known.current = { sessions, data: fresh };
  const data = fresh ?? (fetching ? known.current.data : undefined);
  const me = data?.me ?? null;

  // A wallet saved for offline use belongs to whoever is signed in now, or goes.
  useEffect(() => {
    if (fresh) forgetOtherWallets(fresh.me?.id ?? null);
  }, [fresh]);

  // Signing in brings the language this person chose last time, on whatever phone they use (or the
  // one just chosen signed out, which the sign-in made the account's). A language chosen on this
  // page before we knew who is signed in is the newer choice: it becomes the account's instead of
  // being undone by the account's older one.
  const adoptedFor = useRef<string | null>(null);
  const chosenBeforeKnown = useRef<Locale | null>(null);
  useEffect(() => {
    if (!data) return;
    const chosen = chosenBeforeKnown.current;
    chosenBeforeKnown.current = null;
    if (!me || adoptedFor.current === me.id) return;
    adoptedFor.current = me.id;
    if (chosen) {
      if (chosen !== me.locale) void setMyLocale({ locale: chosen });
    } else if (me.locale !== locale) setLocale(me.locale);
  }, [data, me, locale, setLocale, setMyLocale]);

  const chooseLocale = (next: Locale) => {
    if (me) {
      void setMyLocale({ locale: next });
      return;
    }
    // Signed out (or not known yet), the choice goes with the sign-in to the account (it would
    // otherwise bring its own), and to the account once we know who is signed in.
    if (!data) chosenBeforeKnown.current = next;
    rememberSignedOutChoice(next);
  };

  const viewerState = useMemo<ViewerState>(() => {
    if (data) {
      const viewer = data.me && {
        id: data.me.id,
        name: data.me.name,
        locale: data.me.locale,
        roles: data.me.roles,
        isTeacher: !!data.me.teacherProfile,
        isPrincipal: data.me.roles.includes('PRINCIPAL'),
      };
      return { status: 'ready', viewer };
    }
    if (error) {
      return {
        status: 'failed',
        isNetworkError: !!error.networkError,
        retry: () => reexecute({ requestPolicy: 'network-only' }),
      };
    }
    return { status: 'loading' };
  }, [data, error, reexecute]);

  useEffect(() => {
    if (viewerState.status !== 'loading') startOfflineSupport();
  }, [viewerState.status]);

  // After a navigation, start reading (and tabbing) at the new page rather than the old link.
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.focus({ preventScroll: true });
  }, [location.pathname]);

  const here = `${location.pathname}${location.search}`;
  const onAuthPage = location.pathname === '/masuk' || location.pathname === '/daftar';
  const viewer = viewerState.status === 'ready' ? viewerState.viewer : null;
  // Anonymous visitors see "Pendaftaran saya", "Kredensial", "Jalur" and "Kuliah RPL" (they ask them
  // to sign in, or show what RPL offers);
  // principals who do not teach have no applications or credentials of their own, but their school's.
  const showsApplications = !viewer || viewer.isTeacher;
  const showsSchool = !!viewer?.isPrincipal;

  return (
    <>
      <a href="#main" className={classes.skipLink}>
        {t('learner.nav.skip')}
      </a>
      <header className={classes.header}>
        <Container size="lg" className={classes.headerInner}>
          {/* Named by what it shows, "KMG" and the programme's name (only read out where it does
              not fit), so speech input finds it by the visible words (WCAG 2.5.3). */}
          <Link to="/" className={classes.brand}>
            <span className={classes.logo}>KMG</span>
            <span className={classes.brandName}>{t('common.appName')}</span>
          </Link>
          <nav className={classes.nav} aria-label={t('learner.nav.label')} hidden={isDocument}>
            <NavItem
              to="/"
              isActive={location.pathname === '/' || location.pathname.startsWith('/pelatihan')}
            >
              <IconSchool size={22} stroke={1.8} />
              {t('learner.nav.calls')}
            </NavItem>
            {showsApplications && (
              <NavItem to="/pendaftaran" isActive={location.pathname.startsWith('/pendaftaran')}>
                <IconClipboardList size={22} stroke={1.8} />
                {t('learner.nav.applications')}
              </NavItem>
            )}
            {showsApplications && (
              <NavItem to="/kredensial" isActive={location.pathname.startsWith('/kredensial')}>
                <IconCertificate size={22} stroke={1.8} />
                {t('learner.nav.credentials')}
              </NavItem>
            )}
            {showsApplications && (
              <NavItem to="/jalur" isActive={location.pathname.startsWith('/jalur')}>
                <IconRoute size={22} stroke={1.8} />
                {t('learner.nav.pathways')}
              </NavItem>
            )}
            {showsApplications && (
              <NavItem to="/rpl" isActive={location.pathname.startsWith('/rpl')}>
                <IconBuildingBank size={22} stroke={1.8} />
                {t('learner.nav.rpl')}
              </NavItem>
            )}
            {showsSchool && (
              <NavItem to="/sekolah" isActive={location.pathname.startsWith('/sekolah')}>
                <IconBuildingCommunity size={22} stroke={1.8} />
                {t('learner.nav.school')}
              </NavItem>
            )}
            {/* On phones the profile is in the account menu, and a visitor signs in from the
                header: the tab bar keeps room for the rest (six tabs do not fit 360 px). */}
            <NavItem to="/profil" isActive={location.pathname.startsWith('/profil')} isDesktopOnly>
              <IconUserCircle size={22} stroke={1.8} />
              {t('learner.nav.profile')}
            </NavItem>
          </nav>
          <div className={classes.actions}>
            <LanguageSwitch onChange={chooseLocale} />
            {me ? (
              <>
                <NotificationBell />
                <AccountMenu viewer={me} />
              </>
            ) : (
              // Offline nobody can sign in: no button that cannot work.
              !fetching &&
              viewerState.status === 'ready' &&
              !onAuthPage && (
                <Button component={Link} to={withNext('/masuk', here)} variant="light" size="sm" h={40}>
                  {t('common.signIn')}
                </Button>
              )
            )}
          </div>
        </Container>
      </header>
      <main
        id="main"
        ref={main}
        tabIndex={-1}
        className={classes.main}
        data-document={isDocument || undefined}
      >
        {isDocument && viewer && (
          <Container size="sm" px="md" pt="md">
            <Anchor component={Link} to={viewer.isTeacher ? '/kredensial' : '/'} size="sm" fw={600}>
              <Group gap={4} component="span">
                <IconArrowLeft size={18} aria-hidden />
                {viewer.isTeacher ? t('learner.nav.backToCredentials') : t('learner.nav.backHome')}
              </Group>
            </Anchor>
          </Container>
        )}
        <ViewerContext value={viewerState}>
          <PageErrorBoundary resetKey={location.pathname}>
            <Suspense
              fallback={
                <div className={classes.progress} role="progressbar" aria-label={t('common.loading')} />
              }
            >
              {page}
            </Suspense>
          </PageErrorBoundary>
        </ViewerContext>
      </main>
    </>
  );
}

function NavItem({
  to,
  isActive,
  isDesktopOnly = false,
  children,
}: {
  to: string;
  isActive: boolean;
  isDesktopOnly?: boolean;
  children: [ReactNode, ReactNode];
}) {
  const [icon, label] = children;
  return (
    <Link
      to={to}
      className={classes.navLink}
      data-desktop-only={isDesktopOnly || undefined}
      aria-current={isActive ? 'page' : undefined}
    >
      <span className={classes.navIcon} aria-hidden>
        {icon}
      </span>
      <span>{label}</span>
    </Link>
  );
}
