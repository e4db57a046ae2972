import { CREDIT_CODE_ALPHABET, creditCodeCheckCharacter } from '../domain/identifiers/credit-code.js';
import { calendarDateInChina, idNumberCheckCharacter } from '../domain/identifiers/id-number.js';
import { DIVISIONS, divisionInSameCity, homeAddress, officeAddress } from './divisions.js';
import { ethnicityFor, organisationProfile, personName } from './names.js';
import type { OrganisationKind } from './names.js';
import { createPrng, weightedPicker } from './prng.js';
import type { Prng, Weighted } from './prng.js';

/** A synthetic natural person, shaped like a population-directory row. */
export interface SeedPerson {
  idNumber: string;
  name: string;
  gender: 'MALE' | 'FEMALE';
  /** `YYYY-MM-DD`, the same date as positions 7–14 of `idNumber`. */
  birthDate: string;
  ethnicity: string;
  nationality: 'CHN';
  householdAddress: string;
  residenceAddress: string;
  phone: string;
  maritalStatus: 'UNMARRIED' | 'MARRIED' | 'DIVORCED' | 'WIDOWED';
  lifeStatus: 'ALIVE' | 'DECEASED';
}

/** A synthetic legal entity, shaped like a legal-entity-directory row. */
export interface SeedEntity {
  creditCode: string;
  name: string;
  /** Position 1 of `creditCode`. */
  registrationAuthority: string;
  /** Position 2 of `creditCode`. */
  organisationType: string;
  /** ID number supplied by the caller's `representatives` function. */
  legalRepresentative: string;
  /** Yuan, as a decimal string with 2 places. */
  registeredCapital: string;
  capitalCurrency: 'CNY';
  /** `YYYY-MM-DD`. */
  establishedOn: string;
  address: string;
  businessScope: string;
  status: 'ACTIVE' | 'REVOKED' | 'CANCELLED';
  /** Positions 3–8 of `creditCode`: the county where it is registered and located. */
  divisionCode: string;
}

/** A whole synthetic data set. */
export interface SeedDataset {
  persons: SeedPerson[];
  entities: SeedEntity[];
}

/** Options shared by the generators. */
export interface GenerateOptions {
  /** The instant "today" is judged at (China calendar date); defaults to now. Fix it for reproducible output. */
  today?: Date;
}

const DAY_MS = 86_400_000;
const FIRST_BIRTH_DAY = Date.UTC(1930, 0, 1) / DAY_MS;
const YEAR_DAYS = 365.2425;
/** Persons and entities draw from separate streams of the same seed. */
const PERSON_STREAM = 1;
const ENTITY_STREAM = 2;

/** Age groups (years) and their share of the population, after the 2020 census (10 000s). */
const AGE_GROUPS: readonly Weighted<readonly [number, number]>[] = [
  [[0, 5], 7788], [[5, 10], 9024], [[10, 15], 8526], [[15, 20], 7268], [[20, 25], 7494], [[25, 30], 9185],
  [[30, 35], 12415], [[35, 40], 9901], [[40, 45], 9296], [[45, 50], 11422], [[50, 55], 12116], [[55, 60], 10140],
  [[60, 65], 7338], [[65, 70], 7401], [[70, 75], 4959], [[75, 80], 3124], [[80, 85], 2038], [[85, 90], 1083], [[90, 100], 358],
];
const pickAgeGroup = weightedPicker(AGE_GROUPS);

/** Mainland mobile number prefixes (1[3-9]x) in use by the three carriers. */
const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '134', '135', '136', '137', '138', '139', '145', '147', '150', '151', '152', '153',
  '155', '156', '157', '158', '159', '166', '172', '173', '175', '176', '177', '178', '180', '181', '182', '183',
  '184', '185', '186', '187', '188', '189', '191', '193', '195', '196', '198', '199',
] as const;

/** Sequence groups per (division, birth date): sequences 001–998 pair up as 2g+1 (male) and 2g+2 (female). */
const SEQUENCE_GROUPS = 499; // prime, so any stride below it visits every group
const SEQUENCE_STRIDE = 211;
/** Each (division, date, gender) slot holds at most this many persons before spilling to the next day. */
const SLOT_CAPACITY = 255;

/**
 * Streams `count` synthetic persons. The same `seed` and `today` always give
 * the same persons, in the same order.
 *
 * ID numbers are valid and unique: each person takes the next free sequence
 * of their (division, birth date, gender) slot, so no two can collide, for
 * any `count` up to the capacity of 169 divisions × ~35 000 dates × 2 × 255.
 * The generator keeps one byte per slot (about 12 MB) for this.
 *
 * @example
 * for (const person of generatePersons(42, 1_000_000, { today: new Date('2025-01-01') })) insert(person);
 */
export function* generatePersons(seed: number, count: number, options: GenerateOptions = {}): Generator<SeedPerson> {
  assertCount(count);
  const random = createPrng(seed, PERSON_STREAM);
  const salt = random.uint32();
  const today = calendarDateInChina(options.today ?? new Date());
  const todayDay = Date.parse(`${today}T00:00:00Z`) / DAY_MS;
  const lastDay = todayDay - 1;
  const dayCount = lastDay - FIRST_BIRTH_DAY + 1;
  if (dayCount < 1) throw new RangeError(`today (${today}) must be after 1930-01-01`);
  const isoDates: string[] = [];
  for (let day = FIRST_BIRTH_DAY; day <= lastDay; day += 1) isoDates.push(new Date(day * DAY_MS).toISOString().slice(0, 10));
  const slots = new Uint8Array(DIVISIONS.length * dayCount * 2);
  const todayYear = Number(today.slice(0, 4));
  const todayMonthDay = today.slice(5);

  for (let i = 0; i < count; i += 1) {
    const gender = random.chance(0.512) ? 'MALE' : 'FEMALE';
    const divisionIndex = random.int(0, DIVISIONS.length - 1);
    const division = DIVISIONS[divisionIndex] as (typeof DIVISIONS)[number];
    const [youngest, oldest] = pickAgeGroup(random);
    // Age in days: at least 1 (born yesterday at the latest), and not before 1930.
    const minAge = Math.max(1, Math.floor(youngest * YEAR_DAYS));
    const maxAge = Math.min(todayDay - FIRST_BIRTH_DAY, Math.floor(oldest * YEAR_DAYS) - 1);
    let dayIndex = minAge <= maxAge ? todayDay - random.int(minAge, maxAge) - FIRST_BIRTH_DAY : random.int(0, dayCount - 1);

    // Take the next free sequence of the slot; a full slot spills to the next day.
    let slot = (divisionIndex * dayCount + dayIndex) * 2 + (gender === 'MALE' ? 0 : 1);
    while ((slots[slot] ?? 0) >= SLOT_CAPACITY) {
      dayIndex = (dayIndex + 1) % dayCount;
      slot = (divisionIndex * dayCount + dayIndex) * 2 + (gender === 'MALE' ? 0 : 1);
    }
    const taken = slots[slot] ?? 0;
    slots[slot] = taken + 1;
    const group = ((hash32(slot ^ salt) % SEQUENCE_GROUPS) + taken * SEQUENCE_STRIDE) % SEQUENCE_GROUPS;
    const sequence = String(2 * group + (gender === 'MALE' ? 1 : 2)).padStart(3, '0');

    const birthDate = isoDates[dayIndex] as string;
    const first17 = `${division.code}${birthDate.slice(0, 4)}${birthDate.slice(5, 7)}${birthDate.slice(8, 10)}${sequence}`;
    const birthYear = Number(birthDate.slice(0, 4));
    const age = todayYear - birthYear - (todayMonthDay < birthDate.slice(5) ? 1 : 0);
    const ethnicity = ethnicityFor(random, division.code);
    const householdAddress = homeAddress(random, division);
    const roll = random.next();
    const residenceAddress =
      roll < 0.6 ? householdAddress
        : roll < 0.85 ? homeAddress(random, divisionInSameCity(random, division))
          : homeAddress(random, random.pick(DIVISIONS));

    yield {
      idNumber: first17 + idNumberCheckCharacter(first17),
      name: personName(random, gender, birthYear, ethnicity),
      gender,
      birthDate,
      ethnicity,
      nationality: 'CHN',
      householdAddress,
      residenceAddress,
      phone: `${random.pick(MOBILE_PREFIXES)}${String(random.int(0, 99_999_999)).padStart(8, '0')}`,
      maritalStatus: maritalStatus(random, age, gender),
      lifeStatus: random.chance(deathRate(age)) ? 'DECEASED' : 'ALIVE',
    };
  }
}

/** Marital status, consistent with age: nobody under 20 (women) or 22 (men, the legal minimum) has married. */
function maritalStatus(random: Prng, age: number, gender: 'MALE' | 'FEMALE'): SeedPerson['maritalStatus'] {
  if (age < (gender === 'MALE' ? 22 : 20)) return 'UNMARRIED';
  // [married, divorced, widowed] shares by age band; the rest have never married.
  const [married, divorced, widowed] =
    age < 22 ? [0.05, 0, 0]
      : age < 25 ? [0.2, 0.005, 0]
        : age < 30 ? [0.5, 0.02, 0.001]
          : age < 35 ? [0.78, 0.04, 0.002]
            : age < 50 ? [0.88, 0.05, 0.005]
              : age < 65 ? [0.86, 0.04, 0.05]
                : age < 80 ? [0.72, 0.02, 0.23]
                  : [0.45, 0.01, 0.52];
  const roll = random.next();
  if (roll < married) return 'MARRIED';
  if (roll < married + divorced) return 'DIVORCED';
  if (roll < married + divorced + widowed) return 'WIDOWED';
  return 'UNMARRIED';
}

/** Share of a registry's persons of this age that are recorded deceased (about 1% overall, mostly the old). */
function deathRate(age: number): number {
  return age < 40 ? 0.0015 : age < 60 ? 0.005 : age < 70 ? 0.015 : age < 80 ? 0.045 : age < 90 ? 0.13 : 0.3;
}

/** Credit-code authority and type, and the prefix of new-style (post-2015) organisation identifiers, per kind. */
const KINDS: Readonly<Record<OrganisationKind, { authority: string; type: string; prefix: string; since: string; skew: number }>> = {
  ENTERPRISE: { authority: '9', type: '1', prefix: 'MA', since: '1993-01-01', skew: 1.8 },
  SOCIAL_GROUP: { authority: '5', type: '1', prefix: 'MJ', since: '1990-01-01', skew: 1 },
  PRIVATE_NON_ENTERPRISE: { authority: '5', type: '2', prefix: 'MJ', since: '2000-01-01', skew: 1 },
  FOUNDATION: { authority: '5', type: '3', prefix: 'MJ', since: '1995-01-01', skew: 1 },
  PUBLIC_INSTITUTION: { authority: '1', type: '2', prefix: 'MB', since: '1950-01-01', skew: 0.8 },
};
const pickKind = weightedPicker<OrganisationKind>([
  ['ENTERPRISE', 88], ['PUBLIC_INSTITUTION', 5.5], ['SOCIAL_GROUP', 3], ['PRIVATE_NON_ENTERPRISE', 3], ['FOUNDATION', 0.5],
]);
/** Registered capital (or start-up funds), in units of 10 000 yuan. */
const CAPITAL: Readonly<Record<OrganisationKind, (random: Prng) => number>> = {
  ENTERPRISE: weightedPicker([[10, 3], [30, 5], [50, 10], [100, 20], [200, 10], [300, 8], [500, 15], [1000, 14], [2000, 6], [3000, 3], [5000, 4], [10000, 2]]),
  SOCIAL_GROUP: weightedPicker([[3, 30], [5, 25], [10, 25], [20, 10], [50, 10]]),
  PRIVATE_NON_ENTERPRISE: weightedPicker([[3, 20], [10, 30], [30, 20], [50, 15], [100, 10], [300, 5]]),
  FOUNDATION: weightedPicker([[200, 40], [400, 30], [800, 15], [2000, 10], [5000, 5]]),
  PUBLIC_INSTITUTION: weightedPicker([[10, 10], [50, 20], [100, 25], [500, 20], [1000, 15], [5000, 10]]),
};
/** Organisations registered since the USCC reform got new-style identifiers; older ones kept their numeric code. */
const NEW_STYLE_SINCE = '2015-10-01';
const ORG_NEW_SPACE = 31 ** 6;
const ORG_LEGACY_SPACE = 10 ** 8;

/**
 * Streams `count` synthetic legal entities: mostly enterprises (9 1), with
 * public institutions (1 2) and social organisations (5 1, 5 2, 5 3). The
 * same `seed` and `today` always give the same entities.
 *
 * Credit codes are valid and unique: the organisation identifier is a
 * bijection of the entity's index (plus its GB 11714 check character).
 * Names are unique too; the generator remembers the names it has used.
 *
 * @param representatives gives the legal representative of entity `i`: the
 *   ID number of an adult, alive person (see {@link generateDataset}).
 * @example
 * const entities = [...generateEntities(42, 1000, (i) => adults[i % adults.length])];
 */
export function* generateEntities(
  seed: number,
  count: number,
  representatives: (i: number) => string,
  options: GenerateOptions = {},
): Generator<SeedEntity> {
  assertCount(count);
  if (count > ORG_LEGACY_SPACE) throw new RangeError(`At most ${ORG_LEGACY_SPACE} entities can be generated`);
  const random = createPrng(seed, ENTITY_STREAM);
  const newStyle = affineBijection(random, ORG_NEW_SPACE);
  const legacy = affineBijection(random, ORG_LEGACY_SPACE);
  const today = calendarDateInChina(options.today ?? new Date());
  const lastDay = Date.parse(`${today}T00:00:00Z`) / DAY_MS - 1;
  const names = new Set<string>();

  for (let i = 0; i < count; i += 1) {
    const kind = pickKind(random);
    const { authority, type, prefix, since, skew } = KINDS[kind];
    const division = random.pick(DIVISIONS);
    const firstDay = Math.min(lastDay, Date.parse(`${since}T00:00:00Z`) / DAY_MS);
    // skew > 1 crowds dates towards today: most enterprises are young.
    const ageInDays = Math.floor((lastDay - firstDay) * random.next() ** skew);
    const establishedOn = new Date((lastDay - ageInDays) * DAY_MS).toISOString().slice(0, 10);

    const body = establishedOn >= NEW_STYLE_SINCE
      ? prefix + toCreditAlphabet(newStyle(i), 6)
      : String(legacy(i)).padStart(8, '0');
    const first17 = `${authority}${type}${division.code}${body}${organisationCodeCheck(body)}`;

    let profile = organisationProfile(random, kind, division);
    for (let attempt = 1; names.has(profile.name); attempt += 1) {
      // Past 40 attempts the name space of this kind and place is exhausted; number the name instead.
      profile = attempt > 40 ? { ...profile, name: `${profile.name}（${i + 1}）` } : organisationProfile(random, kind, division, attempt);
    }
    names.add(profile.name);

    yield {
      creditCode: first17 + creditCodeCheckCharacter(first17),
      name: profile.name,
      registrationAuthority: authority,
      organisationType: type,
      legalRepresentative: representatives(i),
      registeredCapital: `${CAPITAL[kind](random) * 10_000}.00`,
      capitalCurrency: 'CNY',
      establishedOn,
      address: officeAddress(random, division),
      businessScope: profile.businessScope,
      status: entityStatus(random, kind, ageInDays + 1),
      divisionCode: division.code,
    };
  }
}

/**
 * Generates persons and entities together, choosing each entity's legal
 * representative among the generated adults (18 or older) who are alive.
 * Holds everything in memory: for large volumes use the two streaming
 * generators instead.
 *
 * @example
 * const { persons, entities } = generateDataset(42, { persons: 1000, entities: 100, today: new Date('2025-01-01') });
 */
export function generateDataset(seed: number, sizes: { persons: number; entities: number } & GenerateOptions): SeedDataset {
  const options: GenerateOptions = sizes.today ? { today: sizes.today } : {};
  const persons = [...generatePersons(seed, sizes.persons, options)];
  const adultBefore = adultCutoff(calendarDateInChina(sizes.today ?? new Date()));
  const eligible = persons.filter((p) => p.lifeStatus === 'ALIVE' && p.birthDate <= adultBefore).map((p) => p.idNumber);
  if (sizes.entities > 0 && eligible.length === 0) throw new RangeError('No adult, alive person to be a legal representative');
  const pickRepresentative = createPrng(seed, ENTITY_STREAM + 1);
  const entities = [...generateEntities(seed, sizes.entities, () => pickRepresentative.pick(eligible), options)];
  return { persons, entities };
}

/** The latest birth date of someone who is 18 on `today` (`YYYY-MM-DD`). */
function adultCutoff(today: string): string {
  const year = Number(today.slice(0, 4)) - 18;
  // Someone born on 29 February turns 18 on 1 March in a common year; "02-29" sorts before "03-01" either way.
  return `${String(year).padStart(4, '0')}${today.slice(4)}`;
}

/** Mostly ACTIVE; an organisation less than a year old is always ACTIVE. */
function entityStatus(random: Prng, kind: OrganisationKind, ageInDays: number): SeedEntity['status'] {
  const roll = random.next();
  if (ageInDays < 365) return 'ACTIVE';
  if (kind === 'ENTERPRISE') return roll < 0.87 ? 'ACTIVE' : roll < 0.95 ? 'CANCELLED' : 'REVOKED';
  return roll < 0.97 ? 'ACTIVE' : 'CANCELLED';
}

/** GB 11714 check character of an 8-character organisation code body (digits and A–Z worth 10–35). */
function organisationCodeCheck(body: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += Number.parseInt(body.charAt(i), 36) * (weights[i] ?? 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/** `value` written in `width` characters of the credit-code alphabet (base 31). */
function toCreditAlphabet(value: number, width: number): string {
  let text = '';
  let rest = value;
  for (let i = 0; i < width; i += 1) {
    text = CREDIT_CODE_ALPHABET.charAt(rest % 31) + text;
    rest = Math.floor(rest / 31);
  }
  return text;
}

/** A seeded bijection of [0, size): x ↦ (a·x + b) mod size with a coprime to size. */
function affineBijection(random: Prng, size: number): (x: number) => number {
  let a = 1 + (random.uint32() % (size - 1));
  while (gcd(a, size) !== 1) a += 1;
  const b = random.uint32() % size;
  // a·x can exceed 2^53: multiply in 16-bit halves to stay exact.
  return (x) => ((((a * Math.floor(x / 65536)) % size) * 65536 + a * (x % 65536) + b) % size);
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** A 32-bit integer hash (Murmur3 finaliser). */
function hash32(value: number): number {
  let h = value | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function assertCount(count: number): void {
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, not ${count}`);
}
