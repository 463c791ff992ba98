import { Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { UPLOADS_PREFIX } from '../../core/contracts/layout.ts';
import type { ProvinceRegistry } from '../../pipeline/reference/provinces.ts';
import { objectPrefixFinding } from '../nag-ids.ts';
import { currentProvinceCodes, uploadKeyPatterns } from '../upload-access.ts';

export interface UploadAccessProps {
  readonly envName: string;
  readonly uploads: s3.Bucket;
  readonly key: IKey;
  readonly registry: ProvinceRegistry;
}

/** People of this account may assume a role only after signing in with MFA. */
function mfaAccountPrincipal(): iam.IPrincipal {
  return new iam.AccountRootPrincipal().withConditions({ Bool: { 'aws:MultiFactorAuthPresent': 'true' } });
}

/**
 * Who may write and delete uploads. One role per current province (`vss-<env>-upload-<code>`)
 * that can only put objects into that province's folders; a break-glass role that alone may
 * delete an upload or one of its versions (the bucket policy denies it to everyone else,
 * including the pipeline and administrators who have not assumed it).
 */
export class UploadAccess extends Construct {
  readonly provinceRoles: Record<string, iam.Role> = {};
  readonly breakGlass: iam.Role;

  constructor(scope: Construct, id: string, props: UploadAccessProps) {
    super(scope, id);
    const { uploads } = props;
    for (const code of currentProvinceCodes(props.registry)) {
      this.provinceRoles[code] = this.provinceRole(props, code);
    }

    this.breakGlass = new iam.Role(this, 'BreakGlass', {
      roleName: `vss-${props.envName}-uploads-break-glass`,
      assumedBy: mfaAccountPrincipal(),
      description: 'The only principal that may delete an upload or an upload version (legal request)',
    });
    this.breakGlass.addToPolicy(
      new iam.PolicyStatement({
        actions: ['s3:DeleteObject', 's3:DeleteObjectVersion'],
        resources: [uploads.arnForObjects(`${UPLOADS_PREFIX}*`)],
      }),
    );
    Validations.of(this.breakGlass).acknowledge({
      id: objectPrefixFinding(uploads, UPLOADS_PREFIX),
      reason: 'Break-glass deletion of any upload, for a documented legal request; MFA required to assume.',
    });
    uploads.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'UploadsAreNeverDeleted',
        effect: iam.Effect.DENY,
        principals: [new iam.AnyPrincipal()],
        actions: ['s3:DeleteObject', 's3:DeleteObjectVersion'],
        resources: [uploads.arnForObjects('*')],
        conditions: { ArnNotEquals: { 'aws:PrincipalArn': this.breakGlass.roleArn } },
      }),
    );
  }

  private provinceRole(props: UploadAccessProps, code: string): iam.Role {
    const { uploads, key } = props;
    const role = new iam.Role(this, `Province-${code}`, {
      roleName: `vss-${props.envName}-upload-${code}`,
      assumedBy: mfaAccountPrincipal(),
      description: `Uploads of province ${code}: put objects into its own folders only`,
    });
    const patterns = uploadKeyPatterns(props.registry, code);
    role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'PutOwnUploads',
        actions: ['s3:PutObject'],
        resources: patterns.map((p) => uploads.arnForObjects(p)),
      }),
    );
    // SSE-KMS: S3 asks for a data key on the uploader's behalf; only through S3 is allowed.
    role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'EncryptThroughS3',
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        resources: [key.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': `s3.${Stack.of(this).region}.amazonaws.com` } },
      }),
    );
    Validations.of(role).acknowledge(
      ...patterns.map((p) => ({
        id: objectPrefixFinding(uploads, p.slice(0, -1)),
        reason: `File names inside province ${code}'s own upload folder are chosen by the province.`,
      })),
    );
    return role;
  }
}
