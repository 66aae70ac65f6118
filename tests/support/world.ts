import { newId } from '@socialcrm/api/new-id';
import { hashPassword } from '@socialcrm/api/password';
import { withClient } from './databases.js';

export const PASSWORD = 'Correct-horse-9!';
export const TENANT_ROLES = ['VIEWER', 'AGENT', 'MANAGER', 'OWNER'] as const;
export type TenantRoleName = (typeof TENANT_ROLES)[number];

export interface WorldUser {
  readonly id: string;
  readonly email: string;
}

/**
 * Two agencies and three tenants: agency North runs tenants A and A2, agency South runs B.
 * Tenant A has a user in every role; North has an admin and a member; B has an owner.
 * Each tenant has one tracked brand.
 */
export interface World {
  readonly agencies: { north: string; south: string };
  readonly tenants: { a: string; a2: string; b: string };
  readonly users: Record<
    `a${TenantRoleName}` | 'northAdmin' | 'northMember' | 'bOwner' | 'nobody',
    WorldUser
  >;
  readonly brands: { a: string; a2: string; b: string };
}

let passwordHash: Promise<string> | undefined;

export async function createWorld(ownerUrl: string): Promise<World> {
  passwordHash ??= hashPassword(PASSWORD);
  const hash = await passwordHash;
  const agencies = { north: newId(), south: newId() };
  const tenants = { a: newId(), a2: newId(), b: newId() };
  const brands = { a: newId(), a2: newId(), b: newId() };
  const user = (name: string): WorldUser => ({
    id: newId(),
    email: `${name}-${newId().slice(-8)}@example.com`,
  });
  const users = {
    aVIEWER: user('a-viewer'),
    aAGENT: user('a-agent'),
    aMANAGER: user('a-manager'),
    aOWNER: user('a-owner'),
    northAdmin: user('north-admin'),
    northMember: user('north-member'),
    bOwner: user('b-owner'),
    nobody: user('nobody'),
  };
  await withClient(ownerUrl, async (db) => {
    await db.query('BEGIN');
    await db.query(`SELECT set_config('app.tenant_ids', $1, true)`, [
      `{${Object.values(tenants).join(',')}}`,
    ]);
    await db.query(
      `INSERT INTO agency (id, name, slug) VALUES ($1, 'North', $3), ($2, 'South', $4)`,
      [agencies.north, agencies.south, `north-${agencies.north}`, `south-${agencies.south}`],
    );
    await db.query(
      `INSERT INTO tenant (id, agency_id, name, slug) VALUES ($1, $4, 'Tenant A', $6), ($2, $4, 'Tenant A2', $7), ($3, $5, 'Tenant B', $8)`,
      [
        tenants.a,
        tenants.a2,
        tenants.b,
        agencies.north,
        agencies.south,
        `a-${tenants.a}`,
        `a2-${tenants.a2}`,
        `b-${tenants.b}`,
      ],
    );
    for (const { id, email } of Object.values(users)) {
      await db.query(
        'INSERT INTO app_user (id, email, name, password_hash) VALUES ($1, $2, $2, $3)',
        [id, email, hash],
      );
    }
    for (const role of TENANT_ROLES) {
      await db.query('INSERT INTO membership (tenant_id, user_id, role) VALUES ($1, $2, $3)', [
        tenants.a,
        users[`a${role}`].id,
        role,
      ]);
    }
    await db.query(`INSERT INTO membership (tenant_id, user_id, role) VALUES ($1, $2, 'OWNER')`, [
      tenants.b,
      users.bOwner.id,
    ]);
    await db.query(
      `INSERT INTO agency_membership (agency_id, user_id, role) VALUES ($1, $2, 'ADMIN'), ($1, $3, 'MEMBER')`,
      [agencies.north, users.northAdmin.id, users.northMember.id],
    );
    for (const [key, tenantId] of Object.entries(tenants)) {
      await db.query(
        `INSERT INTO tracked_brand (tenant_id, id, name, kind, keywords) VALUES ($1, $2, $3, 'OWN', ARRAY[$3::text])`,
        [tenantId, brands[key as keyof typeof brands], `Brand ${key.toUpperCase()}`],
      );
    }
    await db.query('COMMIT');
  });
  return { agencies, tenants, users, brands };
}
