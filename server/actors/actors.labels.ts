/**
 * The actor directory's fixed vocabularies and their human labels. No Drizzle and no server code: browser
 * components import this, and schema.ts builds its Postgres enums from the same lists.
 */
export const actorKinds = [
  'state',
  'international_organisation',
  'government_body',
  'armed_group',
  'person',
  'religious_authority',
  'media',
  'other',
] as const;
export type ActorKind = (typeof actorKinds)[number];

export const actorKindLabels: Record<ActorKind, string> = {
  state: 'State',
  international_organisation: 'International organisation',
  government_body: 'Government body',
  armed_group: 'Armed force or group',
  person: 'Person',
  religious_authority: 'Religious authority',
  media: 'Media',
  other: 'Other',
};

/** What an actor is to one dossier's story. */
export const partyRoles = ['party', 'mediator', 'other'] as const;
export type PartyRole = (typeof partyRoles)[number];

export const partyRoleLabels: Record<PartyRole, string> = {
  party: 'Party to the conflict',
  mediator: 'Mediator',
  other: 'Other',
};
