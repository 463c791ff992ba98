/**
 * Reading and writing sign-off records. Records are never overwritten: the key derives from the
 * content (approvalIdOf), and a put is refused by S3 when the object already exists, so a replayed
 * request writes nothing new and no one can rewrite history under an existing id.
 */
import { ListObjectsCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { StorageError } from '../../core/errors.ts';
import { approvalKey, approvalsPrefix } from '../../core/contracts/layout.ts';
import type { Period } from '../../core/period.ts';
import { readObject } from '../storage/object-bytes.ts';
import { approvalRecord, type ApprovalRecord } from './approval-record.ts';

/** Every sign-off record of one province-month, all reports (a handful a month). */
export async function listApprovals(
  s3: S3Client,
  bucket: string,
  pm: { period: Period; province: string },
): Promise<ApprovalRecord[]> {
  const prefix = approvalsPrefix(pm.period, pm.province);
  const keys: string[] = [];
  try {
    let marker: string | undefined;
    for (;;) {
      const page = await s3.send(new ListObjectsCommand({ Bucket: bucket, Prefix: prefix, Marker: marker }));
      const contents = page.Contents ?? [];
      for (const o of contents) if (o.Key?.endsWith('.json')) keys.push(o.Key);
      if (!page.IsTruncated || contents.length === 0) break;
      marker = contents.at(-1)?.Key;
    }
  } catch (error) {
    throw new StorageError(`cannot list s3://${bucket}/${prefix}`, { cause: error });
  }
  return Promise.all(
    keys.map(async (key) => {
      const { bytes } = await readObject(s3, bucket, key);
      const parsed = approvalRecord.safeParse(JSON.parse(new TextDecoder().decode(bytes)));
      if (!parsed.success) throw new StorageError(`approval record s3://${bucket}/${key} is malformed`);
      return parsed.data;
    }),
  );
}

/** Writes the record once; returns its key. A second write of the same record is a no-op. */
export async function putApproval(s3: S3Client, bucket: string, record: ApprovalRecord): Promise<string> {
  const checked = approvalRecord.parse(record);
  const key = approvalKey(checked.period, checked.province, checked.approval_id);
  try {
    await s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: JSON.stringify(checked),
        ContentType: 'application/json',
        IfNoneMatch: '*',
      }),
    );
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === 412) return key;
    throw new StorageError(`cannot write s3://${bucket}/${key}`, { cause: error });
  }
  return key;
}
