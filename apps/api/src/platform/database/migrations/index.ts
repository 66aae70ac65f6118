import { Foundation1764000000000 } from './1764000000000-foundation.js';
import { Listening1764100000000 } from './1764100000000-listening.js';
import { Connectors1764200000000 } from './1764200000000-connectors.js';
import { ContactTimeline1764300000000 } from './1764300000000-contact-timeline.js';
import { OutboxVacuum1764400000000 } from './1764400000000-outbox-vacuum.js';
import { WorksInTenant1764500000000 } from './1764500000000-works-in-tenant.js';
import { AgencyMembershipPolicy1764600000000 } from './1764600000000-agency-membership-policy.js';
import { RoleInTenant1764700000000 } from './1764700000000-role-in-tenant.js';
import { PerTenantFeedSeq1764800000000 } from './1764800000000-per-tenant-feed-seq.js';
import { SavedMentionViews1764900000000 } from './1764900000000-saved-mention-views.js';
import { MentionTerms1765000000000 } from './1765000000000-mention-terms.js';
import { CustomerMemory1765100000000 } from './1765100000000-customer-memory.js';
import { ContactSearch1765200000000 } from './1765200000000-contact-search.js';
import { CompanyReading1765250000000 } from './1765250000000-company-reading.js';
import { OrderReading1765300000000 } from './1765300000000-order-reading.js';
import { ContactMerge1765400000000 } from './1765400000000-contact-merge.js';
import { DataImport1765500000000 } from './1765500000000-data-import.js';
import { DataExportPrivacy1765600000000 } from './1765600000000-data-export-privacy.js';
import { CustomerUpkeep1765700000000 } from './1765700000000-customer-upkeep.js';
import { Segments1765710000000 } from './1765710000000-segments.js';
import { Lifecycle1765720000000 } from './1765720000000-lifecycle.js';
import { CustomerValue1765730000000 } from './1765730000000-customer-value.js';
import { Advocacy1765740000000 } from './1765740000000-advocacy.js';
import { MaturityAudit1765750000000 } from './1765750000000-maturity-audit.js';
import { CustomerScores1765760000000 } from './1765760000000-customer-scores.js';
import { PlannerStatistics1765770000000 } from './1765770000000-planner-statistics.js';

/** Migrations in order; listed explicitly for the same reason as the entities. */
export const migrations = [
  Foundation1764000000000,
  Listening1764100000000,
  Connectors1764200000000,
  ContactTimeline1764300000000,
  OutboxVacuum1764400000000,
  WorksInTenant1764500000000,
  AgencyMembershipPolicy1764600000000,
  RoleInTenant1764700000000,
  PerTenantFeedSeq1764800000000,
  SavedMentionViews1764900000000,
  MentionTerms1765000000000,
  CustomerMemory1765100000000,
  ContactSearch1765200000000,
  CompanyReading1765250000000,
  OrderReading1765300000000,
  ContactMerge1765400000000,
  DataImport1765500000000,
  DataExportPrivacy1765600000000,
  CustomerUpkeep1765700000000,
  Segments1765710000000,
  Lifecycle1765720000000,
  CustomerValue1765730000000,
  Advocacy1765740000000,
  MaturityAudit1765750000000,
  CustomerScores1765760000000,
  PlannerStatistics1765770000000,
];
