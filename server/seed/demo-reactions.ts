import type { Alignment, DatePrecision, ReactionChannel, ReactionStance } from '@/server/reactions/reactions.labels';
import type { WatchListPreset } from '@/server/watch-lists/presets';

/**
 * The demo dossier's international reactions, read from the seed article (server/seed/fixtures/nagorno-karabakh-2020.txt),
 * and its watch list. Data only: demo.ts seeds it, demo.test.ts checks it against the article. Rules kept here, as
 * in demo-claims.ts:
 * - `quote` holds only words the article prints in quotation marks as the reacting actor's (fragments joined by
 *   " … "); a lone quoted word stays in the paraphrase. Everything else is the desk's paraphrase.
 * - the excerpt is the article's own text, copied verbatim (demo.test.ts checks it is a substring of the article);
 * - dates only as precise as the text: "on Sept. 27" → day. The article's lede dates the "international calls on
 *   Sept. 27 to halt the fighting" as a whole, so the other reactions are 27 September, approximate;
 * - targets only where the stance concerns one party; alignments are the defaults from stance and target
 *   (server/reactions/alignment.ts): no reaction here needed an editor's override.
 * Actors are keys of DEMO_ACTORS (demo-claims.ts).
 *
 * The eleven reactions (the joint statement is one reaction with four signatories):
 *  1. joint-ceasefire      France, Germany, Italy, EU     ceasefire                                  statement
 *  2. pope-prayer          Pope Francis (Holy See)        sympathy                                   other
 *  3. macron               Macron (France)                ceasefire; concern                         statement
 *  4. guterres-statement   Guterres via his spokesperson  ceasefire; talks, condemns (no target)     statement
 *  5. guterres-call-aliyev Guterres (UN)                  mediation → Azerbaijan                     phone call
 *  6. guterres-call-pashinyan Guterres (UN)               mediation → Armenia                        phone call
 *  7. us-state-department  State Department (US)          ceasefire; condemns, concern, sympathy     statement
 *  8. putin                Putin (Russia)                 ceasefire                                  phone call
 *  9. lavrov               Lavrov via Zakharova (Russia)  mediation; ceasefire, talks                statement
 * 10. rama                 Edi Rama, counts for the OSCE  ceasefire                                  statement
 * 11. erdogan              Erdoğan (Turkey)               supports Azerbaijan: with AZ, against AM   social media
 */

export interface DemoReaction {
  key: string;
  /** Signatories in order; `countsFor` overrides the affiliation roll-up for this reaction. */
  signatories: Array<{ actor: string; countsFor?: string }>;
  speaker: string | null;
  /** UTC calendar day, read as midnight. */
  reactedAt: string | null;
  reactedPrecision: DatePrecision;
  channel: ReactionChannel;
  primaryStance: ReactionStance;
  /** The other stances (the primary one is added by the service). */
  stances: ReactionStance[];
  /** Keys of dossier parties (DEMO_PARTIES) the stance concerns. */
  targets: string[];
  /** Alignments the desk set by hand (party key → alignment); none: the defaults. */
  alignments: Array<{ party: string; alignment: Alignment }>;
  quote: string;
  paraphrase: string;
  tags: string[];
  internalNotes: string;
  /** The seed article's words this reaction rests on, verbatim. */
  excerpt: string;
}

const GUTERRES_STATEMENT =
  'Condemning the use of force and civilian deaths, U.N. Secretary-General Antonio Guterres called on the parties to ' +
  'immediately stop fighting, de-escalate tensions and return to "meaningful" negotiations without delay, his spokesman said in a statement.';

const GUTERRES_CALLS = 'The statement also said that Guterres will speak by phone with Azerbaijani President Ilham Aliyev and Armenian Prime Minister Nikol Pashinyan.';

const US_ALARMED =
  'The United States is alarmed by reports of large-scale military action along the Line of Contact in the Nagorno-Karabakh ' +
  'conflict zone that has resulted in significant casualties, including civilians. We extend our condolences to the families of those killed and injured';
const US_CONDEMNS = 'The United States condemns in the strongest terms this escalation of violence.';

const CALLS_NOTE =
  'Planned, not reported as made: the UN statement said he "will speak by phone" with each leader. One reaction per ' +
  'call, as for Putin’s call with Pashinyan, so the timeline and the map show whom he called. Dated by the statement ' +
  'announcing it; update the date once a readout of the call is found. Mediation rather than "calls for talks": the ' +
  'Secretary-General’s good offices with each party, right after calling for a return to negotiations.';

const MINSK_CO_CHAIR = 'Minsk Group co-chair';

export const DEMO_REACTIONS: readonly DemoReaction[] = [
  {
    key: 'joint-ceasefire',
    signatories: [{ actor: 'france' }, { actor: 'germany' }, { actor: 'italy' }, { actor: 'european-union' }],
    speaker: null,
    reactedAt: '2020-09-27',
    reactedPrecision: 'approximate',
    channel: 'statement',
    primaryStance: 'ceasefire',
    stances: [],
    targets: [],
    alignments: [],
    quote: 'immediate ceasefire',
    paraphrase: 'France, Germany, Italy and the European Union urged an immediate ceasefire.',
    tags: ['joint statement'],
    internalNotes:
      'One reaction with four signatories, as the article reports it (one sentence, one quoted demand). If the four turn ' +
      'out to have spoken separately, split it into four reactions citing their own statements.',
    excerpt: 'France, Germany, Italy, and the European Union swiftly urged an "immediate ceasefire"',
  },
  {
    key: 'pope-prayer',
    signatories: [{ actor: 'pope-francis' }],
    speaker: null,
    reactedAt: '2020-09-27',
    reactedPrecision: 'approximate',
    channel: 'other',
    primaryStance: 'sympathy',
    stances: [],
    targets: [],
    alignments: [],
    quote: '',
    paraphrase: 'Pope Francis prayed for peace.',
    tags: [],
    internalNotes:
      'Counts for the Holy See (his affiliation). The article names no channel; public record places the prayer in his ' +
      'Angelus address of Sunday 27 Sept 2020 — set the channel to speech once a source for it is in the dossier.',
    excerpt: 'France, Germany, Italy, and the European Union swiftly urged an "immediate ceasefire", while Pope Francis prayed for peace.',
  },
  {
    key: 'macron',
    signatories: [{ actor: 'macron' }],
    speaker: null,
    reactedAt: '2020-09-27',
    reactedPrecision: 'day',
    channel: 'statement',
    primaryStance: 'ceasefire',
    stances: ['concern'],
    targets: [],
    alignments: [],
    quote: 'deep concern … strongly called for an immediate end to hostilities',
    paraphrase: 'Macron expressed his deep concern and strongly called for an immediate end to hostilities.',
    tags: [MINSK_CO_CHAIR],
    internalNotes: 'The article quotes an English rendering; the Élysée’s French wording is not in the dossier, so no original text.',
    excerpt:
      'French President Emmanuel Macron expressed his "deep concern" on Sept. 27, and "strongly called for an immediate end to hostilities".',
  },
  {
    key: 'guterres-statement',
    signatories: [{ actor: 'guterres' }],
    speaker: 'un-spokesperson',
    reactedAt: '2020-09-27',
    reactedPrecision: 'approximate',
    channel: 'statement',
    primaryStance: 'ceasefire',
    stances: ['talks', 'condemns'],
    targets: [],
    alignments: [],
    quote: '',
    paraphrase:
      'The UN Secretary-General condemned the use of force and the civilian deaths, and called on the parties to stop ' +
      'fighting immediately, de-escalate tensions and return to “meaningful” negotiations without delay.',
    tags: [],
    internalNotes:
      'Issued by his spokesperson (the speaker); the article does not name him (see the speaker’s notes). Condemns the ' +
      'use of force without naming a side, so it targets no party and stays neutral towards both. Only "meaningful" is ' +
      'quoted, so the words stay in the paraphrase.',
    excerpt: GUTERRES_STATEMENT,
  },
  {
    key: 'guterres-call-aliyev',
    signatories: [{ actor: 'guterres' }],
    speaker: 'un-spokesperson',
    reactedAt: '2020-09-27',
    reactedPrecision: 'approximate',
    channel: 'phone_call',
    primaryStance: 'mediation',
    stances: [],
    targets: ['azerbaijan'],
    alignments: [],
    quote: '',
    paraphrase: 'The Secretary-General will speak by phone with Azerbaijani President Ilham Aliyev, his spokesperson’s statement said.',
    tags: ['planned'],
    internalNotes: CALLS_NOTE,
    excerpt: GUTERRES_CALLS,
  },
  {
    key: 'guterres-call-pashinyan',
    signatories: [{ actor: 'guterres' }],
    speaker: 'un-spokesperson',
    reactedAt: '2020-09-27',
    reactedPrecision: 'approximate',
    channel: 'phone_call',
    primaryStance: 'mediation',
    stances: [],
    targets: ['armenia'],
    alignments: [],
    quote: '',
    paraphrase: 'The Secretary-General will speak by phone with Armenian Prime Minister Nikol Pashinyan, his spokesperson’s statement said.',
    tags: ['planned'],
    internalNotes: CALLS_NOTE,
    excerpt: GUTERRES_CALLS,
  },
  {
    key: 'us-state-department',
    signatories: [{ actor: 'us-state-department' }],
    speaker: null,
    reactedAt: '2020-09-27',
    reactedPrecision: 'approximate',
    channel: 'statement',
    primaryStance: 'ceasefire',
    stances: ['condemns', 'concern', 'sympathy'],
    targets: [],
    alignments: [],
    quote: `${US_ALARMED}. … ${US_CONDEMNS}`,
    paraphrase:
      'The State Department called on Armenia and Azerbaijan to end the clashes immediately, said the United States was ' +
      'alarmed by the casualties, offered condolences to the families of the dead and injured, and condemned the escalation of violence.',
    tags: [MINSK_CO_CHAIR],
    internalNotes:
      'The article prints the two quotations as separate paragraphs; whether they were consecutive in the statement is not ' +
      'known, hence the " … ". It condemns "this escalation of violence" without naming a side: no target, neutral towards both.',
    excerpt:
      'The U.S. State Department also called on the two countries to immediately end clashes in a statement.\n\n' +
      `"${US_ALARMED}," the statement said.\n\n` +
      `"${US_CONDEMNS}”`,
  },
  {
    key: 'putin',
    signatories: [{ actor: 'putin' }],
    speaker: null,
    reactedAt: '2020-09-27',
    reactedPrecision: 'approximate',
    channel: 'phone_call',
    primaryStance: 'ceasefire',
    stances: [],
    targets: [],
    alignments: [],
    quote: 'an end to hostilities',
    paraphrase: 'Putin discussed the military flare-up with Armenian Prime Minister Nikol Pashinyan and called for an end to hostilities.',
    tags: [MINSK_CO_CHAIR],
    internalNotes:
      'A call with Pashinyan, but the call for an end to hostilities concerns both sides, so it targets no party. The ' +
      'quoted words are an English rendering of the Kremlin’s Russian readout, which is not in the dossier.',
    excerpt: 'Russian President Vladimir Putin discussed the military flareup with Pashinyan and called for "an end to hostilities."',
  },
  {
    key: 'lavrov',
    signatories: [{ actor: 'lavrov' }],
    speaker: 'zakharova',
    reactedAt: '2020-09-27',
    reactedPrecision: 'approximate',
    channel: 'statement',
    primaryStance: 'mediation',
    stances: ['ceasefire', 'talks'],
    targets: [],
    alignments: [],
    quote: 'is conducting intensive contacts in order to induce the parties to cease fire and start negotiations to stabilize the situation',
    paraphrase:
      'Foreign Minister Sergey Lavrov is conducting intensive contacts to induce the parties to cease fire and start ' +
      'negotiations, his ministry’s spokeswoman Maria Zakharova said.',
    tags: [MINSK_CO_CHAIR],
    internalNotes: 'Zakharova speaks for Lavrov (both of the Russian Foreign Ministry); it counts for Russia. English rendering of her Russian words.',
    excerpt:
      'Russian Foreign Minister Sergey Lavrov "is conducting intensive contacts in order to induce the parties to cease fire ' +
      "and start negotiations to stabilize the situation,'' Foreign Ministry spokeswoman Maria Zakharova said.",
  },
  {
    key: 'rama',
    signatories: [{ actor: 'rama', countsFor: 'osce' }],
    speaker: null,
    reactedAt: '2020-09-27',
    reactedPrecision: 'approximate',
    channel: 'statement',
    primaryStance: 'ceasefire',
    stances: [],
    targets: [],
    alignments: [],
    quote: '',
    paraphrase: 'Edi Rama, as chairman of the OSCE, called on the sides to stop fighting.',
    tags: [],
    internalNotes:
      'Counts for the OSCE, not Albania (override on this reaction): the article reports him as the OSCE’s chairman, under ' +
      'whose auspices the negotiations on the territory’s status are held.',
    excerpt:
      'Albanian Prime Minister Edi Rama, chairman of the Organization for Security and Cooperation in Europe, called on the sides to stop fighting.',
  },
  {
    key: 'erdogan',
    signatories: [{ actor: 'erdogan' }],
    speaker: null,
    reactedAt: '2020-09-27',
    reactedPrecision: 'approximate',
    channel: 'social_media',
    primaryStance: 'supports_party',
    stances: [],
    targets: ['azerbaijan'],
    alignments: [],
    quote: 'The Turkish people will support our Azerbaijani brothers with all our means as always',
    paraphrase: 'Turkey promised Azerbaijan its “full support”: Erdoğan tweeted that the Turkish people will support Azerbaijan with all their means.',
    tags: [],
    internalNotes:
      'Supports Azerbaijan: with Azerbaijan, against Armenia and the Nagorno-Karabakh authorities (the defaults). The tweet ' +
      'was in Turkish; the article prints only an English rendering, so no original text until the tweet is linked.',
    excerpt:
      'Meanwhile, Turkey promised Azerbaijan its "full support."\n\n' +
      '"The Turkish people will support our Azerbaijani brothers with all our means as always," Turkish President Recep Tayyip Erdoğan tweeted.',
  },
];

/**
 * Who the desk expects to react, shown publicly: the watch-list presets (server/watch-lists/presets.ts) for this
 * dossier — the fifteen members of the UN Security Council in 2020, the parties' neighbours (Georgia, Iran, Russia,
 * Turkey), the regional organisations Armenia or Azerbaijan belong to (OSCE, Council of Europe, CIS, CSTO,
 * Organization of Turkic States, OIC) — then, by hand, the United Nations and the European Union (neither party is
 * an EU member; both are in its Eastern Partnership). Applying a preset creates
 * the states and organisations the directory lacks; a watch list the desk already has is left alone.
 */
export const DEMO_WATCH_LIST: {
  isPublic: boolean;
  presets: ReadonlyArray<{ preset: WatchListPreset; year: number | null }>;
  /** DEMO_ACTORS keys, added after the presets. */
  members: readonly string[];
} = {
  isPublic: true,
  presets: [
    { preset: 'unsc', year: 2020 },
    { preset: 'neighbours', year: null },
    { preset: 'regional', year: null },
  ],
  members: ['united-nations', 'european-union'],
};
