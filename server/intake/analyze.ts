import nlp from 'compromise';
import type { ActorKind } from '@/server/actors/actors.labels';
import { matchKey } from '@/server/actors/match-key';
import { noClaimFigures, type ClaimCategory, type DatePrecision } from '@/server/claims/claims.labels';
import type { ReactionChannel, ReactionStance } from '@/server/reactions/reactions.labels';
import { countryInfo, STATIC_MAX_WORDS, staticEntries, type StaticEntry } from './gazetteer';
import {
  CHANNEL_RULES,
  CLAIM_CATEGORY_PRIORITY,
  CLAIM_CATEGORY_RULES,
  CLAIM_VERB_RULE,
  FIGURE_RULES,
  NUMBER_WORDS,
  SAID_VERB,
  STANCE_PRIORITY,
  STANCE_RULES,
  type BodyRule,
} from './rules';
import type { ActorSuggestion, ClaimSuggestion, Evidence, Figures, IntakeAnalysis, ReactionSuggestion } from './suggestions';

/** A live actor of the directory, as intake matches names against it. */
export interface DirectoryActor {
  id: string;
  name: string;
  aliases: string[];
  kind: ActorKind;
  countryCode: string | null;
  title: string | null;
  affiliationId: string | null;
}

export interface IntakeContext {
  directory: DirectoryActor[];
  /** Actor ids of the dossier's parties (role "party"): the only possible reaction targets. */
  partyIds: string[];
  /** YYYY-MM-DD, the article's publication day: dates without a year and "yesterday" are read from it. */
  publishedOn: string | null;
}

/** What the dossier already holds, for marking suggestions that may repeat a record. */
export interface ExistingRecords {
  reactions: Array<{ id: string; actorIds: string[]; stances: ReactionStance[]; primaryStance: ReactionStance; reactedOn: string | null; label: string }>;
  claims: Array<{ id: string; claimantId: string; statement: string; category: ClaimCategory; label: string }>;
}

/*
 * How the analysis reads an article (all rules as data in rules.ts, names in gazetteer.ts and the directory):
 * 1. Sentences: compromise splits each paragraph; a sentence ending inside an open quotation is joined to the next;
 *    lines without final punctuation (headlines) and repeated sentences are skipped.
 * 2. Mentions: tokens are matched longest-first against the directory (names, aliases) and the gazetteer (countries,
 *    demonyms, titles, bodies, organisations); adjacent pieces make one phrase ("French President Nicolas Sarkozy",
 *    "Azerbaijan's foreign ministry", "Foreign Ministry spokeswoman Maria Zakharova") read as one actor with its
 *    title and affiliation. Surnames, "he"/"it", "the ministry" refer back to the last such actor.
 * 3. Records: per clause, the subject (first mentions not after a preposition, coordinated by commas and "and") and
 *    the attribution ("…, X said") give the actors and speaker; cue phrases give stances (a reaction, when the actors
 *    are not parties) or an assertion verb gives a claim (when they are a party or act for one). A sentence with no
 *    subject of its own that continues a statement ("the statement said", a quotation alone) is merged into it.
 */

interface Token {
  text: string;
  start: number;
  end: number;
  key: string;
  capital: boolean;
  possessive: boolean;
}

type Piece =
  | { type: 'directory'; actor: DirectoryActor }
  | StaticEntry
  | { type: 'name'; person: boolean; organisation: boolean }
  | { type: 'pronoun'; word: string }
  | { type: 'anaphor'; word: string };

interface Item {
  piece: Piece;
  from: number;
  to: number; // token indexes, inclusive
}

/** One actor as the text names it at one place. `weak`: only a demonym ("Azerbaijani city"): a target or about, never a subject. */
interface Mention {
  ref: string;
  start: number;
  end: number;
  fromToken: number;
  toToken: number;
  weak: boolean;
  /** "his spokesman": the spokesperson of the actor named before, resolved once the subject is known. */
  spokespersonOf?: 'previous';
  /** "he", "it", "the ministry": who spoke, never what a claim is about. */
  pronoun?: boolean;
  title?: string;
}

interface Sentence {
  start: number;
  end: number;
  text: string;
  heading: boolean;
}

interface RecordBase {
  sentenceStart: number;
  sentenceEnd: number;
  spanStart: number;
  spanEnd: number;
  quotes: string[];
}

interface DraftReaction extends RecordBase {
  kind: 'reaction';
  actorRefs: string[];
  speakerRef: string | null;
  stances: ReactionStance[];
  targetRefs: string[];
  channel: ReactionChannel;
  date: { day: string; precision: DatePrecision } | null;
  why: string[];
  paraphrase: string;
}

interface DraftClaim extends RecordBase {
  kind: 'claim';
  claimantRef: string;
  aboutRefs: string[];
  categories: ClaimCategory[];
  figures: Figures;
  date: { day: string; precision: DatePrecision } | null;
  why: string[];
  statement: string;
}

const PREPOSITIONS = new Set(
  'of on with to against by from for between over under about into toward towards at in among amongst than across after before during including like via upon'.split(' '),
);
const LOCATIVE = new Set(['in', 'into', 'on', 'at', 'near', 'across', 'inside', 'within', 'along', 'toward', 'towards', 'onto']);
/** "officials on both sides said", "residents said": someone the text does not name. */
const UNNAMED_SOURCES = /\b(?:officials|residents|sources|witnesses|analysts|diplomats|medics|activists|rescuers|observers|people|villagers|aid workers)\b[^,.;"”]*$/i;
const SUBJECT_JOINERS = /^(?:\s|,|and\b|the\b|as well as\b|&)*$/i;
const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their']);
const NOT_NAMES = new Set(
  'the a an in on at as but and or if while when meanwhile both four three two one after before during since this that these those there then however also it he she they we our his her their its some many several yesterday today tuesday monday wednesday thursday friday saturday sunday january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec according condemning calling urging speaking relations border in'.split(' '),
);
/** Lower-case words inside a name: "Ursula von der Leyen", "Abdel Fattah al-Burhan". */
const NAME_PARTICLES = new Set(['von', 'der', 'van', 'de', 'la', 'le', 'al', 'bin', 'ibn', 'el', 'da', 'dos', 'du']);
/** "the ministry", "the statement", "the (paramilitary) group": the one named before. */
const ANAPHORS = new Set(['ministry', 'department', 'statement', 'group', 'rebels', 'militia']);
const ARMED_HEADS = new Set(['forces', 'force', 'army', 'front', 'militia', 'brigade', 'brigades', 'movement', 'fighters', 'guard']);
const QUOTE_OPEN = new Set(['“', '«', '„']);
const QUOTE_CLOSE = new Set(['”', '»']);

const DATELINE = /^[\p{Lu}][\p{Lu}.'’/ -]{2,}(?:,\s*[\p{Lu}][\p{L}.' -]*)*?,?\s+(?:[\p{Lu}][\p{L}]{2,8}\.?\s+\d{1,2}\s+)?\([^)]{1,40}\)\s*[-–—]+\s*/u;
const TOKEN = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;

function tokenize(text: string, offset: number): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const start = offset + match.index;
    const word = match[0];
    const after = text.slice(match.index + word.length, match.index + word.length + 2);
    tokens.push({
      text: word,
      start,
      end: start + word.length,
      key: matchKey(word),
      // "al-Eryani", "el-Sisi": a name particle joined to a capitalised name.
      capital: /^\p{Lu}/u.test(word) || /^\p{N}/u.test(word) || /^(?:al|el|ad|as|bin|ibn|abu)-\p{Lu}/u.test(word),
      possessive: /^['’]s$/.test(after) || /^['’]s\b/.test(after),
    });
  }
  // "Azerbaijan's": the "s" of the possessive is not a word of its own.
  return tokens.filter((token, index) => !(token.key === 's' && index > 0 && tokens[index - 1]!.possessive && tokens[index - 1]!.end + 1 === token.start));
}

/** Character ranges inside quotation marks (straight, curly, or '' as some wires close them). */
function quoteRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let openAt = -1;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    const twoSingles = char === "'" && text[index + 1] === "'";
    const open = () => {
      openAt = index + (twoSingles ? 2 : 1);
      if (twoSingles) index++;
    };
    const close = () => {
      ranges.push([openAt, index]);
      openAt = -1;
      if (twoSingles) index++;
    };
    if (QUOTE_OPEN.has(char)) open();
    else if (QUOTE_CLOSE.has(char)) {
      if (openAt >= 0) close();
    } else if (char === '"' || twoSingles) {
      if (openAt >= 0) close();
      else open();
    }
  }
  if (openAt >= 0) ranges.push([openAt, text.length]);
  return ranges;
}

function blankQuotes(text: string): string {
  return text.replace(/[“”«»„"]/g, ' ').replace(/''/g, '  ');
}

function slugOf(name: string): string {
  return matchKey(name).replace(/ /g, '-').slice(0, 80).replace(/-+$/, '') || 'actor';
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const MONTH_DAY = new RegExp(String.raw`\b${MONTH} (\d{1,2})(?:,? (\d{4}))?\b`, 'i');
const DAY_MONTH = new RegExp(String.raw`\b(\d{1,2}) ${MONTH}(?:,? (\d{4}))?\b`, 'i');
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

function isoOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The day a sentence dates its event by ("on Sept. 27" in the year of publication; "yesterday"; "on Monday"). */
export function readDate(text: string, publishedOn: string | null): { day: string; precision: DatePrecision } | null {
  const published = publishedOn ? new Date(`${publishedOn}T00:00:00Z`) : null;
  const monthDay = MONTH_DAY.exec(text);
  const dayMonth = monthDay ? null : DAY_MONTH.exec(text);
  if (monthDay || dayMonth) {
    const word = (monthDay ? monthDay[1]! : dayMonth![2]!).toLowerCase();
    const month = word.startsWith('sep') ? 9 : MONTHS[word.slice(0, 3)];
    const day = Number(monthDay ? monthDay[2] : dayMonth![1]);
    const yearText = monthDay ? monthDay[3] : dayMonth![3];
    if (!month || day < 1 || day > 31) return null;
    let year = yearText ? Number(yearText) : published?.getUTCFullYear();
    if (!year) return null;
    if (!yearText && published && new Date(Date.UTC(year, month - 1, day)) > published) year -= 1;
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCMonth() !== month - 1) return null;
    return { day: isoOf(date), precision: 'day' };
  }
  if (!published) return null;
  if (/\byesterday\b/i.test(text)) return { day: isoOf(new Date(published.getTime() - 86_400_000)), precision: 'day' };
  const weekday = /\bon (sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/i.exec(text);
  if (weekday) {
    const target = WEEKDAYS.indexOf(weekday[1]!.toLowerCase());
    const back = (published.getUTCDay() - target + 7) % 7;
    return { day: isoOf(new Date(published.getTime() - back * 86_400_000)), precision: 'day' };
  }
  return null;
}

function numberOf(text: string): number | null {
  const lower = text.toLowerCase().trim();
  const multiplier = /\bthousand$/.test(lower) ? 1000 : /\bmillion$/.test(lower) ? 1_000_000 : 1;
  const base = lower.replace(/ (?:thousand|million)$/, '');
  const value = /^\d/.test(base) ? Number(base.replace(/,/g, '')) : NUMBER_WORDS[base];
  return value === undefined || Number.isNaN(value) ? null : value * multiplier;
}

/** Killed, wounded, displaced and equipment figures a sentence states ("at least 20 soldiers were injured" → wounded ≥ 20). */
export function readFigures(text: string): { figures: Figures; why: string[] } {
  const figures: Figures = { ...noClaimFigures };
  const why: string[] = [];
  for (const rule of FIGURE_RULES) {
    if (figures[rule.figure] !== null) continue;
    const match = rule.pattern.exec(text);
    const value = match?.groups?.n ? numberOf(match.groups.n) : null;
    if (!match || value === null) continue;
    figures[rule.figure] = value;
    const atLeast = Boolean(match.groups?.least) || /^(?:dozens|hundreds|thousands)/i.test(match.groups!.n!);
    figures[`${rule.figure}AtLeast`] = atLeast;
    why.push(`“${match[0].trim()}”: ${rule.description}${atLeast ? ' (at least)' : ''}`);
  }
  return { figures, why };
}

/** Every stance cue in a text, with the span of the first match of each stance (offsets into `text`). */
export function readStances(text: string): Array<{ stance: ReactionStance; start: number; end: number; why: string }> {
  const plain = blankQuotes(text);
  const found: Array<{ stance: ReactionStance; start: number; end: number; why: string }> = [];
  for (const [stance, rules] of Object.entries(STANCE_RULES) as Array<[ReactionStance, (typeof STANCE_RULES)['ceasefire']]>) {
    for (const rule of rules) {
      const match = rule.pattern.exec(plain);
      if (!match) continue;
      found.push({ stance, start: match.index, end: match.index + match[0].length, why: `“${text.slice(match.index, match.index + match[0].length).replace(/["“”]/g, '').trim()}”: ${rule.description}` });
      break;
    }
  }
  return found.sort((a, b) => STANCE_PRIORITY.indexOf(a.stance) - STANCE_PRIORITY.indexOf(b.stance));
}

export function readCategories(text: string): Array<{ category: ClaimCategory; why: string }> {
  const plain = blankQuotes(text);
  const found: Array<{ category: ClaimCategory; why: string }> = [];
  for (const category of CLAIM_CATEGORY_PRIORITY) {
    if (category === 'other') continue;
    for (const rule of CLAIM_CATEGORY_RULES[category]) {
      const match = rule.pattern.exec(plain);
      if (!match) continue;
      found.push({ category, why: `“${text.slice(match.index, match.index + match[0].length).replace(/["“”]/g, '').trim()}”: ${rule.description}` });
      break;
    }
  }
  return found;
}

export function readChannel(text: string): { channel: ReactionChannel; why: string | null } {
  const plain = blankQuotes(text);
  for (const rule of CHANNEL_RULES) {
    const match = rule.pattern.exec(plain);
    if (match) return { channel: rule.channel, why: `“${match[0]}”: ${rule.description}` };
  }
  return { channel: 'other', why: null };
}

interface NlpTags {
  /** Character offsets (into the article) of words compromise tags as a person's name or an organisation's. */
  person: Set<number>;
  organisation: Set<number>;
}

/**
 * Splits the text into sentences with offsets (compromise per paragraph; quotations kept whole; lines without final
 * punctuation marked as headlines) and collects compromise's person and organisation tags in the same pass.
 */
function splitSentences(text: string, tags: NlpTags): Sentence[] {
  const sentences: Sentence[] = [];
  for (const line of text.matchAll(/[^\n]+/g)) {
    const lineText = line[0];
    if (!lineText.trim()) continue;
    const lineStart = line.index;
    const heading = !/[.!?"”'’)»:]\s*$/.test(lineText);
    if (heading) {
      const lead = lineText.length - lineText.trimStart().length;
      sentences.push({ start: lineStart + lead, end: lineStart + lineText.trimEnd().length, text: lineText.trim(), heading: true });
      continue;
    }
    const quotes = quoteRanges(lineText);
    const json = nlp(lineText).json({ offset: true, terms: { offset: true } }) as Array<{
      offset: { start: number; length: number };
      terms: Array<{ tags: string[]; offset: { start: number } }>;
    }>;
    for (const part of json) {
      for (const term of part.terms) {
        if (term.tags.includes('Person') && !term.tags.includes('Honorific')) tags.person.add(lineStart + term.offset.start);
        if (term.tags.includes('Organization')) tags.organisation.add(lineStart + term.offset.start);
      }
    }
    const parts = json.map((part) => ({ start: part.offset.start, end: part.offset.start + part.offset.length }));
    const merged: Array<{ start: number; end: number }> = [];
    for (const part of parts) {
      const previous = merged.at(-1);
      // A boundary inside a quotation ("… civilians. We extend …," the statement said) is not the sentence's end.
      if (previous && quotes.some(([from, to]) => previous.end > from && previous.end < to)) previous.end = part.end;
      else merged.push({ ...part });
    }
    for (const part of merged) {
      let end = part.end;
      // compromise leaves a closing quotation mark after the full stop outside the sentence.
      while (end < lineText.length && /["”'’»]/.test(lineText[end]!)) end++;
      const raw = lineText.slice(part.start, end);
      const lead = raw.length - raw.trimStart().length;
      const textOf = raw.trim();
      if (!textOf) continue;
      sentences.push({ start: lineStart + part.start + lead, end: lineStart + part.start + lead + textOf.length, text: textOf, heading: false });
    }
  }
  return sentences;
}

/** The analysis of one article against one dossier's directory and parties. Pure and synchronous. */
export function analyzeArticle(text: string, context: IntakeContext): IntakeAnalysis {
  return new Analysis(text, context).run();
}

interface ActorDraft {
  ref: string;
  name: string;
  kind: ActorKind;
  title: string | null;
  countryCode: string | null;
  affiliationRef: string | null;
  matchedActorId: string | null;
  mentions: Set<string>;
  evidence: Evidence;
  why: string;
}

class Analysis {
  private readonly directoryIndex = new Map<string, DirectoryActor[]>();
  private readonly directoryById = new Map<string, DirectoryActor>();
  private readonly stateByCode = new Map<string, DirectoryActor>();
  private readonly maxWords: number;
  /** Directory names written in lower case ("federal forces"): matched in lower case too. */
  private readonly lowerCaseKeys = new Set<string>();
  private readonly partyIds: Set<string>;
  private readonly actors = new Map<string, ActorDraft>();
  private readonly byKey = new Map<string, string>();
  private readonly surnames = new Map<string, string>();
  private readonly records: Array<DraftReaction | DraftClaim> = [];
  private lastPerson: string | null = null;
  private lastThing: string | null = null;
  private lastBody: string | null = null;
  private lastState: string | null = null;
  /** The last armed force of a state ("the army") and the last armed group of any kind ("the group", "the rebels"). */
  private lastArmy: string | null = null;
  private lastArmedGroup: string | null = null;
  /** The last clause subjects: "he said", "it accused" refer to them before any other mention. */
  private lastSubjectPerson: string | null = null;
  private lastSubjectThing: string | null = null;
  private sentencePerson: string | null = null;
  private sentenceThing: string | null = null;
  private sentenceState: string | null = null;
  private sentenceCount = 0;
  private readonly tags: NlpTags = { person: new Set(), organisation: new Set() };
  private currentSentence: Sentence = { start: 0, end: 0, text: '', heading: false };

  constructor(
    private readonly text: string,
    private readonly context: IntakeContext,
  ) {
    let maxWords = STATIC_MAX_WORDS;
    for (const actor of context.directory) {
      this.directoryById.set(actor.id, actor);
      if (actor.kind === 'state' && actor.countryCode && !this.stateByCode.has(actor.countryCode)) this.stateByCode.set(actor.countryCode, actor);
      // "Tigray People's Liberation Front" is read as "Tigray People Liberation Front": tokens drop the possessive 's.
      for (const name of [actor.name, ...actor.aliases].flatMap((text) => (/['’]s\b/.test(text) ? [text, text.replace(/['’]s\b/g, '')] : [text]))) {
        const key = matchKey(name);
        if (!key) continue;
        if (/^\p{Ll}/u.test(name.trim())) this.lowerCaseKeys.add(key);
        const list = this.directoryIndex.get(key) ?? [];
        list.push(actor);
        this.directoryIndex.set(key, list);
        maxWords = Math.max(maxWords, key.split(' ').length);
      }
    }
    this.maxWords = Math.min(maxWords, 12);
    this.partyIds = new Set(context.partyIds);
  }

  run(): IntakeAnalysis {
    const seen = new Set<string>();
    for (const sentence of splitSentences(this.text, this.tags)) {
      const key = matchKey(sentence.text);
      if (seen.has(key)) continue;
      seen.add(key);
      this.sentenceCount++;
      this.currentSentence = sentence;
      this.readSentence(sentence);
    }
    return this.result();
  }

  // ——— Actors ———

  private directoryMatch(key: string): DirectoryActor | null {
    const list = this.directoryIndex.get(key);
    if (!list?.length) return null;
    return list.find((actor) => this.partyIds.has(actor.id)) ?? list[0]!;
  }

  private evidenceOf(start: number, end: number): Evidence {
    const sentence = this.currentSentence;
    return { sentence: sentence.text, sentenceStart: sentence.start, sentenceEnd: sentence.end, spanStart: start, spanEnd: end };
  }

  private noteActor(ref: string, surface: string, start: number, end: number, build: () => Omit<ActorDraft, 'ref' | 'mentions' | 'evidence'>): string {
    const existing = this.actors.get(ref);
    if (existing) {
      existing.mentions.add(surface);
      return ref;
    }
    this.actors.set(ref, { ref, ...build(), mentions: new Set([surface]), evidence: this.evidenceOf(start, end) });
    return ref;
  }

  private directoryActor(actor: DirectoryActor, surface: string, start: number, end: number): string {
    const ref = this.noteActor(actor.id, surface, start, end, () => ({
      name: actor.name,
      kind: actor.kind,
      title: actor.title,
      countryCode: actor.countryCode,
      affiliationRef: actor.affiliationId,
      matchedActorId: actor.id,
      why: matchKey(surface) === matchKey(actor.name) ? `“${surface}” is the directory’s ${actor.name}` : `“${surface}” is an alias of the directory’s ${actor.name}`,
    }));
    if (actor.affiliationId) this.ensureDirectoryAffiliation(actor.affiliationId, start, end);
    return ref;
  }

  private ensureDirectoryAffiliation(id: string, start: number, end: number): void {
    const actor = this.directoryById.get(id);
    if (!actor || this.actors.has(id)) return;
    this.directoryActor(actor, actor.name, start, end);
    const draft = this.actors.get(id)!;
    draft.mentions.clear();
    draft.why = `the directory’s ${actor.name}, affiliation of an actor the article names`;
  }

  private newActor(name: string, kind: ActorKind, details: { title?: string | null; countryCode?: string | null; affiliationRef?: string | null }, surface: string, start: number, end: number, why: string): string {
    const key = `${kind}:${matchKey(name)}`;
    const known = this.byKey.get(key);
    if (known) return this.noteActor(known, surface, start, end, () => {
      throw new Error('unreachable');
    });
    let ref = `new:${slugOf(name)}`;
    for (let suffix = 2; this.actors.has(ref); suffix++) ref = `new:${slugOf(name).slice(0, 76)}-${suffix}`;
    this.byKey.set(key, ref);
    return this.noteActor(ref, surface, start, end, () => ({
      name,
      kind,
      title: details.title ?? null,
      countryCode: details.countryCode ?? null,
      affiliationRef: details.affiliationRef ?? null,
      matchedActorId: null,
      why,
    }));
  }

  /** The state for an ISO code: the directory's (by country code or name) or a proposed one. */
  private stateRef(code: string, surface: string, start: number, end: number): string {
    const directory = this.stateByCode.get(code) ?? countryInfo(code)?.names.map((name) => this.directoryMatch(matchKey(name))).find((actor) => actor && actor.kind === 'state');
    if (directory) return this.directoryActor(directory, surface, start, end);
    const info = countryInfo(code);
    const name = info?.names[0] ?? surface;
    return this.newActor(name, 'state', { countryCode: code }, surface, start, end, `“${surface}” names the state ${name} (not in the directory)`);
  }

  private codeForDemonym(codes: string[]): string {
    for (const code of codes) if (this.stateByCode.has(code) && this.partyIds.has(this.stateByCode.get(code)!.id)) return code;
    for (const code of codes) if (this.stateByCode.has(code)) return code;
    return codes.includes('CD') ? 'CD' : codes[0]!;
  }

  private organisationRef(entry: Extract<StaticEntry, { type: 'organisation' }>, surface: string, start: number, end: number): string {
    for (const word of [entry.name, ...entry.words]) {
      const actor = this.directoryMatch(matchKey(word));
      if (actor) return this.directoryActor(actor, surface, start, end);
    }
    return this.newActor(entry.name, 'international_organisation', {}, surface, start, end, `“${surface}” names the ${entry.name} (not in the directory)`);
  }

  private affiliatedToState(ref: string): boolean {
    const affiliation = this.actors.get(ref)?.affiliationRef ?? this.directoryById.get(ref)?.affiliationId ?? null;
    return affiliation !== null && (this.actors.get(affiliation)?.kind ?? this.directoryById.get(affiliation)?.kind) === 'state';
  }

  /** The ISO code an actor is based in: its own, or its affiliation's. */
  private codeOf(ref: string | null): string | null {
    for (let depth = 0; ref && depth < 6; depth++) {
      const actor = this.actors.get(ref);
      const code = actor?.countryCode ?? this.directoryById.get(ref)?.countryCode ?? null;
      if (code) return code;
      ref = actor?.affiliationRef ?? this.directoryById.get(ref)?.affiliationId ?? null;
    }
    return null;
  }

  /**
   * A government body, armed force or government of a state. Without a country in the phrase, a definite one ("the
   * army", "the Defence Ministry", "army spokesman …") is the story's: the army last named, or the state last named.
   */
  private bodyRef(rule: BodyRule, affiliation: string | null, surface: string, start: number, end: number, definite: boolean): string | null {
    if (!affiliation && !rule.countryCode && definite && rule.kind === 'armed_group') {
      const subject = this.lastSubjectThing;
      if (subject && this.actors.get(subject)?.kind === 'armed_group' && this.affiliatedToState(subject)) return subject;
      if (this.lastArmy) return this.lastArmy;
    }
    // The state this sentence named first ("Ethiopia's army …, the government said"), else the last one named before.
    const code =
      rule.countryCode ??
      this.codeOf(affiliation) ??
      (definite || rule.kind === 'government_body' ? this.codeOf(this.sentenceState ?? this.lastState) : rule.kind === 'state' ? this.codeOf(this.sentenceState) : null);
    if (!code && !rule.countryCode) return null;
    const stateRef = affiliation && this.codeOf(affiliation) === code ? affiliation : code ? this.stateRef(code, countryInfo(code)?.names[0] ?? code, start, end) : null;
    if (rule.kind === 'state') return stateRef;
    const info = code ? countryInfo(code) : undefined;
    const countryNames = [...new Set([...(stateRef && this.actors.get(stateRef) ? [this.actors.get(stateRef)!.name] : []), ...(info?.names ?? [])])];
    const demonyms = info?.demonyms ?? [];
    const candidates = new Set<string>();
    const fill = (template: string) => {
      for (const country of countryNames.length ? countryNames : ['']) {
        for (const demonym of demonyms.length ? demonyms : ['']) candidates.add(matchKey(template.replace('{country}', country).replace('{demonym}', demonym)));
      }
    };
    fill(rule.name);
    for (const variant of rule.variants) fill(variant);
    for (const word of rule.words) {
      fill(`{demonym} ${word}`);
      fill(`{country} ${word}`);
      fill(`${word} of {country}`);
    }
    for (const key of candidates) {
      const actor = this.directoryMatch(key);
      if (actor && actor.kind !== 'state') return this.directoryActor(actor, surface, start, end);
    }
    // "Rwandan troops" with no armed force of Rwanda in the directory: the state itself, rather than a new actor per wording.
    if (rule.kind === 'armed_group' && stateRef) return stateRef;
    const name = rule.name.replace('{country}', info?.names[0] ?? '').trim();
    return this.newActor(name, rule.kind, { countryCode: code, affiliationRef: stateRef }, surface, start, end, `“${surface}” names a ${rule.kind === 'armed_group' ? 'armed force' : 'government body'} of ${info?.names[0] ?? code} (not in the directory)`);
  }

  // ——— Sentences ———

  private readSentence(whole: Sentence): void {
    // A wire dateline ("KHARTOUM, April 17 (Wire) - ") is where and when the story was filed, not what anyone said.
    const dateline = DATELINE.exec(whole.text)?.[0].length ?? 0;
    const sentence = dateline ? { ...whole, start: whole.start + dateline, text: whole.text.slice(dateline) } : whole;
    this.currentSentence = sentence;
    const tokens = tokenize(sentence.text, sentence.start);
    const items = this.items(tokens, this.tags);
    const mentions = this.mentions(tokens, items);
    if (sentence.heading) return;
    const quotes = quoteRanges(sentence.text).map(([from, to]) => [from + sentence.start, to + sentence.start] as [number, number]);
    const inQuote = (position: number) => quotes.some(([from, to]) => position >= from && position < to);
    for (const clause of this.clauses(sentence)) {
      const clauseMentions = mentions.filter((mention) => mention.start >= clause.start && mention.end <= clause.end);
      this.readClause(sentence, clause, tokens, clauseMentions, quotes, inQuote);
    }
  }

  private items(tokens: Token[], tags: { person: Set<number>; organisation: Set<number> }): Item[] {
    const items: Item[] = [];
    for (let index = 0; index < tokens.length; ) {
      let best: Item | null = null;
      let key = '';
      for (let length = 1; length <= this.maxWords && index + length <= tokens.length; length++) {
        const last = tokens[index + length - 1]!;
        key = length === 1 ? last.key : `${key} ${last.key}`;
        // A phrase never runs across a comma, a dash or a quotation mark.
        if (length > 1 && /[,;:–—"“”()]/.test(this.text.slice(tokens[index + length - 2]!.end, last.start))) break;
        // Across a possessive only a directory name continues ("Tigray People's Liberation Front"); "Sudan's army" is two pieces.
        const acrossPossessive = tokens.slice(index, index + length - 1).some((token) => token.possessive);
        const first = tokens[index]!;
        const surface = this.text.slice(first.start, last.end);
        const letters = surface.replace(/[^\p{L}]/gu, '');
        const properOk = first.capital && (letters.length > 3 || letters === letters.toUpperCase());
        const directory = properOk || this.lowerCaseKeys.has(key) ? this.directoryMatch(key) : null;
        if (directory) {
          best = { piece: { type: 'directory', actor: directory }, from: index, to: index + length - 1 };
          continue;
        }
        for (const entry of acrossPossessive ? [] : staticEntries(key)) {
          const proper = entry.type === 'country' || entry.type === 'demonym' || entry.type === 'organisation' || entry.type === 'capital';
          if (proper && !properOk) continue;
          // A title in lower case ("RSF leader Mohamed Dagalo", "his spokesman") must introduce a name or be a spokesperson.
          if (entry.type === 'title' && !first.capital && !/^spokes/.test(key) && !tokens[index + length]?.capital) continue;
          if (best && best.to === index + length - 1 && best.piece.type === 'directory') continue;
          best = { piece: entry, from: index, to: index + length - 1 };
          break;
        }
      }
      if (best) {
        items.push(best);
        index = best.to + 1;
        continue;
      }
      const token = tokens[index]!;
      const lower = token.key;
      if (['he', 'she', 'it'].includes(lower)) items.push({ piece: { type: 'pronoun', word: lower }, from: index, to: index });
      else if (ANAPHORS.has(lower) && (tokens[index - 1]?.key === 'the' || (tokens[index - 2]?.key === 'the' && !tokens[index - 1]!.capital))) items.push({ piece: { type: 'anaphor', word: lower }, from: index, to: index });
      else if (NAME_PARTICLES.has(lower) && items.at(-1)?.piece.type === 'name' && items.at(-1)!.to === index - 1 && tokens.slice(index + 1).find((next) => !NAME_PARTICLES.has(next.key))?.capital) {
        items.push({ piece: { type: 'name', person: false, organisation: false }, from: index, to: index });
      } else if (token.capital && !/^\p{N}/u.test(token.text) && !NOT_NAMES.has(lower)) {
        const isAcronym = /^[\p{Lu}\p{N}]{2,6}$/u.test(token.text) && /\p{Lu}/u.test(token.text);
        items.push({ piece: { type: 'name', person: tags.person.has(token.start), organisation: tags.organisation.has(token.start) || isAcronym }, from: index, to: index });
      }
      index++;
    }
    return items;
  }

  /** Groups adjacent items into phrases and reads each as one actor. */
  private mentions(tokens: Token[], items: Item[]): Mention[] {
    const mentions: Mention[] = [];
    let group: Item[] = [];
    const flush = () => {
      if (!group.length) return;
      const read = this.readPhrase(tokens, group);
      mentions.push(...read);
      for (const mention of read) {
        const actor = this.actors.get(mention.ref) ?? null;
        if (mention.weak || mention.pronoun || !actor) continue;
        if (actor.kind === 'person') this.sentencePerson = mention.ref;
        else this.sentenceThing = mention.ref;
        if (actor.kind === 'government_body') this.lastBody = mention.ref;
        if (actor.kind === 'armed_group') {
          this.lastArmedGroup = mention.ref;
          if (this.affiliatedToState(mention.ref)) this.lastArmy = mention.ref;
        }
      }
      group = [];
    };
    this.sentencePerson = null;
    this.sentenceThing = null;
    this.sentenceState = null;
    for (const item of items) {
      const previous = group.at(-1);
      const between = previous ? this.text.slice(tokens[previous.to]!.end, tokens[item.from]!.start) : '';
      const adjacent = previous && previous.to + 1 === item.from && /^[\s-]*$|^['’]s\s+$/.test(between);
      if (!adjacent || item.piece.type === 'pronoun' || previous?.piece.type === 'pronoun' || item.piece.type === 'anaphor') flush();
      group.push(item);
    }
    flush();
    if (this.sentencePerson) this.lastPerson = this.sentencePerson;
    if (this.sentenceThing) this.lastThing = this.sentenceThing;
    return mentions;
  }

  private readPhrase(tokens: Token[], group: Item[]): Mention[] {
    const start = tokens[group[0]!.from]!.start;
    const end = tokens[group.at(-1)!.to]!.end;
    const surface = this.text.slice(start, end);
    const at = (ref: string | null, weak = false, extra: Partial<Mention> = {}): Mention[] =>
      ref ? [{ ref, start, end, fromToken: group[0]!.from, toToken: group.at(-1)!.to, weak, ...extra }] : [];

    const single = group.length === 1 ? group[0]!.piece : null;
    if (single?.type === 'pronoun') {
      const ref = single.word === 'it' ? (this.sentenceThing ?? this.lastSubjectThing ?? this.lastThing) : (this.sentencePerson ?? this.lastSubjectPerson ?? this.lastPerson);
      return at(ref, false, { pronoun: true });
    }
    if (single?.type === 'anaphor') {
      if (single.word === 'statement') return [];
      if (single.word === 'group' || single.word === 'rebels' || single.word === 'militia') {
        const subject = this.lastSubjectThing;
        return at(this.lastArmedGroup !== subject ? this.lastArmedGroup : null);
      }
      return at(this.lastBody);
    }

    // Proper names written as a run of capitalised words ending in "Forces", "Army", "Front": an organisation's name.
    const lastItem = group.at(-1)!;
    if (
      lastItem.piece.type === 'body' &&
      lastItem.piece.rule.kind === 'armed_group' &&
      tokens[lastItem.from]!.capital &&
      group.length >= 2 &&
      group.slice(0, -1).every((item) => item.piece.type === 'name' || item.piece.type === 'title')
    ) {
      return at(this.newActor(surface.replace(/^the\s+/i, ''), 'armed_group', {}, surface, start, end, `“${surface}” is the name of an armed force or group (not in the directory)`));
    }

    // Affiliation prefix → titles/bodies → name(s).
    let affiliation: string | null = null;
    let title: string | null = null;
    let body: string | null = null;
    let weakOnly = true;
    let qualified = false;
    const before = tokens[group[0]!.from - 1]?.key ?? '';
    const definite = ['the', 'its', 'their', 'his', 'her'].includes(before);
    // "Saudi Arabia offered …, its foreign ministry said": the body of the state this sentence named first.
    if (before === 'its' && this.sentenceState && group.every((item) => item.piece.type === 'body' || item.piece.type === 'title')) affiliation = this.sentenceState;
    let index = 0;
    const result: Mention[] = [];
    while (index < group.length) {
      const item = group[index]!;
      const piece = item.piece;
      const pieceStart = tokens[item.from]!.start;
      const pieceEnd = tokens[item.to]!.end;
      const pieceSurface = this.text.slice(pieceStart, pieceEnd);
      if (piece.type === 'directory' && piece.actor.kind === 'person') {
        const ref = this.directoryActor(piece.actor, pieceSurface, pieceStart, pieceEnd);
        this.rememberName(piece.actor.name, ref);
        return [...result, ...at(ref, false, { title: title ?? undefined })];
      }
      if (piece.type === 'capital' && group.length === 1) return at(this.stateRef(piece.code, pieceSurface, pieceStart, pieceEnd), true);
      if (piece.type === 'directory' || piece.type === 'country' || piece.type === 'demonym' || piece.type === 'organisation') {
        const ref =
          piece.type === 'directory'
            ? this.directoryActor(piece.actor, pieceSurface, pieceStart, pieceEnd)
            : piece.type === 'country'
              ? this.stateRef(piece.code, pieceSurface, pieceStart, pieceEnd)
              : piece.type === 'demonym'
                ? this.stateRef(this.codeForDemonym(piece.codes), pieceSurface, pieceStart, pieceEnd)
                : this.organisationRef(piece, pieceSurface, pieceStart, pieceEnd);
        if (piece.type !== 'demonym') weakOnly = false;
        if (piece.type === 'country' || (piece.type === 'directory' && piece.actor.kind === 'state')) {
          this.lastState = ref;
          this.sentenceState ??= ref;
        }
        affiliation = ref;
        index++;
        continue;
      }
      if (piece.type === 'title') {
        title = title ? `${title} ${piece.title}` : piece.title;
        index++;
        continue;
      }
      if (piece.type === 'body') {
        const ref: string | null =
          qualified && !affiliation && !body && !piece.rule.countryCode
            ? piece.rule.kind === 'state'
              ? null
              : this.newActor(surface.replace(/^the\s+/i, ''), piece.rule.kind, {}, surface, start, pieceEnd, `“${surface}” names a ${piece.rule.kind === 'armed_group' ? 'force' : 'body'} (not in the directory)`)
            : this.bodyRef(piece.rule, body ?? affiliation, pieceSurface, start, pieceEnd, definite || group.slice(index + 1).some((entry) => entry.piece.type === 'title'));
        if (ref) {
          body = ref;
          weakOnly = false;
        }
        index++;
        continue;
      }
      if (piece.type === 'name') {
        const nextOther = group.slice(index).findIndex((entry) => entry.piece.type !== 'name');
        if (nextOther > 0) {
          qualified = true;
          // Names before a title or body qualify it: an organisation ("European Commission President …") or a place ("Gaza health ministry").
          const upto = group[index + nextOther - 1]!;
          const orgName = this.text.slice(pieceStart, tokens[upto.to]!.end);
          const isOrganisation = nextOther > 1 || group.slice(index, index + nextOther).some((entry) => entry.piece.type === 'name' && entry.piece.organisation);
          if (isOrganisation && group[index + nextOther]!.piece.type === 'title') {
            affiliation = this.newActor(orgName, ARMED_HEADS.has(matchKey(orgName).split(' ').at(-1)!) ? 'armed_group' : 'other', { affiliationRef: affiliation }, orgName, pieceStart, tokens[upto.to]!.end, `“${orgName}” names an organisation (not in the directory)`);
            weakOnly = false;
          }
          index += nextOther;
          continue;
        }
        const nameItems = group.slice(index).filter((entry) => entry.piece.type === 'name');
        const nameStart = pieceStart;
        const nameEnd = tokens[group.at(-1)!.to]!.end;
        const name = this.text.slice(nameStart, nameEnd);
        const isPerson = title !== null || nameItems.some((entry) => entry.piece.type === 'name' && entry.piece.person);
        if (nameItems.length === 1 && this.surnames.get(tokens[item.from]!.key)) {
          const ref = this.surnames.get(tokens[item.from]!.key)!;
          this.noteActor(ref, name, nameStart, nameEnd, () => {
            throw new Error('unreachable');
          });
          return [...result, ...at(ref)];
        }
        if (isPerson) {
          const owner = body ?? affiliation;
          const ref = this.newActor(name, 'person', { title, affiliationRef: owner, countryCode: null }, surface, start, end, `“${surface}” names a person${title ? ` with the title ${title}` : ''}${owner ? ` acting for ${this.actors.get(owner)?.name ?? 'the actor named before'}` : ''} (not in the directory)`);
          this.rememberName(name, ref);
          return [...result, ...at(ref, false, { title: title ?? undefined })];
        }
        if (nameItems.some((entry) => entry.piece.type === 'name' && entry.piece.organisation) && (nameItems.length > 1 || /^[\p{Lu}\p{N}]{2,6}$/u.test(name))) {
          const head = matchKey(name).split(' ').at(-1)!;
          const kind: ActorKind = ARMED_HEADS.has(head) ? 'armed_group' : 'other';
          return [...result, ...at(this.newActor(name, kind, { affiliationRef: affiliation }, name, nameStart, nameEnd, `“${name}” names an organisation (not in the directory)`))];
        }
        break;
      }
      index++;
    }
    if (title && /Spokesperson/.test(title) && !result.length) {
      const owner = body ?? affiliation;
      const precededByPossessive = /\b(?:his|her|its|their)\s+$/i.test(this.text.slice(Math.max(0, start - 6), start));
      if (owner) return at(this.spokespersonRef(owner, surface, start, end), false, { title: 'Spokesperson' });
      if (precededByPossessive) return at('pending', false, { spokespersonOf: 'previous', title: 'Spokesperson' });
      return [];
    }
    if (body) return at(body);
    if (affiliation) return at(affiliation, weakOnly && !title);
    return result;
  }

  /** Each word of a person's name refers back to them ("Guterres", "Abiy"), unless two people share it. */
  private rememberName(name: string, ref: string): void {
    for (const word of matchKey(name).split(' ')) {
      if (word.length < 3 || NAME_PARTICLES.has(word)) continue;
      const known = this.surnames.get(word);
      this.surnames.set(word, known === undefined || known === ref ? ref : '');
    }
  }

  /** The spokesperson of an actor: the directory's ("Spokesman for the Secretary-General", "UN spokesman") or a proposed one. */
  private spokespersonRef(owner: string, surface: string, start: number, end: number): string {
    const actor = this.actors.get(owner);
    const names = [actor?.name ?? '', ...(actor?.mentions ?? [])].filter(Boolean);
    const titles = [actor?.title ?? '', ...(actor?.title?.split(/ of /)[0] ? [actor.title.split(/ of /)[0]!] : [])].filter(Boolean);
    const affiliation = actor?.affiliationRef ? this.actors.get(actor.affiliationRef) : null;
    const affiliationNames = affiliation ? [affiliation.name, ...(this.directoryById.get(affiliation.ref)?.aliases ?? [])] : [];
    const candidates: string[] = [];
    for (const word of ['Spokesperson', 'Spokesman', 'Spokeswoman']) {
      for (const name of names) candidates.push(`${word} for ${name}`, `${name} ${word}`, `${word} of ${name}`);
      for (const title of titles) {
        candidates.push(`${word} for the ${title}`);
        for (const org of affiliationNames) candidates.push(`${word} for the ${org} ${title}`, `${org} ${word}`);
      }
    }
    for (const candidate of candidates) {
      const found = this.directoryMatch(matchKey(candidate));
      if (found) return this.directoryActor(found, surface, start, end);
    }
    const ownerName = actor?.name ?? 'the actor';
    return this.newActor(`Spokesperson for ${ownerName}`, 'person', { title: 'Spokesperson', affiliationRef: owner }, surface, start, end, `“${surface}” speaks for ${ownerName} (not in the directory)`);
  }

  private clauses(sentence: Sentence): Array<{ start: number; end: number }> {
    const clauses: Array<{ start: number; end: number }> = [];
    let from = 0;
    const quotes = quoteRanges(sentence.text);
    for (const match of sentence.text.matchAll(/,?\s+(?:while|whereas)\s+|;\s+|,\s+as\s+(?=(?:\S+\s+){1,5}(?:urged|called|tried|pressed|offered|said|sought|appealed|moved)\b)/gi)) {
      if (quotes.some(([a, b]) => match.index >= a && match.index < b)) continue;
      clauses.push({ start: sentence.start + from, end: sentence.start + match.index });
      from = match.index + match[0].length;
    }
    clauses.push({ start: sentence.start + from, end: sentence.end });
    return clauses;
  }

  /** The party an actor counts for (itself, or up its affiliations), or null. */
  private partyOf(ref: string): string | null {
    let current: string | null = ref;
    for (let depth = 0; current && depth < 6; depth++) {
      if (this.partyIds.has(current)) return current;
      current = this.actors.get(current)?.affiliationRef ?? this.directoryById.get(current)?.affiliationId ?? null;
    }
    const code = this.codeOf(ref);
    if (code) for (const id of this.partyIds) if (this.directoryById.get(id)?.countryCode === code && this.directoryById.get(id)?.kind === 'state') return id;
    return null;
  }

  private readClause(sentence: Sentence, clause: { start: number; end: number }, tokens: Token[], mentions: Mention[], quotes: Array<[number, number]>, inQuote: (position: number) => boolean): void {
    const clauseText = this.text.slice(clause.start, clause.end);
    const outside = mentions.filter((mention) => !inQuote(mention.start));

    // Attribution: "…, X said", "X said …", "said X".
    let attribution: Mention | null = null;
    let attributionVerb: Token | null = null;
    for (const token of tokens) {
      if (token.start < clause.start || token.end > clause.end || inQuote(token.start) || !SAID_VERB.test(token.text)) continue;
      const before = [...outside].reverse().find((mention) => mention.end <= token.start && /^\s*(?:also\s+|has\s+|had\s+)?$/i.test(this.text.slice(mention.end, token.start)));
      // "…," said Maria Zakharova — never "said Houthi shelling had hit …".
      const afterQuote = /[,"”'’]\s*$/.test(this.text.slice(clause.start, token.start));
      const after = afterQuote ? outside.find((mention) => mention.start >= token.end && !mention.pronoun && /^\s*$/.test(this.text.slice(token.end, mention.start))) : undefined;
      attributionVerb = token;
      attribution = before ?? after ?? null;
      break;
    }
    const statementSaid = attributionVerb !== null && /\b(?:the|a) (?:statement|communiqu[ée])\s+(?:also\s+)?$/i.test(this.text.slice(Math.max(clause.start, attributionVerb.start - 30), attributionVerb.start));

    // The subject: the first strong mentions outside quotations not governed by a preposition, with those coordinated to them.
    const subject: Mention[] = [];
    // Once someone is said to say something ("X said …"), what follows is what they said, not who acts.
    const reportedFrom = attributionVerb && !statementSaid ? attributionVerb.start : Number.POSITIVE_INFINITY;
    const unnamedSource = attributionVerb !== null && attribution === null && UNNAMED_SOURCES.test(this.text.slice(Math.max(clause.start, attributionVerb.start - 60), attributionVerb.start));
    for (const mention of outside) {
      if (mention.start >= reportedFrom) break;
      if (mention.weak || mention === attribution || mention.spokespersonOf || (mention.pronoun && mention !== outside[0])) {
        if (subject.length) break;
        continue;
      }
      const previousToken = tokens[mention.fromToken - 1];
      const governed = previousToken && previousToken.start >= clause.start && (PREPOSITIONS.has(previousToken.key) || (DETERMINERS.has(previousToken.key) && PREPOSITIONS.has(tokens[mention.fromToken - 2]?.key ?? '')));
      if (!subject.length) {
        if (governed) continue;
        subject.push(mention);
        continue;
      }
      const last = subject.at(-1)!;
      if (SUBJECT_JOINERS.test(this.text.slice(last.end, mention.start))) subject.push(mention);
      else break;
    }

    let speakerRef: string | null = null;
    let actorRefs: string[] = [];
    if (attribution?.spokespersonOf) {
      const owner = subject[0]?.ref ?? this.lastSubjectPerson ?? this.lastPerson;
      if (owner) speakerRef = this.spokespersonRef(owner, this.text.slice(attribution.start, attribution.end), attribution.start, attribution.end);
      actorRefs = subject.length ? subject.map((mention) => mention.ref) : owner ? [owner] : [];
    } else if (attribution && subject.length && !subject.includes(attribution) && attributionVerb && attribution.end <= attributionVerb.start && !this.trailing(attributionVerb, clause)) {
      // "…, and the coalition said its strikes had killed …": who said it is who acts; the earlier names are another clause's.
      actorRefs = [attribution.ref];
    } else if (attribution && subject.length && !subject.includes(attribution)) {
      actorRefs = subject.map((mention) => mention.ref);
      speakerRef = attribution.ref;
    } else if (attribution) {
      actorRefs = [attribution.ref];
    } else {
      actorRefs = subject.map((mention) => mention.ref);
    }
    if (speakerRef && actorRefs.includes(speakerRef)) speakerRef = null;
    actorRefs = [...new Set(actorRefs)];
    for (const ref of [...actorRefs, ...(speakerRef ? [speakerRef] : [])]) {
      if (this.actors.get(ref)?.kind === 'person') this.lastSubjectPerson = ref;
      else if (this.actors.has(ref)) this.lastSubjectThing = ref;
    }
    if (actorRefs.length) {
      const first = this.actors.get(actorRefs[0]!);
      if (first && first.kind !== 'person') {
        const code = this.codeOf(actorRefs[0]!);
        if (code) this.lastState = this.stateByCode.get(code)?.id ?? this.lastState;
        if (first.kind === 'state') this.lastState = actorRefs[0]!;
      } else if (first) {
        const code = this.codeOf(actorRefs[0]!);
        if (code && this.stateByCode.get(code)) this.lastState = this.stateByCode.get(code)!.id;
      }
    }

    const quotesIn = quotes
      .filter(([from, to]) => from >= clause.start && to <= clause.end + 1)
      .map(([from, to]) => this.text.slice(from, to).trim().replace(/[,.;:]+$/, ''))
      .filter((quote) => quote.split(/\s+/).length >= 2);
    const wholeQuote = quotes.length > 0 && blankQuotes(this.text.slice(clause.start, clause.end)).trim().length > 0 && outside.length === 0 && !attribution;
    const previous = this.records.at(-1);
    const continues =
      previous &&
      previous.sentenceEnd <= sentence.start &&
      this.text.slice(previous.sentenceEnd, sentence.start).split('\n').length <= 3 &&
      ((actorRefs.length === 0 && (statementSaid || wholeQuote || quotes.length > 0)) ||
        (attribution &&
          subject.length === 0 &&
          actorRefs.length === 1 &&
          (previous.kind === 'reaction' ? previous.actorRefs.includes(actorRefs[0]!) || previous.speakerRef === actorRefs[0] : previous.claimantRef === actorRefs[0]) &&
          /^(?:he|she|it|they)$/i.test(this.text.slice(attribution.start, attribution.end)) &&
          // "It also said …" adds a statement of its own.
          !/\balso\s*$/i.test(this.text.slice(attribution.end, attributionVerb?.start ?? attribution.end))) ||
        // A spokesperson of the previous statement's author, quoted right after it ("…," army spokesman X said): the same statement.
        (attribution && !attribution.pronoun && subject.length === 0 && quotes.length > 0 && this.spokespersonOfRecord(attribution.ref, previous)));

    const stances = readStances(clauseText);
    const date = readDate(clauseText, this.context.publishedOn);
    const parties = actorRefs.map((ref) => this.partyOf(ref));
    const isParty = parties.length > 0 && parties.every((party) => party !== null);
    const claimVerb = CLAIM_VERB_RULE.pattern.exec(blankQuotes(clauseText));
    const categories = readCategories(clauseText);

    if (continues && previous) {
      this.extend(previous, sentence, clauseText, tokens, stances, mentions, quotesIn, date);
      return;
    }
    if (!actorRefs.length) return;


    if (!isParty && stances.length) {
      this.addReaction(sentence, clause, clauseText, actorRefs, speakerRef, stances, mentions, subject, quotesIn, date, statementSaid);
      // "The UN refugee agency said 14,500 people had fled … and that it was sending tents": a figure is also a claim.
      if (!claimVerb || !Object.values(readFigures(clauseText).figures).some((value) => typeof value === 'number')) return;
    }
    const claimantRef = speakerRef && this.partyOf(speakerRef) ? speakerRef : actorRefs[0]!;
    const claimant = this.actors.get(claimantRef);
    const partyClaim = isParty && claimVerb && !unnamedSource;
    const otherClaim = !isParty && claimVerb && !unnamedSource && categories.some((entry) => entry.category !== 'diplomatic') && claimant && claimant.kind !== 'state';
    if (partyClaim || otherClaim) {
      const figures = readFigures(clauseText);
      const ownParty = this.partyOf(claimantRef);
      const about = this.aboutOf(mentions, ownParty, [claimantRef, ...actorRefs], tokens);
      const why = [
        `${claimant?.name ?? 'The claimant'} ${ownParty ? (ownParty === claimantRef ? 'is a party to the conflict' : `speaks for ${this.actors.get(ownParty)?.name ?? 'a party'}`) : 'is cited'}, and ${CLAIM_VERB_RULE.description} (“${claimVerb[0]}”)`,
        ...categories.slice(0, 1).map((entry) => entry.why),
        ...figures.why,
      ];
      this.records.push({
        kind: 'claim',
        claimantRef,
        aboutRefs: about,
        categories: categories.map((entry) => entry.category),
        figures: figures.figures,
        date,
        why,
        statement: this.statementOf(clauseText),
        sentenceStart: sentence.start,
        sentenceEnd: sentence.end,
        spanStart: clause.start + claimVerb.index,
        spanEnd: clause.start + claimVerb.index + claimVerb[0].length,
        quotes: quotesIn,
      });
    }
  }

  /** Whether an attribution ends its clause ("…, his spokesman said in a statement."), so the report came before it. */
  private trailing(verb: Token, clause: { start: number; end: number }): boolean {
    const rest = this.text.slice(verb.end, clause.end);
    return rest.length < 60 && !/\b(?:that|had|has|have|was|were|is|are|would|will)\b/i.test(rest);
  }

  private spokespersonOfRecord(ref: string, record: DraftReaction | DraftClaim): boolean {
    const actor = this.actors.get(ref);
    if (!actor || actor.kind !== 'person' || !actor.title || !/spokes|Spokesperson/i.test(actor.title)) return false;
    const authors = record.kind === 'reaction' ? record.actorRefs : [record.claimantRef];
    return actor.affiliationRef !== null && authors.includes(actor.affiliationRef);
  }

  /**
   * What a claim is about: the other side's actors it names (not the claimant's own side, not a place: "on Congo's
   * border", "into Rwandan territory"), and whoever it accuses ("accused Eritrea of …"), party or not.
   */
  private aboutOf(mentions: Mention[], ownParty: string | null, exclude: string[], tokens: Token[]): string[] {
    const about: string[] = [];
    for (const mention of mentions) {
      if (exclude.includes(mention.ref) || mention.spokespersonOf || mention.pronoun) continue;
      const before = tokens[mention.fromToken - 1]?.key ?? '';
      const twoBefore = tokens[mention.fromToken - 2]?.key ?? '';
      // "in southern Saudi Arabia": a place, past one lower-case word.
      const governing = DETERMINERS.has(before) || (LOCATIVE.has(twoBefore) && !tokens[mention.fromToken - 1]!.capital) ? twoBefore : before;
      const accused = /^(?:accused|accusing|blamed|blaming)$/.test(governing);
      const party = this.partyOf(mention.ref);
      if (!accused && (!party || party === ownParty || LOCATIVE.has(governing))) continue;
      if (!about.includes(mention.ref)) about.push(mention.ref);
    }
    return about;
  }

  private statementOf(clauseText: string): string {
    const text = clauseText
      .replace(/^(?:[^,"“]{0,80}?)\b(?:said|says|stated|claimed|reported|announced)(?: in a statement)?(?: that)?\s+/i, '')
      .replace(/,?\s*["”'’]*,?\s+(?:he|she|it|they|the \w+)\s+(?:also\s+)?said\.?$/i, '.')
      .replace(/[“”"]/g, '')
      .trim();
    const sentence = text.charAt(0).toUpperCase() + text.slice(1);
    return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
  }

  private targetsOf(mentions: Mention[], subject: Mention[], actorRefs: string[]): string[] {
    const targets: string[] = [];
    for (const mention of mentions) {
      if (subject.includes(mention) || actorRefs.includes(mention.ref) || mention.spokespersonOf || mention.pronoun) continue;
      const party = this.partyOf(mention.ref);
      if (party && !targets.includes(party)) targets.push(party);
    }
    return targets;
  }

  private addReaction(
    sentence: Sentence,
    clause: { start: number; end: number },
    clauseText: string,
    actorRefs: string[],
    speakerRef: string | null,
    stances: ReturnType<typeof readStances>,
    mentions: Mention[],
    subject: Mention[],
    quotes: string[],
    date: DraftReaction['date'],
    statementSaid: boolean,
  ): void {
    const channel = readChannel(clauseText);
    const targetStances = new Set<ReactionStance>(['supports_party', 'mediation', 'condemns', 'sanctions']);
    const primary = stances[0]!.stance;
    const targets = targetStances.has(primary) ? this.targetsOf(mentions, subject, actorRefs) : [];
    const previous = this.records.at(-1);
    if (statementSaid && !speakerRef && previous?.kind === 'reaction') speakerRef = previous.speakerRef;
    const why = [
      ...stances.map((entry) => entry.why),
      ...(channel.why ? [channel.why] : []),
      ...(actorRefs.length > 1 ? [`${actorRefs.length} actors named together as the subject: one joint reaction`] : []),
    ];
    const base = {
      kind: 'reaction' as const,
      actorRefs,
      speakerRef,
      stances: stances.map((entry) => entry.stance),
      channel: channel.channel,
      date,
      paraphrase: clauseText.replace(/[“”"]/g, '').trim(),
      sentenceStart: sentence.start,
      sentenceEnd: sentence.end,
      spanStart: clause.start + stances[0]!.start,
      spanEnd: clause.start + stances[0]!.end,
      quotes,
    };
    // The same stance just before by the actor this one acts for (Turkey … Erdoğan tweeted): one reaction, the person's.
    if (
      previous?.kind === 'reaction' &&
      previous.stances[0] === primary &&
      this.text.slice(previous.sentenceEnd, sentence.start).split('\n').length <= 3 &&
      actorRefs.length === 1 &&
      previous.actorRefs.length === 1 &&
      (this.actors.get(actorRefs[0]!)?.affiliationRef === previous.actorRefs[0] || this.actors.get(previous.actorRefs[0]!)?.affiliationRef === actorRefs[0])
    ) {
      const person = this.actors.get(actorRefs[0]!)?.affiliationRef === previous.actorRefs[0] ? actorRefs[0]! : previous.actorRefs[0]!;
      previous.actorRefs = [person];
      previous.targetRefs = [...new Set([...previous.targetRefs, ...targets])];
      if (base.channel !== 'other' && (previous.channel === 'other' || previous.channel === 'statement')) previous.channel = base.channel;
      previous.quotes.push(...quotes);
      previous.sentenceEnd = sentence.end;
      previous.why.push(`the next sentence has ${this.actors.get(person)?.name ?? 'the same actor'} say it: one reaction`);
      previous.date ??= date;
      return;
    }
    // A call announced with several parties ("will speak by phone with Aliyev and Pashinyan"): one reaction per party called.
    if (primary === 'mediation' && channel.channel === 'phone_call' && targets.length > 1) {
      for (const target of targets) this.records.push({ ...base, quotes: [...quotes], targetRefs: [target], why: [...why, `one reaction per party called (${this.actors.get(target)?.name ?? 'a party'})`] });
      return;
    }
    this.records.push({ ...base, targetRefs: targets, why });
  }

  private extend(
    record: DraftReaction | DraftClaim,
    sentence: Sentence,
    clauseText: string,
    tokens: Token[],
    stances: ReturnType<typeof readStances>,
    mentions: Mention[],
    quotes: string[],
    date: DraftReaction['date'],
  ): void {
    record.sentenceEnd = Math.max(record.sentenceEnd, sentence.end);
    record.quotes.push(...quotes);
    if (record.kind === 'reaction') {
      for (const entry of stances) {
        if (record.stances.includes(entry.stance)) continue;
        record.stances.push(entry.stance);
        record.why.push(`${entry.why} (the statement continues in the next sentence)`);
      }
      record.date ??= date;
      return;
    }
    const ownParty = this.partyOf(record.claimantRef);
    for (const ref of this.aboutOf(mentions, ownParty, [record.claimantRef], tokens)) if (!record.aboutRefs.includes(ref)) record.aboutRefs.push(ref);
    for (const entry of readCategories(clauseText)) {
      if (!record.categories.includes(entry.category)) {
        record.categories.push(entry.category);
        record.why.push(`${entry.why} (the claim continues in the next sentence)`);
      }
    }
    const figures = readFigures(clauseText);
    for (const figure of ['killed', 'wounded', 'displaced', 'equipmentDestroyed'] as const) {
      if (record.figures[figure] === null && figures.figures[figure] !== null) {
        record.figures[figure] = figures.figures[figure];
        record.figures[`${figure}AtLeast`] = figures.figures[`${figure}AtLeast`];
      }
    }
    record.why.push(...figures.why);
    record.statement = `${record.statement} ${this.statementOf(clauseText)}`.trim();
    record.date ??= date;
  }

  // ——— Output ———

  private result(): IntakeAnalysis {
    const reactions: ReactionSuggestion[] = [];
    const claims: ClaimSuggestion[] = [];
    const used = new Set<string>();
    const evidenceOf = (record: RecordBase): Evidence => ({
      sentence: this.text.slice(record.sentenceStart, record.sentenceEnd),
      sentenceStart: record.sentenceStart,
      sentenceEnd: record.sentenceEnd,
      spanStart: record.spanStart,
      spanEnd: record.spanEnd,
    });
    for (const record of this.records) {
      const quote = record.quotes.length ? [...new Set(record.quotes)].join(' … ') : null;
      if (record.kind === 'reaction') {
        const stances = [...new Set(record.stances)].sort((a, b) => STANCE_PRIORITY.indexOf(a) - STANCE_PRIORITY.indexOf(b));
        const primaryStance = stances[0]!;
        for (const ref of [...record.actorRefs, ...record.targetRefs, ...(record.speakerRef ? [record.speakerRef] : [])]) used.add(ref);
        reactions.push({
          ref: `reaction-${reactions.length + 1}`,
          actorRefs: record.actorRefs,
          speakerRef: record.speakerRef,
          primaryStance,
          stances,
          targetRefs: record.targetRefs,
          channel: record.channel,
          reactedOn: record.date?.day ?? null,
          reactedPrecision: record.date?.precision ?? 'day',
          quote,
          paraphrase: record.paraphrase,
          evidence: evidenceOf(record),
          why: record.why,
          duplicateOf: null,
        });
      } else {
        const category = CLAIM_CATEGORY_PRIORITY.find((entry) => record.categories.includes(entry)) ?? 'other';
        // "Pakistani troops … Pakistani bunkers": the state adds nothing next to its own armed force or body.
        record.aboutRefs = record.aboutRefs.filter((ref) => !(this.actors.get(ref)?.kind === 'state' && record.aboutRefs.some((other) => other !== ref && this.partyOf(other) === ref && this.actors.get(other)?.kind !== 'state')));
        for (const ref of [record.claimantRef, ...record.aboutRefs]) used.add(ref);
        claims.push({
          ref: `claim-${claims.length + 1}`,
          claimantRef: record.claimantRef,
          aboutRefs: record.aboutRefs,
          statement: record.statement,
          category,
          figures: record.figures,
          quote,
          quoteKind: quote ? 'verbatim' : 'paraphrase',
          saidOn: record.date?.day ?? null,
          saidPrecision: record.date?.precision ?? 'day',
          evidence: evidenceOf(record),
          why: record.why,
          duplicateOf: null,
        });
      }
    }
    // Every ref a suggestion uses is listed, and so is each affiliation a listed actor points to.
    const listed = new Set<string>();
    const list = (ref: string) => {
      if (listed.has(ref) || !this.actors.has(ref)) return;
      listed.add(ref);
      const affiliation = this.actors.get(ref)!.affiliationRef;
      if (affiliation && this.actors.has(affiliation)) list(affiliation);
    };
    for (const ref of used) list(ref);
    for (const ref of this.actors.keys()) if (this.actors.get(ref)!.mentions.size) list(ref);
    const actors: ActorSuggestion[] = [...listed].map((ref) => {
      const draft = this.actors.get(ref)!;
      // A new actor's affiliation must be a ref the editor can accept: listed, or a directory id.
      const affiliationRef = draft.affiliationRef && (listed.has(draft.affiliationRef) || this.directoryById.has(draft.affiliationRef)) ? draft.affiliationRef : null;
      return {
        ref,
        name: draft.name,
        kind: draft.kind,
        title: draft.title,
        countryCode: draft.countryCode,
        affiliationRef,
        matchedActorId: draft.matchedActorId,
        mentions: [...draft.mentions].filter((mention) => mention !== draft.name),
        evidence: draft.evidence,
        why: draft.why,
      };
    });
    return { actors, reactions, claims, sentenceCount: this.sentenceCount };
  }
}
