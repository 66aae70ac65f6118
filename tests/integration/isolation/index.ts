import { advocacyArea } from './advocacy.js';
import type { IsolationArea } from './area.js';
import { companiesArea } from './companies.js';
import { contactMergeArea } from './contact-merge.js';
import { contactsArea } from './contacts.js';
import { customerScoresArea } from './customer-scores.js';
import { customerUpkeepArea } from './customer-upkeep.js';
import { customerValueArea } from './customer-value.js';
import { dataExportArea } from './data-export.js';
import { dataImportArea } from './data-import.js';
import { lifecycleArea } from './lifecycle.js';
import { maturityArea } from './maturity.js';
import { ordersArea } from './orders.js';
import { privacyArea } from './privacy.js';
import { reportsArea } from './reports.js';
import { segmentsArea } from './segments.js';
import { timelineArea } from './timeline.js';

/** The areas beyond the listening core (which tenant-isolation.spec.ts holds itself). */
export const ISOLATION_AREAS: readonly IsolationArea[] = [
  contactsArea,
  contactMergeArea,
  dataImportArea,
  ordersArea,
  dataExportArea,
  privacyArea,
  companiesArea,
  timelineArea,
  customerUpkeepArea,
  customerScoresArea,
  customerValueArea,
  reportsArea,
  segmentsArea,
  lifecycleArea,
  advocacyArea,
  maturityArea,
];
