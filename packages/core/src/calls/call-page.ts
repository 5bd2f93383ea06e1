// One page of training calls in one SQL statement: the open-calls list is every teacher's first
// screen, and through Prisma it costs five statements (the page, its applicant counts, providers,
// skill areas, the total), each about 0.4 ms of the API's CPU. This reads the same page, shaped as
// Prisma would return it, with its relations joined and its total counted by a window function.
//
// It takes the Prisma `where` the rules build (so visibility stays the rules' own) and the
// selection the GraphQL plugin asks for, and compiles both for the cases the lists use; anything
// else (a text search, a to-many relation, an operator it does not know) returns null and the
// caller asks Prisma. call-page.db.test.ts checks it against Prisma row for row.
import { db, Prisma, readAgainIfConnectionLost } from '@kmg/db';
import { columnOf } from '#columns.ts';

type Json = Record<string, unknown>;

const callFields = new Set<string>(Object.values(Prisma.TrainingCallScalarFieldEnum));

/** The to-one relations a page joins, each with all its scalar fields. */
const relations: Record<string, { table: string; key: string; fields: Set<string> }> = {
  provider: {
    table: 'organizations',
    key: 'provider_id',
    fields: new Set(Object.values(Prisma.OrganizationScalarFieldEnum)),
  },
  skillArea: {
    table: 'skill_areas',
    key: 'skill_area_id',
    fields: new Set(Object.values(Prisma.SkillAreaScalarFieldEnum)),
  },
  programme: {
    table: 'programmes',
    key: 'programme_id',
    fields: new Set(Object.values(Prisma.ProgrammeScalarFieldEnum)),
  },
};

/** The columns a `where` may name, with the SQL type its values are cast to. */
const filterTypes: Record<string, string> = {
  id: 'uuid',
  programmeId: 'uuid',
  providerId: 'uuid',
  skillAreaId: 'uuid',
  status: '"CallStatus"',
  title: 'text',
  city: 'text',
  province: 'text',
  startDate: 'date',
  endDate: 'date',
  applicationOpensAt: 'timestamptz',
  applicationClosesAt: 'timestamptz',
  createdAt: 'timestamptz',
  seats: 'int',
};

const comparisons: Record<string, string> = {
  equals: '=',
  not: '<>',
  gt: '>',
  gte: '>=',
  lt: '<',
  lte: '<=',
};

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function literal(value: unknown, type: string): Prisma.Sql | null {
  let text: string;
  if (value instanceof Date) text = type === 'date' ? value.toISOString().slice(0, 10) : value.toISOString();
  else if (typeof value === 'string' || typeof value === 'number') text = String(value);
  else return null;
  return Prisma.sql`CAST(${text} AS ${Prisma.raw(type)})`;
}

function fieldCondition(field: string, value: unknown): Prisma.Sql | null {
  const type = filterTypes[field];
  if (!type) return null;
  const column = Prisma.raw(`c."${columnOf(field)}"`);
  if (!isObject(value)) {
    const single = literal(value, type);
    return single && Prisma.sql`${column} = ${single}`;
  }
  const parts: Prisma.Sql[] = [];
  for (const [operator, operand] of Object.entries(value)) {
    if (operator === 'in') {
      if (!Array.isArray(operand)) return null;
      const items = operand.map((item) => literal(item, type));
      if (items.some((item) => item === null)) return null;
      parts.push(items.length === 0 ? Prisma.sql`FALSE` : Prisma.sql`${column} IN (${Prisma.join(items)})`);
      continue;
    }
    const sign = comparisons[operator];
    const right = sign ? literal(operand, type) : null;
    if (!sign || !right) return null;
    parts.push(Prisma.sql`${column} ${Prisma.raw(sign)} ${right}`);
  }
  return parts.length === 0 ? null : Prisma.sql`(${Prisma.join(parts, ' AND ')})`;
}

/**
 * A Prisma `where` on training calls as SQL over `c`, or null where it holds more than the lists
 * use. Empty ones are left to Prisma too: its `{}` inside `OR` and its `OR: []` are not SQL's TRUE
 * and FALSE (rules/rule.ts spells "every row" and "no row" out for that reason).
 */
export function whereSql(where: unknown): Prisma.Sql | null {
  if (!isObject(where)) return null;
  const parts: Prisma.Sql[] = [];
  for (const [key, value] of Object.entries(where)) {
    if (value === undefined) continue;
    if (key === 'AND' || key === 'OR') {
      const inner = (Array.isArray(value) ? value : [value]).map(whereSql);
      if (inner.length === 0 || inner.some((part) => part === null)) return null;
      parts.push(Prisma.sql`(${Prisma.join(inner as Prisma.Sql[], ` ${key} `)})`);
      continue;
    }
    const condition = fieldCondition(key, value);
    if (!condition) return null;
    parts.push(condition);
  }
  return parts.length === 0 ? null : Prisma.join(parts, ' AND ');
}

/** The selected columns, each named by its path in the row Prisma would return. */
function columnsSql(select: Json): { columns: Prisma.Sql[]; joins: Prisma.Sql[] } | null {
  const columns: Prisma.Sql[] = [];
  const joins: Prisma.Sql[] = [];
  for (const [key, value] of Object.entries(select)) {
    if (value === false || value === undefined) continue;
    if (callFields.has(key)) {
      if (value !== true) return null;
      columns.push(Prisma.raw(`c."${columnOf(key)}" AS "${key}"`));
      continue;
    }
    const relation = relations[key];
    if (relation) {
      let fields: string[];
      if (value === true) fields = [...relation.fields];
      else if (isObject(value) && Object.keys(value).length === 1 && isObject(value.select)) {
        const chosen = Object.entries(value.select).filter(([, on]) => on !== false && on !== undefined);
        if (chosen.some(([field, on]) => on !== true || !relation.fields.has(field))) return null;
        fields = chosen.map(([field]) => field);
      } else return null;
      for (const field of fields)
        columns.push(Prisma.raw(`${key}."${columnOf(field)}" AS "${key}.${field}"`));
      joins.push(Prisma.raw(`JOIN ${relation.table} ${key} ON ${key}.id = c.${relation.key}`));
      continue;
    }
    if (key === '_count') {
      const counted = isObject(value) && isObject(value.select) ? value.select : null;
      if (!counted || Object.keys(counted).length !== 1 || !('applications' in counted)) return null;
      const applications = counted.applications;
      let status = Prisma.empty;
      if (applications !== true) {
        const not =
          isObject(applications) && isObject(applications.where) ? applications.where.status : undefined;
        if (!isObject(not) || Object.keys(not).length !== 1 || typeof not.not !== 'string') return null;
        status = Prisma.sql` AND a.status <> CAST(${not.not} AS "ApplicationStatus")`;
      }
      columns.push(
        Prisma.sql`(SELECT count(*)::int FROM applications a WHERE a.call_id = c.id${status}) AS "_count.applications"`,
      );
      continue;
    }
    return null;
  }
  return { columns, joins };
}

/** Nests a flat row's "relation.field" columns as Prisma does, leaving out the "__" bookkeeping. */
function nest(row: Json): Json {
  const out: Json = {};
  for (const key in row) {
    if (key.startsWith('__')) continue;
    const value = row[key];
    const dot = key.indexOf('.');
    if (dot < 0) {
      out[key] = value;
      continue;
    }
    const parent = key.slice(0, dot);
    const inner = (out[parent] ?? {}) as Json;
    inner[key.slice(dot + 1)] = value;
    out[parent] = inner;
  }
  return out;
}

export type CallPageQuery = { select?: Json; take?: number; skip?: number; cursor?: { id?: string } };

/** The applications a selection asks for (the viewer's own, on the calls list), or null. */
function applicationsQuery(
  value: unknown,
): { where: unknown; take: number | null; select: Json | null } | null {
  if (!isObject(value)) return null;
  if (Object.keys(value).some((key) => !['where', 'take', 'select'].includes(key))) return null;
  const take = value.take ?? null;
  if (take !== null && (typeof take !== 'number' || !Number.isInteger(take) || take < 0)) return null;
  if (value.select !== undefined && !isObject(value.select)) return null;
  return { where: value.where ?? {}, take, select: (value.select as Json | undefined) ?? null };
}

/** Prisma's `{ id: { in: [] } }`: a where nothing matches (the signed-out viewer's own rows). */
function matchesNothing(where: unknown): boolean {
  return (
    isObject(where) &&
    Object.keys(where).length === 1 &&
    isObject(where.id) &&
    Array.isArray(where.id.in) &&
    where.id.in.length === 0 &&
    Object.keys(where.id).length === 1
  );
}

/**
 * The page `findMany({ ...query, where, orderBy: [{ [order]: direction }, { id: direction }] })`
 * returns, and the number of calls `where` matches when the page is the first and not empty (the
 * total otherwise needs its own count). Null when the query or `where` is beyond what it compiles.
 * The calls' applications, if asked for, come by a second statement over the page's calls.
 */
export async function readCallPage(
  query: CallPageQuery,
  where: unknown,
  order: { field: string; direction: 'asc' | 'desc' },
): Promise<{ rows: Json[]; total: number | null } | null> {
  const extra = Object.keys(query).filter((key) => !['select', 'take', 'skip', 'cursor'].includes(key));
  if (extra.length > 0 || !isObject(query.select) || !filterTypes[order.field]) return null;
  const take = query.take ?? null;
  const skip = query.skip ?? 0;
  if ((take !== null && (!Number.isInteger(take) || take < 0)) || !Number.isInteger(skip) || skip < 0)
    return null;
  const { applications: applicationsSelection, ...select } = query.select;
  const applications =
    applicationsSelection === undefined ? undefined : applicationsQuery(applicationsSelection);
  if (applications === null) return null;
  const condition = whereSql(where);
  const selected = columnsSql(select);
  if (!condition || !selected || selected.columns.length === 0) return null;

  const orderColumn = Prisma.raw(`"${columnOf(order.field)}"`);
  const direction = Prisma.raw(order.direction === 'asc' ? 'ASC' : 'DESC');
  let after = Prisma.empty;
  const cursor = query.cursor?.id;
  if (query.cursor) {
    if (typeof cursor !== 'string' || Object.keys(query.cursor).length !== 1) return null;
    // Prisma's cursor: from the cursor's own place in the order onwards (skip 1 passes it by).
    const sign = Prisma.raw(order.direction === 'asc' ? '>=' : '<=');
    after = Prisma.sql` AND (c.${orderColumn}, c.id) ${sign} (SELECT ${orderColumn}, id FROM training_calls WHERE id = CAST(${cursor} AS uuid))`;
  }
  // The page's calls first, counting all that match on the way (a window over narrow rows), then
  // their columns, relations and applicant counts for the page alone.
  const total = query.cursor ? Prisma.sql`NULL::int` : Prisma.sql`count(*) OVER ()::int`;
  const limit = take === null ? Prisma.empty : Prisma.sql` LIMIT ${take}`;
  const statement = () => db().$queryRaw<Json[]>`
    WITH page AS (
      SELECT c.id, ${total} AS total FROM training_calls c
      WHERE ${condition}${after}
      ORDER BY c.${orderColumn} ${direction}, c.id ${direction}${limit} OFFSET ${skip}
    )
    SELECT ${Prisma.join(selected.columns)}, c.id AS "__id", page.total AS "__total"
    FROM page JOIN training_calls c ON c.id = page.id ${selected.joins.length ? Prisma.join(selected.joins, ' ') : Prisma.empty}
    ORDER BY c.${orderColumn} ${direction}, c.id ${direction}`;
  const rows = await readAgainIfConnectionLost(statement);
  let counted: number | null = null;
  const ids: string[] = [];
  const page = rows.map((row) => {
    ids.push(row.__id as string);
    counted = row.__total as number | null;
    return nest(row);
  });
  if (applications) {
    const byCall = new Map<string, Json[]>(ids.map((id) => [id, []]));
    if (ids.length > 0 && !matchesNothing(applications.where)) {
      const found = (await db().application.findMany({
        where: { AND: [applications.where as Prisma.ApplicationWhereInput, { callId: { in: ids } }] },
        ...(applications.select ? { select: { ...applications.select, callId: true } } : {}),
        orderBy: { id: 'asc' },
      })) as Json[];
      for (const application of found) {
        const own = byCall.get(application.callId as string);
        if (applications.select && !applications.select.callId) delete application.callId;
        if (own && (applications.take === null || own.length < applications.take)) own.push(application);
      }
    }
    page.forEach((row, index) => {
      row.applications = byCall.get(ids[index] as string) ?? [];
    });
  }
  return { rows: page, total: counted };
}

const totals = new WeakMap<object, Map<string, number>>();

/** Keeps a page's total for the connection's `totalCount` in the same request. */
export function rememberCallTotal(request: object, filter: unknown, total: number | null) {
  if (total === null) return;
  const known = totals.get(request) ?? new Map<string, number>();
  known.set(JSON.stringify(filter ?? null), total);
  totals.set(request, known);
}

export function rememberedCallTotal(request: object, filter: unknown): number | undefined {
  return totals.get(request)?.get(JSON.stringify(filter ?? null));
}
