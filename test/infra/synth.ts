/**
 * Synthesizes the stack for the infra tests. Template tests skip bundling and use a stand-in
 * handler, so they check the infrastructure, not whether the functions' code builds today.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildApp } from '../../infra/build-app.ts';
import type { VssStack } from '../../infra/vss-stack.ts';

export const STAND_IN_HANDLER = 'test/infra/fixtures/handler.ts';

export interface Synthesized {
  app: App;
  stack: VssStack;
  template: Template;
  outdir: string;
}

/** The app with stand-in handlers and bundling off, not yet synthesized. */
export function buildForTest(context: Record<string, unknown> = {}): Omit<Synthesized, 'template'> {
  const outdir = mkdtempSync(join(tmpdir(), 'vss-cdk-'));
  const { app, stack } = buildApp(
    { outdir, context: { env: 'test', 'aws:cdk:bundling-stacks': [], ...context } },
    {
      entries: {
        ingest: STAND_IN_HANDLER,
        refresh: STAND_IN_HANDLER,
        uploadApi: STAND_IN_HANDLER,
        compact: STAND_IN_HANDLER,
      },
    },
  );
  return { app, stack, outdir };
}

export function synthForTemplate(context: Record<string, unknown> = {}): Synthesized {
  const built = buildForTest(context);
  return { ...built, template: Template.fromStack(built.stack) };
}

type Resources = Record<string, { Type: string; Properties?: Record<string, unknown>; [k: string]: unknown }>;

/** The template's resources of one type, by logical id. */
export function resourcesOfType(template: Template, type: string): Resources {
  return template.findResources(type) as Resources;
}
