// Deterministic, realistic-looking customers for the demo tenants: people with names, emails,
// phones and consent in their market's languages, the companies some of them work for,
// purchase histories drawn from the BG/NBD and Gamma–Gamma models with CDNOW's published
// estimates (so the value models recover something sensible), and two years of monthly
// email campaigns with opens, clicks, bounces and unsubscribes.
import { seededRandom, simulatePurchaseHistories } from '@socialcrm/domain';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
const HISTORY_DAYS = 730;

/** A market: where the people live, what they are called, how their phones look. */
interface Market {
  readonly country: string;
  readonly language: string;
  readonly cities: readonly string[];
  readonly firstNames: readonly string[];
  readonly lastNames: readonly string[];
  /** A valid mobile number's national digits after the country code, from a serial. */
  readonly phone: (serial: number) => string;
}

const pad = (serial: number, digits: number) => String(serial % 10 ** digits).padStart(digits, '0');

const MARKETS: Record<string, Market> = {
  es: {
    country: 'ES',
    language: 'es',
    cities: ['Madrid', 'Barcelona', 'Valencia', 'Sevilla', 'Bilbao', 'Málaga'],
    firstNames: [
      'Lucía',
      'Javier',
      'Marta',
      'Pablo',
      'Carmen',
      'Álvaro',
      'Elena',
      'Sergio',
      'Nuria',
      'Diego',
      'Irene',
      'Raúl',
    ],
    lastNames: [
      'García',
      'Martínez',
      'López',
      'Sánchez',
      'Pérez',
      'Gómez',
      'Fernández',
      'Ruiz',
      'Díaz',
      'Moreno',
      'Muñoz',
      'Jiménez',
    ],
    phone: (serial) => `+346${pad(serial * 7919, 8)}`,
  },
  ru: {
    country: 'RU',
    language: 'ru',
    cities: ['Москва', 'Санкт-Петербург', 'Казань', 'Новосибирск', 'Екатеринбург'],
    firstNames: [
      'Анна',
      'Дмитрий',
      'Ольга',
      'Сергей',
      'Мария',
      'Алексей',
      'Екатерина',
      'Иван',
      'Наталья',
      'Павел',
    ],
    lastNames: [
      'Иванова',
      'Смирнов',
      'Кузнецова',
      'Попов',
      'Васильева',
      'Петров',
      'Соколова',
      'Михайлов',
      'Новикова',
      'Фёдоров',
    ],
    phone: (serial) => `+79${pad(serial * 7919, 9)}`,
  },
  pt: {
    country: 'PT',
    language: 'pt',
    cities: ['Lisboa', 'Porto', 'Braga', 'Coimbra', 'Faro'],
    firstNames: ['João', 'Beatriz', 'Tiago', 'Inês', 'Rui', 'Mariana', 'Miguel', 'Sofia'],
    lastNames: [
      'Silva',
      'Santos',
      'Ferreira',
      'Pereira',
      'Oliveira',
      'Costa',
      'Rodrigues',
      'Martins',
    ],
    phone: (serial) => `+35191${pad(serial * 7919, 7)}`,
  },
  en: {
    country: 'GB',
    language: 'en',
    cities: ['London', 'Manchester', 'Bristol', 'Leeds', 'Edinburgh'],
    firstNames: ['Olivia', 'James', 'Amelia', 'Harry', 'Isla', 'George', 'Ava', 'Noah'],
    lastNames: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Davies', 'Evans'],
    phone: (serial) => `+447400${pad(serial * 7919, 6)}`,
  },
};

const SOCIAL_CHANNELS = ['INSTAGRAM', 'X', 'FACEBOOK', 'TIKTOK', 'LINKEDIN'] as const;
const COMPANY_SIZES = ['1-10', '11-50', '51-200', '201-500', '501-1000'] as const;
const ROLES = ['Office manager', 'Buyer', 'CEO', 'Marketing lead', 'Assistant', 'Events'];

export interface DemoPopulationOptions {
  readonly seed: number;
  readonly contacts: number;
  readonly companies: number;
  /** Markets and their shares, e.g. { es: 0.7, en: 0.2, pt: 0.1 }. */
  readonly markets: Readonly<Record<string, number>>;
  /** The industries the tenant's business customers are in. */
  readonly industries: readonly string[];
  /** Company name patterns; `{n}` is a surname. */
  readonly companyNames: readonly string[];
  readonly currency: string;
  /** Scales the Gamma–Gamma spend (CDNOW's mean is about 35 per purchase). */
  readonly spendScale: number;
  readonly now: number;
}

export type GeneratedCompany = {
  readonly externalId: string;
  readonly name: string;
  readonly domain: string;
  readonly industry: string;
  readonly size: string;
};

export interface GeneratedContact {
  readonly externalId: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly phone: string;
  readonly language: string;
  readonly country: string;
  readonly city: string;
  readonly tags: readonly string[];
  readonly emailConsent: boolean;
  readonly identity: {
    readonly channel: string;
    readonly handle: string;
    readonly followers: number;
  };
  readonly company?: { readonly externalId: string; readonly role: string };
}

export type GeneratedOrder = {
  readonly externalId: string;
  readonly contactExternalId: string;
  readonly orderedAt: string;
  readonly amount: string;
  readonly currency: string;
  readonly itemCount: number;
};

export type GeneratedEngagement = {
  readonly externalId: string;
  readonly contactExternalId: string;
  readonly kind: 'SENT' | 'OPENED' | 'CLICKED' | 'BOUNCED' | 'UNSUBSCRIBED';
  readonly campaign: string;
  readonly url?: string;
  readonly occurredAt: string;
};

export interface DemoPopulation {
  readonly companies: GeneratedCompany[];
  readonly contacts: GeneratedContact[];
  readonly orders: GeneratedOrder[];
  readonly engagement: GeneratedEngagement[];
}

const ascii = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');

/** Cyrillic names get a Latin mailbox, as people's real addresses do. */
const TRANSLIT: Record<string, string> = Object.fromEntries(
  [...'абвгдеёжзийклмнопрстуфхцчшщъыьэюя'].map((letter, index) => [
    letter,
    'a,b,v,g,d,e,e,zh,z,i,y,k,l,m,n,o,p,r,s,t,u,f,kh,ts,ch,sh,sch,,y,,e,yu,ya'.split(',')[index] ??
      '',
  ]),
);
const mailbox = (text: string) =>
  ascii([...text.toLowerCase()].map((c) => TRANSLIT[c] ?? c).join(''));

/** The demo population of one tenant; the same options give the same people. */
export function generateDemoPopulation(options: DemoPopulationOptions): DemoPopulation {
  const random = seededRandom(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const marketEntries = Object.entries(options.markets);
  const marketOf = (): Market => {
    let draw = random();
    for (const [name, share] of marketEntries) {
      draw -= share;
      if (draw <= 0) return MARKETS[name] as Market;
    }
    return MARKETS[marketEntries[0]?.[0] ?? 'en'] as Market;
  };
  const prefix = `demo-${options.seed}`;

  const companies = Array.from({ length: options.companies }, (_, index): GeneratedCompany => {
    const name = pick(options.companyNames).replace('{n}', pick(MARKETS.es?.lastNames ?? []));
    return {
      externalId: `${prefix}-company-${index}`,
      name: `${name} ${index + 1}`,
      domain: `${ascii(name)}${index + 1}.example`,
      industry: pick(options.industries),
      size: pick(COMPANY_SIZES),
    };
  });

  const contacts = Array.from({ length: options.contacts }, (_, index): GeneratedContact => {
    const market = marketOf();
    const firstName = pick(market.firstNames);
    const lastName = pick(market.lastNames);
    const works = companies.length > 0 && random() < 0.25;
    return {
      externalId: `${prefix}-contact-${index}`,
      firstName,
      lastName,
      email: `${mailbox(firstName)}.${mailbox(lastName)}.${index}@example.com`,
      phone: market.phone(index + options.seed * 100_000),
      language: market.language,
      country: market.country,
      city: pick(market.cities),
      tags: random() < 0.2 ? [pick(['vip', 'newsletter', 'event', 'wholesale'])] : [],
      emailConsent: random() < 0.7,
      identity: {
        channel: pick(SOCIAL_CHANNELS),
        handle: `@${mailbox(firstName)}_${mailbox(lastName)}${index}`,
        followers: Math.round(50 * Math.exp(3 * random())),
      },
      ...(works && {
        company: { externalId: pick(companies).externalId, role: pick(ROLES) },
      }),
    };
  });

  const start = options.now - HISTORY_DAYS * DAY_MS;
  const histories = simulatePurchaseHistories({
    frequency: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
    spend: { p: 6.25, q: 3.74, gamma: 15.44 / options.spendScale },
    customers: contacts.length,
    start,
    end: options.now,
    unit: WEEK_MS,
    seed: options.seed * 31,
  });
  const orders = histories.flatMap(({ purchases }, customer) =>
    purchases.map(
      (purchase, index): GeneratedOrder => ({
        externalId: `${prefix}-order-${customer}-${index}`,
        contactExternalId: contacts[customer]?.externalId ?? '',
        orderedAt: new Date(Math.round(purchase.at)).toISOString(),
        amount: purchase.value.toFixed(2),
        currency: options.currency,
        itemCount: 1 + Math.floor(random() * 4),
      }),
    ),
  );

  const engagement: GeneratedEngagement[] = [];
  const subscribers = contacts.filter((contact) => contact.emailConsent);
  const unsubscribed = new Set<string>();
  for (let month = 0; month < 24; month++) {
    const campaign = `${prefix}-newsletter-${month + 1}`;
    const sentAt = start + month * 30 * DAY_MS + 10 * 3_600_000;
    for (const contact of subscribers) {
      if (unsubscribed.has(contact.externalId) || random() > 0.5) continue;
      const event = (kind: GeneratedEngagement['kind'], afterMs: number, url?: string) =>
        engagement.push({
          externalId: `${campaign}-${contact.externalId}-${kind.toLowerCase()}`,
          contactExternalId: contact.externalId,
          kind,
          campaign,
          ...(url && { url }),
          occurredAt: new Date(sentAt + afterMs).toISOString(),
        });
      event('SENT', 0);
      if (random() < 0.02) {
        event('BOUNCED', 60_000);
        continue;
      }
      if (random() > 0.32) continue;
      const openedAfter = Math.round(random() * 2 * DAY_MS);
      event('OPENED', openedAfter);
      if (random() < 0.18) event('CLICKED', openedAfter + 30_000, 'https://example.com/offers');
      if (random() < 0.01) {
        event('UNSUBSCRIBED', openedAfter + 60_000);
        unsubscribed.add(contact.externalId);
      }
    }
  }
  return { companies, contacts, orders, engagement };
}
