/**
 * Dashboard sign-in behind CloudFront at /auth/*: `login` sends the browser to the Cognito
 * hosted UI (state and a PKCE challenge, both remembered in cookies), `callback` checks the state
 * and trades the code and the PKCE verifier for tokens and sets the signed session cookie the
 * viewer function checks, `logout` clears it. Served by a Lambda function URL (CloudFront OAC).
 */
import { randomBytes } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { z } from 'zod';
import { AUTH_MESSAGES } from '../../core/messages/index.ts';
import {
  clearVerifierCookie,
  codeChallengeOf,
  isCodeVerifier,
  newCodeVerifier,
  VERIFIER_COOKIE,
  verifierSetCookie,
} from './pkce.ts';
import { APPROVER_COOKIE, approverRoleOf, approverSetCookie, signApprover } from './approver-cookie.ts';
import { scopeOfGroups, sessionSetCookie, signSession, SESSION_COOKIE } from './session-cookie.ts';

export const SESSION_HOURS = 8;
const STATE_COOKIE = 'vss_state';

export const authConfig = z.object({
  clientId: z.string().min(1),
  userPoolId: z.string().min(1),
  /** `https://<prefix>.auth.<region>.amazoncognito.com` */
  hostedUi: z.url(),
  region: z.string().min(1),
  sessionKey: z.string().min(32),
});
export type AuthConfig = z.infer<typeof authConfig>;

const idTokenClaims = z.object({
  aud: z.string(),
  iss: z.string(),
  exp: z.number(),
  token_use: z.literal('id'),
  'cognito:groups': z.array(z.string()).default([]),
  'cognito:username': z.string().optional(),
});

export interface SessionDeps {
  config: () => Promise<AuthConfig>;
  fetch: typeof fetch;
  now?: () => Date;
  newState?: () => string;
  newVerifier?: () => string;
}

type Result = APIGatewayProxyStructuredResultV2;

const redirect = (location: string, cookies: string[] = []): Result => ({
  statusCode: 302,
  headers: { location, 'cache-control': 'no-store' },
  cookies,
});

const page = (statusCode: number, text: { vi: string; en: string }): Result => ({
  statusCode,
  headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
  body: `<!doctype html><meta charset="utf-8"><p lang="vi">${text.vi}</p><p lang="en">${text.en}</p>`,
});

function cookieOf(event: APIGatewayProxyEventV2, name: string): string | undefined {
  const pair = (event.cookies ?? []).map((c) => c.split('=')).find(([k]) => k === name);
  return pair?.slice(1).join('=');
}

/** Claims of an ID token received straight from the token endpoint over TLS (OIDC 3.1.3.7). */
function claimsOf(idToken: string) {
  const payload = idToken.split('.')[1] ?? '';
  return idTokenClaims.parse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
}

export function createSessionHandler(deps: SessionDeps): (event: APIGatewayProxyEventV2) => Promise<Result> {
  const now = deps.now ?? (() => new Date());
  const newState = deps.newState ?? (() => randomBytes(16).toString('hex'));
  const newVerifier = deps.newVerifier ?? newCodeVerifier;
  return async (event) => {
    const config = await deps.config();
    const host = event.headers['x-viewer-host'];
    if (!host || !/^[a-z0-9.-]+$/i.test(host)) return page(400, AUTH_MESSAGES.signInFailed());
    const callbackUrl = `https://${host}/auth/callback`;
    const params = new URLSearchParams(event.rawQueryString);

    switch (event.rawPath) {
      case '/auth/login': {
        const state = newState();
        const verifier = newVerifier();
        const authorize = new URL('/oauth2/authorize', config.hostedUi);
        authorize.search = new URLSearchParams({
          response_type: 'code',
          client_id: config.clientId,
          redirect_uri: callbackUrl,
          scope: 'openid email',
          state,
          code_challenge: codeChallengeOf(verifier),
          code_challenge_method: 'S256',
        }).toString();
        return redirect(authorize.toString(), [
          `${STATE_COOKIE}=${state}; Path=/auth/; Max-Age=600; Secure; HttpOnly; SameSite=Lax`,
          verifierSetCookie(verifier),
        ]);
      }
      case '/auth/callback': {
        const code = params.get('code');
        const state = params.get('state');
        const verifier = cookieOf(event, VERIFIER_COOKIE);
        if (!code || !state || state !== cookieOf(event, STATE_COOKIE) || !isCodeVerifier(verifier)) {
          return page(400, AUTH_MESSAGES.signInFailed());
        }
        const response = await deps.fetch(new URL('/oauth2/token', config.hostedUi), {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            grant_type: 'authorization_code',
            client_id: config.clientId,
            code,
            redirect_uri: callbackUrl,
            code_verifier: verifier,
          }).toString(),
        });
        if (!response.ok) return page(400, AUTH_MESSAGES.signInFailed());
        const tokens = z.object({ id_token: z.string() }).parse(await response.json());
        const claims = claimsOf(tokens.id_token);
        const nowSeconds = Math.floor(now().getTime() / 1000);
        const issuer = `https://cognito-idp.${config.region}.amazonaws.com/${config.userPoolId}`;
        if (claims.aud !== config.clientId || claims.iss !== issuer || claims.exp <= nowSeconds) {
          return page(400, AUTH_MESSAGES.signInFailed());
        }
        const scope = scopeOfGroups(claims['cognito:groups']);
        if (!scope) return page(403, AUTH_MESSAGES.noDashboardAccess());
        const maxAge = SESSION_HOURS * 3600;
        // Directors and the national approvers also get the sign-off cookie, read by the upload API only.
        const role = approverRoleOf(claims['cognito:groups'], scope);
        const actor = claims['cognito:username'];
        const signer =
          role && actor
            ? [
                approverSetCookie(
                  signApprover({ role, scope, actor }, nowSeconds + maxAge, config.sessionKey),
                  maxAge,
                ),
              ]
            : [];
        return redirect('/', [
          sessionSetCookie(signSession(scope, nowSeconds + maxAge, config.sessionKey), maxAge),
          ...signer,
          `${STATE_COOKIE}=; Path=/auth/; Max-Age=0; Secure; HttpOnly; SameSite=Lax`,
          clearVerifierCookie,
        ]);
      }
      case '/auth/logout': {
        const logout = new URL('/logout', config.hostedUi);
        logout.search = new URLSearchParams({
          client_id: config.clientId,
          logout_uri: `https://${host}/`,
        }).toString();
        return redirect(logout.toString(), [
          `${SESSION_COOKIE}=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Lax`,
          `${APPROVER_COOKIE}=; Path=/api/; Max-Age=0; Secure; HttpOnly; SameSite=Strict`,
        ]);
      }
      default:
        return page(404, AUTH_MESSAGES.signInFailed());
    }
  };
}
