import { REPO_ROOT, startInfrastructure, stopInfrastructure, infrastructureStatus, InfraProfile } from '@entente/local-infra';
import { readDemoUsers, seedDemoData } from './demo-data';
import { DEMO_FUNDING_USER, DEMO_SEARCH } from './demo-funding';
import { DEMO_NETWORK, type DemoNetworkResult, seedDemoNetwork } from './demo-network';
import { platformDown, platformStatus, platformUp } from './platform';

const log = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'up': {
      const { gatewayUrl, keycloakUrl, consoleUrl, mailApiUrl, demoFilesUrl } = await platformUp(log);
      await seedDemoData({ repoRoot: REPO_ROOT, keycloakUrl, gatewayUrl, demoFilesUrl, log });
      const demoNetwork = await seedDemoNetwork({ repoRoot: REPO_ROOT, keycloakUrl, gatewayUrl, log });
      printWelcome({ gatewayUrl, keycloakUrl, consoleUrl, mailApiUrl, demoFilesUrl });
      printNetworkWelcome(consoleUrl, demoNetwork);
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

function printWelcome(urls: { gatewayUrl: string; keycloakUrl: string; consoleUrl: string; mailApiUrl: string | null; demoFilesUrl: string }): void {
  const { gatewayUrl, keycloakUrl, consoleUrl, mailApiUrl, demoFilesUrl } = urls;
  const users = readDemoUsers(REPO_ROOT);
  const staff = users.find((user) => user.username === DEMO_FUNDING_USER) ?? users[0];
  const address = `${staff.username}@entente.local`;
  const mail = mailApiUrl
    ? `${demoFilesUrl}/mail/${address}
                (any address likewise; GreenMail's JSON at ${mailApiUrl}/api/user/<address>/messages/INBOX, or a mail client on IMAP 127.0.0.1:21143, user ${address}, any password)`
    : 'to the SMTP server named by SMTP_URL';
  log(`
Entente is up.

  Console       ${consoleUrl}  (sign in as a demo user below, e.g. ${staff.username})
  GraphQL API   ${gatewayUrl}
  Keycloak      ${keycloakUrl}  (realm entente; admin console: admin / admin, local only)
  Funding       ${staff.username}'s saved search "${DEMO_SEARCH.name}" alerts in the app and by mail; the demo sources
                (a Grants.gov extract, an embassy feed, a CSV of programmes) are read from ${demoFilesUrl}
  Mail sent     ${mail}

Demo users (local-only passwords):
${users.map((user) => `  ${user.username.padEnd(28)} ${user.password.padEnd(34)} ${user.jurisdiction.padEnd(18)} ${user.roles.join(', ')}`).join('\n')}

Get a token and ask for your partners:
  TOKEN=$(curl -s -d grant_type=password -d client_id=entente-cli -d username=${staff.username} -d password=${staff.password} \\
    ${keycloakUrl}/realms/entente/protocol/openid-connect/token | node -pe 'JSON.parse(require("fs").readFileSync(0)).access_token')
  curl -s ${gatewayUrl} -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' \\
    -d '{"query":"{ partners(first: 10) { totalCount nodes { name country } } myTiesByCountry { country partnerCount } }"}'
  and the funding calls that match Rostock's priorities:
  curl -s ${gatewayUrl} -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' \\
    -d '{"query":"{ opportunityMatches(first: 10) { title score explanation } }"}'

Stop everything with: npm stop
`);
}

function printNetworkWelcome(consoleUrl: string, { networkId, coordinator }: DemoNetworkResult): void {
  log(`Network demo: "${DEMO_NETWORK.name}" (Rostock, Palmerston North, Maryland sharing chosen data). Its coordinator's dashboard:
  ${consoleUrl}/network/${networkId}/dashboard  sign in as ${coordinator.username} / ${coordinator.password}
  (a member's sharing settings and access log: rostock-admin / local-rostock-admin)
`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
