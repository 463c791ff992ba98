/** The session cookie lives in lib/ because the upload API verifies it too; infra keeps its import path. */
export * from '../../lib/auth/session-cookie.ts';
