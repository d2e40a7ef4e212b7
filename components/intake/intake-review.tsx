'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { PickedActor } from '@/components/actors/actor-picker';
import { formatMoment } from '@/components/format';
import { readServerError } from '@/components/ui/form-errors';
import { deskPaths } from '@/components/ui/links';
import { Button, ErrorBanner, Notice } from '@/components/ui/primitives';
import { acceptIntakeInput, analyzeArticleInput } from '@/server/intake/intake.input';
import { useTRPC, useTRPCClient } from '@/trpc/client';
import { ArticleStep } from './article-step';
import { rememberAccepted } from './intake-accepted';
import {
  buildAcceptInput,
  draftOf,
  emptyReview,
  isCreated,
  readDraft,
  reviewOfAnalysis,
  reviewPathOf,
  type ReviewErrors,
  type ReviewState,
} from './intake-state';
import { ActorReview, ClaimReview, MatchedActors, ReactionReview } from './review-items';

/** The review's lists of suggestions, each edited item by item. */
type SuggestionGroup = 'actors' | 'reactions' | 'claims';

const DRAFT_SAVE_DELAY_MS = 800;

/** A dotted server path ("reactions.2.primaryStance") as the input's path segments. */
const segments = (path: string) => path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/**
 * "Add from article": paste a story (or start from a source that holds one), analyse it, review every suggestion on
 * one screen (grouped actors / reactions / claims, each ticked or not, with its sentence and why), then accept:
 * everything ticked is created in one transaction. The review is kept as the editor's draft while they work, and
 * resumed when they come back.
 */
export function IntakeReview({
  dossier,
  draft,
}: {
  dossier: { id: string; slug: string; title: string };
  /** The editor's saved review for this dossier, as the page read it. */
  draft: { state: unknown; updatedAt: Date | string } | null;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const parties = useQuery(trpc.parties.list.queryOptions({ dossierId: dossier.id }));
  const partyList = (parties.data ?? []).filter((party) => party.role === 'party').map((party) => ({ id: party.actor.id, name: party.actor.name }));
  const partyIds = partyList.map((party) => party.id);

  const [resumed] = useState(() => (readDraft(draft?.state) ? (draft?.updatedAt ?? null) : null));
  const [resumedShown, setResumedShown] = useState(resumed !== null);
  const [state, setState] = useState<ReviewState>(() => readDraft(draft?.state) ?? emptyReview);
  const [errors, setErrors] = useState<ReviewErrors>({});
  const [banner, setBanner] = useState<string | null>(null);
  const [articleOpen, setArticleOpen] = useState(false);
  // Bumped to remount the inputs that keep their own text (tags, aliases) when the review is replaced.
  const [generation, setGeneration] = useState(0);

  const saveDraft = useMutation(trpc.intake.saveDraft.mutationOptions({ meta: { invalidates: false } }));
  const discardDraft = useMutation(trpc.intake.discardDraft.mutationOptions({ meta: { invalidates: false } }));
  const analyze = useMutation(trpc.intake.analyze.mutationOptions({ meta: { invalidates: false } }));
  const accept = useMutation(trpc.intake.accept.mutationOptions());

  // Saved a moment after the editor stops changing the review; never after it is accepted or discarded.
  const dirty = useRef(false);
  const finished = useRef(false);
  // The last save sent: accepting or starting over waits for it, so it cannot land after them and bring the review back.
  const lastSave = useRef<Promise<unknown>>(Promise.resolve());
  const { mutateAsync: saveAsync } = saveDraft;
  const save = useCallback(
    (input: { dossierId: string; state: ReturnType<typeof draftOf> }) => {
      lastSave.current = saveAsync(input).catch(() => undefined);
    },
    [saveAsync],
  );
  // The review waiting for its save: sent at once if the editor leaves the page before the delay is up.
  const unsaved = useRef<ReviewState | null>(null);
  useEffect(() => {
    if (!dirty.current || finished.current) return;
    unsaved.current = state;
    const timer = setTimeout(() => {
      unsaved.current = null;
      if (!finished.current) save({ dossierId: dossier.id, state: draftOf(state) });
    }, DRAFT_SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [state, dossier.id, save]);
  const trpcClient = useTRPCClient();
  useEffect(
    () => () => {
      // Unmounting (the editor navigated away): the plain client, since the component's mutation goes with it.
      if (unsaved.current && !finished.current) void trpcClient.intake.saveDraft.mutate({ dossierId: dossier.id, state: draftOf(unsaved.current) }).catch(() => undefined);
    },
    [trpcClient, dossier.id],
  );

  /** Changes the review; `touched` names the review paths whose errors the change answers. */
  const change = (next: (current: ReviewState) => ReviewState, touched: string[] = []) => {
    dirty.current = true;
    setState(next);
    if (touched.length) {
      setErrors((current) => {
        const kept = { ...current };
        for (const key of Object.keys(kept)) if (touched.some((prefix) => key === prefix || key.startsWith(`${prefix}.`))) delete kept[key];
        return kept;
      });
    }
  };
  /** Merges an edit into one suggestion of a group, clearing that suggestion's errors. */
  const changeItem =
    <L extends SuggestionGroup>(group: L, index: number) =>
    (patch: Partial<ReviewState[L][number]>) =>
      change(
        (current) => ({ ...current, [group]: (current[group] as Array<ReviewState[L][number]>).map((item, at) => (at === index ? { ...item, ...patch } : item)) }),
        [`${group}.${index}`],
      );
  const remember = (actor: PickedActor) =>
    change((current) => ({ ...current, names: { ...current.names, [actor.id]: { name: actor.name, kind: actor.kind } } }));

  // After a refusal, keyboard and screen-reader users are taken to the first field or item it names.
  const focusError = useRef(false);
  useEffect(() => {
    if (!focusError.current) return;
    focusError.current = false;
    const first = document.querySelector<HTMLElement>('[aria-invalid="true"], [id$="-tick-error"]');
    if (first) {
      first.scrollIntoView({ block: 'center' });
      if (first.matches('input, select, textarea')) first.focus();
    }
  }, [errors]);

  function showErrors(found: ReviewErrors, others: string[], summary: string | null = 'Some items need a correction: see the messages at them.') {
    focusError.current = Object.keys(found).length > 0;
    setErrors(found);
    setBanner(others.length ? others.join(' ') : Object.keys(found).length ? summary : null);
    if (Object.keys(found).some((key) => key === 'text' || key.startsWith('source'))) setArticleOpen(true);
  }

  function runAnalysis() {
    const publishedOn = state.sourceMode === 'existing' ? (state.existingSource?.publishedOn ?? null) : state.newSource.publishedAt || null;
    const input = { dossierId: dossier.id, text: state.text, publishedOn };
    const checked = analyzeArticleInput.safeParse(input);
    if (!checked.success) {
      const found: ReviewErrors = {};
      const others: string[] = [];
      for (const issue of checked.error.issues) {
        if (issue.path[0] === 'text') found.text ??= issue.message;
        else if (issue.path[0] === 'publishedOn') found['source.publishedAt'] ??= issue.message;
        else others.push(issue.message);
      }
      showErrors(found, others, null);
      return;
    }
    setBanner(null);
    setErrors({});
    analyze.mutate(input, {
      onSuccess: (analysis) => {
        const next = reviewOfAnalysis(state, analysis, partyIds);
        dirty.current = false;
        unsaved.current = null;
        setState(next);
        setGeneration((count) => count + 1);
        setArticleOpen(false);
        save({ dossierId: dossier.id, state: draftOf(next) });
      },
      onError: (error) => showErrors({}, readServerError(error).issues.map((issue) => issue.message)),
    });
  }

  function startOver() {
    finished.current = false;
    dirty.current = false;
    unsaved.current = null;
    void lastSave.current.then(() => discardDraft.mutate({ dossierId: dossier.id }));
    setState(emptyReview);
    setErrors({});
    setBanner(null);
    setResumedShown(false);
    setGeneration((count) => count + 1);
  }

  function runAccept() {
    if (finished.current) return; // already sent
    const { input, positions, errors: own } = buildAcceptInput(state, dossier.id);
    const found: ReviewErrors = { ...own };
    const others: string[] = [];
    const checked = acceptIntakeInput.safeParse(input);
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        const key = reviewPathOf(issue.path as Array<string | number>, positions);
        if (key) found[key] ??= issue.message;
        else others.push(issue.message);
      }
    }
    if (Object.keys(found).length || others.length) {
      showErrors(found, others);
      return;
    }
    setBanner(null);
    // No draft save from here on: one landing after the accept would bring the accepted review back.
    finished.current = true;
    void lastSave.current.then(() => accept.mutate(input, {
      onSuccess: (result) => {
        const created = [
          result.reactionIds.length ? plural(result.reactionIds.length, 'reaction', 'reactions') : null,
          result.claimIds.length ? plural(result.claimIds.length, 'claim', 'claims') : null,
          input.newActors?.length ? `${plural(input.newActors.length, 'new actor', 'new actors')} (${input.newActors.map((actor) => actor.name).join(', ')})` : null,
        ].filter(Boolean);
        const sourceTitle = state.sourceMode === 'existing' ? state.existingSource?.title : state.newSource.title;
        rememberAccepted(dossier.id, `Added from the article “${sourceTitle ?? ''}”: ${created.join(', ') || 'nothing but the source'}.`);
        router.push(deskPaths.dossier(dossier.slug));
      },
      onError: (error) => {
        finished.current = false;
        const server: ReviewErrors = {};
        const rest: string[] = [];
        for (const issue of readServerError(error).issues) {
          const key = issue.path ? reviewPathOf(segments(issue.path), positions) : null;
          if (key) server[key] ??= issue.message;
          else rest.push(issue.message);
        }
        showErrors(server, rest);
      },
    }));
  }

  const tickedReactions = state.reactions.filter((item) => item.ticked).length;
  const tickedClaims = state.claims.filter((item) => item.ticked).length;
  const createdActors = state.actors.filter(isCreated).length;
  const showArticle = !state.analysed || articleOpen;
  const matchedActors = state.actors.filter((item) => item.matchedActorId !== null);
  const newActors = state.actors.flatMap((item, index) => (item.matchedActorId === null ? [{ item, index }] : []));
  const sourceTitle = state.sourceMode === 'existing' ? state.existingSource?.title : state.newSource.title;

  return (
    <div className="max-w-5xl space-y-8">
      {resumedShown && resumed ? (
        <div role="status" className="flex flex-wrap items-center gap-3 rounded-md border border-blue-200 bg-blue-50 px-3 py-2 text-sm text-blue-950">
          <span>Resumed your review from {formatMoment(resumed)}.</span>
          <Button variant="secondary" onClick={startOver}>
            Start over
          </Button>
        </div>
      ) : null}

      <section aria-labelledby="intake-article-heading" className="space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="intake-article-heading" className="text-xl font-semibold text-ink">
            1. Article and source
          </h2>
          {state.analysed ? (
            <Button variant="secondary" aria-expanded={showArticle} aria-controls="intake-article-panel" onClick={() => setArticleOpen(!articleOpen)}>
              {showArticle ? 'Hide article and source' : 'Change article or source'}
            </Button>
          ) : null}
        </div>
        {state.analysed && !showArticle ? (
          <p className="text-sm text-stone-700">
            {sourceTitle ? `“${sourceTitle}”` : 'A source without a title yet'} · {plural(state.sentenceCount, 'sentence', 'sentences')} read
          </p>
        ) : null}
        <div id="intake-article-panel" hidden={!showArticle} className="space-y-4">
          <ArticleStep key={generation} dossier={dossier} state={state} errors={errors} onChange={(patch, touched) => change((current) => ({ ...current, ...patch }), touched)} />
          <div className="flex flex-wrap items-center gap-3">
            <Button onClick={runAnalysis} disabled={analyze.isPending}>
              {analyze.isPending ? 'Analysing…' : state.analysed ? 'Analyse again' : 'Analyse'}
            </Button>
            {state.analysed ? <p className="text-sm text-stone-600">Analysing again replaces the suggestions and your changes to them.</p> : null}
          </div>
        </div>
      </section>

      {banner && !state.analysed ? <ErrorBanner>{banner}</ErrorBanner> : null}

      {state.analysed ? (
        <div key={generation} className="space-y-8">
          <p className="text-sm text-stone-700">
            {plural(state.sentenceCount, 'sentence', 'sentences')} read: {plural(state.actors.length, 'actor', 'actors')},{' '}
            {plural(state.reactions.length, 'reaction', 'reactions')} and {plural(state.claims.length, 'claim', 'claims')} suggested. Tick what
            is right, correct what is not; nothing is created until you accept.
          </p>

          <ReviewSection id="intake-actors" title="Actors" empty={state.actors.length === 0 ? 'No actor found.' : null}>
            {matchedActors.length ? (
              <>
                <h3 className="text-base font-semibold text-ink">Found in the directory ({matchedActors.length})</h3>
                <MatchedActors items={matchedActors} partyIds={partyIds} />
              </>
            ) : null}
            {newActors.length ? (
              <>
                <h3 className="text-base font-semibold text-ink">Proposed as new ({newActors.length})</h3>
                <p className="text-sm text-stone-600">Created when you accept, if ticked. Untick names that are not actors, or use a directory actor instead.</p>
                <ol className="space-y-3">
                  {newActors.map(({ item, index }) => (
                    <li key={item.ref}>
                      <ActorReview
                        index={index}
                        item={item}
                        state={state}
                        errors={errors}
                        onRemember={remember}
                        onChange={changeItem('actors', index)}
                      />
                    </li>
                  ))}
                </ol>
              </>
            ) : null}
          </ReviewSection>

          <ReviewSection id="intake-reactions" title="Reactions" empty={state.reactions.length === 0 ? 'No reaction found.' : null}>
            <ol className="space-y-3">
              {state.reactions.map((item, index) => (
                <li key={item.ref}>
                  <ReactionReview
                    index={index}
                    item={item}
                    state={state}
                    errors={errors}
                    parties={partyList}
                    onRemember={remember}
                    onChange={changeItem('reactions', index)}
                  />
                </li>
              ))}
            </ol>
          </ReviewSection>

          <ReviewSection id="intake-claims" title="Claims" empty={state.claims.length === 0 ? 'No claim found.' : null}>
            <ol className="space-y-3">
              {state.claims.map((item, index) => (
                <li key={item.ref}>
                  <ClaimReview
                    index={index}
                    item={item}
                    state={state}
                    errors={errors}
                    onRemember={remember}
                    onChange={changeItem('claims', index)}
                  />
                </li>
              ))}
            </ol>
          </ReviewSection>

          <div className="sticky bottom-0 space-y-3 border-t border-stone-200 bg-white/95 py-4 backdrop-blur">
            {banner ? <ErrorBanner>{banner}</ErrorBanner> : null}
            <div className="flex flex-wrap items-center gap-4">
              <Button onClick={runAccept} disabled={accept.isPending || accept.isSuccess}>
                {accept.isPending ? 'Creating…' : 'Accept and create'}
              </Button>
              <p className="text-sm text-stone-700">
                {plural(tickedReactions, 'reaction', 'reactions')}, {plural(tickedClaims, 'claim', 'claims')} and{' '}
                {plural(createdActors, 'new actor', 'new actors')} ticked{state.sourceMode === 'new' ? ', with a new source' : ''}.
              </p>
              <Button variant="ghost" onClick={startOver} disabled={accept.isPending}>
                Start over
              </Button>
            </div>
            {saveDraft.isError ? <Notice>Your review could not be saved as a draft; it is still here while this page stays open.</Notice> : null}
          </div>
        </div>
      ) : null}
    </div>
  );
}

/** One group of suggestions under its heading, with a line saying so when the article gave none. */
function ReviewSection({ id, title, empty, children }: { id: string; title: string; empty: string | null; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-3">
      <h2 id={`${id}-heading`} className="text-xl font-semibold text-ink">
        {title}
      </h2>
      {empty ? <p className="text-sm text-stone-500 italic">{empty}</p> : null}
      {children}
    </section>
  );
}
