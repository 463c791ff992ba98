import { App, Validations, type AppProps } from 'aws-cdk-lib';
import { nagPacks } from './nag-findings.ts';
import { ConfigError } from '../core/errors.ts';
import type { RefreshEngine } from './constructs/refresh-schedule.ts';
import { VssStack, type VssStackProps } from './vss-stack.ts';

const ENV_NAME = /^[a-z][a-z0-9-]{0,20}$/;

/** Reads the deployment settings from CDK context; refuses names that would make bad resource names. */
export function deploymentSettings(app: App): {
  envName: string;
  destroyOnRemoval: boolean;
  refreshEngine: RefreshEngine;
} {
  const envName = String(app.node.tryGetContext('env') ?? 'dev');
  if (!ENV_NAME.test(envName)) {
    throw new ConfigError(`context env must match ${ENV_NAME} (lowercase, starts with a letter): ${envName}`);
  }
  const destroy: unknown = app.node.tryGetContext('destroyOnRemoval');
  const refreshEngine = String(app.node.tryGetContext('refreshEngine') ?? 'duckdb');
  if (refreshEngine !== 'duckdb' && refreshEngine !== 'athena') {
    throw new ConfigError(`context refreshEngine must be duckdb or athena: ${refreshEngine}`);
  }
  return { envName, destroyOnRemoval: destroy === true || destroy === 'true', refreshEngine };
}

/** The app with its one stack and the nag packs every synth runs (a finding fails the synth). */
export function buildApp(
  props: AppProps = {},
  overrides: Pick<VssStackProps, 'entries' | 'provinceCodes'> = {},
): { app: App; stack: VssStack } {
  const app = new App(props);
  const { envName, destroyOnRemoval, refreshEngine } = deploymentSettings(app);
  const stack = new VssStack(app, `vss-${envName}`, {
    envName,
    destroyOnRemoval,
    refreshEngine,
    ...overrides,
    description: `VSS provincial reporting platform (${envName})`,
    tags: { project: 'vss-reporting', environment: envName },
  });
  Validations.of(app).addPlugins(...nagPacks());
  return { app, stack };
}
