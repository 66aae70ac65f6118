import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { TenantRole } from '../../../platform/auth/roles.js';

/** A user's direct role in one tenant. */
@Entity({ name: 'membership' })
export class Membership {
  @PrimaryColumn({ type: 'uuid', name: 'tenant_id' })
  tenantId: string;

  @PrimaryColumn({ type: 'uuid', name: 'user_id' })
  userId: string;

  @Column({ type: 'text' })
  role: TenantRole;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
