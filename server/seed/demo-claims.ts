import type { ActorKind, PartyRole } from '@/server/actors/actors.labels';
import type { ClaimCategory, ClaimRelationKind, DatePrecision, QuoteKind, VerificationStatus } from '@/server/claims/claims.labels';
import type { ReliabilityGrade, SourceKind } from '@/server/sources/sources.labels';

/**
 * The demo dossier's actors, parties and claims, read from the seed article
 * (server/seed/fixtures/nagorno-karabakh-2020.txt). Data only: demo.ts seeds it, demo.test.ts checks it against
 * the article (every excerpt is a verbatim substring of it). Rules kept here:
 * - quotes only where the article quotes (`quoteKind: 'verbatim'`); everything else is the desk's paraphrase;
 * - dates only as precise as the text: "on Sept. 28" → day; a date read from the article's order → approximate;
 * - never a URL or a quote the article does not give. Armenia's position is public record the article does not
 *   report: it is paraphrased, cites a source record without a URL, and says so in its desk note.
 */

export interface DemoActor {
  /** Local key, for references inside this file only. */
  key: string;
  name: string;
  kind: ActorKind;
  countryCode: string | null;
  /** Key of the actor this one acts for. */
  affiliation: string | null;
  title: string;
  aliases: string[];
  description: string;
  internalNotes: string;
}

export const DEMO_ACTORS: readonly DemoActor[] = [
  // States (affiliations first: an actor's affiliation is always created before it).
  actor('azerbaijan', 'Azerbaijan', 'state', 'AZ', null, '', ['Republic of Azerbaijan'], 'Party to the conflict over Nagorno-Karabakh.'),
  actor('armenia', 'Armenia', 'state', 'AM', null, '', ['Republic of Armenia'], 'Party to the conflict over Nagorno-Karabakh.'),
  actor('france', 'France', 'state', 'FR', null, '', ['French Republic'], 'Co-chair of the OSCE Minsk Group.'),
  actor('germany', 'Germany', 'state', 'DE', null, '', ['Federal Republic of Germany'], ''),
  actor('italy', 'Italy', 'state', 'IT', null, '', ['Italian Republic'], ''),
  actor('united-states', 'United States', 'state', 'US', null, '', ['United States of America', 'U.S.', 'USA'], 'Co-chair of the OSCE Minsk Group.'),
  actor('russia', 'Russia', 'state', 'RU', null, '', ['Russian Federation'], 'Co-chair of the OSCE Minsk Group.'),
  actor('turkey', 'Turkey', 'state', 'TR', null, '', ['Türkiye', 'Republic of Turkey'], 'Ally of Azerbaijan.'),
  actor('albania', 'Albania', 'state', 'AL', null, '', ['Republic of Albania'], 'Held the OSCE Chairmanship in 2020.'),

  // International organisations and their bodies.
  actor('european-union', 'European Union', 'international_organisation', null, null, '', ['EU'], ''),
  actor('united-nations', 'United Nations', 'international_organisation', null, null, '', ['UN', 'U.N.'], ''),
  actor('un-security-council', 'UN Security Council', 'international_organisation', null, 'united-nations', '', ['United Nations Security Council', 'UNSC'], 'Adopted four resolutions on the conflict (1993).'),
  actor('un-general-assembly', 'UN General Assembly', 'international_organisation', null, 'united-nations', '', ['United Nations General Assembly', 'UNGA'], ''),
  actor(
    'osce',
    'Organization for Security and Co-operation in Europe',
    'international_organisation',
    null,
    null,
    '',
    ['OSCE', 'Organization for Security and Cooperation in Europe'],
    'Negotiations on the status of Nagorno-Karabakh have been held under its auspices.',
  ),
  actor(
    'osce-minsk-group',
    'OSCE Minsk Group',
    'international_organisation',
    null,
    'osce',
    '',
    ['Minsk Group'],
    'Formed in 1992 to find a peaceful solution to the conflict; co-chaired by France, Russia and the United States.',
  ),
  actor('holy-see', 'Holy See', 'religious_authority', null, null, '', ['Vatican'], 'The Pope’s jurisdiction, the central government of the Catholic Church.'),

  // The authorities of the breakaway region. The article calls them "Karabakh" ("Both Armenia and Karabakh declared
  // martial law") and the region "Nagorno Karabakh" and "Upper Karabakh"; they call themselves the Republic of Artsakh.
  {
    ...actor(
      'nagorno-karabakh',
      'Nagorno-Karabakh authorities',
      'government_body',
      null,
      null,
      '',
      ['Republic of Artsakh', 'Artsakh', 'Nagorno-Karabakh Republic', 'Nagorno-Karabakh', 'Karabakh', 'Upper Karabakh'],
      'De facto authorities of the Armenia-backed breakaway region of Nagorno-Karabakh, internationally recognised as part of Azerbaijan.',
    ),
    internalNotes:
      'No affiliation on purpose: Armenia backs them, but they speak for themselves, and as a party of the dossier their ' +
      'claims count for them. "Upper Karabakh" is the Azerbaijani and Turkish name of the region (the seed article uses it).',
  },

  // Government bodies and armed forces.
  actor(
    'az-defence-ministry',
    'Ministry of Defence of Azerbaijan',
    'government_body',
    'AZ',
    'azerbaijan',
    '',
    ['Azerbaijani Defence Ministry', 'Azerbaijani Defense Ministry', 'Defense Ministry of Azerbaijan'],
    '',
  ),
  actor(
    'az-foreign-ministry',
    'Ministry of Foreign Affairs of Azerbaijan',
    'government_body',
    'AZ',
    'azerbaijan',
    '',
    ['Azerbaijani Foreign Ministry', 'Azerbaijan’s foreign ministry'],
    '',
  ),
  actor('am-defence-ministry', 'Ministry of Defence of Armenia', 'government_body', 'AM', 'armenia', '', ['Armenian Defence Ministry', 'Armenian Defense Ministry'], ''),
  {
    ...actor('armenian-forces', 'Armed Forces of Armenia', 'armed_group', 'AM', 'armenia', '', ['Armenian forces', 'Armenian Armed Forces', 'Armenian military'], ''),
    internalNotes:
      'Azerbaijani statements call every force on the other side "Armenian forces", the Nagorno-Karabakh Defence Army ' +
      'included; claims are linked here when that is the claimant’s wording.',
  },
  actor('us-state-department', 'United States Department of State', 'government_body', 'US', 'united-states', '', ['U.S. State Department', 'State Department'], ''),
  actor(
    'ru-foreign-ministry',
    'Ministry of Foreign Affairs of Russia',
    'government_body',
    'RU',
    'russia',
    '',
    ['Russian Foreign Ministry', 'Russian Ministry of Foreign Affairs', 'Foreign Ministry of Russia'],
    '',
  ),

  // People, with the title the article gives them.
  actor('aliyev', 'Ilham Aliyev', 'person', null, 'azerbaijan', 'President of Azerbaijan', [], ''),
  actor('pashinyan', 'Nikol Pashinyan', 'person', null, 'armenia', 'Prime Minister of Armenia', [], ''),
  actor('macron', 'Emmanuel Macron', 'person', null, 'france', 'President of France', [], ''),
  actor('guterres', 'António Guterres', 'person', null, 'united-nations', 'Secretary-General of the United Nations', [], ''),
  actor('putin', 'Vladimir Putin', 'person', null, 'russia', 'President of Russia', [], ''),
  actor('lavrov', 'Sergey Lavrov', 'person', null, 'ru-foreign-ministry', 'Foreign Minister of Russia', ['Sergei Lavrov'], ''),
  actor('zakharova', 'Maria Zakharova', 'person', null, 'ru-foreign-ministry', 'Spokeswoman of the Russian Foreign Ministry', [], ''),
  actor('erdogan', 'Recep Tayyip Erdoğan', 'person', null, 'turkey', 'President of Turkey', [], ''),
  {
    ...actor('rama', 'Edi Rama', 'person', null, 'albania', 'Prime Minister of Albania; OSCE Chairperson-in-Office (2020)', [], ''),
    internalNotes:
      'Affiliated to Albania, whose prime minister he is; a reaction he makes as the OSCE’s chairman counts for the OSCE by ' +
      'its per-reaction override (the seed article’s call to stop fighting does).',
  },
  actor('pope-francis', 'Pope Francis', 'person', null, 'holy-see', 'Pope', [], ''),
  {
    ...actor(
      'un-spokesperson',
      'Spokesperson for the UN Secretary-General',
      'person',
      null,
      'united-nations',
      '',
      ['Spokesperson for the Secretary-General of the United Nations', 'Spokesman for the Secretary-General', 'UN spokesman', 'Spokesman for the UN Secretary-General'],
      'Speaks for the Secretary-General; UN statements are issued as “attributable to the Spokesperson for the Secretary-General”.',
    ),
    internalNotes:
      'The office, not a named person: the seed article says only “his spokesman said in a statement”. Public record: ' +
      'Stéphane Dujarric held the post in September 2020. Not named here because no source in the dossier names him; ' +
      'once one does, add him as a person affiliated to the United Nations and make him the speaker.',
  },

  // The claimant of the seed article's own figures. Merge it into the real outlet once the original is found.
  {
    ...actor(
      'seed-article-outlet',
      'Unidentified news outlet',
      'media',
      null,
      null,
      '',
      [],
      'The outlet of the report “Dozens dead as world leaders urge halt to Azerbaijan-Armenia clashes”; the copy we hold does not name it.',
    ),
    internalNotes: 'Placeholder for the seed article’s outlet. When the original is found, create the real outlet and merge this actor into it.',
  },
];

function actor(
  key: string,
  name: string,
  kind: ActorKind,
  countryCode: string | null,
  affiliation: string | null,
  title: string,
  aliases: string[],
  description: string,
): DemoActor {
  return { key, name, kind, countryCode, affiliation, title, aliases, description, internalNotes: '' };
}

/** The parties, in the order of the public side-by-side columns (the story’s: "Azerbaijan-Armenia clashes"). */
export const DEMO_PARTIES: ReadonlyArray<{ actor: string; role: PartyRole }> = [
  { actor: 'azerbaijan', role: 'party' },
  { actor: 'armenia', role: 'party' },
  { actor: 'nagorno-karabakh', role: 'party' },
];

/**
 * Armenia's account of how the fighting started is public record but not in the seed article. The desk holds it as
 * a source record without a URL until someone finds and links the original statement.
 */
export const DEMO_ARMENIAN_MOD_SOURCE = {
  url: null,
  title: 'Armenian Ministry of Defence statements, 27 September 2020 (public record)',
  outlet: 'Ministry of Defence of Armenia',
  author: '',
  kind: 'official_statement' satisfies SourceKind,
  language: 'en',
  publishedAt: new Date('2020-09-27T00:00:00Z'),
  retrievedAt: null,
  archiveUrl: null,
  reliability: 'F' satisfies ReliabilityGrade,
  internalNotes:
    'Paraphrase of public record; find and link the original. Stands for the Armenian Ministry of Defence’s statements ' +
    'of 27 September 2020 that Azerbaijan attacked first; no URL and no quote until the original is found.',
} as const;

/** Which source a demo claim cites: the seed article, or the Armenian Ministry of Defence record above. */
export type DemoSourceKey = 'article' | 'armenianMod';

export interface DemoClaim {
  key: string;
  claimant: string;
  about: string[];
  statement: string;
  quote: string;
  quoteKind: QuoteKind;
  saidAt: string | null;
  saidPrecision: DatePrecision;
  occurredAt: string | null;
  occurredPrecision: DatePrecision;
  place: string;
  category: ClaimCategory;
  killed?: number;
  killedAtLeast?: boolean;
  equipmentDestroyed?: number;
  equipmentDestroyedAtLeast?: boolean;
  status: VerificationStatus;
  statusExplanation: string;
  credibility: number;
  tags: string[];
  internalNotes: string;
  /** Excerpts are copied verbatim from the source ('' when the source record holds no text, like armenianMod). */
  sources: Array<{ source: DemoSourceKey; excerpt: string }>;
  relations: Array<{ kind: ClaimRelationKind; to: string }>;
}

const ACCUSATION_EXCERPT =
  'Azerbaijan accused Armenian forces of violating a ceasefire, saying it had launched a counter-offensive to "ensure the ' +
  'safety of the population", using tanks, artillery missiles, combat aviation, and drones.';

const DISPUTED_START =
  'Each side says the other attacked first on 27 September 2020; the dossier holds no independent account of how the fighting started yet.';

/** In creation order: a claim's relations point only to claims listed before it. */
export const DEMO_CLAIMS: readonly DemoClaim[] = [
  {
    key: 'ceasefire-accusation',
    claimant: 'azerbaijan',
    about: ['armenian-forces'],
    statement: 'Armenian forces violated the ceasefire.',
    quote: 'Armenian forces violated the ceasefire.',
    quoteKind: 'paraphrase',
    saidAt: '2020-09-27',
    saidPrecision: 'day',
    occurredAt: '2020-09-27',
    occurredPrecision: 'day',
    place: 'Line of Contact, Nagorno-Karabakh',
    category: 'ceasefire_violation',
    status: 'disputed',
    statusExplanation: DISPUTED_START,
    credibility: 6,
    tags: ['start of the fighting'],
    internalNotes: 'The article reports the accusation without saying which Azerbaijani body made it; dated 27 Sept from its context.',
    sources: [{ source: 'article', excerpt: ACCUSATION_EXCERPT }],
    relations: [],
  },
  {
    key: 'counter-offensive',
    claimant: 'azerbaijan',
    about: ['armenian-forces'],
    statement:
      'Azerbaijan launched a counter-offensive to ensure the safety of the population, using tanks, artillery missiles, combat aviation and drones.',
    quote: 'ensure the safety of the population',
    quoteKind: 'verbatim',
    saidAt: '2020-09-27',
    saidPrecision: 'day',
    occurredAt: '2020-09-27',
    occurredPrecision: 'day',
    place: 'Line of Contact, Nagorno-Karabakh',
    category: 'other',
    status: 'unverified',
    statusExplanation: '',
    credibility: 6,
    tags: ['start of the fighting'],
    internalNotes: 'Only "ensure the safety of the population" is quoted in the article; the rest is its paraphrase.',
    sources: [{ source: 'article', excerpt: ACCUSATION_EXCERPT }],
    relations: [],
  },
  {
    key: 'karabakh-is-azerbaijan',
    claimant: 'aliyev',
    about: ['nagorno-karabakh'],
    statement: 'Karabakh is Azerbaijan; Azerbaijan’s cause is just and it will win.',
    quote: 'Our cause is just and we will win. Karabakh is Azerbaijan.',
    quoteKind: 'verbatim',
    saidAt: '2020-09-27',
    saidPrecision: 'day',
    occurredAt: null,
    occurredPrecision: 'day',
    place: 'Televised address to the nation',
    category: 'territorial_control',
    status: 'unverified',
    statusExplanation: '',
    credibility: 6,
    tags: [],
    internalNotes:
      'From his televised address to the nation "earlier on Sept. 27" (the paragraph before the excerpt); the article quotes the two sentences separately.',
    sources: [{ source: 'article', excerpt: '"Our cause is just and we will win," he said. "Karabakh is Azerbaijan."' }],
    relations: [],
  },
  {
    key: 'civilian-damage',
    claimant: 'az-foreign-ministry',
    about: [],
    statement: 'There are reports of dead and wounded, and extensive damage has been inflicted on many homes and civilian infrastructure.',
    quote: 'Extensive damage has been inflicted on many homes and civilian infrastructure.',
    quoteKind: 'verbatim',
    saidAt: '2020-09-27',
    saidPrecision: 'approximate',
    occurredAt: '2020-09-27',
    occurredPrecision: 'approximate',
    place: 'Azerbaijan',
    category: 'attack_on_civilians',
    status: 'unverified',
    statusExplanation: '',
    credibility: 6,
    tags: ['civilian infrastructure'],
    internalNotes:
      'The article dates it only by its place in the story (between the events of 27 and 28 Sept) and does not say who ' +
      'caused the damage, so the claim is about no one yet.',
    sources: [
      {
        source: 'article',
        excerpt:
          'Azerbaijan\'s foreign ministry said there were reports of dead and wounded. "Extensive damage has been inflicted on many homes and civilian infrastructure," it said.',
      },
    ],
    relations: [],
  },
  {
    key: 'terter-under-fire',
    claimant: 'az-defence-ministry',
    about: ['armenian-forces'],
    statement: 'The Azerbaijani city of Terter has been under fire from Armenian forces since the morning of 28 September 2020.',
    quote: 'The city of Terter has been under fire from Armenian forces since this morning.',
    quoteKind: 'paraphrase',
    saidAt: '2020-09-28',
    saidPrecision: 'day',
    occurredAt: '2020-09-28',
    occurredPrecision: 'day',
    place: 'Terter (Tartar), Azerbaijan',
    category: 'attack_on_civilians',
    status: 'unverified',
    statusExplanation: '',
    credibility: 6,
    tags: ['Terter'],
    internalNotes: '"Since this morning" in a statement of 28 Sept (the article’s preceding sentence dates that day).',
    sources: [
      {
        source: 'article',
        excerpt:
          'The Defense Ministry said in a statement that the Azerbaijani city of Terter has been under fire from Armenian forces since this morning.',
      },
    ],
    relations: [],
  },
  {
    key: 'tanks-destroyed',
    claimant: 'az-defence-ministry',
    about: ['armenian-forces'],
    statement: 'Armenian tanks and armoured vehicles were destroyed during the clashes; the ministry shared aerial footage of their destruction.',
    quote: 'Aerial footage shows the destruction of Armenian tanks and armoured vehicles during the clashes.',
    quoteKind: 'paraphrase',
    saidAt: '2020-09-28',
    saidPrecision: 'day',
    occurredAt: '2020-09-27',
    occurredPrecision: 'approximate',
    place: '',
    category: 'military_losses',
    status: 'unverified',
    statusExplanation: '',
    credibility: 6,
    tags: ['aerial footage'],
    internalNotes: 'The article gives no number of vehicles and no place; the footage itself is not in the dossier yet.',
    sources: [
      {
        source: 'article',
        excerpt:
          'The ministry also shared aerial footage of the destruction of Armenian tanks and armored vehicles during the clashes.',
      },
    ],
    relations: [],
  },
  {
    key: 'death-toll',
    claimant: 'seed-article-outlet',
    about: ['azerbaijan', 'armenia'],
    statement: 'At least 24 people have died in the clashes between Armenia and Azerbaijan.',
    quote: 'At least 24 people have died after deadly clashes between arch-foes Armenia and Azerbaijan',
    quoteKind: 'verbatim',
    saidAt: '2020-09-28',
    saidPrecision: 'approximate',
    occurredAt: '2020-09-27',
    occurredPrecision: 'approximate',
    place: '',
    category: 'casualties',
    killed: 24,
    killedAtLeast: true,
    status: 'unverified',
    statusExplanation: '',
    credibility: 6,
    tags: ['death toll'],
    internalNotes:
      'The article’s own figure, not attributed to either side; dated by the article (28 Sept at the earliest). Its headline says "Dozens dead".',
    sources: [
      {
        source: 'article',
        excerpt:
          'At least 24 people have died after deadly clashes between arch-foes Armenia and Azerbaijan, as the latest violence in the decades-long territorial dispute sparked international calls on Sept. 27 to halt the fighting.',
      },
    ],
    relations: [],
  },
  {
    key: 'armenia-azerbaijan-attacked-first',
    claimant: 'am-defence-ministry',
    about: ['azerbaijan'],
    statement: 'Azerbaijan attacked first: the fighting of 27 September 2020 began with an Azerbaijani offensive on Nagorno-Karabakh.',
    quote: 'Azerbaijan started the fighting on 27 September 2020 by attacking Nagorno-Karabakh.',
    quoteKind: 'paraphrase',
    saidAt: '2020-09-27',
    saidPrecision: 'day',
    occurredAt: '2020-09-27',
    occurredPrecision: 'day',
    place: 'Nagorno-Karabakh',
    category: 'ceasefire_violation',
    status: 'disputed',
    statusExplanation: DISPUTED_START,
    credibility: 6,
    tags: ['start of the fighting'],
    internalNotes:
      'Paraphrase of public record; find and link the original. The seed article reports only Azerbaijan’s side; this ' +
      'records Armenia’s position that Azerbaijan attacked first. No URL and no quote until the original statement is found.',
    sources: [{ source: 'armenianMod', excerpt: '' }],
    relations: [{ kind: 'counters', to: 'ceasefire-accusation' }],
  },
];
