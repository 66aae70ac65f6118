// What advocacy offers: the module (its upkeep step and referral import come through its offers).

export { advocacyModule } from './advocacy.module.js';
