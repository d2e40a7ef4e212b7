import type { Locator, Page } from '@playwright/test';
import { atPath, expect, seriousAxeFindings, test } from './fixtures';

/**
 * Article intake end to end, as an editor on deadline uses it: on a fresh dossier (parties Azerbaijan and Armenia),
 * "Add from article", paste a short wire story, give its source, analyse; on the review screen untick one reaction
 * and change another's primary stance; leave and come back (the review is resumed from the draft); accept. The
 * records are on the desk's reactions and claims lists, the unticked one is not; once the dossier is published a
 * signed-out reader sees the reactions and the claim with the article's sentences as excerpts. Axe runs on the review screen.
 */

const STORY = [
  'BAKU/YEREVAN, Sept 28 (Wire Service) - Fighting between Azerbaijan and Armenia over Nagorno-Karabakh entered a second day on Monday.',
  'France, Germany, Italy and the European Union urged an immediate ceasefire in a joint statement on Monday.',
  'Turkey condemned the Armenian attacks and pledged its full support to Azerbaijan.',
  'Azerbaijan’s Defence Ministry said the town of Terter had been under fire from Armenian forces and at least 20 soldiers were injured.',
  'Russia offered to mediate between the two sides.',
].join(' ');
const TURKEY_SENTENCE = 'Turkey condemned the Armenian attacks and pledged its full support to Azerbaijan.';
const JOINT_SENTENCE = 'France, Germany, Italy and the European Union urged an immediate ceasefire in a joint statement on Monday.';
const RUSSIA_SENTENCE = 'Russia offered to mediate between the two sides.';

/** The two stances the spec switches between, as the desk and readers' chips name them. */
type ReactionStance = 'supports_party' | 'condemns';
const stanceLabels: Record<ReactionStance, string> = { supports_party: 'Supports a party', condemns: 'Condemns' };

/** A suggested reaction on the review screen, found by the sentence it came from. */
const reactionFrom = (page: Page, sentence: string): Locator =>
  page.getByRole('region', { name: 'Reactions' }).getByRole('article').filter({ hasText: sentence });

/** The saved draft's reactions, as the review screen keeps them (components/intake/intake-state.ts). */
interface DraftReaction {
  ticked: boolean;
  evidence: { sentence: string };
  values: { primaryStance: string };
}

test('an editor adds reactions and a claim from a pasted wire story: untick, edit, leave and resume, accept; desk and public pages show them', async ({
  pageAs,
  editorApi,
  uniqueSlug,
  newSignedOutPage,
}) => {
  // Analysis, a review screen with every field, two desk lists and the public page on a two-core machine.
  test.setTimeout(240_000);
  const slug = uniqueSlug('intake');
  const run = slug.replace(/^e2e-intake-/, '');
  const title = `Karabakh fighting, ${slug}`;
  const sourceTitle = `Fighting enters second day (${run})`;
  const dossier = await editorApi.createDossier({ title, slug });
  for (const name of ['Azerbaijan', 'Armenia']) {
    const actor = await editorApi.directoryActor(name);
    await editorApi.trpc.ok('mutation', 'parties.add', { dossierId: dossier.id, actorId: actor.id, role: 'party' });
  }
  const page = await pageAs('editor');
  const intakeUrl = `/desk/dossiers/${slug}/intake`;

  await test.step('the dossier page leads to Add from article; the article and its source are analysed', async () => {
    await page.goto(`/desk/dossiers/${slug}`);
    await page.getByRole('link', { name: 'Add from article' }).click();
    await expect(page).toHaveURL(atPath(intakeUrl));
    await expect(page.getByRole('heading', { level: 1, name: 'Add from article' })).toBeVisible();

    // An empty article is refused before anything is sent.
    await page.getByRole('button', { name: 'Analyse', exact: true }).click();
    await expect(page.getByText('Article text is required')).toBeVisible();

    await page.getByLabel('Article text').fill(STORY);
    await page.getByLabel('URL', { exact: true }).fill(`https://wire.example.org/${slug}`);
    await page.getByLabel('Title', { exact: true }).fill(sourceTitle);
    await page.getByLabel('Outlet', { exact: true }).fill('Wire Service');
    await page.getByLabel('Published on').fill('2020-09-28');
    await page.getByLabel('Reliability').selectOption('B');
    await page.getByRole('button', { name: 'Analyse', exact: true }).click();

    await expect(page.getByRole('heading', { level: 2, name: 'Reactions' })).toBeVisible();
    await expect(reactionFrom(page, TURKEY_SENTENCE)).toBeVisible();
    await expect(reactionFrom(page, JOINT_SENTENCE)).toBeVisible();
    await expect(reactionFrom(page, RUSSIA_SENTENCE)).toBeVisible();
    // The trigger words are marked inside the sentence.
    await expect(reactionFrom(page, TURKEY_SENTENCE).locator('mark').first()).toBeVisible();
    expect(await seriousAxeFindings(page), 'axe on the review screen').toEqual([]);
  });

  let chosenStance: ReactionStance = 'supports_party';
  let claimStatement = '';
  await test.step('untick one reaction, change another’s primary stance; the draft keeps both', async () => {
    const russia = reactionFrom(page, RUSSIA_SENTENCE);
    const russiaTick = russia.getByRole('checkbox', { name: /^Accept reaction \d+$/ });
    await expect(russiaTick).toBeChecked();
    await russiaTick.uncheck();
    await expect(russiaTick).not.toBeChecked();
    // Unticked, its fields fold away.
    await expect(russia.getByLabel('Primary stance', { exact: true })).toHaveCount(0);

    const turkeyStance = reactionFrom(page, TURKEY_SENTENCE).getByLabel('Primary stance', { exact: true });
    chosenStance = (await turkeyStance.inputValue()) === 'supports_party' ? 'condemns' : 'supports_party';
    await turkeyStance.selectOption(chosenStance);
    await expect(turkeyStance).toHaveValue(chosenStance);

    const claim = page.getByRole('region', { name: 'Claims' }).getByRole('article').filter({ hasText: 'Terter' }).first();
    await expect(claim.getByRole('checkbox', { name: /^Accept claim \d+$/ })).toBeChecked();
    claimStatement = await claim.getByLabel('Statement', { exact: true }).inputValue();
    expect(claimStatement, 'the claim comes with a statement').not.toBe('');

    await expect
      .poll(async () => {
        const draft = await editorApi.trpc.ok<{ state: { reactions: DraftReaction[] } } | null>('query', 'intake.draft', { dossierId: dossier.id });
        const reactions = draft?.state.reactions ?? [];
        const of = (sentence: string) => reactions.find((reaction) => reaction.evidence.sentence.includes(sentence));
        return { russiaTicked: of(RUSSIA_SENTENCE)?.ticked, turkeyStance: of(TURKEY_SENTENCE)?.values.primaryStance };
      })
      .toEqual({ russiaTicked: false, turkeyStance: chosenStance });
  });

  await test.step('leaving and coming back resumes the review where it was left', async () => {
    await page.getByRole('link', { name: `← ${title}` }).click();
    await expect(page).toHaveURL(atPath(`/desk/dossiers/${slug}`));
    await page.getByRole('link', { name: 'Add from article' }).click();
    await expect(page.getByText(/^Resumed your review from /)).toBeVisible();
    await expect(reactionFrom(page, RUSSIA_SENTENCE).getByRole('checkbox', { name: /^Accept reaction \d+$/ })).not.toBeChecked();
    await expect(reactionFrom(page, TURKEY_SENTENCE).getByLabel('Primary stance', { exact: true })).toHaveValue(chosenStance);
  });

  await test.step('a refusal lands on its item and field; corrected, accepting creates the ticked records and says so', async () => {
    const claim = page.getByRole('region', { name: 'Claims' }).getByRole('article').filter({ hasText: 'Terter' }).first();
    const statement = claim.getByLabel('Statement', { exact: true });
    await statement.fill('');
    await page.getByRole('button', { name: 'Accept and create' }).click();
    await expect(claim.getByText('Statement is required')).toBeVisible();
    await expect(statement).toHaveAttribute('aria-invalid', 'true');
    await expect(page).toHaveURL(atPath(intakeUrl));
    await statement.fill(claimStatement);
    await expect(claim.getByText('Statement is required')).toHaveCount(0);

    await page.getByRole('button', { name: 'Accept and create' }).click();
    await expect(page).toHaveURL(atPath(`/desk/dossiers/${slug}`));
    await expect(page.getByRole('status').filter({ hasText: `Added from the article “${sourceTitle}”` })).toContainText(/\d+ reactions?/);
    // The draft is gone with the accept: the next intake starts afresh.
    expect(await editorApi.trpc.ok('query', 'intake.draft', { dossierId: dossier.id })).toBeNull();
  });

  await test.step('the desk lists show the accepted reactions and claim, not the unticked one', async () => {
    await page.goto(`/desk/dossiers/${slug}/reactions`);
    const turkeyRow = page.getByRole('row').filter({ hasText: 'Turkey' });
    await expect(turkeyRow).toBeVisible();
    await expect(turkeyRow).toContainText(`${stanceLabels[chosenStance]} (primary)`);
    await expect(page.getByRole('row').filter({ hasText: 'European Union' })).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: 'Russia' })).toHaveCount(0);
    await expect(page.getByRole('row').filter({ hasText: 'Needs source' })).toHaveCount(0);

    await page.goto(`/desk/dossiers/${slug}/claims`);
    await expect(page.getByRole('row').filter({ hasText: claimStatement })).toBeVisible();
  });

  await test.step('the next intake can start from the stored article, and a pasted URL already logged offers that source', async () => {
    await page.goto(intakeUrl);
    await expect(page.getByText(/^Resumed your review/)).toHaveCount(0);
    const stored = page.getByLabel('Start from a source of this dossier that holds its article');
    const option = await stored.locator('option', { hasText: sourceTitle }).getAttribute('value');
    await stored.selectOption(option ?? '');
    await page.getByRole('button', { name: 'Use its article' }).click();
    await expect(page.getByLabel('Article text')).toHaveValue(STORY);
    await expect(page.getByText('Cites the source already logged:')).toContainText(sourceTitle);

    await page.getByRole('button', { name: 'Log a new source instead' }).click();
    await page.getByLabel('URL', { exact: true }).fill(`https://wire.example.org/${slug}`);
    await expect(page.getByText(`Already logged as “${sourceTitle}”.`)).toBeVisible();
    await page.getByRole('button', { name: 'Use that source' }).click();
    await expect(page.getByText('Cites the source already logged:')).toContainText(sourceTitle);
  });

  await test.step('published, the public page shows the reactions with the article’s sentences as excerpts', async () => {
    const current = await editorApi.dossier(slug);
    await editorApi.publish(current);
    const reader = await newSignedOutPage();
    await reader.goto(`/d/${slug}`);
    const section = reader.getByRole('region', { name: 'International reactions' });
    await expect(section.locator('blockquote', { hasText: TURKEY_SENTENCE }).first()).toBeVisible();
    await expect(section.locator('blockquote', { hasText: JOINT_SENTENCE }).first()).toBeVisible();
    await expect(section.getByText(RUSSIA_SENTENCE)).toHaveCount(0);

    // The claim on the board, and on its own page the article's sentence as the excerpt.
    await reader.getByRole('region', { name: 'Claims and counterclaims' }).getByRole('link', { name: claimStatement }).click();
    await expect(reader.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(reader.locator('blockquote', { hasText: 'Terter' }).first()).toBeVisible();
  });
});

test('a viewer sees no Add from article and cannot open the intake page', async ({ pageAs }) => {
  const viewer = await pageAs('viewer');
  await viewer.goto('/desk/dossiers/nagorno-karabakh-2020');
  await expect(viewer.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(viewer.getByRole('link', { name: 'Add from article' })).toHaveCount(0);
  const response = await viewer.goto('/desk/dossiers/nagorno-karabakh-2020/intake');
  expect(response?.status()).toBe(404);
});
