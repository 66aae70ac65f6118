export { textLength } from './text-length.js';
