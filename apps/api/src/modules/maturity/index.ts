// What the maturity audit offers: the module.

export { maturityModule } from './maturity.module.js';
