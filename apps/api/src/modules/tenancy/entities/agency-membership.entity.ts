import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { AgencyRole } from '../../../platform/auth/roles.js';

@Entity({ name: 'agency_membership' })
export class AgencyMembership {
  @PrimaryColumn({ type: 'uuid', name: 'agency_id' })
  agencyId: string;

  @PrimaryColumn({ type: 'uuid', name: 'user_id' })
  userId: string;

  @Column({ type: 'text' })
  role: AgencyRole;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
