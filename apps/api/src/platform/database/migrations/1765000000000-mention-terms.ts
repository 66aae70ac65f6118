import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The words of a post that say what it is about, for the dashboard's top terms: the default
 * parser's words, lower-cased, without the stopwords of Spanish, English, Portuguese and
 * Russian (PostgreSQL's own lists). A stopword of any of the four is dropped whatever the
 * post's language: posts mix them, and detection misses on short ones. No stemming, so the
 * words read as written.
 */
export class MentionTerms1765000000000 implements MigrationInterface {
  name = 'MentionTerms1765000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      -- ACCEPT = false: a word that is not a stopword goes on to the next dictionary.
      CREATE TEXT SEARCH DICTIONARY app.stopwords_es (TEMPLATE = pg_catalog.simple, STOPWORDS = spanish, ACCEPT = false);
      CREATE TEXT SEARCH DICTIONARY app.stopwords_en (TEMPLATE = pg_catalog.simple, STOPWORDS = english, ACCEPT = false);
      CREATE TEXT SEARCH DICTIONARY app.stopwords_pt (TEMPLATE = pg_catalog.simple, STOPWORDS = portuguese, ACCEPT = false);
      CREATE TEXT SEARCH DICTIONARY app.stopwords_ru (TEMPLATE = pg_catalog.simple, STOPWORDS = russian, ACCEPT = false);
      CREATE TEXT SEARCH CONFIGURATION app.mention_terms (PARSER = pg_catalog.default);
      -- Words and the parts of hyphenated words; links, e-mail addresses and bare numbers
      -- have no mapping, so they are left out.
      ALTER TEXT SEARCH CONFIGURATION app.mention_terms
        ADD MAPPING FOR asciiword, word, numword, hword_asciipart, hword_part, hword_numpart
        WITH app.stopwords_es, app.stopwords_en, app.stopwords_pt, app.stopwords_ru, pg_catalog.simple;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TEXT SEARCH CONFIGURATION app.mention_terms;
      DROP TEXT SEARCH DICTIONARY app.stopwords_es, app.stopwords_en, app.stopwords_pt, app.stopwords_ru;
    `);
  }
}
