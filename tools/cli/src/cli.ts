import { REPO_ROOT } from '@entente/local-infra';
import { fetchPasswordToken, readDemoUsers } from '@entente/platform';
import { CliError, formatReport, IMPORT_KINDS, isImportKind, runImport } from './import-command';

/**
 * `npm run cli -- import <kind> <file…> [--jurisdiction-qid Q…]`: starts an
 * import through the gateway as a real user and follows it to the end.
 * Credentials: --user/--password, or ENTENTE_USERNAME/ENTENTE_PASSWORD, or
 * else the local demo user for the kind (platform-admin for the catalogue,
 * rostock-staff otherwise; deploy/keycloak/demo-users.json).
 */
const USAGE = `usage: npm run cli -- import <kind> <file…> [options]

kinds:
${Object.entries(IMPORT_KINDS)
  .map(([kind, spec]) => `  ${kind.padEnd(20)} ${spec.files.length > 0 ? spec.files.join(' ') : '[--jurisdiction-qid Q…] (default: your jurisdiction’s Wikidata id)'}`)
  .join('\n')}

options:
  --jurisdiction-qid Q…   the Wikidata id whose twinning ties to import
  --user NAME             Keycloak user (env ENTENTE_USERNAME; default: a local demo user)
  --password PASSWORD     its password (env ENTENTE_PASSWORD)
  --gateway URL           GraphQL endpoint (env ENTENTE_GATEWAY_URL; default http://127.0.0.1:4000/graphql)
  --keycloak URL          Keycloak (env KEYCLOAK_URL; default http://127.0.0.1:18080)
`;

interface ParsedArgs {
  positional: string[];
  flags: Map<string, string>;
}

const FLAGS = ['--jurisdiction-qid', '--user', '--password', '--gateway', '--keycloak'];

function parseArgs(argv: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    const [name, inline] = arg.split('=', 2) as [string, string | undefined];
    if (FLAGS.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new CliError(`${name} needs a value\n\n${USAGE}`);
      flags.set(name, value);
    } else if (arg.startsWith('--')) {
      throw new CliError(`unknown option ${arg}\n\n${USAGE}`);
    } else {
      positional.push(arg);
    }
  }
  return { positional, flags };
}

function credentials(flags: Map<string, string>, kind: string): { username: string; password: string } {
  const username = flags.get('--user') ?? process.env.ENTENTE_USERNAME;
  const password = flags.get('--password') ?? process.env.ENTENTE_PASSWORD;
  if (username && password) return { username, password };
  const demoName = username ?? (kind === 'twinning-catalogue' ? 'platform-admin' : 'rostock-staff');
  const demo = readDemoUsers(REPO_ROOT).find((user) => user.username === demoName);
  if (!demo) throw new CliError(`no password for ${demoName}: give --password or ENTENTE_PASSWORD`);
  return { username: demo.username, password: demo.password };
}

async function main(argv: readonly string[]): Promise<number> {
  const { positional, flags } = parseArgs(argv);
  const [command, kind, ...files] = positional;
  if (command !== 'import' || kind === undefined) throw new CliError(USAGE);
  if (!isImportKind(kind)) throw new CliError(`unknown import kind "${kind}"\n\n${USAGE}`);
  const keycloakUrl = flags.get('--keycloak') ?? process.env.KEYCLOAK_URL ?? 'http://127.0.0.1:18080';
  const gatewayUrl = flags.get('--gateway') ?? process.env.ENTENTE_GATEWAY_URL ?? 'http://127.0.0.1:4000/graphql';
  const { username, password } = credentials(flags, kind);
  let token: string;
  try {
    token = await fetchPasswordToken(keycloakUrl, username, password);
  } catch (error) {
    throw new CliError(`cannot sign in as ${username} at ${keycloakUrl}: ${(error as Error).message}`);
  }
  const job = await runImport({ kind, files, wikidataId: flags.get('--jurisdiction-qid'), gatewayUrl, token, out: process.stdout });
  process.stdout.write(formatReport(job));
  return job.status === 'SUCCEEDED' ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof CliError ? error.message : error instanceof Error ? `${error.name}: ${error.message}` : String(error)}\n`);
    process.exit(2);
  },
);
