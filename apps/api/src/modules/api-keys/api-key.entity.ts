import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { TenantRole } from '../../platform/auth/roles.js';

/** A tenant's machine credential: a visible prefix plus a secret kept only as its SHA-256. */
@Entity({ name: 'api_key' })
export class ApiKey {
  @PrimaryColumn({ type: 'uuid', name: 'tenant_id' })
  tenantId: string;

  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  prefix: string;

  @Column({ type: 'bytea', name: 'secret_hash', select: false })
  secretHash: Buffer;

  @Column({ type: 'text' })
  role: TenantRole;

  @Column({ type: 'uuid', name: 'created_by', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'last_used_at', nullable: true })
  lastUsedAt: Date | null;

  @Column({ type: 'timestamptz', name: 'revoked_at', nullable: true })
  revokedAt: Date | null;
}
