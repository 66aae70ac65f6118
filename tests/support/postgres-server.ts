import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface PostgresServer {
  /** Owner URL of the server's maintenance database. */
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * The server the suites run against: DATABASE_URL when set (CI sets it to the machine's
 * PostgreSQL), otherwise a throwaway embedded PostgreSQL in a child process, so a fresh
 * machine passes too.
 */
export async function startPostgresServer(): Promise<PostgresServer> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {} };
  const script = fileURLToPath(new URL('./embedded-postgres-process.mjs', import.meta.url));
  const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /READY (\S+)/.exec(output);
      if (ready?.[1]) resolve(ready[1]);
    });
    child.once('exit', (code) =>
      reject(new Error(`embedded PostgreSQL exited with ${code}: ${output}`)),
    );
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
