// What the privacy module offers the others: its module.

export { privacyModule } from './privacy.module.js';
