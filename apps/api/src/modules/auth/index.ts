// What the auth module offers the others.
export { AppUser } from './app-user.entity.js';
export { emailSchema } from './auth.input.js';
export { authModule } from './auth.module.js';
export { AuthPayload } from './auth.types.js';
export type { SessionService } from './session.service.js';
