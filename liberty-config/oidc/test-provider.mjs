// A loopback OpenID Connect provider for development and the integration tests: oidc-provider
// (npm, a certified implementation) with test users, company groups, RP-initiated logout and JWT
// access tokens for the API. Started by run-test-provider.sh (which makes its TLS certificate).
// Never for production: the users and the signing key are made up at start.
import { createServer } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { readFileSync } from 'node:fs';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import Provider from 'oidc-provider';

const port = Number(process.env.OP_PORT ?? 9543);
const host = process.env.OP_HOST ?? '127.0.0.1';
const pfx = process.env.OP_PFX;            // PKCS#12 key+cert (keytool -genkeypair): serve HTTPS
const issuer = process.env.OP_ISSUER ?? `${pfx ? 'https' : 'http'}://${host}:${port}`;
const rp = process.env.RP_BASE ?? 'http://localhost:9080';   // Relaycast's origin, as the browser sees it
const API = 'urn:relaycast:api';                             // resource indicator => JWT access tokens

// Company groups as an identity provider has them; Relaycast maps them to its roles with
// OIDC_BROADCASTER_GROUPS=av-team, OIDC_MODERATOR_GROUPS=comms, OIDC_ADMIN_GROUPS=it-admins.
const ACCOUNTS = {
  frank: { password: 'frank-oidc', name: 'Frank', email: 'frank@example.test', groups: ['av-team', 'staff'] },
  grace: { password: 'grace-oidc', name: 'Grace', email: 'grace@example.test', groups: ['staff', 'engineering'] },
  heidi: { password: 'heidi-oidc', name: 'Heidi', email: 'heidi@example.test', groups: ['comms', 'staff'] },
  irene: { password: 'irene-oidc', name: 'Irene', email: 'irene@example.test', groups: ['it-admins'] },
};

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), use: 'sig', alg: 'RS256' };

const provider = new Provider(issuer, {
  jwks: { keys: [jwk] },
  clients: [{
    client_id: 'relaycast',
    client_secret: 'relaycast-oidc-secret',
    token_endpoint_auth_method: 'client_secret_post',       // Liberty's default tokenEndpointAuthMethod="post"
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    redirect_uris: [`${rp}/oidcclient/redirect/relaycast`],
    post_logout_redirect_uris: [`${rp}/`],
  }, {
    // test harness client: gets user access tokens (JWT, aud=API) for Bearer calls
    client_id: 'relaycast-tests',
    client_secret: 'relaycast-tests-secret',
    grant_types: ['authorization_code', 'client_credentials'],
    response_types: ['code'],
    redirect_uris: ['http://127.0.0.1/callback'],          // never opened: the test reads ?code= from Location
  }],
  claims: {
    openid: ['sub'],
    profile: ['name', 'preferred_username'],
    email: ['email', 'email_verified'],
    groups: ['groups'],                                       // scope "groups" -> claim "groups"
  },
  scopes: ['openid', 'offline_access', 'profile', 'email', 'groups'],
  conformIdTokenClaims: false,       // scope claims (groups, ...) in the ID token too, as Keycloak, Entra ID and Okta do
  pkce: { required: () => false },    // Liberty sends no PKCE unless pkceCodeChallengeMethod is set
  async findAccount(ctx, sub) {
    const a = ACCOUNTS[sub];
    if (!a) return undefined;
    return {
      accountId: sub,
      async claims(use, scope) {
        return { sub, preferred_username: sub, name: a.name, email: a.email, email_verified: true, groups: a.groups };
      },
    };
  },
  // First-party clients: no consent screen. Grant what was asked.
  async loadExistingGrant(ctx) {
    const { client, session, params } = ctx.oidc;
    const existing = ctx.oidc.result?.consent?.grantId || session.grantIdFor(client.clientId);
    const grant = (existing && await ctx.oidc.provider.Grant.find(existing))
      || new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
    grant.addOIDCScope(String(params.scope ?? 'openid'));
    if (params.resource) grant.addResourceScope(API, 'api');
    await grant.save();
    return grant;
  },
  features: {
    devInteractions: { enabled: false },
    rpInitiatedLogout: {                                        // end_session_endpoint (/session/end)
      enabled: true,
      async logoutSource(ctx, form) {
        ctx.body = `<!doctype html><title>Sign out</title>${form}
<p>Sign out of the test provider?</p><button id="logout-yes" type="submit" form="op.logoutForm" name="logout" value="yes">Yes, sign out</button>`;
      },
    },
    introspection: { enabled: true },
    revocation: { enabled: true },
    clientCredentials: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: (ctx, client, oneOf) => oneOf,           // no resource asked => userinfo-only opaque token
      useGrantedResource: () => true,
      getResourceServerInfo: (ctx, resource) => {
        if (resource !== API) throw new Error('unknown resource');
        return { scope: 'api', audience: API, accessTokenFormat: 'jwt', accessTokenTTL: 3600, jwt: { sign: { alg: 'RS256' } } };
      },
    },
  },
  async extraTokenClaims(ctx, token) {
    const a = token.accountId && ACCOUNTS[token.accountId];
    return a ? { groups: a.groups, upn: token.accountId, preferred_username: token.accountId } : undefined;
  },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  cookies: { keys: ['test-only-cookie-key'] },
  ttl: { AccessToken: 3600, IdToken: 3600, Session: 86400, Interaction: 600, Grant: 86400, AuthorizationCode: 60 },
});
provider.proxy = false;

const html = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const loginPage = (uid, error = '') => `<!doctype html><title>Sign in</title>
<form method="post" action="/interaction/${html(uid)}/login">
 ${error ? `<p id="error">${html(error)}</p>` : ''}
 <input id="username" name="username" autocomplete="username" required>
 <input id="password" name="password" type="password" autocomplete="current-password" required>
 <button id="submit" type="submit">Sign in</button>
</form>`;

async function readForm(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

const callback = provider.callback();
const handler = async (req, res) => {
  try {
    const m = /^\/interaction\/([^/?]+)(\/login)?/.exec(req.url);
    if (!m) return callback(req, res);
    const details = await provider.interactionDetails(req, res);
    if (details.prompt.name !== 'login') {      // consent is never needed (loadExistingGrant)
      return provider.interactionFinished(req, res, {}, { mergeWithLastSubmission: true });
    }
    if (req.method === 'GET') {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.setHeader('cache-control', 'no-store');
      return res.end(loginPage(details.uid));
    }
    const form = await readForm(req);
    const a = ACCOUNTS[form.get('username')];
    if (!a || a.password !== form.get('password')) {
      res.statusCode = 401;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      return res.end(loginPage(details.uid, 'Invalid username or password'));
    }
    return provider.interactionFinished(req, res,
      { login: { accountId: form.get('username') } }, { mergeWithLastSubmission: false });
  } catch (e) {
    res.statusCode = 500;
    res.end(String(e));
  }
};
(pfx ? createTlsServer({ pfx: readFileSync(pfx), passphrase: process.env.OP_PFX_PASSWORD }, handler) : createServer(handler))
  .listen(port, host, () => console.log(`OP ${issuer} ready`));
