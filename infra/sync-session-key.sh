#!/bin/sh
# Copies the dashboard session signing key from Secrets Manager into the CloudFront key value
# store the viewer function reads. Run once after the first deploy of an environment and after
# each key rotation: sh infra/sync-session-key.sh <env> (AWS CLI v2, jq, credentials for the
# account). Until it has run, the viewer function finds no key and refuses every request.
#
# Why a step remains: CloudFront Functions cannot read Secrets Manager, and the key value store's
# data API is signed with SigV4A, which the AWS CLI v2 supports out of the box but a deploy-time
# Lambda would need the native CRT signer for; the stack is kept free of that native add-on.
set -eu
env_name="${1:?usage: sh infra/sync-session-key.sh <env>}"
stack="vss-${env_name}"
output() {
  aws cloudformation describe-stacks --stack-name "$stack" \
    --query "Stacks[0].Outputs[?OutputKey=='$1'].OutputValue" --output text
}
kvs_arn="$(output SessionKeyStoreArn)"
secret_name="$(output SessionSecretName)"
key="$(aws secretsmanager get-secret-value --secret-id "$secret_name" --query SecretString --output text | jq -r .sessionKey)"
if [ -z "$key" ] || [ "$key" = "null" ]; then
  echo "secret $secret_name has no sessionKey" >&2
  exit 1
fi
etag="$(aws cloudfront-keyvaluestore describe-key-value-store --kvs-arn "$kvs_arn" --query ETag --output text)"
aws cloudfront-keyvaluestore put-key --kvs-arn "$kvs_arn" --key session-key --value "$key" --if-match "$etag" >/dev/null
echo "session-key of $stack copied into $kvs_arn"
