import type { MigrationInterface, QueryRunner } from 'typeorm';
import { RUNTIME_ROLE } from '../runtime-role.js';

/**
 * The contacts list: `contact.search_document` kept current by triggers on every table it
 * reads (contact, social_identity, contact_company, company), so importers, the ingest path
 * and merges need not remember it; keyset indexes for each sort; identities known only by an
 * external id; and users' saved contact views.
 */
export class ContactSearch1765200000000 implements MigrationInterface {
  name = 'ContactSearch1765200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      -- What a search finds a contact by: names, emails, phones, identity handles, company names.
      CREATE FUNCTION app.contact_search_text(
        p_tenant uuid, p_id uuid, p_display text, p_first text, p_last text, p_emails text[], p_phones text[]
      ) RETURNS text LANGUAGE sql STABLE AS $f$
        SELECT lower(concat_ws(' ', p_display, p_first, p_last, array_to_string(p_emails, ' '),
          array_to_string(p_phones, ' '),
          (SELECT string_agg(coalesce(i.handle, '') || ' ' || coalesce(i.display_name, ''), ' ')
             FROM social_identity i WHERE i.tenant_id = p_tenant AND i.contact_id = p_id),
          (SELECT string_agg(co.name, ' ') FROM contact_company cc
             JOIN company co ON co.tenant_id = cc.tenant_id AND co.id = cc.company_id
             WHERE cc.tenant_id = p_tenant AND cc.contact_id = p_id)))
      $f$;

      CREATE FUNCTION app.refresh_contact_search(p_tenant uuid, p_ids uuid[]) RETURNS void
      LANGUAGE sql AS $f$
        UPDATE contact c
           SET search_document = app.contact_search_text(c.tenant_id, c.id, c.display_name, c.first_name,
                                                         c.last_name, c.emails, c.phones)
         WHERE c.tenant_id = p_tenant AND c.id = ANY (p_ids)
      $f$;

      CREATE FUNCTION app.contact_search_own() RETURNS trigger LANGUAGE plpgsql AS $f$
      BEGIN
        NEW.search_document := app.contact_search_text(NEW.tenant_id, NEW.id, NEW.display_name,
          NEW.first_name, NEW.last_name, NEW.emails, NEW.phones);
        RETURN NEW;
      END $f$;
      CREATE TRIGGER contact_search_own BEFORE INSERT OR UPDATE OF display_name, first_name, last_name, emails, phones
        ON contact FOR EACH ROW EXECUTE FUNCTION app.contact_search_own();

      -- Statement triggers: a batch of identities or links refreshes each touched contact once.
      CREATE FUNCTION app.contact_search_inserted() RETURNS trigger LANGUAGE plpgsql AS $f$
      DECLARE touched record;
      BEGIN
        FOR touched IN SELECT tenant_id, array_agg(DISTINCT contact_id) AS ids FROM new_rows
                        WHERE contact_id IS NOT NULL GROUP BY tenant_id LOOP
          PERFORM app.refresh_contact_search(touched.tenant_id, touched.ids);
        END LOOP;
        RETURN NULL;
      END $f$;

      CREATE FUNCTION app.contact_search_deleted() RETURNS trigger LANGUAGE plpgsql AS $f$
      DECLARE touched record;
      BEGIN
        FOR touched IN SELECT tenant_id, array_agg(DISTINCT contact_id) AS ids FROM old_rows
                        WHERE contact_id IS NOT NULL GROUP BY tenant_id LOOP
          PERFORM app.refresh_contact_search(touched.tenant_id, touched.ids);
        END LOOP;
        RETURN NULL;
      END $f$;

      -- Only a change of owner, handle or name matters (the ingest path updates followers often).
      CREATE FUNCTION app.contact_search_identity_updated() RETURNS trigger LANGUAGE plpgsql AS $f$
      DECLARE touched record;
      BEGIN
        FOR touched IN
          SELECT tenant_id, array_agg(DISTINCT contact_id) AS ids FROM (
            SELECT n.tenant_id, unnest(ARRAY[n.contact_id, o.contact_id]) AS contact_id
              FROM new_rows n JOIN old_rows o ON o.tenant_id = n.tenant_id AND o.id = n.id
             WHERE (n.contact_id, n.handle, n.display_name) IS DISTINCT FROM (o.contact_id, o.handle, o.display_name)
          ) changed WHERE contact_id IS NOT NULL GROUP BY tenant_id
        LOOP
          PERFORM app.refresh_contact_search(touched.tenant_id, touched.ids);
        END LOOP;
        RETURN NULL;
      END $f$;

      CREATE FUNCTION app.contact_search_company_updated() RETURNS trigger LANGUAGE plpgsql AS $f$
      DECLARE touched record;
      BEGIN
        FOR touched IN
          SELECT cc.tenant_id, array_agg(DISTINCT cc.contact_id) AS ids
            FROM new_rows n JOIN old_rows o ON o.tenant_id = n.tenant_id AND o.id = n.id
            JOIN contact_company cc ON cc.tenant_id = n.tenant_id AND cc.company_id = n.id
           WHERE n.name IS DISTINCT FROM o.name
           GROUP BY cc.tenant_id
        LOOP
          PERFORM app.refresh_contact_search(touched.tenant_id, touched.ids);
        END LOOP;
        RETURN NULL;
      END $f$;

      CREATE TRIGGER social_identity_search_insert AFTER INSERT ON social_identity
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app.contact_search_inserted();
      CREATE TRIGGER social_identity_search_update AFTER UPDATE ON social_identity
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION app.contact_search_identity_updated();
      CREATE TRIGGER social_identity_search_delete AFTER DELETE ON social_identity
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION app.contact_search_deleted();
      CREATE TRIGGER contact_company_search_insert AFTER INSERT ON contact_company
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app.contact_search_inserted();
      CREATE TRIGGER contact_company_search_delete AFTER DELETE ON contact_company
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION app.contact_search_deleted();
      CREATE TRIGGER company_search_update AFTER UPDATE ON company
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION app.contact_search_company_updated();
    `);
    await db.query(`
      -- An identity may be known by its external id alone (a CRM export, a page-scoped id).
      ALTER TABLE social_identity ALTER COLUMN handle DROP NOT NULL,
        ADD CONSTRAINT social_identity_named CHECK (handle IS NOT NULL OR external_id IS NOT NULL);

      -- The words of each search document, for search under row-level security: LIKE and the
      -- trigram operators are not leakproof, so the runtime role's queries cannot use a trigram
      -- index; text comparison is, so a btree range over these terms serves "starts a word".
      -- A document's terms: its whitespace-separated tokens, their alphanumeric parts, and
      -- what follows an @ (an email's domain).
      CREATE FUNCTION app.search_terms(doc text) RETURNS SETOF text LANGUAGE sql IMMUTABLE AS $f$
        SELECT DISTINCT left(t.term, 200) FROM regexp_split_to_table(doc, '\\s+') AS token,
          LATERAL (SELECT token UNION ALL SELECT regexp_split_to_table(token, '[^[:alnum:]]+')
                   UNION ALL SELECT substring(token FROM '@(.+)$')) AS t(term)
        WHERE t.term <> ''
      $f$;

      CREATE TABLE contact_search_term (
        tenant_id uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
        term text COLLATE "C" NOT NULL,
        contact_id uuid NOT NULL,
        PRIMARY KEY (tenant_id, term, contact_id),
        FOREIGN KEY (tenant_id, contact_id) REFERENCES contact (tenant_id, id) ON DELETE CASCADE
      );
      CREATE INDEX contact_search_term_contact_idx ON contact_search_term (tenant_id, contact_id);
      ALTER TABLE contact_search_term ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON contact_search_term USING (tenant_id = ANY (app.tenant_ids()));
      GRANT SELECT, INSERT, UPDATE, DELETE ON contact_search_term TO ${RUNTIME_ROLE};

      CREATE FUNCTION app.contact_search_terms() RETURNS trigger LANGUAGE plpgsql AS $f$
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          DELETE FROM contact_search_term WHERE tenant_id = NEW.tenant_id AND contact_id = NEW.id;
        END IF;
        INSERT INTO contact_search_term (tenant_id, term, contact_id)
          SELECT NEW.tenant_id, term, NEW.id FROM app.search_terms(NEW.search_document) AS term;
        RETURN NULL;
      END $f$;
      CREATE TRIGGER contact_search_terms_insert AFTER INSERT ON contact
        FOR EACH ROW EXECUTE FUNCTION app.contact_search_terms();
      CREATE TRIGGER contact_search_terms_update AFTER UPDATE ON contact
        FOR EACH ROW WHEN (OLD.search_document IS DISTINCT FROM NEW.search_document)
        EXECUTE FUNCTION app.contact_search_terms();

      -- Keyset orders of the contacts list (display name and creation exist already).
      CREATE INDEX contact_updated_idx ON contact (tenant_id, updated_at, id);
      CREATE INDEX contact_last_name_idx ON contact (tenant_id, (coalesce(last_name, '')), id);
      CREATE INDEX contact_tags_idx ON contact USING gin (tags);
      CREATE INDEX contact_custom_fields_idx ON contact USING gin (custom_fields jsonb_path_ops);
      CREATE INDEX contact_owner_idx ON contact (tenant_id, owner_id) WHERE owner_id IS NOT NULL;
      CREATE INDEX social_identity_channel_idx ON social_identity (tenant_id, channel, contact_id);

      UPDATE contact c SET search_document = app.contact_search_text(c.tenant_id, c.id, c.display_name,
        c.first_name, c.last_name, c.emails, c.phones);

      CREATE TABLE saved_contact_view (
        tenant_id uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
        id uuid NOT NULL,
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        name text NOT NULL,
        view jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id)
      );
      COMMENT ON COLUMN saved_contact_view.view IS 'The list''s search, ContactFilter and ContactSort, as given.';
      CREATE UNIQUE INDEX saved_contact_view_name_key ON saved_contact_view (tenant_id, user_id, lower(name));
      ALTER TABLE saved_contact_view ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON saved_contact_view USING (tenant_id = ANY (app.tenant_ids()));
      GRANT SELECT, INSERT, UPDATE, DELETE ON saved_contact_view TO ${RUNTIME_ROLE};
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE saved_contact_view;
      DROP TRIGGER contact_search_terms_insert ON contact;
      DROP TRIGGER contact_search_terms_update ON contact;
      DROP FUNCTION app.contact_search_terms();
      DROP TABLE contact_search_term;
      DROP FUNCTION app.search_terms(text);
      DROP INDEX contact_updated_idx, contact_last_name_idx, contact_tags_idx, contact_custom_fields_idx,
        contact_owner_idx, social_identity_channel_idx;
      DROP TRIGGER contact_search_own ON contact;
      DROP TRIGGER social_identity_search_insert ON social_identity;
      DROP TRIGGER social_identity_search_update ON social_identity;
      DROP TRIGGER social_identity_search_delete ON social_identity;
      DROP TRIGGER contact_company_search_insert ON contact_company;
      DROP TRIGGER contact_company_search_delete ON contact_company;
      DROP TRIGGER company_search_update ON company;
      DROP FUNCTION app.contact_search_inserted(), app.contact_search_deleted(),
        app.contact_search_identity_updated(), app.contact_search_company_updated(), app.contact_search_own(), app.refresh_contact_search(uuid, uuid[]),
        app.contact_search_text(uuid, uuid, text, text, text, text[], text[]);
      ALTER TABLE social_identity DROP CONSTRAINT social_identity_named;
      DELETE FROM social_identity WHERE handle IS NULL;
      ALTER TABLE social_identity ALTER COLUMN handle SET NOT NULL;
    `);
  }
}
