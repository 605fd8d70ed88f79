import { REPO_ROOT, startInfrastructure, stopInfrastructure, infrastructureStatus, InfraProfile } from '@entente/local-infra';
import { readDemoUsers, seedDemoData } from './demo-data';
import { platformDown, platformStatus, platformUp } from './platform';

const log = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'up': {
      const { gatewayUrl, keycloakUrl, consoleUrl, mailApiUrl } = await platformUp(log);
      await seedDemoData({ repoRoot: REPO_ROOT, keycloakUrl, gatewayUrl, log });
      printWelcome(gatewayUrl, keycloakUrl, consoleUrl, mailApiUrl);
      return;
    }
    case 'down':
      await platformDown(log);
      return;
    case 'status':
      log(JSON.stringify({ apps: platformStatus(), infrastructure: await infrastructureStatus('platform') }, null, 2));
      return;
    case 'infra': {
      const [action = 'up', profileFlag, profileName] = rest;
      const profile: InfraProfile = profileFlag === '--profile' && profileName === 'test' ? 'test' : 'platform';
      if (action === 'down') await stopInfrastructure({ profile, log });
      else log(JSON.stringify(await startInfrastructure({ profile, log }), null, 2));
      return;
    }
    default:
      throw new Error(`usage: platform up | down | status | infra [up|down] [--profile platform|test]`);
  }
}

function printWelcome(gatewayUrl: string, keycloakUrl: string, consoleUrl: string, mailApiUrl: string | null): void {
  const users = readDemoUsers(REPO_ROOT);
  const staff = users.find((user) => user.username === 'rostock-staff') ?? users[0];
  log(`
Entente is up.

  Console       ${consoleUrl}  (sign in as a demo user below, e.g. ${staff.username})
  GraphQL API   ${gatewayUrl}
  Keycloak      ${keycloakUrl}  (realm entente; admin console: admin / admin, local only)
  Mail sent     ${mailApiUrl ? `${mailApiUrl}/api/user/${staff.username}@entente.local/messages/INBOX  (GreenMail; any address: /api/user/<address>/messages/INBOX)` : 'to the SMTP server named by SMTP_URL'}

Demo users (local-only passwords):
${users.map((user) => `  ${user.username.padEnd(28)} ${user.password.padEnd(34)} ${user.jurisdiction.padEnd(18)} ${user.roles.join(', ')}`).join('\n')}

Get a token and ask for your partners:
  TOKEN=$(curl -s -d grant_type=password -d client_id=entente-cli -d username=${staff.username} -d password=${staff.password} \\
    ${keycloakUrl}/realms/entente/protocol/openid-connect/token | node -pe 'JSON.parse(require("fs").readFileSync(0)).access_token')
  curl -s ${gatewayUrl} -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' \\
    -d '{"query":"{ partners(first: 10) { totalCount nodes { name country } } myTiesByCountry { country partnerCount } }"}'

Stop everything with: npm stop
`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
