/**
 * The reactions domain's fixed vocabularies and their human labels. No Drizzle and no server code: browser
 * components import this, and schema.ts builds its Postgres enums from the same lists.
 */

/** What a reaction does, modelled on CAMEO event codes (the code each stance mostly corresponds to is noted). */
export const reactionStances = [
  'ceasefire', // CAMEO 0243/0256/0873: appeal for or demand a ceasefire, de-escalation
  'talks', // CAMEO 0234/0331: call for negotiations
  'mediation', // CAMEO 044/045: offer, engage in mediation
  'supports_party', // CAMEO 05x/0521: express support, praise, pledge
  'condemns', // CAMEO 111/112: criticise, denounce, accuse
  'concern', // CAMEO 0112/018: express concern
  'sympathy', // CAMEO 018: condolences, prayer
  'humanitarian_aid', // CAMEO 073: provide humanitarian aid
  'sanctions', // CAMEO 163/172: impose embargo, sanctions, other measures
  'neutral', // CAMEO 012/0123: decline comment, neutral statement
  'other',
] as const;
export type ReactionStance = (typeof reactionStances)[number];

export const reactionStanceLabels: Record<ReactionStance, string> = {
  ceasefire: 'Calls for ceasefire or de-escalation',
  talks: 'Calls for talks',
  mediation: 'Offers or conducts mediation',
  supports_party: 'Supports a party',
  condemns: 'Condemns',
  concern: 'Expresses concern',
  sympathy: 'Sympathy or prayer',
  humanitarian_aid: 'Humanitarian aid',
  sanctions: 'Sanctions or measures',
  neutral: 'Neutral or declines comment',
  other: 'Other',
};

/** Short forms for chips, legends and CSV headers' neighbours. */
export const reactionStanceShortLabels: Record<ReactionStance, string> = {
  ceasefire: 'Ceasefire',
  talks: 'Talks',
  mediation: 'Mediation',
  supports_party: 'Support',
  condemns: 'Condemns',
  concern: 'Concern',
  sympathy: 'Sympathy',
  humanitarian_aid: 'Aid',
  sanctions: 'Sanctions',
  neutral: 'Neutral',
  other: 'Other',
};

/** How the reaction was made. */
export const reactionChannels = ['statement', 'social_media', 'phone_call', 'speech', 'communique', 'vote', 'other'] as const;
export type ReactionChannel = (typeof reactionChannels)[number];

export const reactionChannelLabels: Record<ReactionChannel, string> = {
  statement: 'Statement',
  social_media: 'Social-media post',
  phone_call: 'Phone call',
  speech: 'Speech or press conference',
  communique: 'Communiqué',
  vote: 'Vote or resolution',
  other: 'Other',
};

/** Where a reacting state or organisation stands towards one party. */
export const alignments = ['with', 'neutral', 'against', 'unclear'] as const;
export type Alignment = (typeof alignments)[number];

export const alignmentLabels: Record<Alignment, string> = {
  with: 'With',
  neutral: 'Neutral',
  against: 'Against',
  unclear: 'Unclear',
};

/** Whether `quote` holds the actor's words or the desk's paraphrase (same meaning as on claims). */
export { datePrecisions, datePrecisionLabels, type DatePrecision } from '@/server/claims/claims.labels';

/** The orders the desk reactions list offers: its URL parameters (search-params) and its input read them. */
export const reactionSortKeys = ['reacted', 'created', 'stance', 'channel'] as const;
export type ReactionSortKey = (typeof reactionSortKeys)[number];
