import type { World } from './world.js';
import { PASSWORD } from './world.js';

/**
 * What must never reach the api's log, found in `output`: the world's emails and password,
 * access tokens (JWTs), API keys, and anything shaped like our random secrets (refresh and
 * invitation tokens: 43 base64url characters mixing cases and digits).
 */
export function secretsInLog(output: string, world: World): string[] {
  const found: string[] = [];
  for (const { email } of Object.values(world.users))
    if (output.includes(email)) found.push(`the email ${email}`);
  if (output.includes(PASSWORD)) found.push('the password');
  for (const token of output.match(/eyJ[\w-]+\.[\w-]+\.[\w-]+/g) ?? [])
    found.push(`an access token ${token.slice(0, 12)}…`);
  if (/sck_[0-9a-f]{64}_/.test(output)) found.push('an API key');
  for (const run of output.match(/(?<![\w-])[\w-]{43}(?![\w-])/g) ?? [])
    if (/[A-Z]/.test(run) && /[a-z]/.test(run) && /\d/.test(run))
      found.push(`a secret-like ${run.slice(0, 6)}…`);
  return found;
}
