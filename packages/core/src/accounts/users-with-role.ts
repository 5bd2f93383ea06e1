import { type db, Prisma, type Role } from '@kmg/db';

type Client = Prisma.TransactionClient | ReturnType<typeof db>;

/**
 * The people holding a role (of the given organizations, if any), filtered by the database rather
 * than by loading everyone and checking in code. Through SQL because PGlite's driver adapter cannot
 * bind Prisma's enum-array `has` filter ("malformed array literal"); on PostgreSQL alone
 * `roles: { has: role }` would do.
 */
export async function userIdsWithRole(
  client: Client,
  role: Role,
  { organizationIds }: { organizationIds?: readonly string[] } = {},
): Promise<string[]> {
  if (organizationIds?.length === 0) return [];
  const inOrganizations = organizationIds
    ? Prisma.sql`AND organization_id IN (${Prisma.join(organizationIds.map((id) => Prisma.sql`${id}::uuid`))})`
    : Prisma.empty;
  const rows = await client.$queryRaw<{ id: string }[]>`
    SELECT id FROM users WHERE ${role}::"Role" = ANY(roles) ${inOrganizations} ORDER BY id`;
  return rows.map((row) => row.id);
}
