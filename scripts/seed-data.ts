// Realistic demo cases for Barnahus Desk, shared by `npm run seed` and `npm run bench:cases`.
//
// Every case goes through registerCase (electron/core/cases/intake.ts), the
// code the cases.create handler runs, so the search index, deadlines, tasks
// and timeline are exactly what the application itself writes. The later life
// of a case (status changes, the interview, closure, the anti-trafficking task)
// is written with the same SQL as the cases.changeStatus, cases.markInterviewDone
// and cases.resolveTask handlers, followed by refreshNextDue.
import os from 'node:os';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import {
  caseStatuses,
  type CaseStatus,
  type LegalOutcome,
  type PerpetratorRelationship,
  type Place,
  type ReferralSource,
  type Relationship,
  type TraffickingIndicator,
  type Urgency,
  type ViolenceType,
} from '../shared/cases/categories';
import { foldText } from '../shared/cases/names';
import { contract } from '../shared/contract';
import type { LinkFields, NewPerson } from '../shared/contract/case-records';
import type { Intake } from '../shared/contract/methods/cases';
import { appendAudit } from '../electron/core/audit';
import { refreshNextDue } from '../electron/core/cases/case-file';
import { registerCase } from '../electron/core/cases/intake';
import { recordEvent, type TimelineKind } from '../electron/core/cases/timeline';
import { iso } from '../electron/core/clock';
import {
  bulgarianSurname,
  bulgarianSurnames,
  cities,
  firstNames,
  institutions,
  needs,
  plainSurnames,
  romanise,
  schools,
  streets,
  titles,
  type Origin,
  type Sex,
} from './seed-names';
import { followUpPlanner, type FollowUpCounts, type PendingEvent } from './seed-followup';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const YEAR = 365.25 * DAY;

// ---------------------------------------------------------------- randomness

/** mulberry32 over a hashed seed: the same seed gives the same data. */
export class Random {
  private state: number;

  constructor(seed: string | number) {
    let h = 2166136261;
    for (const char of String(seed)) h = Math.imul(h ^ char.charCodeAt(0), 16777619);
    this.state = h >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = Math.imul(this.state ^ (this.state >>> 15), 1 | this.state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!;
  }

  weighted<T>(table: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of table) total += w;
    let r = this.next() * total;
    for (const [value, w] of table) {
      r -= w;
      if (r < 0) return value;
    }
    return table[table.length - 1]![0];
  }

  /** A positive duration around a median, with a long right tail (how long things take). */
  logNormal(median: number, spread: number): number {
    const u = 1 - this.next();
    const v = this.next();
    const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    return median * Math.exp(spread * normal);
  }

  digits(count: number): string {
    let out = '';
    for (let i = 0; i < count; i++) out += String(this.int(0, 9));
    return out;
  }
}

// ---------------------------------------------------------------- when

/**
 * Registration moments over the past `years`, oldest first: more referrals in
 * recent years (the centre becomes known), fewer at weekends, mostly office
 * hours (Eastern European time), some at night (police, emergencies).
 */
export function registrationTimes(rng: Random, count: number, now: Date, years: number): number[] {
  const end = now.getTime() - 10 * 60_000;
  const start = end - years * YEAR;
  const hours: [number, number][] = [
    [0, 0.4], [1, 0.3], [2, 0.2], [3, 0.2], [4, 0.2], [5, 0.3], [6, 0.8], [7, 3], [8, 8], [9, 12], [10, 13], [11, 12],
    [12, 10], [13, 11], [14, 11], [15, 9], [16, 7], [17, 4], [18, 3], [19, 2], [20, 2], [21, 1.2], [22, 0.9], [23, 0.6],
  ];
  const LOCAL = 2 * HOUR;
  const times: number[] = [];
  while (times.length < count) {
    const u = rng.next();
    const growth = 0.6 + 0.8 * u;
    const day = Math.floor((start + u * (end - start) + LOCAL) / DAY);
    const weekday = new Date(day * DAY).getUTCDay();
    const weekend = weekday === 0 || weekday === 6 ? 0.3 : 1;
    if (!rng.chance((growth * weekend) / 1.4)) continue;
    const t = day * DAY - LOCAL + rng.weighted(hours) * HOUR + rng.int(0, 3_599_999);
    if (t < start || t > end) continue;
    times.push(t);
  }
  return times.sort((a, b) => a - b);
}

// ---------------------------------------------------------------- who

interface Family {
  origin: Origin;
  /** A Bulgarian family written in Latin letters (a foreign agency's file, a passport). */
  latin: boolean;
  /** The family name: Romanian/English as is, Bulgarian in its masculine form. */
  surname: string;
  /** Which country's agencies hold the file. */
  jurisdiction: 'ro' | 'bg';
  city: string;
}

interface Known {
  caseId: number;
  childId: number;
  childSex: Sex;
  birthDate: string | null;
  registeredAt: number;
  family: Family;
  adults: { personId: number; relationship: Relationship; gender: string; name: string; phone: string }[];
}

type AdultPlan = { person: NewPerson | { personId: number }; link: LinkFields; name: string; phone: string };

function surnameFor(family: Family, sex: Sex, rng: Random, own = false): string {
  const base = own ? otherSurname(family.origin, rng) : family.surname;
  const name = family.origin === 'bg' ? bulgarianSurname(base, sex) : base;
  return family.latin ? romanise(name) : name;
}

function otherSurname(origin: Origin, rng: Random): string {
  return origin === 'bg' ? rng.pick(bulgarianSurnames) : rng.pick(plainSurnames[origin]);
}

function firstName(family: Family, sex: Sex, rng: Random): string {
  const name = rng.pick(firstNames[family.origin][sex]);
  return family.latin ? romanise(name) : name;
}

function dateOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function birthDate(rng: Random, at: number, minAge: number, maxAge: number): string {
  return dateOf(at - rng.between(minAge, maxAge + 0.999) * YEAR);
}

function phone(origin: Origin, jurisdiction: 'ro' | 'bg', rng: Random): string {
  if (origin === 'en') return `+44 7700 900${rng.digits(3)}`;
  if (origin === 'bg' || jurisdiction === 'bg') {
    return rng.chance(0.5) ? `+359 8${rng.pick(['7', '8', '9'])} ${rng.digits(3)} ${rng.digits(4)}` : `08${rng.pick(['7', '8', '9'])}${rng.digits(1)} ${rng.digits(3)} ${rng.digits(3)}`;
  }
  return rng.chance(0.7) ? `07${rng.int(2, 9)}${rng.digits(1)} ${rng.digits(3)} ${rng.digits(3)}` : `+40 7${rng.int(2, 9)}${rng.digits(1)} ${rng.digits(3)} ${rng.digits(3)}`;
}

function email(first: string, last: string, rng: Random): string {
  const local = `${foldText(first).replace(/ /g, '')}.${foldText(last).replace(/ /g, '')}`.replace(/^\.|\.$/g, '') || 'contact';
  return `${local}${rng.chance(0.5) ? rng.int(70, 99) : ''}@${rng.pick(['example.com', 'example.org', 'example.net'])}`;
}

function address(family: Family, rng: Random): string {
  if (family.jurisdiction === 'bg') {
    return `${family.city}, ${rng.pick(streets.bg)} № ${rng.int(1, 140)}, вх. ${rng.pick(['А', 'Б', 'В'])}, ап. ${rng.int(1, 60)}`;
  }
  const block = rng.chance(0.5) ? `, bl. ${rng.pick(['A', 'B', 'C', 'D'])}${rng.int(1, 12)}, ap. ${rng.int(1, 80)}` : '';
  return `${rng.pick(streets.ro)} nr. ${rng.int(1, 180)}${block}, ${family.city}`;
}

function languagesOf(family: Family, rng: Random, child: boolean): { languages: string[]; interpreter: string } {
  switch (family.origin) {
    case 'ro':
      if (rng.chance(0.06)) return { languages: ['Romani', 'Romanian'], interpreter: rng.chance(0.2) ? 'Romani' : '' };
      return { languages: ['Romanian'], interpreter: '' };
    case 'bg': {
      const languages = rng.chance(0.1) ? ['Bulgarian', 'Turkish'] : ['Bulgarian'];
      if (family.jurisdiction === 'ro' && rng.chance(child ? 0.4 : 0.6)) return { languages, interpreter: 'Bulgarian' };
      return { languages: family.jurisdiction === 'ro' ? [...languages, 'Romanian'] : languages, interpreter: '' };
    }
    case 'en':
      return rng.chance(child ? 0.4 : 0.15) ? { languages: ['English', 'Romanian'], interpreter: '' } : { languages: ['English'], interpreter: 'English' };
  }
}

function adultPerson(family: Family, rng: Random, sex: Sex, surname: string, born: string | null, contact: number): NewPerson {
  const first = firstName(family, sex, rng);
  const { languages, interpreter } = languagesOf(family, rng, false);
  return {
    firstName: first,
    lastName: surname,
    birthDate: born,
    gender: sex,
    languages,
    interpreterNeeded: interpreter !== '',
    interpreterLanguage: interpreter,
    phone: rng.chance(contact) ? phone(family.origin, family.jurisdiction, rng) : '',
    email: rng.chance(contact * 0.25) ? email(first, surname, rng) : '',
    address: rng.chance(contact * 0.5) ? address(family, rng) : '',
  };
}

// ---------------------------------------------------------------- what

const primaryTypes: [ViolenceType, number][] = [
  ['sexual', 34], ['physical', 28], ['psychological', 15], ['neglect', 12], ['witnessing_domestic', 6], ['cyber', 4], ['trafficking', 1],
];
const secondaryTypes: [ViolenceType, number][] = [['psychological', 40], ['physical', 20], ['witnessing_domestic', 20], ['neglect', 10], ['cyber', 5], ['sexual', 5]];

function placeFor(primary: ViolenceType, rng: Random): Place | null {
  if (rng.chance(0.05)) return null;
  switch (primary) {
    case 'cyber':
      return rng.chance(0.85) ? 'online' : 'school';
    case 'neglect':
    case 'witnessing_domestic':
      return rng.chance(0.92) ? 'home' : 'institution';
    case 'trafficking':
      return rng.weighted<Place>([['street', 4], ['acquaintances', 3], ['online', 2], ['other', 3]]);
    default:
      return rng.weighted<Place>([['home', 48], ['acquaintances', 14], ['school', 8], ['street', 8], ['online', 6], ['institution', 5], ['other', 5]]);
  }
}

function perpetratorFor(primary: ViolenceType, place: Place | null, rng: Random): PerpetratorRelationship | null {
  if (rng.chance(0.04)) return null;
  if (primary === 'neglect') return rng.weighted<PerpetratorRelationship>([['mother', 45], ['father', 25], ['step_parent', 4], ['relative', 8], ['residential_caretaker', 4], ['other', 4]]);
  if (primary === 'witnessing_domestic') return rng.weighted<PerpetratorRelationship>([['father', 60], ['step_parent', 15], ['relative', 10], ['mother', 8], ['other', 7]]);
  if (primary === 'trafficking') return rng.weighted<PerpetratorRelationship>([['stranger', 30], ['neighbour_acquaintance', 25], ['relative', 20], ['other', 15], ['unknown', 10]]);
  switch (place) {
    case 'institution':
      return rng.weighted<PerpetratorRelationship>([['residential_caretaker', 60], ['another_child', 30], ['other', 10]]);
    case 'school':
      return rng.weighted<PerpetratorRelationship>([['another_child', 50], ['teacher', 25], ['other', 15], ['unknown', 10]]);
    case 'online':
      return rng.weighted<PerpetratorRelationship>([['stranger', 40], ['unknown', 30], ['another_child', 15], ['neighbour_acquaintance', 15]]);
    case 'street':
      return rng.weighted<PerpetratorRelationship>([['stranger', 50], ['unknown', 20], ['neighbour_acquaintance', 15], ['another_child', 15]]);
    case 'home':
      return rng.weighted<PerpetratorRelationship>([['father', 32], ['step_parent', 12], ['relative', 18], ['mother', 12], ['neighbour_acquaintance', 12], ['other', 8], ['unknown', 6]]);
    default:
      return rng.weighted<PerpetratorRelationship>([['neighbour_acquaintance', 35], ['relative', 25], ['father', 12], ['stranger', 10], ['another_child', 10], ['unknown', 8]]);
  }
}

const sources: [ReferralSource, number][] = [
  ['police', 24], ['social_services', 14], ['school', 12], ['mother', 10], ['court_prosecutor', 8], ['health', 8], ['relative', 4],
  ['child_helpline', 4], ['ngo', 4], ['father', 3], ['neighbour', 2], ['child_self', 2], ['another_child', 1], ['friend', 1], ['stranger', 1], ['other', 2],
];

function indicatorsFor(types: readonly ViolenceType[], rng: Random): TraffickingIndicator[] {
  const pool: TraffickingIndicator[] = [
    'no_documents', 'controlled_by_others', 'works_or_begs', 'owes_debt', 'moved_often', 'older_partner', 'unexplained_money',
    'commercial_sexual_exploitation', 'goes_missing', 'not_in_school', 'lives_at_work', 'fears_authorities',
  ];
  const wanted = types.includes('trafficking') ? rng.int(2, 5) : rng.chance(0.011) ? rng.int(1, 3) : 0;
  const chosen = new Set<TraffickingIndicator>();
  if (wanted > 0 && types.includes('sexual')) chosen.add(rng.pick(['older_partner', 'commercial_sexual_exploitation', 'unexplained_money'] as const));
  while (chosen.size < wanted) chosen.add(rng.pick(pool));
  return [...chosen];
}

const perpetratorWords: Record<PerpetratorRelationship, readonly string[]> = {
  father: ['{his} father'],
  mother: ['{his} mother'],
  step_parent: ['{his} stepfather', "{his} mother's partner", '{his} stepmother'],
  relative: ['an uncle', 'an older cousin', '{his} grandfather'],
  neighbour_acquaintance: ['a neighbour', 'a family friend', "a friend of {his} father's", 'the son of a neighbour'],
  another_child: ['an older pupil', 'a group of older boys', 'a boy from {his} class'],
  teacher: ['a teacher', 'a sports coach'],
  residential_caretaker: ['a member of staff at the placement centre', 'a night carer at the residential home'],
  stranger: ['a man {he} did not know', 'an unknown adult'],
  other: ['an adult {he} knows', 'a taxi driver who drives {him} to school'],
  unknown: ['someone {he} will not name'],
};

const confidants: Partial<Record<ReferralSource, string>> = {
  police: 'police officers',
  school: 'the school counsellor',
  mother: '{his} mother',
  father: '{his} father',
  relative: 'an aunt',
  health: 'the paediatrician',
  social_services: 'the social worker',
  child_helpline: 'the child helpline',
  ngo: 'an outreach worker',
  another_child: 'a friend, who told a teacher',
  friend: 'a family friend',
  court_prosecutor: 'the prosecutor',
};

const summaries: Record<ViolenceType, readonly string[]> = {
  sexual: [
    'Disclosed to {confidant} that {perp} touched {him} sexually, more than once, over the past months.',
    'Told {confidant} that {perp} made {him} watch pornographic videos and undress.',
    'Disclosed sexual abuse by {perp}; {he} is frightened of going home and sleeps badly.',
  ],
  physical: [
    'Bruises on {his} arms and back noticed by {confidant}; {he} said {perp} beats {him} with a belt.',
    'Came to school with a swollen eye; told {confidant} that {perp} hit {him} when drunk.',
    'Brought to the emergency room with a broken wrist; the explanation given does not fit the injury. {He} later named {perp}.',
  ],
  psychological: [
    '{He} says {perp} threatens, insults and humiliates {him} daily; has started to self-harm.',
    'Locked in a room for hours as punishment by {perp}; {confidant} reports withdrawal and weight loss.',
  ],
  neglect: [
    'Found alone at home repeatedly for days; {he} told {confidant} there is often no food.',
    'Misses school for weeks, untreated tooth infection, dirty clothes; {perp} is rarely at home.',
  ],
  cyber: [
    'Received sexual messages and threats from {perp} on a social network; intimate images of {him} were shared in a group.',
    'Blackmailed online by {perp} after sending a photo; asked for money and more images.',
  ],
  witnessing_domestic: [
    'Witnessed {perp} beating {his} mother; police were called to the home by neighbours.',
    'Lives with repeated violence between the adults at home; hid under the bed during the last incident.',
  ],
  trafficking: [
    'Found begging at the railway station with adults who keep {his} identity documents.',
    'Brought across the border by {perp}; made to work and not sent to school.',
  ],
};

function pronouns(text: string, sex: Sex): string {
  const words = sex === 'female' ? { he: 'she', him: 'her', his: 'her' } : { he: 'he', him: 'him', his: 'his' };
  return text
    .replace(/\{He\}/g, words.he.charAt(0).toUpperCase() + words.he.slice(1))
    .replace(/\{he\}/g, words.he)
    .replace(/\{him\}/g, words.him)
    .replace(/\{his\}/g, words.his);
}

function summary(types: readonly ViolenceType[], perpetrator: PerpetratorRelationship | null, source: ReferralSource, sex: Sex, rng: Random): string {
  const template = rng.pick(summaries[types[0]!]);
  const perp = rng.pick(perpetratorWords[perpetrator ?? 'unknown']);
  const confidant = confidants[source] ?? 'an adult {he} trusts';
  const text = template.replace('{perp}', perp).replace('{confidant}', confidant);
  const first = text.charAt(0).toUpperCase() + text.slice(1);
  return pronouns(first, sex);
}

// ---------------------------------------------------------------- agency file numbers

/** The county police inspectorate (IPJ) of each Romanian town. */
const counties: Record<string, string> = {
  Giurgiu: 'GR', Călărași: 'CL', Oltenița: 'CL', Alexandria: 'TR', Zimnicea: 'TR', 'Cluj-Napoca': 'CJ', Constanța: 'CT', Craiova: 'DJ', Iași: 'IS',
};

function fileNumbers(family: Family, source: ReferralSource, types: readonly ViolenceType[], at: number, rng: Random) {
  const year = new Date(at).getUTCFullYear();
  const d = new Date(at - rng.between(0, 3) * DAY);
  const day = `${String(d.getUTCDate()).padStart(2, '0')}.${String(d.getUTCMonth() + 1).padStart(2, '0')}.${d.getUTCFullYear()}`;
  const crime = types.some((t) => t === 'sexual' || t === 'physical' || t === 'trafficking');
  const police = source === 'police' ? rng.chance(0.95) : rng.chance(crime ? 0.4 : 0.15);
  const prosecutor = source === 'court_prosecutor' ? rng.chance(0.9) : police ? rng.chance(0.55) : rng.chance(0.05);
  const court = source === 'court_prosecutor' ? rng.chance(0.35) : prosecutor && rng.chance(0.04);
  const protection = source === 'social_services' ? rng.chance(0.95) : rng.chance(0.3);
  const ro = family.jurisdiction === 'ro';
  const county = family.city === 'București' ? 'DGPMB' : `IPJ ${counties[family.city] ?? 'GR'}`;
  return {
    policeFile: !police ? '' : ro ? `${county} ${rng.int(1000, 99999)}/${year}` : `ДП ${rng.int(10, 2999)} ЗМ-${rng.int(10, 999)}/${year}`,
    prosecutorFile: !prosecutor ? '' : ro ? `${rng.int(100, 9999)}/P/${year}` : `пр.пр. ${rng.int(100, 19999)}/${year}`,
    courtFile: !court ? '' : ro ? `${rng.int(100, 29999)}/${rng.pick(['122', '236', '3', '202'])}/${year}` : `НОХД ${rng.int(10, 2999)}/${year}`,
    childProtectionFile: !protection ? '' : ro ? `DGASPC ${rng.int(1000, 99999)}/${day}` : `ОЗД ${rng.int(10, 9999)}/${year}`,
  };
}

function referrer(source: ReferralSource, family: Family, adults: AdultPlan[], rng: Random): { referrerName: string; referrerContact: string } {
  const j = family.jurisdiction;
  const local: Family = { origin: j, latin: false, surname: otherSurname(j, rng), jurisdiction: j, city: family.city };
  const sex: Sex = rng.chance(0.6) ? 'female' : 'male';
  const someone = () => `${firstName(local, sex, rng)} ${surnameFor(local, sex, rng)}`;
  const at = (text: string) => text.replace('{city}', family.city);
  const tel = () => phone(j, j, rng);
  switch (source) {
    case 'police':
      return { referrerName: `${titles.police[j]} ${someone()}`, referrerContact: `${at(institutions.police[j])}, ${tel()}` };
    case 'school':
      return { referrerName: someone(), referrerContact: `${institutions.school[j]}, ${tel()}` };
    case 'health':
      return { referrerName: `${titles.doctor[j]} ${someone()}`, referrerContact: at(institutions.health[j]) };
    case 'social_services':
      return { referrerName: someone(), referrerContact: `${at(institutions.social[j])}, ${tel()}` };
    case 'court_prosecutor':
      return { referrerName: `${titles.prosecutor[j]} ${someone()}`, referrerContact: at(institutions.prosecutor[j]) };
    case 'child_helpline':
      return { referrerName: '', referrerContact: institutions.helpline[j] };
    case 'ngo':
      return { referrerName: someone(), referrerContact: `${institutions.ngo[j]}, ${tel()}` };
    case 'mother':
    case 'father':
    case 'relative': {
      const adult = adults.find((a) => a.link.relationship === (source === 'relative' ? 'grandparent' : source)) ?? adults[0];
      return { referrerName: adult?.name ?? '', referrerContact: adult?.phone ?? '' };
    }
    case 'child_self':
    case 'another_child':
      return { referrerName: '', referrerContact: '' };
    default:
      return rng.chance(0.4) ? { referrerName: '', referrerContact: 'anonymous' } : { referrerName: someone(), referrerContact: tel() };
  }
}

// ---------------------------------------------------------------- one referral

const households: [Relationship[], number][] = [
  [['mother'], 22], [['mother', 'father'], 30], [['mother', 'step_parent'], 8], [['father'], 5], [['grandparent'], 6],
  [['mother', 'grandparent'], 7], [['mother', 'father', 'grandparent'], 5], [['mother', 'father', 'sibling'], 3],
  [['foster_carer'], 4], [['foster_carer', 'mother'], 2], [['residential_carer'], 3], [['legal_guardian'], 2], [['mother', 'other_relative'], 3],
];

/** Link fields: who holds parental responsibility, who looks after the child, and who must not be told. */
function linkFor(relationship: Relationship, only: boolean, perpetrator: boolean, sex: Sex, rng: Random): LinkFields {
  const legal: Partial<Record<Relationship, number>> = { mother: 0.95, father: 0.85, legal_guardian: 1, grandparent: only ? 0.5 : 0.05, other_relative: only ? 0.4 : 0 };
  const carer: Partial<Record<Relationship, number>> = { mother: 0.9, father: 0.65, step_parent: 0.9, grandparent: 0.8, foster_carer: 1, residential_carer: 1, legal_guardian: 1, other_relative: 0.5, sibling: 0.2 };
  return {
    relationship,
    legalGuardian: rng.chance(legal[relationship] ?? 0),
    carer: !perpetrator && rng.chance(carer[relationship] ?? 0.3),
    mayBeInformed: !perpetrator,
    informNote: perpetrator ? pronouns(rng.pick(['Named by the child as the one who hurt {him}.', 'Alleged perpetrator: do not inform before the police have spoken to {him}.', 'Suspect in the criminal file; contact only through the police.']), sex) : '',
    allegedPerpetrator: perpetrator,
  };
}

/** Which adult of the household the allegation is about, if any. */
function suspectIn(relationship: Relationship, sex: Sex, perpetrator: PerpetratorRelationship | null): boolean {
  if (perpetrator === 'father') return relationship === 'father';
  if (perpetrator === 'mother') return relationship === 'mother';
  if (perpetrator === 'step_parent') return relationship === 'step_parent';
  if (perpetrator === 'relative') return relationship === 'other_relative' || (relationship === 'grandparent' && sex === 'male');
  if (perpetrator === 'residential_caretaker') return relationship === 'residential_carer';
  return false;
}

function newAdults(family: Family, household: Relationship[], childBirth: number, at: number, perpetrator: PerpetratorRelationship | null, rng: Random): AdultPlan[] {
  const local: Family = { ...family, origin: family.jurisdiction, latin: false };
  return household.map((relationship, i) => {
    let sex: Sex;
    let surname: string;
    let born: string;
    let who = family;
    switch (relationship) {
      case 'mother':
        sex = 'female';
        surname = surnameFor(family, sex, rng, rng.chance(0.3));
        born = birthDate(rng, childBirth, 18, 40);
        break;
      case 'father':
        sex = 'male';
        surname = surnameFor(family, sex, rng);
        born = birthDate(rng, childBirth, 20, 46);
        break;
      case 'step_parent':
      case 'other':
        sex = rng.chance(0.8) ? 'male' : 'female';
        surname = surnameFor(family, sex, rng, true);
        born = birthDate(rng, at, 24, 50);
        break;
      case 'grandparent':
        sex = rng.chance(0.75) ? 'female' : 'male';
        surname = surnameFor(family, sex, rng, rng.chance(0.5));
        born = birthDate(rng, childBirth, 40, 62);
        break;
      case 'sibling':
        sex = rng.chance(0.5) ? 'female' : 'male';
        surname = surnameFor(family, sex, rng);
        born = birthDate(rng, at, 18, 26);
        break;
      case 'other_relative':
      case 'legal_guardian':
        sex = rng.chance(0.7) ? 'female' : 'male';
        surname = surnameFor(family, sex, rng, rng.chance(0.5));
        born = birthDate(rng, at, 25, 60);
        break;
      case 'foster_carer':
      case 'residential_carer':
        who = local;
        sex = rng.chance(0.85) ? 'female' : 'male';
        surname = surnameFor(local, sex, rng, true);
        born = birthDate(rng, at, 26, 60);
        break;
    }
    const person = adultPerson(who, rng, sex, surname, rng.chance(0.85) ? born : null, i === 0 ? 0.85 : 0.45);
    const suspect = suspectIn(relationship, sex, perpetrator);
    return { person, link: linkFor(relationship, household.length === 1, suspect, sex, rng), name: `${person.firstName} ${person.lastName}`, phone: person.phone ?? '' };
  });
}

const childAges: [number, number][] = [
  [1, 1], [2, 2], [3, 3], [4, 4], [5, 5], [6, 6], [7, 7], [8, 7], [9, 7], [10, 7], [11, 8], [12, 9], [13, 10], [14, 11], [15, 10], [16, 8], [17, 5],
];

export interface Referral {
  intake: Intake;
  family: Family;
  childSex: Sex;
  birthDate: string | null;
  /** The person re-referred, or whose sibling this is. */
  previous: Known | null;
  sibling: boolean;
}

function newFamily(rng: Random): Family {
  const origin = rng.weighted<Origin>([['ro', 52], ['bg', 38], ['en', 10]]);
  const latin = origin === 'bg' && rng.chance(0.08);
  const jurisdiction = origin === 'bg' ? (rng.chance(0.6) ? 'bg' : 'ro') : 'ro';
  return { origin, latin, surname: otherSurname(origin, rng), jurisdiction, city: rng.pick(cities[jurisdiction]) };
}

/** A previous child of this run who could come back (or have a sibling referred): a few months on, still under 18. */
function earlierChild(known: readonly Known[], at: number, rng: Random): Known | null {
  for (let attempt = 0; attempt < 8 && known.length > 0; attempt++) {
    // Mostly the last two years: children come back while they are still in the system.
    const index = Math.max(0, known.length - 1 - Math.floor(rng.next() * Math.min(known.length, 20_000)));
    const candidate = known[index]!;
    const old = candidate.birthDate ? (at - Date.parse(candidate.birthDate)) / YEAR : 0;
    if (at - candidate.registeredAt > 60 * DAY && old < 17.5) return candidate;
  }
  return null;
}

export function makeReferral(rng: Random, at: number, known: readonly Known[]): Referral {
  const roll = rng.next();
  const previous = roll < 0.085 ? earlierChild(known, at, rng) : null;
  const again = previous !== null && roll < 0.055;
  const sibling = previous !== null && !again;
  const family = previous ? previous.family : newFamily(rng);

  const primary = rng.weighted(primaryTypes);
  const types = new Set<ViolenceType>([primary]);
  if (rng.chance(0.3)) types.add(rng.weighted(secondaryTypes));
  if (rng.chance(0.08)) types.add(rng.weighted(secondaryTypes));
  const violenceTypes = [...types];
  const place = placeFor(primary, rng);
  const perpetrator = perpetratorFor(primary, place, rng);
  let source = rng.weighted(sources);
  if ((source === 'mother' && perpetrator === 'mother') || (source === 'father' && perpetrator === 'father')) source = 'police';
  const urgency = rng.weighted<Urgency>(primary === 'sexual' || primary === 'trafficking' ? [['emergency', 12], ['urgent', 45], ['routine', 43]] : [['emergency', 6], ['urgent', 27], ['routine', 67]]);
  const trafficking = indicatorsFor(violenceTypes, rng);

  const childSex: Sex = again ? previous.childSex : rng.chance(primary === 'sexual' ? 0.75 : 0.52) ? 'female' : 'male';
  let birth: string | null;
  let childBirthMs: number;
  if (again) {
    birth = previous.birthDate;
    childBirthMs = birth ? Date.parse(birth) : at - 12 * YEAR;
  } else {
    const age = rng.weighted(childAges);
    childBirthMs = at - (age + rng.next()) * YEAR;
    birth = rng.chance(trafficking.length > 0 ? 0.7 : 0.97) ? dateOf(childBirthMs) : null;
  }

  let adults: AdultPlan[];
  if (previous) {
    adults = previous.adults
      .filter((a) => !sibling || a.relationship !== 'residential_carer')
      .map((a) => {
        const suspect = suspectIn(a.relationship, a.gender === 'female' ? 'female' : 'male', perpetrator);
        return { person: { personId: a.personId }, link: linkFor(a.relationship, previous.adults.length === 1, suspect, childSex, rng), name: a.name, phone: a.phone };
      });
  } else {
    let household: Relationship[] = [...rng.weighted(households)];
    if (source === 'mother' && !household.includes('mother')) household = (['mother', ...household] as Relationship[]).slice(0, 3);
    if (source === 'father' && !household.includes('father')) household = (['father', ...household] as Relationship[]).slice(0, 3);
    if (perpetrator === 'father' && !household.includes('father') && household.length < 3 && rng.chance(0.7)) household.push('father');
    if (perpetrator === 'step_parent' && !household.includes('step_parent') && household.length < 3 && rng.chance(0.8)) household.push('step_parent');
    if (place === 'institution' && rng.chance(0.6)) household = ['residential_carer'];
    adults = newAdults(family, household, childBirthMs, at, perpetrator, rng);
  }

  const { languages, interpreter } = languagesOf(family, rng, true);
  const ageNow = (at - childBirthMs) / YEAR;
  const school = ageNow >= 3 && rng.chance(0.6) ? rng.pick(schools[family.jurisdiction][ageNow < 6.5 ? 'young' : 'older']).replace('{n}', String(rng.int(1, 40))) : '';
  const child: Intake['child'] = again
    ? { personId: previous.childId }
    : {
        new: {
          firstName: firstName(family, childSex, rng),
          lastName: surnameFor(family, childSex, rng, family.origin !== 'bg' && rng.chance(0.06)),
          birthDate: birth,
          gender: childSex,
          languages,
          interpreterNeeded: interpreter !== '',
          interpreterLanguage: interpreter,
          needs: rng.chance(0.08) ? rng.pick(needs) : '',
          school,
          address: '',
          phone: ageNow >= 12 && rng.chance(0.3) ? phone(family.origin, family.jurisdiction, rng) : '',
          email: '',
        },
      };

  const received = at - (urgency === 'emergency' ? rng.between(0.1, 2) * HOUR : rng.chance(0.8) ? rng.between(0.1, 6) * HOUR : rng.between(6, 72) * HOUR);
  const intake: Intake = {
    fields: {
      receivedAt: new Date(received).toISOString(),
      source,
      urgency,
      ...referrer(source, family, adults, rng),
      reported: summary(violenceTypes, perpetrator, source, childSex, rng),
      violenceTypes,
      place,
      perpetrator,
      ...fileNumbers(family, source, violenceTypes, at, rng),
      trafficking,
    },
    child,
    people: adults.map(({ person, link }) => ({ person: 'personId' in person ? { personId: person.personId } : { new: person }, link })),
    restricted: rng.chance(0.004),
  };
  return { intake, family, childSex, birthDate: birth, previous, sibling };
}

// ---------------------------------------------------------------- what happened next

const rank = (status: CaseStatus) => caseStatuses.indexOf(status);

type Step =
  | { at: number; kind: 'status'; to: Exclude<CaseStatus, 'closed'> }
  | { at: number; kind: 'interview' }
  | { at: number; kind: 'close'; outcome: LegalOutcome; outcomeDate: number }
  | { at: number; kind: 'task'; resolution: 'done' | 'dismissed' };

/** The case's life after registration, as it would have happened up to `now`. */
function laterSteps(rng: Random, t0: number, now: number, trafficking: boolean): Step[] {
  const steps: Step[] = [];
  const s1 = t0 + rng.between(0.3, 10) * HOUR;
  const s2 = s1 + rng.logNormal(30 * HOUR, 0.6);
  const s3 = s2 + rng.logNormal(5 * DAY, 0.6);
  const s4 = s3 + rng.logNormal(2.5 * DAY, 0.6);
  const s5 = s4 + rng.between(1, 12) * DAY;
  const s6 = s5 + rng.logNormal(150 * DAY, 0.6);
  const plan: Step[] = [
    { at: s1, kind: 'status', to: 'initial_assessment' },
    { at: s2, kind: 'status', to: 'planning' },
    { at: s3, kind: 'status', to: 'interview' },
    { at: s4, kind: 'interview' },
    { at: s5, kind: 'status', to: 'follow_up' },
  ];
  // A few cases stall (the family moves away, the child stops coming); months later they are closed.
  const stallAt = rng.chance(0.03) ? rng.int(1, plan.length - 1) : plan.length;
  const earlyClose = stallAt === plan.length && rng.chance(0.04) ? rng.int(1, 2) : 0;
  for (const [i, step] of plan.entries()) {
    if (i >= stallAt || (earlyClose && i >= earlyClose)) break;
    steps.push(step);
  }
  if (earlyClose) {
    const at = plan[earlyClose - 1]!.at + rng.between(1, 20) * DAY;
    steps.push({ at, kind: 'close', outcome: rng.chance(0.7) ? 'no_prosecution' : 'dismissed_lack_of_evidence', outcomeDate: at - rng.between(0, 5) * DAY });
  } else if (stallAt < plan.length) {
    const at = plan[stallAt - 1]!.at + rng.between(60, 240) * DAY;
    steps.push({ at, kind: 'close', outcome: rng.chance(0.6) ? 'no_prosecution' : 'dismissed_lack_of_evidence', outcomeDate: at - rng.between(0, 30) * DAY });
  } else {
    const outcome = rng.weighted<LegalOutcome>([['no_prosecution', 30], ['dismissed_lack_of_evidence', 25], ['acquittal', 8], ['conviction_on_admission', 15], ['conviction', 22]]);
    steps.push({ at: s6, kind: 'close', outcome, outcomeDate: Math.max(s4, s6 - rng.between(0, 25) * DAY) });
  }
  if (trafficking) steps.push({ at: t0 + rng.logNormal(14 * HOUR, 0.7), kind: 'task', resolution: rng.chance(0.88) ? 'done' : 'dismissed' });
  return steps.filter((s) => s.at <= now).sort((a, b) => a.at - b.at);
}

/**
 * The SQL of cases.changeStatus / markInterviewDone / resolveTask (electron/core/handlers), minus the checks a seed
 * does not need. Timeline entries go to `events`, to be written in time order with the follow-up's.
 */
function applySteps(db: Database, caseId: number, steps: readonly Step[], userId: number, events: PendingEvent[]): void {
  let status: CaseStatus = 'referral';
  for (const step of steps) {
    const when = new Date(step.at);
    const now = iso(when);
    const record = (kind: TimelineKind, data: PendingEvent['data'] = {}) => events.push({ at: step.at, userId, kind, data });
    switch (step.kind) {
      case 'status':
        db.prepare(
          `UPDATE cases SET status = ?,
             assessment_done_at = CASE WHEN ? >= ? THEN coalesce(assessment_done_at, ?) ELSE assessment_done_at END,
             plan_done_at = CASE WHEN ? >= ? THEN coalesce(plan_done_at, ?) ELSE plan_done_at END
           WHERE id = ?`,
        ).run(step.to, rank(step.to), rank('planning'), now, rank(step.to), rank('interview'), now, caseId);
        record('status', { from: status, to: step.to, reason: '' });
        status = step.to;
        refreshNextDue(db, caseId);
        break;
      case 'interview':
        db.prepare('UPDATE cases SET interview_done_at = ? WHERE id = ? AND interview_done_at IS NULL').run(now, caseId);
        record('interview_done');
        refreshNextDue(db, caseId);
        break;
      case 'close': {
        const outcomeDate = dateOf(step.outcomeDate);
        db.prepare('UPDATE cases SET status = ?, closed_at = ?, legal_outcome = ?, outcome_date = ? WHERE id = ?').run('closed', now, step.outcome, outcomeDate, caseId);
        record('closed', { from: status, outcome: step.outcome, outcomeDate, reason: '' });
        status = 'closed';
        refreshNextDue(db, caseId);
        break;
      }
      case 'task': {
        const note = step.resolution === 'done' ? 'Referred to the national anti-trafficking mechanism by phone.' : 'Discussed with the anti-trafficking officer: no referral needed.';
        const { changes } = db
          .prepare(`UPDATE case_tasks SET state = ?, resolved_at = ?, resolved_by = ?, note = ? WHERE case_id = ? AND kind = 'anti_trafficking_referral' AND state = 'open'`)
          .run(step.resolution, now, userId, note, caseId);
        if (changes > 0) record('task_resolved', { task: 'anti_trafficking_referral', resolution: step.resolution });
        break;
      }
    }
    // touchCase: every change bumps the version and the time.
    db.prepare('UPDATE cases SET version = version + 1, updated_at = ? WHERE id = ?').run(now, caseId);
  }
}

// ---------------------------------------------------------------- the run

export interface SeedUser {
  id: number;
  /** Whether they hold the coordinator role (and so become the case coordinator, as in cases.create). */
  coordinator: boolean;
}

export interface SeedOptions {
  count: number;
  seed: string | number;
  now: Date;
  /** Who registers the cases, in turn. */
  users: readonly SeedUser[];
  /** Spread over this many years back from now (default 3). */
  years?: number;
  /** Medical exams, therapy, case review meetings and referrals after the interview (default true). */
  followUp?: boolean;
  batchSize?: number;
  onProgress?: (done: number, total: number, elapsedMs: number) => void;
}

export interface SeedResult {
  inserted: number;
  elapsedMs: number;
  years: number;
  from: string | null;
  to: string | null;
  statuses: Record<string, number>;
  reReferrals: number;
  siblings: number;
  trafficking: number;
  /** What the follow-up added, and what it could not for want of colleagues with the role; null without follow-up. */
  followUp: (FollowUpCounts & { missing: string[] }) | null;
}

export function seedCases(db: Database, options: SeedOptions): SeedResult {
  if (options.users.length === 0) throw new Error('seedCases needs at least one user to register the cases.');
  const started = performance.now();
  const rng = new Random(options.seed);
  const years = options.years ?? 3;
  const times = registrationTimes(rng, options.count, options.now, years);
  const batchSize = options.batchSize ?? 1000;
  const nowMs = options.now.getTime();
  const known: Known[] = [];
  const parse = contract['cases.create'].input;
  const childOf = db.prepare('SELECT child_id AS id FROM cases WHERE id = ?');
  const adultsOf = db.prepare(
    `SELECT l.person_id AS personId, l.relationship, p.gender, p.first_name || ' ' || p.last_name AS name, p.phone
       FROM case_people l JOIN persons p ON p.id = l.person_id WHERE l.case_id = ? ORDER BY l.added_at, l.person_id`,
  );
  const referenceOf = db.prepare('SELECT reference FROM cases WHERE id = ?');
  const statusOf = db.prepare('SELECT status FROM cases WHERE id = ?');
  const statuses: Record<string, number> = {};
  let reReferrals = 0;
  let siblings = 0;
  let trafficking = 0;
  let inserted = 0;
  // Its own generator: the same seed gives the same cases with or without follow-up.
  const planner =
    options.followUp === false
      ? null
      : db.transaction(() => followUpPlanner(db, { rng: new Random(`${options.seed}:follow-up`), now: options.now, seed: options.seed, casesPerDay: options.count / (years * 365.25) }))();

  const batch = db.transaction((from: number, to: number) => {
    let first = '';
    let last = '';
    for (let i = from; i < to; i++) {
      const at = times[i]!;
      const user = options.users[i % options.users.length]!;
      const referral = makeReferral(rng, at, known);
      const intake = parse.parse(referral.intake);
      const caseId = registerCase(db, intake, { userId: user.id, coordinates: user.coordinator, now: new Date(at), mayLink: () => true });
      const hasTask = intake.fields.trafficking !== undefined && intake.fields.trafficking.length > 0;
      const events: PendingEvent[] = [];
      applySteps(db, caseId, laterSteps(rng, at, nowMs, hasTask), user.id, events);
      planner?.add(caseId, events);
      // The timeline reads in insertion order: follow-up and status changes interleaved by time.
      for (const e of events.sort((a, b) => a.at - b.at)) recordEvent(db, caseId, e.userId, new Date(e.at), e.kind, e.data);

      const childId = (childOf.get(caseId) as { id: number }).id;
      const adults = adultsOf.all(caseId) as Known['adults'];
      known.push({ caseId, childId, childSex: referral.childSex, birthDate: referral.birthDate, registeredAt: at, family: referral.family, adults });
      if (referral.previous) {
        if (referral.sibling) siblings++;
        else reReferrals++;
      }
      if (hasTask) trafficking++;
      const status = (statusOf.get(caseId) as { status: string }).status;
      statuses[status] = (statuses[status] ?? 0) + 1;
      last = (referenceOf.get(caseId) as { reference: string }).reference;
      if (!first) first = last;
    }
    // The audit log records that demo data was written, and by what: never behind its back.
    appendAudit(db, {
      at: iso(new Date()),
      userId: null,
      username: null,
      workstation: `seed script on ${os.hostname()}`,
      transport: 'script',
      method: 'seed.cases',
      caseId: null,
      record: null,
      outcome: 'ok',
      detail: `demo data: ${to - from} cases ${first} … ${last}${planner ? ' with their follow-up' : ''} (seed ${options.seed})`,
    });
  });

  for (let from = 0; from < times.length; from += batchSize) {
    const to = Math.min(times.length, from + batchSize);
    batch.immediate(from, to);
    inserted = to;
    options.onProgress?.(inserted, times.length, performance.now() - started);
  }
  return {
    inserted,
    elapsedMs: performance.now() - started,
    years,
    from: times.length ? new Date(times[0]!).toISOString() : null,
    to: times.length ? new Date(times[times.length - 1]!).toISOString() : null,
    statuses,
    reReferrals,
    siblings,
    trafficking,
    followUp: planner ? { ...planner.counts, missing: planner.missing } : null,
  };
}

/** Who registers seeded cases: the enabled coordinators in turn; if there is none, the first administrator. */
export function seedUsers(db: Database): SeedUser[] {
  const coordinators = db
    .prepare(`SELECT u.id FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'coordinator' WHERE u.disabled_at IS NULL ORDER BY u.id`)
    .all() as { id: number }[];
  if (coordinators.length > 0) return coordinators.map(({ id }) => ({ id, coordinator: true }));
  const admin = db
    .prepare(`SELECT u.id FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'administrator' WHERE u.disabled_at IS NULL ORDER BY u.id LIMIT 1`)
    .get() as { id: number } | undefined;
  return admin ? [{ id: admin.id, coordinator: false }] : [];
}
