// Public surface of contact merging: the plan of what a merge keeps and moves.
export {
  type CompanyLink,
  type ConsentDecision,
  type ContactMergePlan,
  type MergeableFields,
  type MergeCandidate,
  type MovedCompanyLink,
  planContactMerge,
} from './contact-merge-plan.js';
