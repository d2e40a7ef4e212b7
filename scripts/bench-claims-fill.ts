/**
 * Bulk fill for the claims benchmark (scripts/bench.ts): actors, the dossier's parties, N claims with their about
 * rows, source links (with excerpts) and relations, in a handful of set-based statements (generate_series), so
 * 100,000 claims take seconds, not the minutes one service call per claim would. Bench data only: it skips the
 * audit log and the versioned write on purpose.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { actors, dossierParties } from '@/server/actors/schema';
import { claimCategories, datePrecisions, verificationStatuses } from '@/server/claims/claims.labels';
import type { DatabaseHandle } from '@/server/db/client';

export interface ClaimsFill {
  /** The three party actors, in column order: Azerbaijan, Armenia, Nagorno-Karabakh authorities. */
  partyIds: string[];
  /** Every actor made (parties, their bodies and spokespeople, others). */
  actorIds: string[];
}

/** Words that recur across claims, so full-text searches have hits of realistic sizes. */
const PLACES = ['Terter', 'Stepanakert', 'Ganja', 'Shusha', 'Fuzuli', 'Jabrayil', 'Hadrut', 'Martakert', 'Aghdam', 'Lachin', 'Barda'];
const WHAT = [
  'artillery shelling of civilian settlements',
  'a drone strike on military positions',
  'tanks and armoured vehicles destroyed',
  'a ceasefire violation along the Line of Contact',
  'civilian casualties after rocket fire',
  'control of heights and villages',
  'a humanitarian corridor for the wounded',
  'talks under OSCE Minsk Group auspices',
];

/** A Postgres array literal of uuids we generated ourselves (safe to inline). */
const uuidArray = (ids: string[]) => sql.raw(`'{${ids.join(',')}}'::uuid[]`);
const textArray = (values: readonly string[]) =>
  sql.raw(`array[${values.map((value) => `'${value.replaceAll("'", "''")}'`).join(',')}]::text[]`);

async function makeActors(handle: DatabaseHandle, userId: string): Promise<ClaimsFill> {
  const stamp = { createdBy: userId, updatedBy: userId };
  const partyRows = [
    { id: randomUUID(), name: 'Azerbaijan', kind: 'state' as const, countryCode: 'AZ' },
    { id: randomUUID(), name: 'Armenia', kind: 'state' as const, countryCode: 'AM' },
    { id: randomUUID(), name: 'Nagorno-Karabakh authorities', kind: 'government_body' as const, countryCode: null },
  ];
  await handle.db.insert(actors).values(partyRows.map((row) => ({ ...row, matchKeys: [row.name.toLowerCase()], ...stamp })));
  // Per party: 10 bodies affiliated to it, each with 5 spokespeople (claims reach the party in two hops).
  const bodies = partyRows.flatMap((party, p) =>
    Array.from({ length: 10 }, (_, b) => ({
      id: randomUUID(),
      name: `Ministry ${b} of ${party.name}`,
      kind: 'government_body' as const,
      affiliationId: party.id,
      countryCode: party.countryCode,
      matchKeys: [`ministry ${b} of party ${p}`],
      ...stamp,
    })),
  );
  await handle.db.insert(actors).values(bodies);
  const people = bodies.flatMap((body, b) =>
    Array.from({ length: 5 }, (_, s) => ({
      id: randomUUID(),
      name: `Spokesperson ${b}-${s}`,
      kind: 'person' as const,
      affiliationId: body.id,
      title: 'Spokesperson',
      matchKeys: [`spokesperson ${b} ${s}`],
      ...stamp,
    })),
  );
  await handle.db.insert(actors).values(people);
  // Outsiders whose claims count for no party ("Other").
  const others = Array.from({ length: 30 }, (_, o) => ({
    id: randomUUID(),
    name: `Observer ${o}`,
    kind: (o % 2 ? 'international_organisation' : 'media') as 'international_organisation' | 'media',
    matchKeys: [`observer ${o}`],
    ...stamp,
  }));
  await handle.db.insert(actors).values(others);
  return {
    partyIds: partyRows.map((row) => row.id),
    actorIds: [...partyRows, ...bodies, ...people, ...others].map((row) => row.id),
  };
}

/**
 * Fills `dossierId` (which already holds its sources) with `count` claims: said over the 44 days of the 2020 war,
 * every status and category, 1–2 actors about, one source link with an excerpt for 9 claims in 10 (the tenth
 * "needs source"), and a relation (counters / corroborates / updates) from every fifth claim to the one before it.
 */
export async function fillClaims(handle: DatabaseHandle, dossierId: string, userId: string, count: number): Promise<ClaimsFill> {
  const fill = await makeActors(handle, userId);
  const { db } = handle;
  await db.insert(dossierParties).values(
    fill.partyIds.map((actorId, position) => ({ dossierId, actorId, position, role: 'party' as const, createdBy: userId, updatedBy: userId })),
  );
  const actorCount = fill.actorIds.length;
  const batch = 25_000;
  for (let start = 0; start < count; start += batch) {
    const end = Math.min(count, start + batch) - 1;
    await db.execute(sql`
      insert into claims (dossier_id, claimant_id, statement, quote, quote_kind, said_at, said_precision, occurred_at,
        occurred_precision, place, category, killed, killed_at_least, equipment_destroyed, status, status_explanation,
        credibility, tags, internal_notes, created_by, updated_by)
      select ${dossierId}::uuid,
        (${uuidArray(fill.actorIds)})[1 + (i * 7) % ${actorCount}],
        'Claim ' || i || ': ' || (${textArray(WHAT)})[1 + i % ${WHAT.length}] || ' near ' || (${textArray(PLACES)})[1 + (i / 7) % ${PLACES.length}],
        case when i % 3 = 0 then 'We will answer every attack on ' || (${textArray(PLACES)})[1 + i % ${PLACES.length}] || ', statement ' || (i % 97) else '' end,
        (case when i % 3 = 0 then 'verbatim' else 'paraphrase' end)::quote_kind,
        timestamptz '2020-09-27 04:00:00+00' + (i * interval '38 seconds'),
        (${textArray(datePrecisions)})[1 + i % ${datePrecisions.length}]::date_precision,
        timestamptz '2020-09-27 00:00:00+00' + ((i / 2) * interval '38 seconds'),
        'day'::date_precision,
        (${textArray(PLACES)})[1 + (i / 7) % ${PLACES.length}],
        (${textArray(claimCategories)})[1 + (i * 3) % ${claimCategories.length}]::claim_category,
        case when i % 4 = 0 then i % 50 end,
        i % 8 = 0,
        case when i % 6 = 0 then i % 20 end,
        (${textArray(verificationStatuses)})[1 + (i * 5) % ${verificationStatuses.length}]::verification_status,
        case when i % 2 = 0 then 'Checked against satellite imagery and two independent reports.' else '' end,
        1 + i % 6,
        case when i % 10 = 0 then array['start of the fighting'] else '{}'::text[] end,
        case when i % 5 = 0 then 'Desk note ' || i || ': call the ministry back' else '' end,
        ${userId}::uuid, ${userId}::uuid
      from generate_series(${start}::int, ${end}::int) as i
    `);
  }
  // Number the claims and the dossier's sources once, then link them set-wise (one transaction: one connection,
  // which the temporary tables need on a pool).
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      create temporary table bench_claim_numbers as
        select id, row_number() over (order by said_at, id) as n from claims where dossier_id = ${dossierId}::uuid
    `);
    await tx.execute(sql`
      create temporary table bench_source_numbers as
        select id, row_number() over (order by created_at, id) as n from sources where dossier_id = ${dossierId}::uuid
    `);
    await tx.execute(sql`create index on bench_claim_numbers (n)`);
    await tx.execute(sql`create index on bench_source_numbers (n)`);
    const sourceCount = Number(
      ((await tx.execute(sql`select count(*)::int as count from bench_source_numbers`)) as unknown as { rows: Array<{ count: number }> })
        .rows[0]!.count,
    );
    await tx.execute(sql`
      insert into claim_about (claim_id, actor_id)
      select c.id, (${uuidArray(fill.actorIds)})[1 + (c.n * 11) % ${actorCount}] from bench_claim_numbers c
      union
      select c.id, (${uuidArray(fill.partyIds)})[1 + c.n % 3] from bench_claim_numbers c where c.n % 2 = 0
    `);
    if (sourceCount > 0) {
      await tx.execute(sql`
        insert into claim_sources (claim_id, source_id, excerpt, position)
        select c.id, s.id, 'Excerpt ' || c.n || ': "we will answer every attack", the statement said.', 0
        from bench_claim_numbers c join bench_source_numbers s on s.n = 1 + (c.n * 13) % ${sourceCount}
        where c.n % 10 <> 0
      `);
    }
    await tx.execute(sql`
      insert into claim_relations (from_claim_id, to_claim_id, kind, created_by)
      select a.id, b.id, (array['counters', 'corroborates', 'updates'])[1 + (a.n / 5) % 3]::claim_relation_kind, ${userId}::uuid
      from bench_claim_numbers a join bench_claim_numbers b on b.n = a.n - 1
      where a.n % 5 = 0
    `);
    await tx.execute(sql`drop table bench_claim_numbers`);
    await tx.execute(sql`drop table bench_source_numbers`);
  });
  await db.execute(sql`analyze`);
  return fill;
}
