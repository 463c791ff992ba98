import { beforeAll, describe, expect, it } from 'vitest';
import { App, Stack } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { nagFindings } from '../../infra/nag-findings.ts';
import { buildForTest, synthForTemplate, type Synthesized } from './synth.ts';

let s: Synthesized;
beforeAll(() => {
  // Synthesis itself runs the packs as validation plugins and throws on any finding.
  s = synthForTemplate();
});

describe('cdk-nag', () => {
  it('leaves no unacknowledged AwsSolutions or Serverless error or warning', () => {
    const findings = nagFindings(s.app).map((f) => `${f.severity} ${f.rule} at ${f.path}: ${f.description}`);
    expect(findings).toEqual([]);
  });

  it('does find problems in a bucket built without our defaults', () => {
    const app = new App();
    const stack = new Stack(app, 'Careless');
    new s3.Bucket(stack, 'Plain');
    const rules = nagFindings(app).map((f) => f.rule);
    expect(rules).toEqual(expect.arrayContaining(['AwsSolutions-S1', 'AwsSolutions-S10']));
  });

  it('fails the synth of the app when a finding is not acknowledged', () => {
    const { app, stack } = buildForTest();
    new s3.Bucket(stack, 'Careless');
    expect(() => app.synth()).toThrow(/AwsSolutions-S10/);
  });
});
