// A real OpenID Connect provider for Dialoog's tests: oidc-provider 9 (panva) on 127.0.0.1.
//
// Not for production. It keeps everything in memory, makes new signing keys at every start,
// and signs people in with oidc-provider's own development login form, which takes any
// password. See README.md beside this file for how to run it and which selectors a browser
// test fills in.
//
// Environment:
//   OIDC_PORT           required; the issuer is http://127.0.0.1:${OIDC_PORT}
//   OIDC_REDIRECT_URIS  comma-separated exact redirect URIs allowed for the client
//   OIDC_CLIENT_ID      default "dialoog-test"
//   OIDC_CLIENT_SECRET  default "dialoog-test-secret"
//
// Prints one line "READY <issuer>" on stdout once it listens; errors go to stderr. Exits on
// SIGTERM and SIGINT.

import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { once } from 'node:events';

import Provider from 'oidc-provider';

const HOST = '127.0.0.1';

// Log in at the provider with the key (any password). A login name that is not in this table
// still signs in, as an account that has only `sub` and no email, name or roles: tests use it
// for "the provider sent no email" (oidc-provider's built-in login form accepts any name and
// has no place to refuse one).
const ACCOUNTS = {
  fatma: {
    email: 'fatma@zeist.example',
    email_verified: true,
    name: 'Fatma Yilmaz',
    dialoog_roles: ['finance'],
  },
  joost: {
    email: 'joost@zeist.example',
    email_verified: true,
    name: 'Joost de Raad',
    dialoog_roles: ['council'],
  },
  ruud: {
    email: 'ruud@zeist.example',
    email_verified: true,
    name: 'Ruud Inkoop',
    dialoog_roles: ['official'],
  },
  // A citizen whose email may match an existing local account.
  annelies: {
    email: 'annelies@example.org',
    email_verified: true,
    name: 'Annelies',
    dialoog_roles: [],
  },
  unverified: {
    email: 'nobody@example.org',
    email_verified: false,
    name: 'Niet Geverifieerd',
    dialoog_roles: [],
  },
};

function fail(message) {
  process.stderr.write(`oidc test provider: ${message}\n`);
  process.exit(2);
}

const port = Number.parseInt(process.env.OIDC_PORT ?? '', 10);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  fail('OIDC_PORT must be set to a TCP port number');
}
const redirectUris = (process.env.OIDC_REDIRECT_URIS ?? '')
  .split(',')
  .map((uri) => uri.trim())
  .filter(Boolean);
if (redirectUris.length === 0) {
  fail('OIDC_REDIRECT_URIS must list at least one redirect URI');
}
const clientId = process.env.OIDC_CLIENT_ID || 'dialoog-test';
const clientSecret = process.env.OIDC_CLIENT_SECRET || 'dialoog-test-secret';

// 127.0.0.1 rather than "localhost": the issuer in discovery, in every token's "iss" and the
// address the relying party calls must be the same string, and 127.0.0.1 never resolves to ::1.
// Plain http is allowed by oidc-provider for the issuer and, for a "web" client using the code
// flow, for redirect URIs too (only implicit-flow web clients must use https and no localhost).
// Over http the provider sets its cookies without the Secure flag, which is what lets a browser
// keep them.
const issuer = `http://${HOST}:${port}`;

// A new RSA key at every start (RS256 is the default ID token algorithm). Tokens of one run
// mean nothing to the next, which is what a test wants.
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = {
  ...privateKey.export({ format: 'jwk' }),
  kid: `test-${randomBytes(6).toString('hex')}`,
  alg: 'RS256',
  use: 'sig',
};

const SCOPE_CLAIMS = {
  openid: ['sub'],
  email: ['email', 'email_verified'],
  profile: ['name'],
  roles: ['dialoog_roles'],
};

const configuration = {
  clients: [
    {
      client_id: clientId,
      client_secret: clientSecret,
      // A confidential "web" client. http://127.0.0.1 redirect URIs are fine for it with the
      // code flow, so nothing else (native type, extraClientMetadata) is needed.
      application_type: 'web',
      redirect_uris: redirectUris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      // Registered as client_secret_basic (the secret in an HTTP Basic Authorization header,
      // Authlib's default). oidc-provider treats basic and post as one family, so a relying
      // party that sends client_id/client_secret in the form body (client_secret_post) is
      // accepted as well.
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  jwks: { keys: [signingKey] },
  // Signs the provider's own cookies; a fresh secret each run.
  cookies: {
    keys: [randomBytes(32).toString('base64url')],
    // Cookies belong to a host, not a port: the provider and a Dialoog on 127.0.0.1:8000 share
    // one cookie jar. Names of our own keep the provider's cookies (default "_session", ...)
    // from ever meeting the app's.
    names: {
      session: 'oidc_test_session',
      interaction: 'oidc_test_interaction',
      resume: 'oidc_test_interaction_resume',
    },
  },
  // Only the code flow: discovery then advertises no implicit or hybrid response types.
  responseTypes: ['code'],
  scopes: Object.keys(SCOPE_CLAIMS),
  claims: SCOPE_CLAIMS,
  // Put the scopes' claims into the ID token as well, so the relying party needs no userinfo
  // call. The userinfo endpoint still answers with the same claims.
  conformIdTokenClaims: false,
  // oidc-provider 9 requires PKCE only for public clients (and FAPI 2.0); Dialoog always sends
  // S256, so require it for our confidential client as well. S256 is the only method accepted.
  pkce: { required: () => true },
  features: {
    // The built-in login form (GET/POST /interaction/:uid). It logs a warning at start that it
    // is for development only; that is expected here.
    devInteractions: { enabled: true },
    userinfo: { enabled: true },
    // Turn off what the tests do not use, to keep the surface and the warnings small.
    introspection: { enabled: false },
    revocation: { enabled: false },
  },
  // No consent screen: the only client is first-party, so every scope and claim it asks for is
  // granted as soon as the person has logged in. The flow is: app -> login form -> app.
  async loadExistingGrant(ctx) {
    const { oidc } = ctx;
    const grantId = oidc.result?.consent?.grantId || oidc.session.grantIdFor(oidc.client.clientId);
    let grant = grantId ? await oidc.provider.Grant.find(grantId) : undefined;
    if (!grant) {
      grant = new oidc.provider.Grant({
        accountId: oidc.session.accountId,
        clientId: oidc.client.clientId,
      });
    }
    grant.addOIDCScope([...oidc.requestParamOIDCScopes].join(' '));
    const claims = [...oidc.requestParamClaims];
    if (claims.length) {
      grant.addOIDCClaims(claims);
    }
    await grant.save();
    return grant;
  },
  async findAccount(ctx, accountId) {
    const known = Object.hasOwn(ACCOUNTS, accountId) ? ACCOUNTS[accountId] : undefined;
    return {
      accountId,
      // oidc-provider filters these by the granted scopes and claims.
      async claims() {
        return { sub: accountId, ...(known ?? {}) };
      },
    };
  },
  // Show the real error to the developer and the test log instead of a bare "server_error".
  async renderError(ctx, out, error) {
    ctx.type = 'html';
    const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    const rows = Object.entries(out)
      .map(([k, v]) => `<dt>${escape(k)}</dt><dd>${escape(v)}</dd>`)
      .join('');
    ctx.body = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>oidc test provider error</title></head><body><h1>Error</h1><dl>${rows}</dl></body></html>`;
    if (error && (!error.expose || error.statusCode >= 500)) {
      process.stderr.write(`oidc test provider: ${error.stack ?? error}\n`);
    }
  },
  ttl: {
    // Long enough for a slow CI browser, short enough to be harmless.
    AuthorizationCode: 120,
    Interaction: 600,
    Session: 3600,
    Grant: 3600,
    AccessToken: 600,
    IdToken: 600,
  },
};

const provider = new Provider(issuer, configuration);
provider.on('server_error', (ctx, error) => {
  process.stderr.write(`oidc test provider: server_error ${error.stack ?? error}\n`);
});

// oidc-provider checks static clients' metadata only when they are first used; look ours up now
// so a bad redirect URI fails at start, with the reason on stderr, not at the first sign-in.
try {
  await provider.Client.find(clientId);
} catch (error) {
  fail(`client configuration refused: ${error.error_description ?? error.message}`);
}

const server = provider.listen(port, HOST);
server.on('error', (error) => fail(error.message));
await once(server, 'listening');
process.stdout.write(`READY ${issuer}\n`);

function shutDown() {
  server.close(() => process.exit(0));
  // Keep-alive connections from a browser would hold close() open.
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 2000).unref();
}
process.on('SIGTERM', shutDown);
process.on('SIGINT', shutDown);
