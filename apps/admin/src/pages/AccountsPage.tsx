import { useLocale } from '@kmg/ui';
import {
  Button,
  Grid,
  Group,
  LoadingOverlay,
  Paper,
  Select,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { PageHeader } from '#components/PageHeader.tsx';
import { PageNotice } from '#components/PageNotice.tsx';
import { Pager } from '#components/Pager.tsx';
import { QueryError } from '#components/QueryError.tsx';
import { StaffAccountForm, StaffAccountForm_organization } from '#components/StaffAccountForm.tsx';
import { UsersTable, UsersTable_user } from '#components/UsersTable.tsx';
import { useProblemMessages } from '#components/use-problem-messages.ts';
import { graphql } from '#graphql.ts';
import {
  type AccountsSearch,
  accountRoles,
  accountsVariables,
  emptyAccountFilters,
  hasAccountFilters,
  readAccountsSearch,
  writeAccountsSearch,
} from '#lib/accounts-search.ts';
import { MutationProblem_error, readProblem } from '#lib/mutation-result.ts';
import { firstPage } from '#lib/pagination.ts';
import { useRoleLabel } from '#lib/role-label.ts';
import { useKeptData } from '#lib/use-kept-data.ts';
import { isAdmin, useViewer } from '#lib/viewer.tsx';

const AccountsPageQuery = graphql(
  `
  query AccountsPage($filter: UserFilter, $first: Int, $after: String, $last: Int, $before: String) {
    organizations { id name shortName kind ...StaffAccountForm_organization }
    users(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { node { id ...UsersTable_user } }
    }
  }
`,
  [StaffAccountForm_organization, UsersTable_user],
);

const CreateStaffAccount = graphql(
  `
  mutation CreateStaffAccount($input: StaffAccountInput!) {
    createStaffAccount(input: $input) {
      __typename
      ... on CreateStaffAccountSuccess {
        data { id name email roles organization { id name shortName } }
      }
      ...MutationProblem_error
    }
  }
`,
  [MutationProblem_error],
);

/** Every account, searchable by name, email or NUPTK and filtered by role and organization; and a form for a new staff account. */
export function AccountsPage() {
  const { t } = useLocale();
  const roleLabel = useRoleLabel();
  const messages = useProblemMessages();
  const viewer = useViewer();
  const allowed = isAdmin(viewer);
  const [params, setParams] = useSearchParams();
  const search = useMemo(() => readAccountsSearch(params), [params]);
  const [result, reexecute] = useQuery({
    query: AccountsPageQuery,
    variables: accountsVariables(search),
    pause: !allowed,
  });
  const data = useKeptData(result.data);
  const current = result.data ?? (result.error ? undefined : data);
  const [, createAccount] = useMutation(CreateStaffAccount);
  const navigate = (next: AccountsSearch, { replace = false } = {}) =>
    setParams(writeAccountsSearch(next), { replace, preventScrollReset: true });

  // Typing updates the box at once and the URL (hence the query) after a pause.
  const [searchText, setSearchText] = useState(search.filters.search);
  useEffect(() => setSearchText(search.filters.search), [search.filters.search]);
  const commitSearch = useDebouncedCallback(
    (value: string) =>
      navigate(
        { filters: { ...search.filters, search: value }, page: firstPage(search.page.size) },
        { replace: true },
      ),
    350,
  );

  if (!allowed) {
    return (
      <PageNotice
        title={t('admin.accounts.notAllowed')}
        text={t('admin.accounts.notAllowedText')}
        back={{ to: '/', label: t('admin.errors.toCalls') }}
      />
    );
  }

  const retry = () => reexecute({ requestPolicy: 'network-only' });
  const connection = current?.users;
  const organizationOptions = (data?.organizations ?? []).map((organization) => ({
    value: organization.id,
    label: organization.shortName ? `${organization.name} (${organization.shortName})` : organization.name,
  }));
  const filtered = hasAccountFilters(search.filters);

  return (
    <>
      <PageHeader title={t('admin.accounts.title')} description={t('admin.accounts.intro')} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="sm">
            <Group justify="space-between" align="flex-end">
              <div>
                <Title order={2} size="h4" id="accounts-list-title">
                  {t('admin.accounts.listTitle')}
                </Title>
                <Text size="sm" c="dimmed" aria-live="polite">
                  {connection ? t('admin.accounts.count', { count: connection.totalCount }) : ''}
                </Text>
              </div>
              {filtered && (
                <Button
                  variant="subtle"
                  size="sm"
                  leftSection={<IconFilterOff size={16} aria-hidden />}
                  onClick={() => {
                    setSearchText('');
                    navigate({ filters: emptyAccountFilters, page: firstPage(search.page.size) });
                  }}
                >
                  {t('admin.calls.clearFilters')}
                </Button>
              )}
            </Group>
            <search aria-label={t('admin.accounts.filters')} className="account-filters">
              <TextInput
                label={t('admin.accounts.search')}
                placeholder={t('admin.accounts.searchPlaceholder')}
                leftSection={<IconSearch size={16} aria-hidden />}
                type="search"
                size="sm"
                value={searchText}
                onChange={(event) => {
                  setSearchText(event.currentTarget.value);
                  commitSearch(event.currentTarget.value);
                }}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') commitSearch.flush();
                }}
              />
              <Select
                label={t('admin.accounts.roleFilter')}
                placeholder={t('admin.calls.anyOption')}
                size="sm"
                clearable
                data={accountRoles.map((role) => ({ value: role, label: roleLabel(role) }))}
                value={search.filters.role}
                onChange={(value) =>
                  navigate({
                    filters: {
                      ...search.filters,
                      role: accountRoles.find((role) => role === value) ?? null,
                    },
                    page: firstPage(search.page.size),
                  })
                }
              />
              <Select
                label={t('admin.accounts.organizationFilter')}
                placeholder={t('admin.calls.anyOption')}
                size="sm"
                clearable
                searchable
                data={organizationOptions}
                value={search.filters.organizationId}
                onChange={(value) =>
                  navigate({
                    filters: { ...search.filters, organizationId: value },
                    page: firstPage(search.page.size),
                  })
                }
              />
            </search>
            {result.error && <QueryError error={result.error} onRetry={retry} />}
            {!connection ? (
              !result.error && (
                <Stack gap="sm" role="status" aria-label={t('common.loading')}>
                  {Array.from({ length: 6 }, (_, index) => (
                    <Skeleton key={index} h={44} />
                  ))}
                </Stack>
              )
            ) : (
              <>
                <Paper withBorder radius="md" pos="relative">
                  <LoadingOverlay visible={result.fetching} zIndex={2} overlayProps={{ blur: 1 }} />
                  {connection.totalCount === 0 ? (
                    <Text ta="center" c="dimmed" py={40} px="md">
                      {filtered ? t('admin.accounts.noMatch') : t('admin.accounts.empty')}
                    </Text>
                  ) : (
                    <UsersTable
                      users={connection.edges.map((edge) => edge.node)}
                      labelledBy="accounts-list-title"
                    />
                  )}
                </Paper>
                {connection.totalCount > 0 && (
                  <Pager
                    page={search.page}
                    pageInfo={connection.pageInfo}
                    rows={connection.edges.length}
                    total={connection.totalCount}
                    onChange={(page) => navigate({ ...search, page })}
                  />
                )}
              </>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
            <Title order={2} size="h4" mb="md">
              {t('admin.accounts.formTitle')}
            </Title>
            {data ? (
              <StaffAccountForm
                organizations={data.organizations}
                onSubmit={async (values) => {
                  const outcome = await createAccount({
                    input: {
                      name: values.name.trim(),
                      email: values.email.trim(),
                      password: values.password,
                      roles: values.roles,
                      organizationId: values.organizationId,
                    },
                  });
                  const created = outcome.data?.createStaffAccount;
                  const problem = readProblem(created, outcome.error, messages);
                  if (problem) return problem;
                  if (created?.__typename === 'CreateStaffAccountSuccess') {
                    notifications.show({
                      color: 'green',
                      title: t('admin.accounts.created', { name: created.data.name }),
                      message: t('admin.accounts.createdHint', { email: created.data.email }),
                    });
                  }
                  return null;
                }}
              />
            ) : (
              <Stack gap="md" role="status" aria-label={t('common.loading')}>
                {Array.from({ length: 5 }, (_, index) => (
                  <Skeleton key={String(index)} h={56} />
                ))}
              </Stack>
            )}
          </Paper>
        </Grid.Col>
      </Grid>
    </>
  );
}
