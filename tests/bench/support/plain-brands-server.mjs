// The baseline for the brands benchmark: node:http + pg, the same statements the api runs
// for "the first 50 brands of tenant T" (BEGIN, set_config, SELECT, COMMIT), nothing else.
import { createServer } from 'node:http';
import pg from 'pg';

const { DATABASE_URL, TENANT_ID, PORT = '0', POOL_SIZE = '10' } = process.env;
const pool = new pg.Pool({ connectionString: DATABASE_URL, max: Number(POOL_SIZE) });
const LIST = `SELECT (SELECT count(*)::int FROM tracked_brand WHERE tenant_id = $1) AS total,
  coalesce((SELECT json_agg(page) FROM (
    SELECT id, name, kind, keywords, hashtags, handles, excluded_terms AS "excludedTerms",
           created_at AS "createdAt", updated_at AS "updatedAt"
    FROM tracked_brand WHERE tenant_id = $1 AND ($2::uuid IS NULL OR id < $2)
    ORDER BY id DESC LIMIT $3) page), '[]') AS rows`;

const server = createServer(async (_req, res) => {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT set_config('app.tenant_ids', $1, true)`, [`{${TENANT_ID}}`]);
    const { rows } = await client.query(LIST, [TENANT_ID, null, 51]);
    await client.query('COMMIT');
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ data: { brands: rows[0] } }));
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    res.statusCode = 500;
    res.end(String(error));
  } finally {
    client.release();
  }
});
server.listen(Number(PORT), '127.0.0.1', () => {
  console.log(`GraphQL: http://127.0.0.1:${server.address().port}/graphql`);
});
