// What the contact-merge module offers the others: its module.

export { contactMergeModule } from './contact-merge.module.js';
