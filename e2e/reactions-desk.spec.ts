import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { readCsv } from './csv';
import { atPath, expect, seriousAxeFindings, test } from './fixtures';

/**
 * International reactions end to end, as an editor records them and a reader finds them: a joint statement (France,
 * Germany, Italy and the European Union calling for a ceasefire) and a single state siding with one party (Turkey
 * supporting Azerbaijan, through a spokesman created inline from the picker), entered through the reactions form;
 * the desk table and reaction page; publishing; then, signed out, the map shading those states, the list grouping
 * them as reference works do, one reaction's page, the CSV with a row per signatory, and the embed inside another
 * site's iframe. Axe runs on the form (with its errors, then filled in).
 */

/** A picker's option for an existing actor (its name on a line of its own), not "Create new actor “…”…". */
const actorOption = (page: Page, name: string) => page.getByRole('option').filter({ has: page.getByText(name, { exact: true }) });

/**
 * A page framing `frames`, served from its own loopback origin (127.0.0.1, not the app's localhost): another site.
 * Its body counts the frames that finished loading (`data-loaded`), blocked ones included.
 */
async function hostPageFraming(frames: Array<{ title: string; src: string }>): Promise<{ url: string; close: () => Promise<void> }> {
  const iframes = frames
    .map(({ title, src }) => `<iframe title="${title}" src="${src}" width="1000" height="900" onload="document.body.dataset.loaded = String(Number(document.body.dataset.loaded || 0) + 1)"></iframe>`)
    .join('\n');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A newsroom's article</title></head>
<body><h1>Fighting resumes over Nagorno-Karabakh</h1>
${iframes}</body></html>`;
  const server = http.createServer((request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/article`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

test('an editor records a joint and a single-actor reaction; signed out, the map, the groups, the CSV and a framed embed show them', async ({
  pageAs,
  editorApi,
  uniqueSlug,
  newSignedOutPage,
  baseURL,
}) => {
  // Two forms, the desk pages and then the reader's pages: more than the default minute on a loaded two-core machine.
  test.setTimeout(180_000);
  const slug = uniqueSlug('reactions');
  const run = slug.replace(/^e2e-reactions-/, '');
  const title = `Karabakh fighting, ${slug}`;
  const jointQuote = `We call on all sides to cease hostilities immediately (${run})`;
  const turkeyQuote = `Azerbaijan has our full support (${run})`;
  const spokesman = `Presidential spokesman ${run}`;
  const sourceUrl = `https://news.example.org/reactions/${slug}`;
  const joint = ['France', 'Germany', 'Italy', 'European Union'];

  const dossier = await editorApi.createDossier({ title, slug });
  const source = await editorApi.createSource(dossier.id, { title: `Wire report on reactions ${run}`, outlet: 'Wire Service', url: sourceUrl });
  for (const name of ['Azerbaijan', 'Armenia']) {
    const actor = await editorApi.directoryActor(name);
    await editorApi.trpc.ok('mutation', 'parties.add', { dossierId: dossier.id, actorId: actor.id, role: 'party' });
  }
  const page = await pageAs('editor');
  const sourceOption = `${source.title} — Wire Service`;

  await test.step('the dossier page leads to the form; an empty one is refused field by field, and axe finds nothing serious', async () => {
    await page.goto(`/desk/dossiers/${slug}`);
    await page.getByRole('link', { name: 'Add reaction', exact: true }).click();
    await expect(page).toHaveURL(atPath(`/desk/dossiers/${slug}/reactions/new`));
    await expect(page.getByRole('heading', { level: 1, name: 'New reaction' })).toBeVisible();
    // The parties load into the targets and the alignment table.
    await expect(page.getByRole('checkbox', { name: 'Armenia' })).toBeVisible();
    await page.getByRole('button', { name: 'Save reaction' }).click();
    await expect(page.getByText('Choose at least one stance')).toBeVisible();
    await expect(page).toHaveURL(atPath(`/desk/dossiers/${slug}/reactions/new`));
    expect(await seriousAxeFindings(page), 'axe on the empty reactions form with its errors').toEqual([]);
  });

  let jointId = '';
  await test.step('a joint statement: four signatories from the picker, a stance, neutral defaults, a source', async () => {
    const actors = page.getByRole('combobox', { name: 'Actors' });
    for (const name of joint) {
      await actors.fill(name);
      await actorOption(page, name).click();
      await expect(page.getByRole('list', { name: 'Chosen actors' })).toContainText(name);
    }
    const countsFor = page.getByRole('list', { name: 'What each actor counts for' }).getByRole('listitem');
    await expect(countsFor).toHaveCount(4);
    // States and organisations count for themselves.
    await expect(countsFor.filter({ hasText: 'European Union' })).toContainText('European Union counts for itself');

    await page.getByLabel('Reacted at', { exact: true }).fill('2020-09-27');
    const ceasefire = page.getByRole('button', { name: 'Calls for ceasefire or de-escalation' });
    await ceasefire.click();
    await expect(ceasefire).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('radio', { name: 'Calls for ceasefire or de-escalation' })).toBeChecked();
    const alignment = page.getByRole('group', { name: 'Alignment towards each party' });
    for (const party of ['Azerbaijan', 'Armenia']) {
      await expect(alignment.getByRole('row').filter({ hasText: party }).getByRole('cell').first()).toHaveText('Neutral');
    }

    await page.getByLabel('Quote', { exact: true }).fill(jointQuote);
    await page.getByRole('button', { name: 'Add source' }).click();
    await page.getByLabel('Source 1', { exact: true }).selectOption({ label: sourceOption });
    await page.getByLabel('Excerpt from source 1').fill('France, Germany, Italy and the European Union urged an immediate ceasefire.');
    expect(await seriousAxeFindings(page), 'axe on the filled-in reactions form').toEqual([]);
    await page.getByRole('button', { name: 'Save reaction' }).click();

    await expect(page.getByRole('heading', { level: 1, name: joint.join(', ') })).toBeVisible();
    const details = page.getByRole('region', { name: 'Details' });
    await expect(details).toContainText('None (the conflict as a whole)');
    await expect(details).toContainText('Statement');
    await expect(page.getByRole('region', { name: 'Sources' })).toContainText(source.title);
    await expect(page.getByText('Needs source')).toHaveCount(0);
    jointId = /\/reactions\/([0-9a-f-]{36})$/.exec(page.url())?.[1] ?? '';
    expect(jointId, 'the reaction page’s address names the reaction').not.toBe('');
  });

  let turkeyId = '';
  await test.step('a single state siding with a party: the target turns the defaults into with / against; a speaker created inline', async () => {
    await page.getByRole('link', { name: '← Reactions' }).click();
    await expect(page).toHaveURL(atPath(`/desk/dossiers/${slug}/reactions`));
    await page.getByRole('link', { name: 'Add reaction', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'New reaction' })).toBeVisible();

    await page.getByRole('combobox', { name: 'Actors' }).fill('Turkey');
    await actorOption(page, 'Turkey').click();
    await expect(page.getByRole('list', { name: 'Chosen actors' })).toContainText('Turkey');

    await page.getByRole('combobox', { name: 'Speaker' }).fill(spokesman);
    await page.getByRole('option', { name: /^Create new actor/ }).click();
    const dialog = page.getByRole('dialog', { name: 'New actor' });
    await expect(dialog.getByLabel('Name')).toHaveValue(spokesman);
    await dialog.getByLabel('Kind').selectOption({ label: 'Person' });
    await dialog.getByRole('button', { name: 'Create actor' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole('list', { name: 'Chosen actor', exact: true })).toContainText(spokesman);

    await page.getByLabel('Reacted at', { exact: true }).fill('2020-09-28');
    await page.getByLabel('Channel', { exact: true }).selectOption({ label: 'Social-media post' });
    await page.getByRole('button', { name: 'Supports a party' }).click();
    const alignment = page.getByRole('group', { name: 'Alignment towards each party' });
    const defaultTowards = (party: string) => alignment.getByRole('row').filter({ hasText: party }).getByRole('cell').first();
    // Support for nobody in particular is unclear until the editor names whom.
    await expect(defaultTowards('Azerbaijan')).toHaveText('Unclear');
    await page.getByRole('checkbox', { name: 'Azerbaijan' }).check();
    await expect(defaultTowards('Azerbaijan')).toHaveText('With');
    await expect(defaultTowards('Armenia')).toHaveText('Against');
    await expect(page.getByLabel('Alignment towards Azerbaijan')).toHaveValue('');

    await page.getByLabel('Quote', { exact: true }).fill(turkeyQuote);
    await page.getByRole('button', { name: 'Add source' }).click();
    await page.getByLabel('Source 1', { exact: true }).selectOption({ label: sourceOption });
    await page.getByRole('button', { name: 'Save reaction' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Turkey' })).toBeVisible();
    const details = page.getByRole('region', { name: 'Details' });
    await expect(details.getByRole('link', { name: spokesman })).toBeVisible();
    await expect(details).toContainText('Social-media post');
    await expect(details).toContainText(/Targets\s*Azerbaijan/);
    turkeyId = /\/reactions\/([0-9a-f-]{36})$/.exec(page.url())?.[1] ?? '';
    expect(turkeyId).not.toBe('');
  });

  await test.step('the reactions table lists both, the joint one with its four signatories', async () => {
    await page.getByRole('link', { name: '← Reactions' }).click();
    const jointRow = page.getByRole('row').filter({ hasText: jointQuote });
    await expect(jointRow).toContainText('France, Germany, Italy, European Union');
    await expect(jointRow).toContainText('Joint, 4 signatories');
    const turkeyRow = page.getByRole('row').filter({ hasText: turkeyQuote });
    await expect(turkeyRow).toContainText(`Speaker: ${spokesman}`);
    await expect(turkeyRow).toContainText('Azerbaijan');
    await expect(page.getByRole('row').filter({ hasText: 'Needs source' })).toHaveCount(0);
    await expect(turkeyRow.getByRole('link', { name: turkeyQuote })).toHaveAttribute('href', `/desk/dossiers/${slug}/reactions/${turkeyId}`);
    await expect(jointRow.getByRole('link', { name: jointQuote })).toHaveAttribute('href', `/desk/dossiers/${slug}/reactions/${jointId}`);
  });

  await test.step('publish the dossier', async () => {
    await page.goto(`/desk/dossiers/${slug}`);
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Unpublish' })).toBeVisible();
    expect((await editorApi.dossier(slug)).status).toBe('published');
  });

  const reader = await newSignedOutPage();

  await test.step('signed out, the map shades the four states by alignment, the EU beside it; focus shows a state’s reactions', async () => {
    await reader.goto(`/d/${slug}`);
    await expect(reader.getByRole('heading', { level: 2, name: 'International reactions' })).toBeVisible();
    await expect(reader.getByText('2 published reactions from 5 states and organisations.')).toBeVisible();
    // One link per reacting state, named and filled by where it stands towards the first party (the default view).
    await expect(reader.locator('a.rx-state')).toHaveCount(4);
    for (const [code, name] of [
      ['fr', 'France'],
      ['de', 'Germany'],
      ['it', 'Italy'],
    ] as const) {
      const state = reader.locator(`#rx-state-${code}`);
      await expect(state).toHaveAttribute('aria-label', `${name}: Neutral towards Azerbaijan, 1 reaction`);
      await expect(state.locator('path')).toHaveAttribute('fill', 'url(#rx-pattern-neutral)');
    }
    const turkey = reader.locator('#rx-state-tr');
    await expect(turkey).toHaveAttribute('aria-label', 'Turkey: With Azerbaijan, 1 reaction');
    await expect(turkey.locator('path')).toHaveAttribute('fill', 'url(#rx-pattern-with)');
    // The parties' own countries are marked, not shaded as reacting.
    await expect(reader.locator('#rx-state-az, #rx-state-am')).toHaveCount(0);
    await expect(reader.getByRole('img', { name: 'Azerbaijan: party to the conflict' })).toHaveCount(1);
    // Organisations have no outline: they are listed beside the map.
    await expect(reader.locator('.rx-map').getByRole('link', { name: 'European Union', exact: true }).first()).toBeVisible();

    await expect(reader.locator('#rx-panel-tr')).toBeHidden();
    await turkey.focus();
    await expect(reader.locator('#rx-panel-tr')).toBeVisible();
    await expect(reader.locator('#rx-panel-tr')).toContainText(turkeyQuote);

    await reader.getByRole('navigation', { name: 'What the map shows' }).getByRole('link', { name: 'alignment towards Armenia' }).click();
    await expect(reader).toHaveURL(/[?&]towards=/);
    await expect(reader.locator('#rx-state-tr')).toHaveAttribute('aria-label', 'Turkey: Against Armenia, 1 reaction');
    await expect(reader.locator('#rx-state-tr path')).toHaveAttribute('fill', 'url(#rx-pattern-against)');
    await expect(reader.locator('#rx-state-fr')).toHaveAttribute('aria-label', 'France: Neutral towards Armenia, 1 reaction');
  });

  await test.step('the list groups them: international organisations, then states alphabetically', async () => {
    const section = reader.getByRole('region', { name: 'International reactions' });
    const groups = section.getByRole('heading', { level: 3 }).filter({ hasText: /^(Mediators|International organisations|States|Others|The parties’ own statements) \(/ });
    await expect(groups).toHaveText([/^International organisations \(1\)/, /^States \(4\)/]);
    const organisations = section.getByRole('region', { name: /^International organisations/ });
    await expect(organisations.getByRole('heading', { level: 4 })).toHaveText([/^European Union/]);
    await expect(organisations).toContainText(jointQuote);
    const states = section.getByRole('region', { name: /^States/ });
    await expect(states.getByRole('heading', { level: 4 })).toHaveText([/^France/, /^Germany/, /^Italy/, /^Turkey/]);
    const turkey = states.getByRole('listitem').filter({ has: reader.getByRole('heading', { level: 4, name: /^Turkey/ }) });
    await expect(turkey).toContainText(turkeyQuote);
    await expect(turkey.getByLabel('Alignment')).toContainText('With Azerbaijan');
    await expect(turkey.getByLabel('Alignment')).toContainText('Against Armenia');
  });

  await test.step('one reaction’s public page', async () => {
    const response = await reader.goto(`/d/${slug}/reactions/${jointId}`);
    expect(response?.status()).toBe(200);
    await expect(reader.getByRole('heading', { level: 1, name: `${joint.join(', ')}: calls for ceasefire or de-escalation` })).toBeVisible();
    await expect(reader.getByText(jointQuote)).toBeVisible();
  });

  await test.step('the public CSV: one row per signatory, the joint statement’s four sharing its id', async () => {
    await reader.goto(`/d/${slug}`);
    const [download] = await Promise.all([reader.waitForEvent('download'), reader.getByRole('link', { name: 'Download reactions (CSV)' }).click()]);
    expect(download.url()).toMatch(new RegExp(`/d/${slug}/reactions\\.csv$`));
    const csv = await readCsv(download);
    expect(csv.header).toEqual(
      expect.arrayContaining(['reaction_id', 'signatory', 'signatory_country_code', 'counts_for', 'speaker', 'primary_stance', 'alignment_azerbaijan', 'alignment_armenia', 'source_urls']),
    );
    expect(csv.header).not.toContain('internal_notes');
    expect(csv.rows).toHaveLength(5);
    const jointRows = csv.rows.filter((row) => row.reaction_id === jointId);
    expect(jointRows.map((row) => row.signatory).sort()).toEqual([...joint].sort());
    expect(Object.fromEntries(jointRows.map((row) => [row.signatory, row.signatory_country_code]))).toEqual({
      France: 'FR',
      Germany: 'DE',
      Italy: 'IT',
      'European Union': '',
    });
    for (const row of jointRows) {
      expect(row).toMatchObject({ quote: jointQuote, primary_stance: 'ceasefire', alignment_azerbaijan: 'neutral', alignment_armenia: 'neutral', source_urls: sourceUrl });
    }
    const turkeyRows = csv.rows.filter((row) => row.reaction_id === turkeyId);
    expect(turkeyRows).toHaveLength(1);
    expect(turkeyRows[0]).toMatchObject({
      signatory: 'Turkey',
      signatory_country_code: 'TR',
      counts_for: 'Turkey',
      speaker: spokesman,
      primary_stance: 'supports_party',
      targets: 'Azerbaijan',
      alignment_azerbaijan: 'with',
      alignment_armenia: 'against',
      channel: 'social_media',
      quote: turkeyQuote,
      source_urls: sourceUrl,
    });
  });

  await test.step('the embed renders inside an iframe on another site; the dossier page itself refuses to be framed', async () => {
    const embedUrl = new URL(`/embed/d/${slug}/reactions`, baseURL).href;
    const host = await hostPageFraming([
      { title: 'International reactions', src: embedUrl },
      { title: 'The dossier page', src: new URL(`/d/${slug}`, baseURL).href },
    ]);
    try {
      await reader.goto(host.url);
      expect(new URL(reader.url()).origin).not.toBe(new URL(embedUrl).origin);
      const frame = reader.frameLocator('iframe[title="International reactions"]');
      await expect(frame.getByRole('heading', { level: 1, name: `International reactions: ${title}` })).toBeVisible();
      await expect(frame.locator('#rx-state-tr')).toHaveAttribute('aria-label', 'Turkey: With Azerbaijan, 1 reaction');
      await expect(frame.locator('a.rx-state')).toHaveCount(4);
      await expect(frame.getByRole('heading', { level: 2, name: /^States \(4\)/ })).toBeVisible();
      // Links leave the frame for a new tab.
      await expect(frame.getByRole('link', { name: /^Claimdesk — / })).toHaveAttribute('target', '_blank');

      // Both frames have loaded (the browser's error page for the refused one): only the embed shows anything.
      await expect(reader.locator('body')).toHaveAttribute('data-loaded', '2');
      await expect(reader.frameLocator('iframe[title="The dossier page"]').getByRole('heading', { name: title })).toHaveCount(0);
    } finally {
      await host.close();
    }
  });
});
