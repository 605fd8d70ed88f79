#!/usr/bin/env node
import { USAGE, parseCliArgs } from './args';
import { describeError } from './errors';
import { infrastructureStatus, startInfrastructureDetailed, stopInfrastructure } from './infra';

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseCliArgs(argv);
  } catch (err) {
    process.stderr.write(`${describeError(err)}\n`);
    return 2;
  }
  const log = (line: string) => process.stdout.write(`[${args.profile}] ${line}\n`);
  switch (args.command) {
    case 'up': {
      const r = await startInfrastructureDetailed({ profile: args.profile, log });
      process.stdout.write(
        `KAFKA_BROKERS=${r.endpoints.kafkaBrokers.join(',')}\nMONGO_URL=${r.endpoints.mongoUrl}\nKEYCLOAK_URL=${r.endpoints.keycloakUrl}\nSMTP_URL=${r.endpoints.smtpUrl}\nMAIL_API_URL=${r.endpoints.mailApiUrl ?? ''}\n`,
      );
      return 0;
    }
    case 'down':
      await stopInfrastructure({ profile: args.profile, log });
      return 0;
    case 'status': {
      const s = await infrastructureStatus(args.profile);
      for (const [name, state] of Object.entries(s)) process.stdout.write(`${name}: ${state}\n`);
      return 0;
    }
  }
  process.stderr.write(`${USAGE}\n`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${describeError(err)}\n`);
    process.exit(1);
  },
);
