import { RemovalPolicy } from 'aws-cdk-lib';

/** RETAIN unless the deployer opted in to destruction (context `destroyOnRemoval=true`). */
export function removalPolicyFor(destroyOnRemoval: boolean): RemovalPolicy {
  return destroyOnRemoval ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;
}
