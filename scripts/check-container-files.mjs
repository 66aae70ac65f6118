#!/usr/bin/env node
// Checks the container files without a Docker engine, and exits 1 on any problem:
// - Dockerfile: dockerfile-utils's validator (the builder's own errors: instructions, flags,
//   arguments), then what this image must keep (final stage on node:20-bookworm-slim, not
//   root, every workspace manifest copied before the install, NODE_ENV=production, EXPOSE 4000, a HEALTHCHECK, a JSON-form CMD);
// - compose.yaml: dclint (YAML, the Compose Specification's JSON schema that dclint ships, and
//   its rules, warnings included), then what this setup must keep (only the load balancer
//   publishes a port, secrets only from required variables, healthchecks behind every
//   service_healthy, bind-mounted files present);
// - deploy/haproxy.cfg: `haproxy -c` where haproxy is installed (Debian's package), and its
//   servers name compose services.
// Usage: node scripts/check-container-files.mjs [--dockerfile F] [--compose F] [--haproxy F]
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DCLinter } from 'dclint';
import { DockerfileParser } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';
import { parse as parseYaml } from 'yaml';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: options } = parseArgs({
  options: {
    dockerfile: { type: 'string', default: resolve(root, 'Dockerfile') },
    compose: { type: 'string', default: resolve(root, 'compose.yaml') },
    haproxy: { type: 'string', default: resolve(root, 'deploy/haproxy.cfg') },
  },
});

const FINAL_BASE_IMAGE = 'node:20-bookworm-slim';
const API_PORT = '4000';
const LOAD_BALANCER = 'lb';
/** Environment variables whose values must come from a required variable (`${VAR:?…}`). */
const SECRET_NAME = /SECRET|PASSWORD|_KEY$|^DATABASE_(APP_)?URL$/;
const REQUIRED_VARIABLE = /\$\{[A-Za-z_][A-Za-z0-9_]*:\?[^}]*\}/;

const problems = [];
const show = (path) => relative(process.cwd(), path) || path;
const report = (file, line, message) =>
  problems.push(`${show(file)}${line ? `:${line}` : ''}: ${message}`);

const dockerfileHasHealthcheck = checkDockerfile(options.dockerfile);
const services = checkCompose(options.compose, dockerfileHasHealthcheck);
const haproxyChecked = checkHaproxy(options.haproxy, services);

if (problems.length) {
  console.error(`Container files: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(
  `Container files: Dockerfile, compose.yaml and deploy/haproxy.cfg pass${haproxyChecked ? '' : ' (without haproxy -c)'}.`,
);

/** Returns whether the image declares a HEALTHCHECK (compose relies on it for the api). */
function checkDockerfile(path) {
  const text = readFileSync(path, 'utf8');
  for (const diagnostic of validate(text)) {
    report(path, diagnostic.range.start.line + 1, `dockerfile-utils: ${diagnostic.message}`);
  }

  const dockerfile = DockerfileParser.parse(text);
  const froms = dockerfile.getFROMs();
  const final = froms.at(-1);
  if (!final) {
    report(path, 0, 'no FROM');
    return false;
  }
  const defaults = new Map(
    dockerfile
      .getInitialARGs()
      .map((arg) => arg.getProperty())
      .filter(Boolean)
      .map((property) => [property.getName(), property.getValue()]),
  );
  const base = final
    .getImage()
    .replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (_, name) => defaults.get(name) ?? '');
  const finalLine = final.getRange().start.line + 1;
  if (base !== FINAL_BASE_IMAGE) {
    report(path, finalLine, `the final stage is on ${base}, not ${FINAL_BASE_IMAGE}`);
  }

  const stage = dockerfile
    .getInstructions()
    .filter((instruction) => instruction.getRange().start.line >= final.getRange().start.line);
  const last = (keyword) => stage.filter((i) => i.getKeyword() === keyword).at(-1);

  const user = last('USER')?.getArguments()[0]?.getValue();
  if (!user || /^(root|0)(:|$)/.test(user)) {
    report(path, finalLine, 'the final stage must switch to a non-root USER');
  }
  const production = stage
    .filter((i) => i.getKeyword() === 'ENV')
    .flatMap((i) => i.getProperties())
    .some((property) => property.getName() === 'NODE_ENV' && property.getValue() === 'production');
  if (!production) report(path, finalLine, 'the final stage must set NODE_ENV=production');
  const exposed = stage
    .filter((i) => i.getKeyword() === 'EXPOSE')
    .flatMap((i) => i.getArguments().map((argument) => argument.getValue().split('/')[0]));
  if (!exposed.includes(API_PORT))
    report(path, finalLine, `the final stage must EXPOSE ${API_PORT}`);
  const healthcheck = last('HEALTHCHECK');
  if (!healthcheck) report(path, finalLine, 'the final stage has no HEALTHCHECK');
  const cmd = last('CMD');
  if (
    !cmd
      ?.getTextContent()
      .trim()
      .match(/^CMD\s+\[/)
  ) {
    report(path, finalLine, 'the final stage needs CMD in JSON form (node gets the signals)');
  }
  checkManifestsCopied(path, dockerfile);
  return Boolean(healthcheck);
}

/** The install layer sees every workspace package's manifest, or `--frozen-lockfile` fails. */
function checkManifestsCopied(path, dockerfile) {
  const copied = new Set(
    dockerfile
      .getInstructions()
      .filter((i) => i.getKeyword() === 'COPY')
      .flatMap((i) => i.getArguments().map((argument) => argument.getValue())),
  );
  const workspace = parseYaml(readFileSync(resolve(root, 'pnpm-workspace.yaml'), 'utf8'));
  for (const pattern of workspace.packages) {
    const folders = pattern.endsWith('/*')
      ? readdirSync(resolve(root, pattern.slice(0, -2)), { withFileTypes: true })
          .filter((entry) => entry.isDirectory())
          .map((entry) => `${pattern.slice(0, -1)}${entry.name}`)
      : [pattern];
    for (const folder of folders) {
      const manifest = `${folder}/package.json`;
      if (existsSync(resolve(root, manifest)) && !copied.has(manifest)) {
        report(path, 0, `${manifest} is not copied before \`pnpm install\``);
      }
    }
  }
}

/** Returns the compose file's service names. */
function checkCompose(path, imageHasHealthcheck) {
  // dclint's rules at their defaults, but for the quotes: biome formats the file with double ones.
  const linter = new DCLinter({
    rules: { 'require-quotes-in-ports': [1, { quoteType: 'double' }] },
    quiet: false,
    debug: false,
    exclude: [],
  });
  for (const result of linter.lintFiles([path], false)) {
    for (const message of result.messages) {
      report(path, message.line, `dclint ${message.type} (${message.rule}): ${message.message}`);
    }
  }

  let compose;
  try {
    compose = parseYaml(readFileSync(path, 'utf8'), { merge: true });
  } catch {
    return new Set(); // dclint has reported it
  }
  const services = Object.entries(compose?.services ?? {});
  for (const [name, service] of services) {
    if (service.ports?.length && name !== LOAD_BALANCER) {
      report(path, 0, `service ${name} publishes ports; only ${LOAD_BALANCER} may`);
    }
    for (const [key, value] of environmentOf(service)) {
      if (SECRET_NAME.test(key) && !REQUIRED_VARIABLE.test(String(value ?? ''))) {
        report(path, 0, `${name}.environment.${key} must come from \${VAR:?message}, not a value`);
      }
    }
    for (const [dependency, condition] of Object.entries(dependsOn(service))) {
      const target = compose.services[dependency];
      if (!target) {
        report(path, 0, `${name} depends on ${dependency}, which is not a service`);
        continue;
      }
      const hasHealthcheck =
        (target.healthcheck && !target.healthcheck.disable) ||
        (target.build !== undefined && imageHasHealthcheck);
      if (condition === 'service_healthy' && !hasHealthcheck) {
        report(path, 0, `${name} waits for ${dependency} to be healthy, which has no healthcheck`);
      }
    }
    for (const volume of service.volumes ?? []) {
      const source = typeof volume === 'string' ? volume.split(':')[0] : volume.source;
      if (source?.startsWith('.') && !existsSync(resolve(dirname(path), source))) {
        report(path, 0, `${name} mounts ${source}, which does not exist`);
      }
    }
  }
  if (!services.some(([name]) => name === LOAD_BALANCER)) {
    report(path, 0, `no ${LOAD_BALANCER} service`);
  }
  return new Set(services.map(([name]) => name));
}

/** Returns whether haproxy -c ran. */
function checkHaproxy(path, services) {
  const text = readFileSync(path, 'utf8');
  for (const [index, line] of text.split('\n').entries()) {
    const server = /^\s*server\s+\S+\s+([^\s:]+):(\d+)/.exec(line);
    if (server && services.size && !services.has(server[1])) {
      report(path, index + 1, `server ${server[1]} is not a service of compose.yaml`);
    }
    if (server && server[2] !== API_PORT) {
      report(path, index + 1, `server ${server[1]} is on port ${server[2]}, not ${API_PORT}`);
    }
  }

  const haproxy = spawnSync('haproxy', ['-c', '-f', path], { encoding: 'utf8' });
  if (haproxy.error) {
    console.log(
      `haproxy not installed: ${show(path)} not checked by haproxy -c (apt-get install haproxy)`,
    );
    return false;
  }
  const output = `${haproxy.stdout}\n${haproxy.stderr}`;
  // Outside compose the replicas' names do not resolve; init-addr none starts them disabled.
  const warnings = output
    .split('\n')
    .filter((line) => /\[(WARNING|ALERT)\]/.test(line))
    .filter((line) => !/could not resolve address/.test(line));
  for (const warning of warnings) report(path, 0, `haproxy -c: ${warning.trim()}`);
  if (haproxy.status !== 0 && !warnings.length) {
    report(path, 0, `haproxy -c exited ${haproxy.status}: ${output.trim().split('\n').at(-1)}`);
  }
  return true;
}

function environmentOf(service) {
  const environment = service.environment ?? {};
  if (!Array.isArray(environment)) return Object.entries(environment);
  return environment.map((entry) => {
    const at = String(entry).indexOf('=');
    return at < 0 ? [entry, undefined] : [entry.slice(0, at), entry.slice(at + 1)];
  });
}

function dependsOn(service) {
  const dependsOn = service.depends_on ?? {};
  if (Array.isArray(dependsOn)) {
    return Object.fromEntries(dependsOn.map((name) => [name, 'service_started']));
  }
  return Object.fromEntries(
    Object.entries(dependsOn).map(([name, spec]) => [name, spec?.condition ?? 'service_started']),
  );
}
