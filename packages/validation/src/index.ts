export * from './brand.js';
export * from './connector.js';
export * from './enums.js';
export * from './issues.js';
export * from './mentions.js';
export { because, httpUrl, wholeNumber } from './rules.js';
export { atMostCharacters, emailSchema, requiredName } from './text.js';
export * from './workspace.js';
