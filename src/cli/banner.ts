import type { DeploymentMode } from '../config.js';

/** What `npm start` prints once the hub listens: where it is and how to try it. */
export function banner(options: { url: string; mode: DeploymentMode; database: string; token: string | undefined; department: string; sampleId: string | undefined }): string {
  const query = `{ person(idNumber: \\"${options.sampleId ?? '11010519491231002X'}\\") { name gender birthDate licenses { licenseId status type { name } } representedEntities { name legalRepresentative { name } licenses { type { name } } } } }`;
  return [
    '',
    `OneWindow is running (${options.mode} mode, database: ${options.database})`,
    `  GraphQL endpoint   ${options.url}/graphql`,
    `  Health             ${options.url}/healthz   ${options.url}/readyz`,
    '',
    options.token
      ? `  A development token (1 h, department system of ${options.department}):\n\n    export TOKEN=${options.token}\n`
      : '  Development tokens are not available in production.',
    '  Mint others with   npx onewindow token --role OPERATOR --department <credit code>',
    '                     npx onewindow token --role CITIZEN --subject <ID number>',
    '',
    '  Try it:',
    `    curl -s ${options.url}/graphql -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' \\`,
    `      -d '{"query":"${query}"}'`,
    '',
  ].join('\n');
}
