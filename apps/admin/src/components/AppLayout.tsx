import { signOut, useLocale } from '@kmg/ui';
import {
  Anchor,
  AppShell,
  Box,
  Burger,
  Center,
  Container,
  Group,
  Loader,
  NavLink,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconBriefcase,
  IconCertificate,
  IconChartBar,
  IconClipboardCheck,
  IconExternalLink,
  IconListDetails,
  IconMap,
  IconSchool,
  IconSpeakerphone,
  IconStack2,
  IconUsers,
} from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Navigate, Outlet, NavLink as RouterNavLink, useLocation } from 'react-router';
import { useQuery } from 'urql';
import { BareLayout, BrandMark } from '#components/BareLayout.tsx';
import { LocaleSwitch } from '#components/LocaleSwitch.tsx';
import { QueryError } from '#components/QueryError.tsx';
import { RplAdminNavLinks } from '#components/RplAdminNav.tsx';
import { RplQueueNavLink } from '#components/RplQueueNavLink.tsx';
import { StaffOnlyNotice } from '#components/StaffOnlyNotice.tsx';
import { ViewerMenu, ViewerMenu_viewer } from '#components/ViewerMenu.tsx';
import { graphql } from '#graphql.ts';
import { signInPath } from '#lib/urql.ts';
import {
  canUseConsole,
  isAdmin,
  isRplStaff,
  isSelectionReviewer,
  managesNationalRegulation,
  managesPathways,
  runsCalls,
  seesDashboard,
  setsBranding,
  ViewerProvider,
} from '#lib/viewer.tsx';

const AdminShellQuery = graphql(
  `
  query AdminShell {
    me {
      id
      name
      roles
      locale
      organization { id name shortName }
      ...ViewerMenu_viewer
    }
  }
`,
  [ViewerMenu_viewer],
);

/** Signing out reloads the console, so nothing cached for this person outlives the session. */
async function signOutAndLeave() {
  await signOut();
  window.location.assign(signInPath);
}

/** The console frame: signs people in first, then header, navigation and the page. */
export function AppLayout() {
  const { t, locale, setLocale } = useLocale();
  const location = useLocation();
  // On a phone or a portrait tablet the navigation is a drawer, closed again after choosing a page.
  const [navOpened, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);
  const [{ data, error }, reexecute] = useQuery({ query: AdminShellQuery });
  const me = data?.me;

  // The language saved on the account wins when the person arrives (and whenever it changes).
  useEffect(() => {
    if (me?.locale && me.locale !== locale) setLocale(me.locale);
  }, [me?.locale]);
  // Until then the page waits: its queries would be answered (names, reasons) in the device's
  // language and cached, beside labels in the account's.
  const [hasArrived, setHasArrived] = useState(false);
  const waitsForLocale = !hasArrived && Boolean(me?.locale) && me?.locale !== locale;
  useEffect(() => {
    if (me && !waitsForLocale) setHasArrived(true);
  }, [me, waitsForLocale]);

  if (error && !data) {
    return (
      <Container size="sm" py="xl">
        <QueryError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      </Container>
    );
  }
  if (!data || waitsForLocale) {
    return (
      <Center mih="100vh" role="status" aria-live="polite">
        <Loader role="status" aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (!me) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/masuk' : `/masuk?next=${encodeURIComponent(next)}`} replace />;
  }
  if (!canUseConsole(me.roles)) {
    return (
      <BareLayout signedIn>
        <StaffOnlyNotice name={me.name} roles={me.roles} onSignOut={signOutAndLeave} />
      </BareLayout>
    );
  }

  const onCallsSection = location.pathname === '/' || location.pathname.startsWith('/lowongan');
  return (
    <ViewerProvider value={me}>
      <AppShell
        header={{ height: 64 }}
        navbar={{ width: 224, breakpoint: 'md', collapsed: { mobile: !navOpened } }}
        padding="md"
      >
        <Anchor
          href="#main"
          className="skip-link"
          onClick={(event) => {
            event.preventDefault();
            document.getElementById('main')?.focus();
          }}
        >
          {t('admin.skipToContent')}
        </Anchor>
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={navOpened}
                onClick={toggleNav}
                hiddenFrom="md"
                size="sm"
                aria-label={navOpened ? t('admin.nav.closeMenu') : t('admin.nav.openMenu')}
                aria-expanded={navOpened}
                aria-controls="console-navigation"
              />
              {/* Named by what it shows ("KMG", the console's name, on wide screens its tagline), so
                  speech input finds it by the visible words (WCAG 2.5.3); on a phone the console's
                  name is only read out. */}
              <UnstyledButton component={RouterNavLink} to="/">
                <Group gap={10} wrap="nowrap">
                  <BrandMark isNamePart />
                  <Stack gap={0} className="brand-name">
                    <Text fw={700} size="md" lh={1.2}>
                      {t('admin.consoleName')}
                    </Text>
                    <Text size="xs" c="dimmed" lh={1.2} visibleFrom="lg">
                      {t('admin.consoleTagline')}
                    </Text>
                  </Stack>
                </Group>
              </UnstyledButton>
            </Group>
            <Group gap="md" wrap="nowrap">
              <LocaleSwitch signedIn />
              <ViewerMenu viewer={me} onSignOut={signOutAndLeave} />
            </Group>
          </Group>
        </AppShell.Header>

        <AppShell.Navbar p="sm" id="console-navigation">
          <Box component="nav" aria-label={t('admin.nav.label')} style={{ flex: 1 }}>
            <Stack gap={4}>
              {runsCalls(me) && (
                <NavLink
                  component={RouterNavLink}
                  to="/"
                  label={t('admin.nav.calls')}
                  leftSection={<IconListDetails size={20} aria-hidden />}
                  active={onCallsSection}
                  onClick={closeNav}
                  fw={500}
                />
              )}
              {seesDashboard(me) && (
                <NavLink
                  component={RouterNavLink}
                  to="/dasbor"
                  label={t('admin.nav.dashboard')}
                  leftSection={<IconChartBar size={20} aria-hidden />}
                  onClick={closeNav}
                  fw={500}
                />
              )}
              {managesPathways(me) && (
                <NavLink
                  component={RouterNavLink}
                  to="/jalur"
                  label={t('admin.nav.pathways')}
                  leftSection={<IconStack2 size={20} aria-hidden />}
                  onClick={closeNav}
                  fw={500}
                />
              )}
              {managesPathways(me) && (
                <NavLink
                  component={RouterNavLink}
                  to="/program"
                  label={t('admin.programmes.nav')}
                  leftSection={<IconSpeakerphone size={20} aria-hidden />}
                  onClick={closeNav}
                  fw={500}
                />
              )}
              {isSelectionReviewer(me) && (
                <NavLink
                  component={RouterNavLink}
                  to="/penilaian"
                  label={t('admin.nav.reviews')}
                  leftSection={<IconClipboardCheck size={20} aria-hidden />}
                  onClick={closeNav}
                  fw={500}
                />
              )}
              {isRplStaff(me) ? (
                <>
                  <NavLink
                    component={RouterNavLink}
                    to="/rpl"
                    label={t('admin.nav.rpl')}
                    leftSection={<IconSchool size={20} aria-hidden />}
                    onClick={closeNav}
                    fw={500}
                  />
                  <RplQueueNavLink onNavigate={closeNav} />
                </>
              ) : (
                managesNationalRegulation(me) && (
                  <NavLink
                    component={RouterNavLink}
                    to="/rpl/regulasi-nasional"
                    label={t('admin.nav.rplRegulation')}
                    leftSection={<IconSchool size={20} aria-hidden />}
                    onClick={closeNav}
                    fw={500}
                  />
                )
              )}
              {isRplStaff(me) && <RplAdminNavLinks onNavigate={closeNav} />}
              {managesPathways(me) && (
                <NavLink
                  component={RouterNavLink}
                  to="/dasbor/peta"
                  label={t('admin.provinceMap.nav')}
                  leftSection={<IconMap size={20} aria-hidden />}
                  onClick={closeNav}
                  fw={500}
                />
              )}
              {managesPathways(me) && (
                <NavLink
                  component={RouterNavLink}
                  to="/tautan-kerja"
                  label={t('admin.jobLinks.nav')}
                  leftSection={<IconBriefcase size={20} aria-hidden />}
                  onClick={closeNav}
                  fw={500}
                />
              )}
              {setsBranding(me) && (
                <NavLink
                  component={RouterNavLink}
                  to="/branding"
                  label={t('admin.branding.nav')}
                  leftSection={<IconCertificate size={20} aria-hidden />}
                  onClick={closeNav}
                  fw={500}
                />
              )}
              {isAdmin(me) && (
                <NavLink
                  component={RouterNavLink}
                  to="/akun"
                  label={t('admin.nav.accounts')}
                  leftSection={<IconUsers size={20} aria-hidden />}
                  onClick={closeNav}
                  fw={500}
                />
              )}
            </Stack>
          </Box>
          <NavLink
            href="/"
            label={t('admin.nav.learnerApp')}
            rightSection={<IconExternalLink size={16} aria-hidden />}
            c="dimmed"
          />
        </AppShell.Navbar>

        <AppShell.Main id="main" tabIndex={-1} style={{ outline: 'none' }}>
          <Box maw={1440} mx="auto">
            <Outlet />
          </Box>
        </AppShell.Main>
      </AppShell>
    </ViewerProvider>
  );
}
