// CloudFront Function (cloudfront-js-2.0), viewer request on every dashboard path.
// A request passes only with a session cookie signed by the sign-in callback:
//   vss_session=<scope>.<expiry epoch seconds>.<hex HMAC-SHA256 of "<scope>.<expiry>">
// scope "all" (leadership) reads everything; a two-digit province code reads the pages and
// data/provinces/<code>/ only; /api/* answers for the cookie's province. The signing key sits in the function's key value store.
// S3 decodes the key it serves, so every decision below reads one canonical, decoded path, and
// the request forwards exactly that path re-encoded: a URI that could name another object
// (encoded "/", "\", ".", letters or "%", dot segments, "//", broken UTF-8) gets a 400.
import crypto from 'crypto';
import cf from 'cloudfront';

var COOKIE = 'vss_session';
var KEY_NAME = 'session-key';
var SCOPE = /^(all|\d{2})$/;
var PROVINCE_DATA = /^\/data\/provinces\/(\d{2})\//;
// Sessions last SESSION_HOURS (session-handler.ts), so a cookie was issued at expiry minus this.
var SESSION_SECONDS = 8 * 3600;
// Revocation: the key value store's "revoked-before:<scope>" (epoch seconds) ends every session
// of that scope issued before it, leadership's ("all") or one province's; see SECURITY.md.
var REVOKED_PREFIX = 'revoked-before:';

// Percent-encodings no legitimate link needs: separators, dots, letters, digits, "%", controls.
var AMBIGUOUS_ESCAPE = /%(?:[01][0-9A-F]|2[5DEF]|3[0-9]|[46][1-9A-F]|[57][0-9A]|5[CF]|7[EF])/i;

function canonicalPath(raw) {
  if (typeof raw !== 'string' || raw.charAt(0) !== '/' || AMBIGUOUS_ESCAPE.test(raw)) return null;
  var decoded;
  try {
    decoded = decodeURIComponent(raw);
    // eslint-disable-next-line @typescript-eslint/no-unused-vars -- optional catch binding is not in every runtime
  } catch (_e) {
    return null; // bad percent-encoding or invalid UTF-8
  }
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\\\u0000-\u001f\u007f]/.test(decoded)) return null;
  var segments = decoded.split('/');
  for (var i = 1; i < segments.length; i++) {
    var s = segments[i];
    if (s === '.' || s === '..' || (s === '' && i < segments.length - 1)) return null;
  }
  return decoded;
}

function encodePath(path) {
  return path.split('/').map(encodeURIComponent).join('/');
}

function reply(statusCode, statusDescription, headers) {
  var h = { 'cache-control': { value: 'no-store' } };
  for (var name in headers) h[name] = { value: headers[name] };
  return { statusCode: statusCode, statusDescription: statusDescription, headers: h };
}

// Same time whatever the first differing character: the signature is a secret until it matches.
function sameText(a, b) {
  if (a.length !== b.length) return false;
  var diff = 0;
  for (var i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

function sessionScope(cookies, key, nowSeconds) {
  var cookie = cookies && cookies[COOKIE];
  if (!cookie || !key) return null;
  var parts = cookie.value.split('.');
  if (parts.length !== 3 || !SCOPE.test(parts[0]) || !/^\d{1,12}$/.test(parts[1])) return null;
  var expected = crypto
    .createHmac('sha256', key)
    .update(parts[0] + '.' + parts[1])
    .digest('hex');
  if (!sameText(parts[2], expected)) return null;
  if (Number(parts[1]) <= nowSeconds) return null;
  return { scope: parts[0], issued: Number(parts[1]) - SESSION_SECONDS };
}

async function storedValue(name) {
  try {
    return await cf.kvs().get(name);
    // eslint-disable-next-line @typescript-eslint/no-unused-vars -- optional catch binding is not in every runtime
  } catch (_e) {
    return null; // absent
  }
}

function mayRead(scope, uri) {
  if (scope === 'all') return true;
  var province = PROVINCE_DATA.exec(uri);
  if (province) return province[1] === scope;
  // National figures and every other province's data are for leadership only.
  return uri.indexOf('/data/') !== 0;
}

// eslint-disable-next-line @typescript-eslint/no-unused-vars -- CloudFront calls it by name
async function handler(event) {
  var request = event.request;
  var path = canonicalPath(request.uri);
  if (path === null) return reply(400, 'Bad Request', {});
  request.uri = encodePath(path);
  // Sign-in and its callback are answered by the session function, which needs no session.
  if (path.indexOf('/auth/') === 0) {
    request.headers['x-viewer-host'] = { value: request.headers.host ? request.headers.host.value : '' };
    return request;
  }
  // No key yet: refuse everything rather than let anyone in.
  var key = await storedValue(KEY_NAME);
  var session = sessionScope(request.cookies, key, Math.floor(Date.now() / 1000));
  if (session !== null) {
    var revokedBefore = await storedValue(REVOKED_PREFIX + session.scope);
    if (revokedBefore !== null && session.issued < Number(revokedBefore)) session = null;
  }
  var scope = session === null ? null : session.scope;
  if (scope === null) {
    // Data and the upload API are fetched by scripts, which want a status, not a sign-in page.
    if (path.indexOf('/data/') === 0 || path.indexOf('/api/') === 0) {
      return reply(401, 'Unauthorized', {});
    }
    return reply(302, 'Found', { location: '/auth/login' });
  }
  // The page asks data/scope.json which data it may load; a unit's answer is in its bundle.
  if (scope !== 'all' && path === '/data/scope.json') {
    path = '/data/provinces/' + scope + '/scope.json';
    request.uri = path;
  }
  if (!mayRead(scope, path)) return reply(403, 'Forbidden', {});
  return request;
}
