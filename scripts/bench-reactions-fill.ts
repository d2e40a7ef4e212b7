/**
 * Bulk fill for the reactions benchmark (scripts/bench-reactions.ts): 200 reacting actors (150 states drawn on the
 * map, 20 international organisations, 30 ministers and ministries affiliated to those states), 10 spokespeople, and
 * N reactions with their signatories (a joint statement of four every tenth), speakers, targets, one alignment row
 * per party, and source links with excerpts — in a handful of set-based statements (generate_series), so 10,000
 * reactions take seconds. Bench data only: it skips the audit log and the versioned write on purpose, like
 * scripts/bench-claims-fill.ts.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { actors, dossierParties } from '@/server/actors/schema';
import type { DatabaseHandle } from '@/server/db/client';
import { datePrecisions, reactionChannels } from '@/server/reactions/reactions.labels';
import { worldMap } from '@/server/reactions/world-map';

export interface ReactionsFill {
  /** The dossier's parties (role "party") in column order: the claims bench's when it ran, else made here. */
  partyIds: string[];
  /** The 200 reacting actors: states first, then organisations, then people and bodies. */
  actorIds: string[];
  stateIds: string[];
  organisationIds: string[];
}

/** Primary stances by frequency: mostly calls for a ceasefire, then condemnation and concern, as in real crises. */
const PRIMARY_STANCES = [
  'ceasefire', 'ceasefire', 'ceasefire', 'ceasefire', 'ceasefire', 'ceasefire',
  'talks', 'talks', 'mediation', 'supports_party', 'supports_party',
  'condemns', 'condemns', 'condemns', 'concern', 'concern', 'concern',
  'sympathy', 'humanitarian_aid', 'sanctions', 'neutral', 'other',
] as const;

const WORDS = [
  'calls on both sides to cease hostilities immediately and return to the negotiating table',
  'is deeply concerned by the escalation along the Line of Contact',
  'condemns the shelling of civilian settlements near Terter and Stepanakert',
  'stands ready to support the OSCE Minsk Group co-chairs in their mediation',
  'offers its condolences to the families of the victims',
  'will send humanitarian aid to the displaced families',
];

const uuidArray = (ids: string[]) => sql.raw(`'{${ids.join(',')}}'::uuid[]`);
const textArray = (values: readonly string[]) =>
  sql.raw(`array[${values.map((value) => `'${value.replaceAll("'", "''")}'`).join(',')}]::text[]`);
const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

async function partiesOf(handle: DatabaseHandle, dossierId: string, userId: string): Promise<string[]> {
  const existing = await handle.db
    .select({ actorId: dossierParties.actorId })
    .from(dossierParties)
    .where(and(eq(dossierParties.dossierId, dossierId), eq(dossierParties.role, 'party'), isNull(dossierParties.deletedAt)))
    .orderBy(asc(dossierParties.position));
  if (existing.length >= 2) return existing.map((row) => row.actorId);
  const stamp = { createdBy: userId, updatedBy: userId };
  const rows = [
    { id: randomUUID(), name: 'Azerbaijan', kind: 'state' as const, countryCode: 'AZ' },
    { id: randomUUID(), name: 'Armenia', kind: 'state' as const, countryCode: 'AM' },
    { id: randomUUID(), name: 'Nagorno-Karabakh authorities', kind: 'government_body' as const, countryCode: null },
  ];
  await handle.db.insert(actors).values(rows.map((row) => ({ ...row, matchKeys: [row.name.toLowerCase()], ...stamp })));
  await handle.db
    .insert(dossierParties)
    .values(rows.map((row, position) => ({ dossierId, actorId: row.id, position, role: 'party' as const, ...stamp })));
  return rows.map((row) => row.id);
}

async function makeActors(handle: DatabaseHandle, dossierId: string, userId: string) {
  const stamp = { createdBy: userId, updatedBy: userId };
  const partyIds = await partiesOf(handle, dossierId, userId);
  const mapped = worldMap()
    .countries.filter((country) => country.alpha2 && country.alpha2 !== 'AZ' && country.alpha2 !== 'AM')
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
  const codes = [...new Set(mapped.map((country) => country.alpha2!))].slice(0, 150);
  const states = codes.map((code) => ({
    id: randomUUID(),
    name: `State ${code}`,
    kind: 'state' as const,
    countryCode: code,
    matchKeys: [`bench state ${code.toLowerCase()}`],
    ...stamp,
  }));
  const organisations = Array.from({ length: 20 }, (_, o) => ({
    id: randomUUID(),
    name: `Organisation ${o}`,
    kind: 'international_organisation' as const,
    matchKeys: [`bench organisation ${o}`],
    ...stamp,
  }));
  // A mediator of the dossier, so the public page's first group is filled too.
  const mediator = organisations[0]!;
  const people = Array.from({ length: 30 }, (_, p) => ({
    id: randomUUID(),
    name: p % 2 ? `Foreign Ministry of ${states[p]!.name}` : `Minister ${p}`,
    kind: (p % 2 ? 'government_body' : 'person') as 'government_body' | 'person',
    affiliationId: states[p]!.id,
    countryCode: p % 2 ? states[p]!.countryCode : null,
    title: p % 2 ? '' : 'Foreign Minister',
    matchKeys: [`bench person ${p}`],
    ...stamp,
  }));
  const spokespeople = Array.from({ length: 10 }, (_, s) => ({
    id: randomUUID(),
    name: `Spokesperson ${s}`,
    kind: 'person' as const,
    affiliationId: states[s]!.id,
    title: 'Spokesperson',
    matchKeys: [`bench spokesperson ${s}`],
    ...stamp,
  }));
  await handle.db.insert(actors).values([...states, ...organisations]);
  await handle.db.insert(actors).values([...people, ...spokespeople]);
  await handle.db.insert(dossierParties).values({ dossierId, actorId: mediator.id, position: 10, role: 'mediator', ...stamp });
  return {
    partyIds,
    actorIds: [...states, ...organisations, ...people].map((row) => row.id),
    stateIds: states.map((row) => row.id),
    organisationIds: organisations.map((row) => row.id),
    speakerIds: spokespeople.map((row) => row.id),
  };
}

/**
 * Fills `dossierId` (which already holds its sources) with `count` reactions over the 44 days of the 2020 war: every
 * channel and precision, a primary stance from PRIMARY_STANCES (plus "concern" on every third), a target party for
 * the siding stances (support, condemnation, sanctions), alignments as the defaults would be, a spokesperson on every
 * fifth, a joint statement of four signatories on every tenth, an override to an organisation on every 97th, and one
 * source link with an excerpt for 19 reactions in 20 (the twentieth needs a source and stays off the public page).
 */
export async function fillReactions(handle: DatabaseHandle, dossierId: string, userId: string, count: number): Promise<ReactionsFill> {
  const made = await makeActors(handle, dossierId, userId);
  const { db } = handle;
  const actorCount = made.actorIds.length;
  const parties = made.partyIds.slice(0, 3);
  // A reaction's id is derived from its number, so the child rows can be written by joining generate_series again.
  const idOf = (column: string) => sql.raw(`md5('bench-reaction-' || ${column})::uuid`);
  const primary = sql`(${textArray(PRIMARY_STANCES)})[1 + (i * 5) % ${PRIMARY_STANCES.length}]`;
  const batch = 25_000;
  for (let start = 0; start < count; start += batch) {
    const end = Math.min(count, start + batch) - 1;
    await db.execute(sql`
      insert into reactions (id, dossier_id, speaker_id, reacted_at, reacted_precision, channel, stances, primary_stance,
        quote, paraphrase, tags, internal_notes, created_by, updated_by)
      select ${idOf('i')}, ${dossierId}::uuid,
        case when i % 5 = 0 then (${uuidArray(made.speakerIds)})[1 + (i / 5) % ${made.speakerIds.length}] end,
        case when i % 50 <> 7 then timestamptz '2020-09-27 04:00:00+00' + (i * (interval '44 days' / ${count})) end,
        (${textArray(datePrecisions)})[1 + i % ${datePrecisions.length}]::date_precision,
        (${textArray(reactionChannels)})[1 + (i * 3) % ${reactionChannels.length}]::reaction_channel,
        (case when i % 3 = 0 and ${primary} <> 'concern' then array[${primary}, 'concern'] else array[${primary}] end)::reaction_stance[],
        ${primary}::reaction_stance,
        case when i % 2 = 0 then 'We ' || (${textArray(WORDS)})[1 + i % ${WORDS.length}] || ', statement ' || (i % 97) else '' end,
        'Reaction ' || i || ': ' || (${textArray(WORDS)})[1 + (i / 3) % ${WORDS.length}],
        case when i % 10 = 0 then array['first day'] else '{}'::text[] end,
        case when i % 5 = 0 then 'Desk note ' || i || ': confirm with the embassy' else '' end,
        ${userId}::uuid, ${userId}::uuid
      from generate_series(${start}::int, ${end}::int) as i
    `);
    // Signatories: one, or four for a joint statement; every 97th counts for an organisation by override.
    await db.execute(sql`
      insert into reaction_actors (reaction_id, actor_id, counts_for_id, position)
      select ${idOf('i')}, (${uuidArray(made.actorIds)})[1 + (i * 7 + k) % ${actorCount}],
        case when k = 0 and i % 97 = 0 then (${uuidArray(made.organisationIds)})[1 + i % ${made.organisationIds.length}] end,
        k
      from generate_series(${start}::int, ${end}::int) as i
        cross join generate_series(0, 3) as k
      where k = 0 or i % 10 = 0
    `);
    // Targets: the siding stances target one party (Azerbaijan or Armenia, alternately); every seventh other one too.
    await db.execute(sql`
      insert into reaction_targets (reaction_id, actor_id)
      select ${idOf('i')}, (${uuidArray(parties)})[1 + i % 2]
      from generate_series(${start}::int, ${end}::int) as i
      where ${primary} in ('supports_party', 'condemns', 'sanctions') or i % 7 = 0
    `);
    // Alignments towards each party, as defaultAlignments would give them.
    await db.execute(sql`
      insert into reaction_alignments (reaction_id, party_actor_id, alignment, edited)
      select ${idOf('i')}, (${uuidArray(parties)})[p],
        (case
          when ${primary} = 'supports_party' then case when p = 1 + i % 2 then 'with' else 'against' end
          when ${primary} in ('condemns', 'sanctions') then case when p = 1 + i % 2 then 'against' else 'neutral' end
          when ${primary} = 'other' then case when i % 3 = 0 then 'neutral' else 'unclear' end
          else 'neutral'
        end)::alignment,
        i % 31 = 0
      from generate_series(${start}::int, ${end}::int) as i
        cross join generate_series(1, ${parties.length}) as p
    `);
  }
  // Source links: the dossier's sources numbered once (one transaction: one connection for the temporary table).
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      create temporary table bench_reaction_sources as
        select id, row_number() over (order by created_at, id) as n from sources where dossier_id = ${dossierId}::uuid and deleted_at is null
    `);
    await tx.execute(sql`create index on bench_reaction_sources (n)`);
    const [{ total }] = rowsOf<{ total: number }>(await tx.execute(sql`select count(*)::int as total from bench_reaction_sources`)) as [
      { total: number },
    ];
    if (total > 0) {
      await tx.execute(sql`
        insert into reaction_sources (reaction_id, source_id, excerpt, position)
        select ${idOf('i')}, s.id, 'Excerpt ' || i || ': the ministry "calls on both sides to cease hostilities", the report said.', 0
        from generate_series(0, ${count - 1}::int) as i
          join bench_reaction_sources s on s.n = 1 + (i * 13) % ${total}
        where i % 20 <> 19
      `);
    }
    await tx.execute(sql`drop table bench_reaction_sources`);
  });
  await db.execute(sql`analyze`);
  return { partyIds: parties, actorIds: made.actorIds, stateIds: made.stateIds, organisationIds: made.organisationIds };
}
