// Decrees (surat keputusan) of RPL decisions: numbered in the university's format (a sequence per
// year, taken in the transaction that stores the decree, so a number is never given twice), for one
// case or every validated case of an intake, as the university chooses. With the decree, the
// university issues each recognised teacher a signed CLR 2.0 recognition (its did:web key), kept
// in the wallet and verifiable at /verify/<id>. The decree's content is stored as decreed; its PDF
// (Indonesian or English) renders from it, with the logo the university uploaded.
import { randomUUID } from 'node:crypto';
import {
  buildStatusEntry,
  createIdentitySalt,
  type RplDecreeInput,
  type RplMinutesInput,
  type RplRecognitionInput,
  renderRplDecree,
  renderRplMinutes,
  signRplRecognition,
  statusListCredentialUrl,
} from '@kmg/credentials';
import type { Prisma } from '@kmg/db';
import {
  type Assessment,
  formatDecreeNumber,
  type LocalDate,
  type Locale,
  localDateAt,
  type RplCaseStatus,
} from '@kmg/domain';
import type { Actor } from '#actor.ts';
import { requireViewer } from '#applications/common.ts';
import { recordAudit } from '#audit.ts';
import { revokeInTransaction } from '#credentials/change-credential-status.ts';
import { credentialConfig, issuerIdOf } from '#credentials/config.ts';
import { platformDocumentLoader, signingKeyFor } from '#credentials/issuers.ts';
import { allocateStatus } from '#credentials/status-lists.ts';
import { InvalidStateError, NotFoundError, ValidationError } from '#errors.ts';
import { notify } from '#notify.ts';
import {
  type CaseRow,
  caseReference,
  caseSelect,
  lockCase,
  moveCase,
  planForViewer,
  proposalOf,
  type Tx,
  viewerStaffRoles,
} from '#rpl/review/case.ts';
import { inTransaction } from '#transaction.ts';

const RPL_TIME_ZONE = 'Asia/Jakarta';

export type UniversitySettings = Prisma.RplUniversitySettingsGetPayload<object>;

/** The university's settings, created with the defaults the first time they are read for a change. */
export async function loadUniversitySettings(tx: Tx, universityId: string): Promise<UniversitySettings> {
  return tx.rplUniversitySettings.upsert({ where: { universityId }, create: { universityId }, update: {} });
}

type StoredSignatory = {
  name: string;
  positionId: string;
  positionEn?: string | null;
  employeeNumber?: string | null;
  employeeNumberLabel?: string | null;
};

type StoredLetterhead = {
  ministryId?: string | null;
  ministryEn?: string | null;
  unitId?: string | null;
  unitEn?: string | null;
  address?: string[];
  contacts?: string[];
};

/** The decree as stored: the document's input without the logo (added when rendering). */
export type DecreeContent = Omit<RplDecreeInput, 'university'> & {
  university: Omit<RplDecreeInput['university'], 'logo'>;
  /** The cases it decides, in the attachment's order. */
  applicationIds: string[];
};

const pair = (id: string, en?: string | null) => ({ id, en: en?.trim() || id });

const withoutDegree = (name: string, degree: string) =>
  name.startsWith(`${degree} `) ? name.slice(degree.length + 1) : name;

/** "S1 Pendidikan Teknik Mesin": the degree before the name, unless the name starts with it. */
export function programmeTitle(programme: { degree: string; nameId: string; nameEn: string }) {
  const titled = (name: string) =>
    name.startsWith(`${programme.degree} `) ? name : `${programme.degree} ${name}`;
  return pair(titled(programme.nameId), titled(programme.nameEn));
}

/** Takes the next number of the university's year, in this transaction. */
async function nextDecreeNumber(
  tx: Tx,
  {
    universityId,
    universityCode,
    programmeCode,
    pattern,
    date,
  }: {
    universityId: string;
    universityCode: string;
    programmeCode: string;
    pattern: string;
    date: LocalDate;
  },
) {
  const year = Number(date.slice(0, 4));
  const [row] = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO rpl_decree_sequences (university_id, year, last) VALUES (${universityId}::uuid, ${year}, 1)
    ON CONFLICT (university_id, year) DO UPDATE SET last = rpl_decree_sequences.last + 1
    RETURNING last`;
  const sequence = Number(row?.last);
  const number = formatDecreeNumber(pattern, { sequence, date, programmeCode, universityCode });
  return { year, sequence, number };
}

/** The regulations the decision applied: every citation of the profiles in force at submission. */
function legalBasisOf(rows: CaseRow[]): string[] {
  const layers = ['NATIONAL', 'UNIVERSITY', 'PROGRAMME'];
  const sources: { layer: string; citation: string }[] = [];
  for (const row of rows) {
    const regulation = proposalOf(row).input.regulation as Record<
      string,
      { source: { layer: string; citation: string } | null }
    >;
    for (const limit of Object.values(regulation)) {
      const source = limit?.source;
      if (source && !sources.some((known) => known.citation === source.citation)) sources.push(source);
    }
  }
  // In the hierarchy's order: the national regulation, then the university's, then the programme's.
  const citations = sources
    .sort((a, b) => layers.indexOf(a.layer) - layers.indexOf(b.layer))
    .map((source) => source.citation);
  return citations.length > 0
    ? citations
    : ['Permendikbudristek Nomor 41 Tahun 2021 tentang Rekognisi Pembelajaran Lampau'];
}

/** The latest validated (or appeal) decision of each case, with its courses. */
async function finalDecisions(tx: Tx, applicationIds: string[], decisionId?: string) {
  const decisions = await tx.rplCommitteeDecision.findMany({
    where: decisionId
      ? { id: decisionId }
      : { applicationId: { in: applicationIds }, OR: [{ validatedAt: { not: null } }, { kind: 'APPEAL' }] },
    orderBy: { decidedAt: 'desc' },
    include: {
      courses: {
        include: {
          course: { select: { code: true, nameId: true, nameEn: true, sks: true, semester: true } },
        },
      },
    },
  });
  const latest = new Map<string, (typeof decisions)[number]>();
  for (const decision of decisions)
    if (!latest.has(decision.applicationId)) latest.set(decision.applicationId, decision);
  return latest;
}

const sortCourses = <T extends { course: { semester: number; code: string } }>(courses: T[]) =>
  [...courses].sort(
    (a, b) => a.course.semester - b.course.semester || a.course.code.localeCompare(b.course.code),
  );

/**
 * Decides `rows` under one new decree: the number, the stored content, each case DECIDED with its
 * recognised SKS, a recognition credential for each teacher with SKS recognised (revoking the one an
 * amended decree replaces), and a notice to each teacher.
 */
async function decreeCases(
  tx: Tx,
  ctx: Actor,
  rows: CaseRow[],
  { scope, amendsId, decisionId }: { scope: 'CASE' | 'INTAKE'; amendsId: string | null; decisionId?: string },
) {
  const viewer = requireViewer(ctx);
  const first = rows[0] as CaseRow;
  const universityId = first.programme.universityId;
  const settings = await loadUniversitySettings(tx, universityId);
  const university = await tx.organization.findUniqueOrThrow({ where: { id: universityId } });
  const programme = await tx.studyProgramme.findUniqueOrThrow({ where: { id: first.programmeId } });
  const intake = await tx.rplIntake.findUniqueOrThrow({ where: { id: first.intakeId } });
  const decisions = await finalDecisions(
    tx,
    rows.map((r) => r.id),
    decisionId,
  );
  const teachers = await tx.user.findMany({
    where: { id: { in: rows.map((r) => r.teacherId) } },
    select: { id: true, name: true, teacherProfile: { select: { nuptk: true } } },
  });
  const date = localDateAt(ctx.now, RPL_TIME_ZONE);
  const { year, sequence, number } = await nextDecreeNumber(tx, {
    universityId,
    universityCode: university.code,
    programmeCode: programme.code,
    pattern: settings.decreeNumberPattern,
    date,
  });
  const decreeId = randomUUID();
  const publicUrl = credentialConfig().publicUrl;
  const letterhead = settings.letterhead as StoredLetterhead;
  const signatories = (settings.signatories as StoredSignatory[]).length
    ? (settings.signatories as StoredSignatory[])
    : [
        {
          name: viewer.name,
          positionId: settings.authority === 'DEAN' ? 'Dekan' : 'Rektor',
          positionEn: settings.authority === 'DEAN' ? 'Dean' : 'Rector',
        },
      ];
  const programmeName = programmeTitle(programme);
  const intakeName = pair(intake.nameId, intake.nameEn);
  const recognitions = rows.map((row) => {
    const teacher = teachers.find((t) => t.id === row.teacherId);
    const decision = decisions.get(row.id);
    const courses = sortCourses((decision?.courses ?? []).filter((c) => c.sks > 0));
    return {
      teacher: { name: teacher?.name ?? '', nuptk: teacher?.teacherProfile?.nuptk ?? '' },
      programme: programmeName,
      intake: intakeName,
      courses: courses.map((c) => ({
        code: c.course.code,
        name: pair(c.course.nameId, c.course.nameEn),
        sks: c.sks,
      })),
    };
  });
  const content: DecreeContent = {
    university: {
      ...(letterhead.ministryId ? { ministry: pair(letterhead.ministryId, letterhead.ministryEn) } : {}),
      name: university.name,
      ...(letterhead.unitId ? { unit: pair(letterhead.unitId, letterhead.unitEn) } : {}),
      address: letterhead.address?.length
        ? letterhead.address
        : [university.address ?? university.city ?? ''],
      ...(letterhead.contacts?.length ? { contacts: letterhead.contacts } : {}),
    },
    authority:
      settings.authority === 'DEAN'
        ? { kind: 'DEAN', faculty: pair(settings.facultyId ?? '', settings.facultyEn) }
        : { kind: 'RECTOR' },
    number,
    considerations: [
      pair(
        'bahwa pembelajaran yang telah ditempuh guru melalui pelatihan dan sertifikasi kompetensi dapat diakui sebagai capaian pembelajaran pada program studi melalui rekognisi pembelajaran lampau',
        'that learning teachers achieved through training and competency certification may be recognised as learning outcomes of a study programme through recognition of prior learning',
      ),
      pair(
        `bahwa tim RPL program studi ${programme.nameId} telah menilai bukti yang diajukan dan keputusannya telah divalidasi`,
        `that the RPL committee of the ${programme.nameEn} programme has assessed the evidence submitted and its decision has been validated`,
      ),
    ],
    legalBasis: legalBasisOf(rows),
    recognitions,
    place: settings.place || university.city || '',
    date,
    signatories: signatories.map((s) => ({
      name: s.name,
      position: pair(s.positionId, s.positionEn),
      ...(s.employeeNumber ? { employeeNumber: s.employeeNumber } : {}),
      ...(s.employeeNumberLabel ? { employeeNumberLabel: s.employeeNumberLabel } : {}),
    })),
    verificationUrl: `${publicUrl}/verify/sk/${decreeId}`,
    applicationIds: rows.map((r) => r.id),
  };
  await tx.rplDecree.create({
    data: {
      id: decreeId,
      universityId,
      programmeId: programme.id,
      intakeId: intake.id,
      scope,
      number,
      year,
      sequence,
      decreedOn: new Date(`${date}T00:00:00Z`),
      content: content as unknown as Prisma.InputJsonValue,
      amendsId,
      issuedById: viewer.id,
    },
  });
  const issuedBy =
    settings.authority === 'DEAN'
      ? `Dekan ${settings.facultyId ?? ''} ${university.name}`
      : `Rektor ${university.name}`;
  for (const [index, row] of rows.entries()) {
    const recognition = recognitions[index] as (typeof recognitions)[number];
    const recognisedSks = recognition.courses.reduce((sum, c) => sum + c.sks, 0);
    if (row.recognitionCredentialId) {
      const old = await tx.credential.findUniqueOrThrow({ where: { id: row.recognitionCredentialId } });
      if (!old.revokedAt)
        await revokeInTransaction(tx, old, `Diganti oleh surat keputusan ${number}`, ctx.now, viewer.id);
    }
    const credentialId =
      recognisedSks > 0
        ? await issueRecognition(tx, ctx, {
            row,
            decision: decisions.get(row.id),
            university,
            programme,
            intake,
            decree: { number, date, issuedBy, verificationUrl: content.verificationUrl },
            legalBasis: legalBasisOf(rows),
          })
        : null;
    const status: RplCaseStatus = 'DECIDED';
    await moveCase(tx, {
      row,
      action: amendsId ? 'decideAppeal' : 'issueDecree',
      to: status,
      actorId: viewer.id,
      actingRole: amendsId ? null : 'UNIVERSITY_ADMIN',
      at: ctx.now,
      data: {
        decreeId,
        decidedAt: row.decidedAt ?? ctx.now,
        recognisedSks,
        recognitionCredentialId: credentialId,
      },
      details: { decreeId, number, recognisedSks, credentialId },
    });
    await notify(tx, [
      {
        userId: row.teacherId,
        kind: 'RPL_DECREED',
        subject: { type: 'RPL_APPLICATION', id: row.id },
        params: { programme: programme.nameId, number, sks: recognisedSks },
      },
    ]);
  }
  return { id: decreeId, number };
}

/** The teacher's signed recognition for one decided case, stored as a CLR credential. */
async function issueRecognition(
  tx: Tx,
  ctx: Actor,
  {
    row,
    decision,
    university,
    programme,
    intake,
    decree,
    legalBasis,
  }: {
    row: CaseRow;
    decision: Awaited<ReturnType<typeof finalDecisions>> extends Map<string, infer D> ? D | undefined : never;
    university: {
      id: string;
      code: string;
      name: string;
      website: string | null;
      address: string | null;
      city: string | null;
    };
    programme: { code: string; nameId: string; nameEn: string; degree: 'D3' | 'D4' | 'S1' | 'S2' | 'S3' };
    intake: { code: string; nameId: string; nameEn: string };
    decree: { number: string; date: string; issuedBy: string; verificationUrl: string };
    legalBasis: string[];
  },
): Promise<string> {
  const settings = credentialConfig();
  const snapshot = proposalOf(row);
  const entries = await tx.rplApplicationCredential.findMany({
    where: { applicationId: row.id, isVerified: true },
    select: {
      credentialId: true,
      credential: { select: { id: true, document: true } },
      externalCredential: { select: { id: true, credentialUri: true, achievementName: true } },
    },
  });
  const nameOf = (document: unknown) =>
    ((document as { credentialSubject?: { achievement?: { name?: string } } }).credentialSubject?.achievement
      ?.name ??
      (document as { name?: string }).name ??
      'Kredensial KMG') as string;
  const prior = entries.flatMap((entry) => {
    if (entry.credential)
      return [
        {
          key: entry.credential.id,
          id: `${settings.publicUrl}/verify/${entry.credential.id}`,
          name: nameOf(entry.credential.document),
        },
      ];
    const ext = entry.externalCredential;
    if (ext && /^https?:/.test(ext.credentialUri))
      return [{ key: ext.id, id: ext.credentialUri, name: ext.achievementName }];
    return [];
  });
  const teacher = await tx.user.findUniqueOrThrow({
    where: { id: row.teacherId },
    select: { name: true, teacherProfile: { select: { nuptk: true } } },
  });
  const proposed = snapshot.proposal.kind === 'proposal' ? snapshot.proposal.proposed : [];
  const allPrior = prior.map((p) => p.id);
  const courses = sortCourses((decision?.courses ?? []).filter((c) => c.sks > 0)).map((c) => {
    const basis = proposed.find((p) => p.courseId === c.courseId)?.credentialIds ?? [];
    const basedOn = prior.filter((p) => basis.includes(p.key)).map((p) => p.id);
    return {
      code: c.course.code,
      name: pair(c.course.nameId, c.course.nameEn),
      sks: c.course.sks,
      recognisedSks: c.sks,
      basedOn: basedOn.length > 0 ? basedOn : allPrior,
    };
  });
  if (prior.length === 0) throw new InvalidStateError('RPL_NO_CREDENTIALS');
  const key = await signingKeyFor(tx, university);
  const status = await allocateStatus(tx, university.id);
  const id = randomUUID();
  const parent = await tx.organization.findUnique({ where: { code: settings.parentOrganizationCode } });
  const input: RplRecognitionInput = {
    id: `urn:uuid:${id}`,
    university: {
      id: issuerIdOf(university.code),
      name: university.name,
      url: university.website ?? `${settings.publicUrl}/issuers/${university.code}`,
      address: {
        ...(university.address ? { streetAddress: university.address } : {}),
        ...(university.city ? { addressLocality: university.city } : {}),
      },
      parentOrg: {
        id: `${settings.publicUrl}/issuers/${settings.parentOrganizationCode}`,
        name: parent?.name ?? 'Direktorat Sekolah Menengah Kejuruan',
      },
    },
    achievementBaseUrl: `${settings.publicUrl}/issuers/${university.code}`,
    learner: { name: teacher.name, nuptk: teacher.teacherProfile?.nuptk ?? '', salt: createIdentitySalt() },
    programme: {
      code: programme.code,
      // The credential puts the degree before the name itself ("S1 Pendidikan Teknik Mesin").
      name: pair(
        withoutDegree(programme.nameId, programme.degree),
        withoutDegree(programme.nameEn, programme.degree),
      ),
      degree: programme.degree,
    },
    intake: { code: intake.code, name: pair(intake.nameId, intake.nameEn) },
    decree,
    legalBasis,
    courses,
    priorLearning: prior.map(({ id: url, name }) => ({ id: url, name })),
    credentialStatus: buildStatusEntry({
      statusListCredential: statusListCredentialUrl({
        publicBaseUrl: settings.publicUrl,
        slug: university.code,
        listId: status.listId,
      }),
      statusListIndex: status.index,
      statusPurpose: 'revocation',
    }),
  };
  const document = await signRplRecognition({
    input,
    key,
    documentLoader: platformDocumentLoader(tx),
    now: ctx.now,
  });
  await tx.credential.create({
    data: {
      id,
      kind: 'CLR',
      teacherId: row.teacherId,
      issuerId: university.id,
      document: document as Prisma.InputJsonValue,
      // What the wallet shows beside the signed document (as training credentials' sources do).
      source: {
        kind: 'rpl-recognition',
        applicationId: row.id,
        decreeNumber: decree.number,
        achievement: {
          name: {
            id: `Pengakuan RPL ${programmeTitle(programme).id}`,
            en: `RPL recognition, ${programmeTitle(programme).en}`,
          },
          achievementType: 'ext:RecognitionOfPriorLearning',
          credits: courses.reduce((sum, course) => sum + course.recognisedSks, 0),
        },
        issuer: { name: university.name, parentOrg: { name: parent?.name ?? '' } },
        learner: { name: teacher.name },
      } as Prisma.InputJsonValue,
      validFrom: ctx.now,
      revocationListId: status.listId,
      statusIndex: status.index,
    },
  });
  const kmgIds = entries.flatMap((entry) => (entry.credential ? [entry.credential.id] : []));
  if (kmgIds.length > 0)
    await tx.credentialComponent.createMany({
      data: kmgIds.map((componentId) => ({ credentialId: id, componentId })),
    });
  await recordAudit(tx, {
    actorId: ctx.viewer?.id ?? null,
    action: 'credential.issued',
    subject: { type: 'CREDENTIAL', id },
    occurredAt: ctx.now,
    details: { kind: 'rpl-recognition', applicationId: row.id },
  });
  return id;
}

/**
 * The university admin issues the decree: for one validated case, or (`intakeId`) for every
 * validated case of an intake at once.
 */
export async function issueRplDecree(
  ctx: Actor,
  { applicationId, intakeId }: { applicationId?: string | null; intakeId?: string | null },
) {
  requireViewer(ctx);
  if (!applicationId === !intakeId)
    throw new ValidationError([{ path: ['applicationId'], code: 'REQUIRED' }]);
  return inTransaction(
    async (tx) => {
      let ids: string[];
      if (intakeId) {
        const cases = await tx.rplApplication.findMany({
          where: { intakeId, status: 'APPROVED' },
          select: { id: true },
          orderBy: { submittedAt: 'asc' },
        });
        if (cases.length === 0) throw new InvalidStateError('RPL_NOTHING_TO_DECREE');
        ids = cases.map((c) => c.id);
      } else ids = [applicationId as string];
      const rows: CaseRow[] = [];
      for (const id of ids) {
        const row = await lockCase(tx, id);
        await planForViewer(tx, ctx, row, 'issueDecree');
        rows.push(row);
      }
      // The university decrees per case or per intake, as it chose in its settings.
      const scope = intakeId ? 'INTAKE' : 'CASE';
      const settings = await loadUniversitySettings(tx, (rows[0] as CaseRow).programme.universityId);
      if (settings.decreeScope !== scope)
        throw new InvalidStateError(scope === 'CASE' ? 'RPL_DECREE_PER_INTAKE' : 'RPL_DECREE_PER_CASE');
      return decreeCases(tx, ctx, rows, { scope, amendsId: null });
    },
    { timeout: 120_000, maxWait: 20_000 },
  );
}

/** After an appeal that changed the result: an amended decree for the case, in the caller's transaction. */
export async function issueAmendedDecree(tx: Tx, ctx: Actor, row: CaseRow, decisionId: string) {
  const fresh = await tx.rplApplication.findUniqueOrThrow({ where: { id: row.id }, select: caseSelect });
  return decreeCases(tx, ctx, [fresh], { scope: 'CASE', amendsId: row.decreeId, decisionId });
}

/** Who may read a decree: its teachers, the university's RPL staff, admins. */
export async function findReadableDecree(ctx: Actor, decreeId: string, client: Tx) {
  const viewer = requireViewer(ctx);
  const decree = await client.rplDecree.findUnique({ where: { id: decreeId } });
  if (!decree) throw new NotFoundError();
  const content = decree.content as unknown as DecreeContent;
  const isTeacher =
    (await client.rplApplication.count({
      where: { id: { in: content.applicationIds }, teacherId: viewer.id },
    })) > 0;
  const isStaff =
    viewer.roles.includes('ADMIN') ||
    (viewer.roles.includes('RPL_REVIEWER') && viewer.organizationId === decree.universityId);
  if (!isTeacher && !isStaff) throw new NotFoundError();
  return decree;
}

async function logoOf(
  tx: Tx,
  universityId: string,
  readLogo: (storageKey: string) => Promise<Uint8Array | null>,
): Promise<Uint8Array | undefined> {
  const settings = await tx.rplUniversitySettings.findUnique({ where: { universityId } });
  if (!settings?.logoStorageKey) return undefined;
  return (await readLogo(settings.logoStorageKey)) ?? undefined;
}

/** The decree's PDF in `locale`, rendered from what was decreed. */
export async function renderDecreePdf(
  ctx: Actor,
  {
    decreeId,
    locale,
    readLogo,
    client,
  }: { decreeId: string; locale: Locale; readLogo: (key: string) => Promise<Uint8Array | null>; client: Tx },
) {
  const decree = await findReadableDecree(ctx, decreeId, client);
  const { applicationIds: _ids, ...content } = decree.content as unknown as DecreeContent;
  const logo = await logoOf(client, decree.universityId, readLogo);
  const pdf = await renderRplDecree(
    { ...content, university: { ...content.university, ...(logo ? { logo } : {}) } } as RplDecreeInput,
    { locale, fonts: credentialConfig().fonts },
  );
  return { pdf, number: decree.number };
}

/** The public summary behind a decree's QR code: what was decided for whom, and by whom. */
export async function publicDecree(client: Tx, decreeId: string) {
  const decree = await client.rplDecree.findUnique({
    where: { id: decreeId },
    include: {
      university: { select: { name: true, code: true } },
      amendedBy: { select: { id: true, number: true } },
      amends: { select: { id: true, number: true } },
      applications: { select: { id: true, recognitionCredentialId: true, teacherId: true } },
    },
  });
  if (!decree) return null;
  const content = decree.content as unknown as DecreeContent;
  // The recognitions this decree issued (a later, amended decree's replace them, revoked).
  const issued = await client.credential.findMany({
    where: {
      kind: 'CLR',
      source: { path: ['decreeNumber'], equals: decree.number },
      issuerId: decree.universityId,
    },
    select: { id: true, source: true, revokedAt: true },
  });
  const credentialOf = (applicationId: string) =>
    issued.find((c) => (c.source as { applicationId?: string }).applicationId === applicationId) ?? null;
  return { decree, content, credentialOf };
}

/** The assessment minutes of a case, in `locale`: the assessors' judgement and the committee's SKS. */
export async function renderMinutesPdf(
  ctx: Actor,
  {
    applicationId,
    locale,
    readLogo,
    client,
  }: {
    applicationId: string;
    locale: Locale;
    readLogo: (key: string) => Promise<Uint8Array | null>;
    client: Tx;
  },
) {
  const row = await client.rplApplication.findUnique({ where: { id: applicationId }, select: caseSelect });
  if (!row?.submittedAt) throw new NotFoundError();
  const viewer = requireViewer(ctx);
  const staff = await viewerStaffRoles(client, ctx, row);
  if (row.teacherId !== viewer.id && staff.length === 0 && !viewer.roles.includes('ADMIN'))
    throw new NotFoundError();
  const decisions = await finalDecisions(client, [row.id]);
  const latest =
    decisions.get(row.id) ??
    (await client.rplCommitteeDecision.findFirst({
      where: { applicationId, returnedAt: null },
      orderBy: { decidedAt: 'desc' },
      include: {
        courses: {
          include: {
            course: { select: { code: true, nameId: true, nameEn: true, sks: true, semester: true } },
          },
        },
      },
    }));
  if (!latest) throw new InvalidStateError('RPL_NOT_DECIDED_YET');
  const assessments = await client.rplAssessment.findMany({
    where: { applicationId },
    include: { assessor: { select: { id: true, name: true } } },
  });
  const university = await client.organization.findUniqueOrThrow({
    where: { id: row.programme.universityId },
  });
  const settings = await client.rplUniversitySettings.findUnique({ where: { universityId: university.id } });
  const programme = await client.studyProgramme.findUniqueOrThrow({ where: { id: row.programmeId } });
  const intake = await client.rplIntake.findUniqueOrThrow({ where: { id: row.intakeId } });
  const teacher = await client.user.findUniqueOrThrow({
    where: { id: row.teacherId },
    select: { name: true, teacherProfile: { select: { nuptk: true } } },
  });
  const staffRows = await client.rplStaffMember.findMany({
    where: {
      universityId: university.id,
      userId: { in: [...assessments.map((a) => a.assessorId), latest.decidedById] },
    },
    include: { user: { select: { name: true } } },
  });
  const person = (userId: string, name: string) => {
    const member = staffRows.find((s) => s.userId === userId && s.affiliation);
    return {
      name,
      affiliation: member?.affiliation ?? university.name,
      ...(member?.employeeNumber ? { employeeNumber: member.employeeNumber } : {}),
    };
  };
  const academic = assessments.find((a) => a.role === 'ACADEMIC_ASSESSOR');
  const practitioner = assessments.find((a) => a.role === 'PRACTITIONER_ASSESSOR');
  const outcomes = await client.courseOutcome.findMany({
    where: { courseId: { in: latest.courses.map((c) => c.courseId) } },
    orderBy: { position: 'asc' },
  });
  const judged = (assessment: typeof academic, courseId: string, code: string) => {
    const course = ((assessment?.courses ?? []) as Assessment['courses']).find(
      (c) => c.courseId === courseId,
    );
    const outcome = course?.outcomes.find((o) => o.outcomeCode === code);
    return { course, outcome };
  };
  const decider = await client.user.findUniqueOrThrow({
    where: { id: latest.decidedById },
    select: { name: true },
  });
  const letterhead = (settings?.letterhead ?? {}) as StoredLetterhead;
  const logo = await logoOf(client, university.id, readLogo);
  const lastAssessment = assessments
    .map((a) => a.submittedAt ?? a.updatedAt)
    .sort((a, b) => b.getTime() - a.getTime())[0];
  const input: RplMinutesInput = {
    university: {
      ...(letterhead.ministryId ? { ministry: pair(letterhead.ministryId, letterhead.ministryEn) } : {}),
      name: university.name,
      ...(letterhead.unitId ? { unit: pair(letterhead.unitId, letterhead.unitEn) } : {}),
      address: letterhead.address?.length
        ? letterhead.address
        : [university.address ?? university.city ?? ''],
      ...(letterhead.contacts?.length ? { contacts: letterhead.contacts } : {}),
      ...(logo ? { logo } : {}),
    },
    caseReference: caseReference(row.id),
    teacher: { name: teacher.name, nuptk: teacher.teacherProfile?.nuptk ?? '' },
    programme: programmeTitle(programme),
    intake: pair(intake.nameId, intake.nameEn),
    assessors: {
      academic: person(academic?.assessorId ?? '', academic?.assessor.name ?? '-'),
      practitioner: person(practitioner?.assessorId ?? '', practitioner?.assessor.name ?? '-'),
    },
    committee: [{ ...person(latest.decidedById, decider.name), role: pair('Ketua', 'Chair') }],
    date: localDateAt(lastAssessment ?? latest.decidedAt, RPL_TIME_ZONE),
    venue: university.city ?? university.name,
    place: settings?.place || university.city || '',
    courses: sortCourses(latest.courses).map((c) => {
      const own = outcomes.filter((o) => o.courseId === c.courseId);
      const a = judged(academic, c.courseId, '');
      const p = judged(practitioner, c.courseId, '');
      return {
        code: c.course.code,
        name: pair(c.course.nameId, c.course.nameEn),
        sks: c.course.sks,
        proposedSks: c.proposedSks,
        decidedSks: c.sks,
        ...(c.reason ? { reason: c.reason } : {}),
        outcomes: own.map((o) => {
          const ao = judged(academic, c.courseId, o.code).outcome;
          const po = judged(practitioner, c.courseId, o.code).outcome;
          return {
            code: o.code,
            description: pair(o.textId, o.textEn),
            methods: [...new Set([ao?.method, po?.method].filter((m): m is NonNullable<typeof m> => !!m))],
            academic: {
              score: ao?.score ?? 0,
              recommendation: a.course?.recommendation ?? 'NEEDS_MORE_EVIDENCE',
            },
            practitioner: {
              score: po?.score ?? 0,
              recommendation: p.course?.recommendation ?? 'NEEDS_MORE_EVIDENCE',
            },
          };
        }),
      };
    }),
    verificationUrl: row.decreeId ? `${credentialConfig().publicUrl}/verify/sk/${row.decreeId}` : undefined,
  };
  const pdf = await renderRplMinutes(input, { locale, fonts: credentialConfig().fonts });
  return { pdf, reference: input.caseReference as string };
}
