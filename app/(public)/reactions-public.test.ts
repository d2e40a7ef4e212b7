import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EntityReactionsView } from '@/components/reactions/public/entity-reactions-view';
import { PublicReactionView } from '@/components/reactions/public/public-reaction-view';
import { ReactionsEmbed } from '@/components/reactions/public/reactions-embed';
import { setAppDatabaseForTesting } from '@/server/db';
import { createReaction, deleteReaction, type ReactionDetail } from '@/server/reactions/reactions.service';
import { makeReactionScene, type ReactionScene } from '@/server/reactions/reactions.test-helpers';
import { createTestDatabase, createTestUsers, type TestUsers } from '@/server/testing/test-database';
import { loadPublicDossierPage, PublicDossierView } from './d/[slug]/public-dossier';
import { loadEntityReactions, loadPublicReaction, loadReactionsSection } from './d/[slug]/public-reactions';

/**
 * What readers get of reactions, loaded as a signed-out reader through the procedures the pages use and rendered
 * to the HTML the pages serve: the dossier page's "International reactions" (map, counts, grouped list), one
 * reaction's page, one entity's reactions and the embed — only public reactions, never a desk-only field.
 */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let users: TestUsers;
let scene: ReactionScene;
let draft: ReactionScene;
const CANARY = 'CANARY-public-reactions-5e2b';
const made = {} as { joint: ReactionDetail; erdogan: ReactionDetail; unsourced: ReactionDetail; deleted: ReactionDetail; macron: ReactionDetail; draftOne: ReactionDetail };


beforeAll(async () => {
  database = await createTestDatabase();
  setAppDatabaseForTesting(database);
  users = await createTestUsers(database);
  scene = await makeReactionScene(database.db, users.editor, { published: true });
  draft = await makeReactionScene(database.db, users.editor, { published: false });
  const { actors: a, parties } = scene;
  const create = (input: Parameters<typeof createReaction>[2]) => createReaction(database.db, users.editor, { ...input, internalNotes: `${CANARY} note`, tags: ['canary-tag-5e2b'] });
  made.joint = await create(
    scene.input([a.france.id, a.germany.id, a.italy.id, a.eu.id], {
      primaryStance: 'ceasefire',
      reactedAt: new Date('2020-09-27T15:00:00Z'),
      quote: 'We call for an immediate cessation of hostilities.',
      sources: [{ sourceId: scene.source.id, excerpt: 'France, Germany, Italy and the EU urged a ceasefire' }],
    }),
  );
  made.erdogan = await create(
    scene.input([a.erdogan.id], {
      primaryStance: 'supports_party',
      targets: [parties.azerbaijan.id],
      reactedAt: new Date('2020-09-27T12:00:00Z'),
      quote: 'full support',
      originalText: 'tam destek',
      originalLanguage: 'tr',
    }),
  );
  made.macron = await create(scene.input([a.macron.id], { primaryStance: 'concern', reactedAt: new Date('2020-09-28T00:00:00Z'), paraphrase: 'Macron expressed deep concern.' }));
  made.unsourced = await create(scene.input([a.russia.id], { primaryStance: 'talks', sources: [], paraphrase: 'UNSOURCED-5e2b' }));
  made.deleted = await create(scene.input([a.unitedStates.id], { primaryStance: 'condemns', paraphrase: 'DELETED-5e2b' }));
  await deleteReaction(database.db, users.editor, { id: made.deleted.id, version: made.deleted.version });
  made.draftOne = await create(draft.input([draft.actors.france.id], { paraphrase: 'DRAFT-5e2b' }));
});
afterAll(() => database.cleanup());

async function dossierHtml(query: Record<string, string> = {}) {
  const data = await loadPublicDossierPage(database.db, scene.dossier.slug, query);
  if (!data.found) throw new Error('not found');
  return { data, html: renderToStaticMarkup(createElement(PublicDossierView, data)) };
}

describe('the public dossier page’s International reactions', () => {
  it('shades the reacting states, groups the list and keeps the claims section', async () => {
    const { data, html } = await dossierHtml();
    expect(data.reactions?.overview.total).toBe(3);
    expect(html).toContain('International reactions');
    expect(html).toContain('Claims and counterclaims');
    expect(html).toMatch(/id="rx-state-fr"[^>]*aria-label="France: Neutral towards Azerbaijan, 2 reactions"/);
    expect(html).toMatch(/id="rx-state-tr"[^>]*aria-label="Turkey: With Azerbaijan, 1 reaction"/);
    expect(html).toMatch(/id="rx-state-de"/);
    expect(html).not.toMatch(/id="rx-state-ru"/); // its only reaction cites no source
    expect(html).not.toMatch(/id="rx-state-us"/); // deleted
    expect(html).toContain('aria-label="Azerbaijan: party to the conflict"');
    const organisations = html.indexOf('>International organisations <');
    const states = html.indexOf('>States <');
    expect(organisations).toBeGreaterThan(0);
    expect(states).toBeGreaterThan(organisations);
    expect(html.indexOf(`id="reacting-${scene.actors.eu.id}"`)).toBeGreaterThan(organisations);
    expect(html).toContain('“full support”');
    expect(html).toMatch(/lang="tr"[^>]*>tam destek</);
    expect(html).toContain('France, Germany, Italy and the EU urged a ceasefire');
    expect(html).toContain('— Emmanuel Macron (for France)');
  });

  it('switches the map with ?towards= and ?map=stance', async () => {
    expect((await dossierHtml({ towards: scene.parties.armenia.id })).html).toMatch(/aria-label="Turkey: Against Armenia, 1 reaction"/);
    expect((await dossierHtml({ map: 'stance' })).html).toMatch(/aria-label="Turkey: Supports a party, 1 reaction"/);
  });

  it('never shows desk-only fields or non-public reactions', async () => {
    const { html } = await dossierHtml();
    for (const secret of [CANARY, 'canary-tag-5e2b', 'UNSOURCED-5e2b', 'DELETED-5e2b', 'DRAFT-5e2b']) expect(html).not.toContain(secret);
  });

  it('is left out for a draft dossier (the page is a 404 anyway)', async () => {
    expect(await loadReactionsSection(database.db, draft.dossier.slug)).toBeNull();
    expect(await loadReactionsSection(database.db, 'Not a slug!')).toBeNull();
  });
});

describe('one reaction’s page', () => {
  it('shows a public reaction with its signatories, alignment and sources', async () => {
    const reaction = await loadPublicReaction(database.db, scene.dossier.slug, made.joint.id);
    expect(reaction).not.toBeNull();
    const html = renderToStaticMarkup(createElement(PublicReactionView, { reaction: reaction! }));
    expect(html).toContain('France, Germany, Italy, European Union: calls for ceasefire or de-escalation');
    expect(html).toContain('“We call for an immediate cessation of hostilities.”');
    expect(html).toContain('Neutral towards Armenia');
    expect(html).toContain(`href="https://example.com/${scene.dossier.slug}/reactions"`);
    expect(html).not.toContain(CANARY);
  });

  it('is a 404 unless public', async () => {
    for (const id of [made.unsourced.id, made.deleted.id, made.draftOne.id, 'not-an-id']) {
      expect(await loadPublicReaction(database.db, scene.dossier.slug, id), id).toBeNull();
    }
    expect(await loadPublicReaction(database.db, draft.dossier.slug, made.draftOne.id)).toBeNull();
  });
});

describe('one entity’s reactions (?by=)', () => {
  it('lists every public reaction of the entity, and is a 404 for one without', async () => {
    const overview = await loadEntityReactions(database.db, scene.dossier.slug, scene.actors.france.id);
    const html = renderToStaticMarkup(createElement(EntityReactionsView, { overview: overview! }));
    expect(html).toContain('Reactions by France');
    expect(html).toContain('We call for an immediate cessation of hostilities.');
    expect(html).toContain('Macron expressed deep concern.');
    for (const by of [scene.actors.russia.id, scene.actors.unitedStates.id, 'nope', undefined]) {
      expect(await loadEntityReactions(database.db, scene.dossier.slug, by), String(by)).toBeNull();
    }
  });
});

describe('the embed', () => {
  it('has the map, the grouped list and a link back that opens a new tab, and no script', async () => {
    const data = await loadReactionsSection(database.db, scene.dossier.slug, {});
    const html = renderToStaticMarkup(createElement(ReactionsEmbed, data!));
    expect(html).toMatch(/id="rx-state-fr"/);
    expect(html).toContain(`id="reacting-${scene.actors.eu.id}"`);
    expect(html).toMatch(new RegExp(`href="/d/${scene.dossier.slug}#reactions" target="_blank" rel="noopener"[^>]*>Claimdesk`));
    expect(html).toContain(`href="/embed/d/${scene.dossier.slug}/reactions?map=stance#reactions-map"`);
    expect(html).toMatch(new RegExp(`href="/d/${scene.dossier.slug}/reactions/${made.joint.id}"[^>]*target="_blank"`));
    expect(html).not.toMatch(/<script/);
    expect(html).not.toContain(CANARY);
  });
});
