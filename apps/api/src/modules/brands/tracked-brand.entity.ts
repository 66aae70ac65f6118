import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { BrandKind } from './brand-kind.js';

/** A brand the tenant listens for: its own or a competitor, with terms to match and exclude. */
@Entity({ name: 'tracked_brand' })
export class TrackedBrand {
  @PrimaryColumn({ type: 'uuid', name: 'tenant_id' })
  tenantId: string;

  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  kind: BrandKind;

  @Column({ type: 'text', array: true })
  keywords: string[];

  @Column({ type: 'text', array: true })
  hashtags: string[];

  @Column({ type: 'text', array: true })
  handles: string[];

  @Column({ type: 'text', array: true, name: 'excluded_terms' })
  excludedTerms: string[];

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
