// Deterministic, realistic-looking posts in English, Spanish, Portuguese and Russian: a share
// names one of the given brands (by name, hashtag or handle), the rest talk about other
// things; authors come from a pool with a long tail (a few prolific, most posting once or
// twice). The demo's history and the ingest benchmark are made of them.
import { seededRandom } from '@socialcrm/domain';

export type PostLanguage = 'en' | 'es' | 'pt' | 'ru';

/** How posts in each language refer to each brand: name, hashtag, handle… */
export type BrandReferences = Record<PostLanguage, readonly (readonly string[])[]>;

export interface GeneratedPost {
  channel: string;
  externalId: string;
  text: string;
  publishedAt: string;
  author: { handle: string; displayName?: string; followers: number };
  metrics?: { views?: number; likes?: number; shares?: number; replies?: number };
}

// {b} is a brand reference (or, in unmatched posts, an unrelated subject).
const TEMPLATES: Record<
  PostLanguage,
  { positive: string[]; negative: string[]; neutral: string[] }
> = {
  en: {
    positive: [
      'I really love {b}, best thing that happened to my mornings this week!',
      'Shout out to {b} for the amazing support today, they fixed everything in minutes 🙌',
      'Honestly {b} keeps getting better, great job team',
      'Just tried {b} for the first time and wow, totally worth it',
    ],
    negative: [
      'Worst experience ever with {b}, waited two hours and nobody answered 😡',
      'Never again {b}. Charged twice and the app keeps crashing',
      'So disappointed with {b} lately, the quality dropped a lot',
      '{b} lost my booking again, this is ridiculous',
    ],
    neutral: [
      'Does anyone know if {b} is open on Sunday?',
      'Reading the news about {b} and the new prices',
      'Meeting at the place next to {b} at 5pm',
      'Anyone compared {b} with the alternatives?',
    ],
  },
  es: {
    positive: [
      'Me encanta {b}, el mejor servicio que he tenido en años 😍',
      'Gracias {b} por resolver mi problema tan rápido, excelente atención',
      'Qué buena experiencia con {b} hoy, totalmente recomendado',
      'Increíble lo que ha mejorado {b}, felicidades al equipo',
    ],
    negative: [
      'Pésimo servicio de {b}, llevo tres días esperando una respuesta',
      'Nunca más {b}, me cobraron dos veces y nadie me ayuda 😤',
      'Qué decepción con {b}, cada vez peor',
      '{b} canceló mi pedido sin avisar, una vergüenza',
    ],
    neutral: [
      '¿Alguien sabe a qué hora abre {b} mañana?',
      'Leyendo sobre {b} y los nuevos precios de este año',
      'Quedamos al lado de {b} a las seis',
      '¿Alguien ha comparado {b} con la competencia?',
    ],
  },
  pt: {
    positive: [
      'Adorei {b}, melhor atendimento que já tive 😍',
      'Obrigado {b} por resolver tudo tão rápido, excelente',
      'Que experiência boa com {b} hoje, recomendo muito',
      'Impressionante como {b} melhorou, parabéns à equipe',
    ],
    negative: [
      'Péssimo atendimento da {b}, estou esperando há três dias',
      'Nunca mais {b}, cobraram duas vezes e ninguém ajuda 😡',
      'Que decepção com {b}, cada vez pior',
      '{b} cancelou meu pedido sem avisar, uma vergonha',
    ],
    neutral: [
      'Alguém sabe se {b} abre no domingo?',
      'Lendo as notícias sobre {b} e os novos preços',
      'Vamos nos encontrar perto da {b} às seis',
      'Alguém já comparou {b} com os concorrentes?',
    ],
  },
  ru: {
    positive: [
      'Обожаю {b}, лучший сервис за последние годы 😍',
      'Спасибо {b} за быструю помощь, всё решили за пять минут',
      'Отличный опыт с {b} сегодня, всем советую',
      'Как же {b} стал лучше, молодцы',
    ],
    negative: [
      'Ужасный сервис у {b}, жду ответа уже третий день',
      'Больше никогда {b}, списали деньги дважды 😡',
      'Очень разочарован {b}, качество всё хуже',
      '{b} отменил мой заказ без предупреждения, позор',
    ],
    neutral: [
      'Кто знает, работает ли {b} в воскресенье?',
      'Читаю новости про {b} и новые цены',
      'Встречаемся возле {b} в шесть',
      'Кто-нибудь сравнивал {b} с конкурентами?',
    ],
  },
};

const OTHER_SUBJECTS: Record<PostLanguage, string[]> = {
  en: ['the new bakery downtown', 'my phone', 'the airport', 'supernova documentary', 'the bus'],
  es: ['la panadería nueva', 'mi móvil', 'el aeropuerto', 'el metro', 'la oficina'],
  pt: ['a padaria nova', 'meu celular', 'o aeroporto', 'o metrô', 'o escritório'],
  ru: ['новая пекарня', 'мой телефон', 'аэропорт', 'метро', 'офис'],
};

const LANGUAGES = ['en', 'es', 'pt', 'ru'] as const;
const SENTIMENTS = ['positive', 'negative', 'neutral'] as const;
const CHANNELS = ['X', 'X', 'X', 'INSTAGRAM', 'FACEBOOK', 'TIKTOK', 'BLUESKY'];
const BASE_TIME = Date.UTC(2026, 10, 1);

const pick = <T>(random: () => number, values: readonly T[]): T =>
  values[Math.floor(random() * values.length)] as T;

/** `count` posts, the same for the same arguments; one published every `spacingMs` from `start`. */
export function generatePosts(
  count: number,
  options: {
    references: BrandReferences;
    seed?: number;
    matchedShare?: number;
    prefix?: string;
    start?: number;
    spacingMs?: number;
  },
): GeneratedPost[] {
  const random = seededRandom(options.seed ?? 20261123);
  const matchedShare = options.matchedShare ?? 0.45;
  const prefix = options.prefix ?? 'post';
  const start = options.start ?? BASE_TIME;
  const spacingMs = options.spacingMs ?? 997;
  // A pool of count / 4 authors; the square skews choice toward a prolific head.
  const authorPool = Math.max(1, Math.floor(count / 4));
  const posts: GeneratedPost[] = [];
  for (let i = 0; i < count; i++) {
    const language = pick(random, LANGUAGES);
    const sentiment = pick(random, SENTIMENTS);
    const matched = random() < matchedShare;
    const subject = matched
      ? pick(random, pick(random, options.references[language]))
      : pick(random, OTHER_SUBJECTS[language]);
    let text = pick(random, TEMPLATES[language][sentiment]).replace('{b}', subject);
    if (random() < 0.3) text += ` https://example.com/p/${i.toString(36)}`;
    if (random() < 0.25) text += ` #${language === 'ru' ? 'отзыв' : 'review'} #${i % 97}`;
    const authorIndex = Math.floor(random() ** 2 * authorPool);
    const post: GeneratedPost = {
      channel: pick(random, CHANNELS),
      externalId: `${prefix}-${i}`,
      text,
      publishedAt: new Date(start + i * spacingMs).toISOString(),
      author: {
        handle: `@${language}_user_${authorIndex}`,
        followers: (authorIndex * 7919) % 250_000,
      },
    };
    if (random() < 0.2) post.author.displayName = `User ${authorIndex}`;
    if (random() < 0.5) {
      post.metrics = {
        likes: Math.floor(random() * 500),
        shares: Math.floor(random() * 40),
        replies: Math.floor(random() * 30),
        ...(random() < 0.3 ? { views: Math.floor(random() * 20_000) } : {}),
      };
    }
    posts.push(post);
  }
  return posts;
}
