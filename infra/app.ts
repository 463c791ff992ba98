/**
 * CDK entry (cdk.json: `npx tsx infra/app.ts`). Context: `env` names the deployment (stack
 * `vss-<env>`), `destroyOnRemoval=true` lets `cdk destroy` delete data (default: keep it).
 */
import { buildApp } from './build-app.ts';

buildApp().app.synth();
