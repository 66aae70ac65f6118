// What the segments module offers the others: its module (with the upkeep step `segmentsStep`).

export { segmentsModule } from './segments.module.js';
