import type { ActorKind } from '@/server/actors/actors.labels';
import type { ClaimCategory } from '@/server/claims/claims.labels';
import type { ReactionChannel, ReactionStance } from '@/server/reactions/reactions.labels';

/**
 * Article intake's rules, as data: each row is a pattern, what it means, and an example sentence that must trigger
 * it (rules.test.ts checks every row against its example). Patterns are matched case-insensitively against one
 * sentence whose quotation marks were blanked out, so `called for "an end to hostilities"` reads as plain words.
 * Change wording here, not in analyze.ts.
 */
export interface CueRule {
  pattern: RegExp;
  /** Why, in an editor's words: shown with every suggestion the rule fires for. */
  description: string;
  example: string;
}

/** Words a caller uses when asking something of others ("X urged …", "called on the sides to …"). */
const ASK = String.raw`(?:urg(?:e|es|ed|ing)|call(?:s|ed|ing)? (?:for|on|upon)|calls? (?:for|to)|appeal(?:s|ed)? (?:for|to)|demand(?:s|ed)?|press(?:es|ed)? for|ask(?:s|ed)?|plead(?:s|ed)? for|want(?:s|ed)?|insist(?:s|ed)? on|encourag(?:e|es|ed))`;
/** Up to ~12 words between the ask and what is asked. */
const GAP = String.raw`(?:[^.;]{0,90}?)`;

export const STANCE_RULES: Record<Exclude<ReactionStance, 'other'>, CueRule[]> = {
  ceasefire: [
    {
      pattern: new RegExp(String.raw`\b${ASK}${GAP}\b(?:immediate |unconditional |humanitarian |lasting )?(?:ceasefire|cease-fire|truce|cessation of hostilities)\b`, 'i'),
      description: 'asks for a ceasefire or truce',
      example: 'France, Germany, Italy, and the European Union swiftly urged an "immediate ceasefire".',
    },
    {
      pattern: new RegExp(String.raw`\b${ASK}${GAP}\b(?:halt|end|stop|cease|stopping|ending)\b(?: to| of)?(?: the| all)? (?:fighting|hostilities|clashes|violence|attacks|offensive|bombing|shelling)\b`, 'i'),
      description: 'asks for an end to the fighting',
      example: 'The U.S. State Department also called on the two countries to immediately end clashes in a statement.',
    },
    {
      pattern: new RegExp(String.raw`\b${ASK}${GAP}\bstop fighting\b`, 'i'),
      description: 'asks the sides to stop fighting',
      example: 'Albanian Prime Minister Edi Rama called on the sides to stop fighting.',
    },
    {
      pattern: /\b(?:induce|persuade|convince|get) the (?:parties|sides) to cease fire\b|\bcease fire\b/i,
      description: 'speaks of the sides ceasing fire',
      example: 'Lavrov is conducting intensive contacts in order to induce the parties to cease fire.',
    },
    {
      pattern: /\b(?:restraint|de-?escalat(?:e|ion|ing))\b/i,
      description: 'asks for restraint or de-escalation',
      example: 'The African Union urged both sides to exercise maximum restraint.',
    },
  ],
  talks: [
    {
      pattern: new RegExp(String.raw`\b(?:${ASK}|return to|resume|start|restart)${GAP}\b(?:negotiations?|talks|dialogue|negotiating table|peace process|political solution|diplomatic solution|peaceful solution)\b`, 'i'),
      description: 'asks for talks, negotiations or dialogue',
      example: 'Guterres called on the parties to return to "meaningful" negotiations without delay.',
    },
  ],
  mediation: [
    {
      pattern: /\b(?:offer(?:s|ed|ing)? to (?:mediate|facilitate|host)|mediat(?:e|ed|ing|ion)|good offices|shuttle diplomacy)\b/i,
      description: 'offers to mediate',
      example: 'Qatar offered to mediate between the two sides.',
    },
    {
      pattern: /\b(?:will|would|to) (?:speak|talk) (?:by (?:tele)?phone )?with\b|\bcontacts in order to induce\b|\bintensive contacts\b/i,
      description: 'is to speak with the leaders of the sides',
      example: 'The statement also said that Guterres will speak by phone with both leaders.',
    },
    {
      pattern: /\b(?:host(?:s|ed)?|brokered|broker(?:ing)?|convened?) (?:talks|a meeting|negotiations|a truce|a ceasefire)\b/i,
      description: 'hosts or brokers talks between the sides',
      example: 'Saudi Arabia hosted talks between the army and the paramilitary group in Jeddah.',
    },
  ],
  supports_party: [
    {
      pattern: /\b(?:full|unwavering|unconditional|total|firm) support\b|\bsupport our \w+ brothers\b|\bstands? (?:firmly )?(?:with|by)\b|\bsolidarity with\b|\bright to defend itself\b/i,
      description: 'pledges support to one side',
      example: 'Meanwhile, Turkey promised Azerbaijan its "full support."',
    },
  ],
  condemns: [
    {
      pattern: /\b(?:condemn(?:s|ed|ing)?|denounc(?:e|es|ed|ing)|deplor(?:e|es|ed|ing)|strongly criticis(?:e|es|ed)|strongly criticiz(?:e|es|ed))\b/i,
      description: 'condemns',
      example: 'The United States condemns in the strongest terms this escalation of violence.',
    },
  ],
  concern: [
    {
      pattern: /\b(?:concern(?:ed)?|worr(?:y|ied)|alarm(?:ed)?|troubled|disturbed|dismayed)\b/i,
      description: 'expresses concern or alarm',
      example: 'French President Emmanuel Macron expressed his "deep concern" on Sept. 27.',
    },
  ],
  sympathy: [
    {
      pattern: /\b(?:pray(?:s|ed|ing)?|prayers?|condolences|sympathy|sympathies|thoughts are with|mourn(?:s|ed)?)\b/i,
      description: 'offers prayers or condolences',
      example: 'Pope Francis prayed for peace.',
    },
  ],
  humanitarian_aid: [
    {
      pattern: /\b(?:humanitarian (?:aid|assistance|relief|supplies|corridor)|emergency (?:aid|assistance|funding)|(?:send|sent|sends|sending|pledged?|pledges|deliver(?:ed|s|ing)?|provid(?:e|ed|es|ing)|airlift(?:ed|ing)?) [^.;]{0,40}?\b(?:aid|relief|food|medical supplies|tents|tonnes)\b)/i,
      description: 'sends or pledges humanitarian aid',
      example: 'Britain pledged 10 million pounds in humanitarian aid for the displaced.',
    },
  ],
  sanctions: [
    {
      pattern: /\b(?:sanction(?:s|ed)?|embargo|asset freeze|froze (?:the )?assets|travel bans?|expell?(?:ed)? (?:the |its )?(?:ambassador|diplomats?)|recall(?:ed|s)? (?:its )?ambassador|suspend(?:ed|s)? (?:military )?(?:aid|arms sales))\b/i,
      description: 'imposes sanctions or other measures',
      example: 'The European Union imposed sanctions on two commanders of the group.',
    },
  ],
  neutral: [
    {
      pattern: /\b(?:declined to comment|would not comment|refused to comment|no comment|remains? neutral)\b/i,
      description: 'declines to comment or stays neutral',
      example: 'China declined to comment on the fighting.',
    },
  ],
};

/** When a sentence shows several stances, the first of this list is the primary one (a call for a ceasefire outranks the concern around it). */
export const STANCE_PRIORITY: readonly ReactionStance[] = [
  'mediation',
  'sanctions',
  'humanitarian_aid',
  'supports_party',
  'ceasefire',
  'talks',
  'condemns',
  'concern',
  'sympathy',
  'neutral',
  'other',
];

export const CHANNEL_RULES: Array<CueRule & { channel: ReactionChannel }> = [
  { channel: 'social_media', pattern: /\b(?:tweet(?:s|ed)?|posted on (?:X|Twitter|Facebook|Telegram|Instagram)|wrote on (?:X|Twitter|Facebook|Telegram)|on social media)\b/i, description: 'posted on social media', example: '"We stand with our brothers," Turkish President Recep Tayyip Erdoğan tweeted.' },
  { channel: 'phone_call', pattern: /\b(?:by (?:tele)?phone|phone call|telephone (?:call|conversation)|spoke (?:with|to)|discuss(?:ed|es)? [^.;]{0,60}?\bwith)\b/i, description: 'by phone or in a conversation with a leader', example: 'Russian President Vladimir Putin discussed the military flareup with Pashinyan.' },
  { channel: 'speech', pattern: /\b(?:televised address|address to the nation|press conference|news conference|speech|told reporters|told parliament|addressing)\b/i, description: 'in a speech or press conference', example: 'In a televised address to the nation, the president vowed victory.' },
  { channel: 'communique', pattern: /\b(?:communiqu[ée]|joint declaration)(?![\p{L}])/iu, description: 'in a communiqué', example: 'The summit’s final communiqué called for a truce.' },
  { channel: 'vote', pattern: /\b(?:resolution|voted)\b/i, description: 'by a vote or resolution', example: 'The Security Council adopted a resolution demanding a truce.' },
  { channel: 'statement', pattern: /\b(?:statement|said|says|declared|announced)\b/i, description: 'in a statement', example: 'The ministry said in a statement that talks would resume.' },
];

export const CLAIM_CATEGORY_RULES: Record<Exclude<ClaimCategory, 'other'>, CueRule[]> = {
  ceasefire_violation: [
    {
      pattern: /\b(?:violat(?:e|ed|es|ing|ion|ions) (?:of )?(?:a |the )?(?:ceasefire|cease-fire|truce)|(?:ceasefire|cease-fire|truce) violations?|broke (?:a |the )?(?:ceasefire|truce)|breach(?:ed|es)? (?:of )?(?:a |the )?(?:ceasefire|truce)|attacked first|started the fighting)\b/i,
      description: 'says the other side broke a ceasefire or started the fighting',
      example: 'Azerbaijan accused Armenian forces of violating a ceasefire.',
    },
  ],
  attack_on_civilians: [
    {
      pattern: /\b(?:civilian(?:s| settlements| areas| infrastructure)?|residential|homes|hospital|school|market|refugee camp)\b[^.;]{0,80}\b(?:attack(?:ed|s)?|shell(?:ed|ing)|bomb(?:ed|ing)|struck|hit|target(?:ed|ing)|damage)|\b(?:attack(?:ed|s)?|shell(?:ed|ing)|bomb(?:ed|ing)|struck|hit|target(?:ed|ing)|damage (?:has been |was )?inflicted on)\b[^.;]{0,80}\b(?:civilian|residential|homes|hospital|school|market|camp)/i,
      description: 'says civilians or their homes were attacked',
      example: '"Extensive damage has been inflicted on many homes and civilian infrastructure," it said.',
    },
    {
      pattern: /\b(?:city|town|village|neighbourhood|neighborhood)\b[^.;]{0,60}\bunder (?:heavy )?(?:fire|shelling|attack|bombardment)\b/i,
      description: 'says a town was under fire',
      example: 'The Defense Ministry said the Azerbaijani city of Terter has been under fire from Armenian forces.',
    },
  ],
  casualties: [
    {
      pattern: /\b(?:killed|dead|died|deaths?|death toll|wounded|injured|casualties|lost their lives)\b/i,
      description: 'gives casualties',
      example: 'The health ministry said at least 20 people were killed.',
    },
  ],
  military_losses: [
    {
      pattern: /\b(?:destr(?:oyed|uction of|oying)|shot down|downed|neutrali[sz]ed|captured)\b[^.;]{0,60}\b(?:tanks?|armou?red vehicles?|vehicles|drones?|aircraft|helicopters?|artillery|positions|jets?|soldiers|troops|fighters)\b|\b(?:tanks?|armou?red vehicles?|drones?|aircraft|helicopters?|jets?)\b[^.;]{0,40}\b(?:destroyed|shot down|downed)\b/i,
      description: 'says the other side lost soldiers or equipment',
      example: 'The ministry also shared aerial footage of the destruction of Armenian tanks and armored vehicles.',
    },
  ],
  territorial_control: [
    {
      pattern: /\b(?:captured|seized|took control|taken control|liberated|recaptured|retook|occupied|is in control of|controls|fell to|withdrew from|pushed back|advanced (?:on|into))\b|\b(?:is|are|remains?) (?:an? )?(?:integral |inseparable )?part of\b|\bbelongs? to\b/i,
      description: 'says who holds ground',
      example: 'The army said it had recaptured the town of Bara.',
    },
  ],
  humanitarian: [
    {
      pattern: /\b(?:displaced|fled|refugees|famine|starvation|food shortages|humanitarian (?:crisis|situation|access)|aid convoys?|blockade|cut off (?:water|power|electricity|food))\b/i,
      description: 'speaks of the displaced, aid or hunger',
      example: 'The UN refugee agency said more than 40,000 people had fled across the border.',
    },
  ],
  diplomatic: [
    {
      pattern: /\b(?:ambassador|embassy|envoy|high commissioner|summon(?:ed|s)?|diplomatic relations|final warning|ultimatum|sovereignty|international law|peace (?:deal|agreement|talks)|negotiations?)\b/i,
      description: 'speaks of diplomacy, warnings or negotiations',
      example: 'Azerbaijan on Sept. 28 issued a final warning to Armenia.',
    },
  ],
};

/** When a claim matches several categories, the first of this list wins (a ceasefire violation is also a casualty report). */
export const CLAIM_CATEGORY_PRIORITY: readonly ClaimCategory[] = [
  'ceasefire_violation',
  'attack_on_civilians',
  'military_losses',
  'territorial_control',
  'casualties',
  'humanitarian',
  'diplomatic',
  'other',
];

/** Verbs that attribute an assertion to its speaker: a party's sentence with one of these is a claim. */
export const CLAIM_VERB_RULE: CueRule = {
  pattern: /\b(?:said|says|say|stated|claimed|claims|accused|accuses|alleged|alleges|reported|reports|announced|denied|denies|insisted|added|told|shared|released|published|confirmed|warned|blamed|charged)\b/i,
  description: 'the sentence attributes an assertion to them',
  example: 'The Defense Ministry said in a statement that the city has been under fire.',
};

/** Attribution at a sentence's end or start: "…, his spokesman said", "Zakharova said". */
export const SAID_VERB = /^(?:said|says|say|tweeted|wrote|added|told|stated|declared|posted|announced|insisted|warned)$/i;

export interface FigureRule {
  figure: 'killed' | 'wounded' | 'displaced' | 'equipmentDestroyed';
  /** Matches a number (group `n`, digits or words), optionally preceded by "at least" (group `least`). */
  pattern: RegExp;
  description: string;
  example: string;
}

const NUMBER = String.raw`(?<least>at least |more than |over |some |nearly |almost |about |around |upwards of )?(?<n>(?:\d{1,3}(?:,\d{3})+|\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a hundred|hundred|dozens|a dozen)(?: (?:thousand|million))?)`;
const SOMEONE = String.raw`(?:[a-z-]+ ){0,3}?(?:people|civilians|soldiers|servicemen|troops|fighters|militants|children|women|persons|residents|others|police(?:men)?|officers|members)?`;
export const FIGURE_RULES: FigureRule[] = [
  { figure: 'killed', pattern: new RegExp(String.raw`\b${NUMBER} ${SOMEONE}\s*(?:were |have been |had been |was |are |being )?(?:killed|dead|died|have died|had died|lost their lives)\b`, 'i'), description: 'a number killed', example: 'At least 24 people have died after deadly clashes.' },
  { figure: 'killed', pattern: new RegExp(String.raw`\b(?:killing|killed|kills) ${NUMBER}\b`, 'i'), description: 'a number killed', example: 'The strike hit a market, killing 12 civilians.' },
  { figure: 'killed', pattern: new RegExp(String.raw`\bdeath toll (?:\w+ ){0,3}?(?:to|at|of|reached) ${NUMBER}\b`, 'i'), description: 'a death toll', example: 'The death toll rose to 31.' },
  { figure: 'wounded', pattern: new RegExp(String.raw`\b${NUMBER} ${SOMEONE}\s*(?:were |have been |had been |was |are )?(?:wounded|injured|hurt)\b`, 'i'), description: 'a number wounded', example: 'At least 20 soldiers were injured.' },
  { figure: 'wounded', pattern: new RegExp(String.raw`\b(?:wounding|injuring|injured|wounded) ${NUMBER}\b`, 'i'), description: 'a number wounded', example: 'The shelling killed two and wounded 14 others.' },
  { figure: 'displaced', pattern: new RegExp(String.raw`\b${NUMBER} ${SOMEONE}\s*(?:were |have been |had been |had |have )?(?:displaced|fled|forced to flee|uprooted|made homeless)\b`, 'i'), description: 'a number displaced', example: 'More than 40,000 people had fled across the border.' },
  { figure: 'displaced', pattern: new RegExp(String.raw`\b(?:displacing|displaced|forcing) ${NUMBER}\b`, 'i'), description: 'a number displaced', example: 'The fighting has displaced 7,000 families.' },
  { figure: 'equipmentDestroyed', pattern: new RegExp(String.raw`\b(?:destroyed|shot down|downed|knocked out) ${NUMBER} (?:[a-z-]+ ){0,2}?(?:tanks?|vehicles?|drones?|aircraft|helicopters?|artillery|jets?|launchers?)\b`, 'i'), description: 'a number of tanks, vehicles or aircraft destroyed', example: 'The army said it destroyed 12 tanks and two drones.' },
  { figure: 'equipmentDestroyed', pattern: new RegExp(String.raw`\b${NUMBER} (?:[a-z-]+ ){0,2}?(?:tanks?|vehicles?|drones?|aircraft|helicopters?|jets?|launchers?) (?:were |had been |have been )?(?:destroyed|shot down|downed)\b`, 'i'), description: 'a number of tanks, vehicles or aircraft destroyed', example: 'Seven armoured vehicles were destroyed.' },
];

export const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100, 'a hundred': 100, 'a dozen': 12, dozens: 24,
};

/**
 * Titles that introduce a person ("French President Nicolas Sarkozy") or stand for one ("his spokesman"). `person`:
 * the title names a person's office; false for a body ("ministry") used in a title phrase.
 */
export interface TitleRule {
  title: string;
  words: string[];
  example: string;
}

export const TITLE_RULES: TitleRule[] = [
  { title: 'President', words: ['president'], example: 'French President Nicolas Sarkozy said so.' },
  { title: 'Vice President', words: ['vice president', 'vice-president'], example: 'Vice President Kamala Harris said so.' },
  { title: 'Prime Minister', words: ['prime minister', 'premier', 'pm'], example: 'Armenian Prime Minister Nikol Pashinyan said so.' },
  { title: 'Foreign Minister', words: ['foreign minister', 'minister of foreign affairs', 'foreign secretary'], example: 'Russian Foreign Minister Sergey Lavrov said so.' },
  { title: 'Defence Minister', words: ['defence minister', 'defense minister', 'minister of defence', 'minister of defense', 'defense secretary', 'defence secretary'], example: 'Israeli Defence Minister Yoav Gallant said so.' },
  { title: 'Interior Minister', words: ['interior minister'], example: 'Interior Minister Ana Lopes said so.' },
  { title: 'Information Minister', words: ['information minister', 'minister of information'], example: 'Information Minister Legesse Tulu said so.' },
  { title: 'Minister', words: ['minister'], example: 'Minister Ana Lopes said so.' },
  { title: 'Secretary of State', words: ['secretary of state'], example: 'Secretary of State Antony Blinken said so.' },
  { title: 'Secretary-General', words: ['secretary-general', 'secretary general'], example: 'UN Secretary-General Ban Ki-moon said so.' },
  { title: 'Chancellor', words: ['chancellor'], example: 'German Chancellor Angela Merkel said so.' },
  { title: 'King', words: ['king'], example: 'King Abdullah said so.' },
  { title: 'Pope', words: ['pope'], example: 'Pope Francis prayed for peace.' },
  { title: 'High Representative', words: ['high representative', 'foreign policy chief'], example: 'EU foreign policy chief Josep Borrell said so.' },
  { title: 'Special Envoy', words: ['special envoy', 'envoy'], example: 'UN envoy Volker Perthes said so.' },
  { title: 'Ambassador', words: ['ambassador'], example: 'Ambassador Linda Thomas-Greenfield said so.' },
  { title: 'Chairperson', words: ['chairman', 'chairwoman', 'chairperson', 'chair'], example: 'AU Commission chairman Moussa Faki Mahamat said so.' },
  { title: 'Commander', words: ['commander', 'army chief', 'chief of staff', 'general', 'gen', 'lieutenant general', 'lt gen'], example: 'Army chief General Abdel Fattah al-Burhan said so.' },
  { title: 'Leader', words: ['leader'], example: 'RSF leader Mohamed Hamdan Dagalo said so.' },
  { title: 'Spokesperson', words: ['spokesman', 'spokeswoman', 'spokesperson'], example: 'Foreign Ministry spokeswoman Maria Zakharova said so.' },
  { title: 'Governor', words: ['governor'], example: 'Governor Jean Bosco said so.' },
];

/** Government bodies: a demonym or country before them gives their state ("Azerbaijan's foreign ministry"). */
export interface BodyRule {
  /** Canonical name, "{country}" filled in: how a new actor is named. */
  name: string;
  words: string[];
  kind: ActorKind;
  /** Other names a directory might hold it under ({country}, {demonym}). */
  variants: string[];
  /** The state it belongs to whatever the text says (the Kremlin → RU). */
  countryCode?: string;
  example: string;
}

export const BODY_RULES: BodyRule[] = [
  { name: 'Ministry of Foreign Affairs of {country}', words: ['foreign ministry', 'ministry of foreign affairs', 'foreign affairs ministry', 'foreign office'], kind: 'government_body', variants: ['{demonym} Foreign Ministry', 'Foreign Ministry of {country}', '{country} Foreign Ministry', '{demonym} Ministry of Foreign Affairs'], example: 'Azerbaijan’s foreign ministry said there were reports of dead and wounded.' },
  { name: 'Ministry of Defence of {country}', words: ['defence ministry', 'defense ministry', 'ministry of defence', 'ministry of defense', 'defence department'], kind: 'government_body', variants: ['{demonym} Defence Ministry', '{demonym} Defense Ministry', 'Defense Ministry of {country}', 'Defence Ministry of {country}', '{country} Defence Ministry'], example: 'The Defense Ministry said in a statement that the city was under fire.' },
  { name: 'Ministry of Health of {country}', words: ['health ministry', 'ministry of health'], kind: 'government_body', variants: ['{demonym} Health Ministry', 'Health Ministry of {country}', '{country} Health Ministry'], example: 'The Gaza health ministry said 31 people were killed.' },
  { name: 'Ministry of Interior of {country}', words: ['interior ministry', 'ministry of interior', 'ministry of the interior'], kind: 'government_body', variants: ['{demonym} Interior Ministry'], example: 'The interior ministry said the border was closed.' },
  { name: 'Ministry of Information of {country}', words: ['information ministry', 'ministry of information'], kind: 'government_body', variants: ['{demonym} Information Ministry'], example: 'The information ministry said the town was retaken.' },
  { name: 'United States Department of State', words: ['state department', 'department of state'], kind: 'government_body', countryCode: 'US', variants: ['U.S. State Department', 'State Department'], example: 'The U.S. State Department called for calm.' },
  { name: 'Pentagon', words: ['pentagon'], kind: 'government_body', countryCode: 'US', variants: ['United States Department of Defense'], example: 'The Pentagon said it was watching closely.' },
  { name: 'White House', words: ['white house'], kind: 'government_body', countryCode: 'US', variants: [], example: 'The White House urged restraint.' },
  { name: 'Kremlin', words: ['kremlin'], kind: 'government_body', countryCode: 'RU', variants: [], example: 'The Kremlin called for calm.' },
  { name: 'Foreign, Commonwealth and Development Office', words: ['foreign, commonwealth and development office', 'fcdo'], kind: 'government_body', countryCode: 'GB', variants: ['Foreign Office'], example: 'The FCDO said it was alarmed.' },
  { name: 'Armed Forces of {country}', words: ['armed forces', 'army', 'military', 'forces', 'troops', 'soldiers', 'tanks', 'artillery', 'air force', 'positions', 'shelling', 'strikes', 'air strikes', 'airstrikes', 'drones', 'warplanes', 'jets', 'aircraft'], kind: 'armed_group', variants: ['{demonym} forces', '{demonym} Armed Forces', '{demonym} army', '{demonym} military', 'Armed Forces of {country}', '{country} Armed Forces', '{country} Defense Forces', '{demonym} Defence Forces'], example: 'Azerbaijan accused Armenian forces of violating a ceasefire.' },
  { name: 'Government of {country}', words: ['government', 'authorities', 'cabinet'], kind: 'state', variants: ['{country}'], example: 'The Sudanese government said talks would resume.' },
];

/** International organisations a wire story names by acronym; the directory's own names and aliases come first. */
export const ORGANISATION_RULES: Array<{ name: string; words: string[]; example: string }> = [
  { name: 'United Nations', words: ['United Nations', 'UN', 'U.N.'], example: 'The UN urged calm.' },
  { name: 'European Union', words: ['European Union', 'EU'], example: 'The EU urged calm.' },
  { name: 'African Union', words: ['African Union', 'AU'], example: 'The African Union urged calm.' },
  { name: 'NATO', words: ['NATO', 'North Atlantic Treaty Organization'], example: 'NATO urged calm.' },
  { name: 'Organization for Security and Co-operation in Europe', words: ['OSCE', 'Organization for Security and Cooperation in Europe'], example: 'The OSCE urged calm.' },
  { name: 'Arab League', words: ['Arab League', 'League of Arab States'], example: 'The Arab League urged calm.' },
  { name: 'Intergovernmental Authority on Development', words: ['IGAD', 'Intergovernmental Authority on Development'], example: 'IGAD urged calm.' },
  { name: 'East African Community', words: ['East African Community', 'EAC'], example: 'The East African Community urged calm.' },
  { name: 'Southern African Development Community', words: ['SADC', 'Southern African Development Community'], example: 'SADC urged calm.' },
  { name: 'International Committee of the Red Cross', words: ['ICRC', 'International Committee of the Red Cross', 'Red Cross'], example: 'The ICRC urged calm.' },
  { name: 'UN Security Council', words: ['UN Security Council', 'U.N. Security Council', 'Security Council'], example: 'The UN Security Council urged calm.' },
  { name: 'UN Refugee Agency', words: ['UNHCR', 'UN refugee agency', 'U.N. refugee agency'], example: 'The UN refugee agency urged calm.' },
  { name: 'World Food Programme', words: ['WFP', 'World Food Programme', 'World Food Program'], example: 'The World Food Programme urged calm.' },
  { name: 'UNICEF', words: ['UNICEF'], example: 'UNICEF urged calm.' },
  { name: 'International Organization for Migration', words: ['IOM', 'International Organization for Migration', 'UN migration agency', 'U.N. migration agency'], example: 'The U.N. migration agency urged calm.' },
  { name: 'UN Office for the Coordination of Humanitarian Affairs', words: ['OCHA', 'UN humanitarian office', 'U.N. humanitarian office', 'UN Office for the Coordination of Humanitarian Affairs'], example: 'The U.N. humanitarian office urged calm.' },
  { name: 'World Health Organization', words: ['WHO', 'World Health Organization'], example: 'The WHO urged calm.' },
  { name: 'Organisation of Islamic Cooperation', words: ['OIC', 'Organisation of Islamic Cooperation', 'Organization of Islamic Cooperation'], example: 'The OIC urged calm.' },
  { name: 'ECOWAS', words: ['ECOWAS'], example: 'ECOWAS urged calm.' },
];

/** Words that mean "the same as before" in an attribution: the follow-on sentence continues that statement. */
export const CONTINUATION = /\b(?:the statement|the communiqu[ée]|the ministry|the department|it|he|she|they) (?:also )?(?:said|added|says|stated)\b|\b(?:the statement|it) (?:also )?(?:said|added)\b/i;
