import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { TenantRole } from '../../../platform/auth/roles.js';

/** A single-use, expiring invitation to join a tenant with a role; only its hash is kept. */
@Entity({ name: 'invitation' })
export class Invitation {
  @PrimaryColumn({ type: 'uuid', name: 'tenant_id' })
  tenantId: string;

  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  role: TenantRole;

  @Column({ type: 'bytea', name: 'token_hash', select: false })
  tokenHash: Buffer;

  @Column({ type: 'uuid', name: 'invited_by', nullable: true })
  invitedBy: string | null;

  @Column({ type: 'timestamptz', name: 'expires_at' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', name: 'accepted_at', nullable: true })
  acceptedAt: Date | null;

  @Column({ type: 'timestamptz', name: 'revoked_at', nullable: true })
  revokedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
