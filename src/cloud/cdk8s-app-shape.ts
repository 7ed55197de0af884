import type { App as Cdk8sApp } from 'cdk8s';

/**
 * Whether `x` is a cdk8s App, by shape: cdk8s is an optional peer that a cdktf-only app never
 * loads, and a second copy of cdk8s in node_modules would defeat `instanceof`.
 * @internal
 */
export function isCdk8sApp(x: unknown): x is Cdk8sApp {
  // `charts` is a getter that sorts the whole app by dependencies: test for it, never call it.
  return typeof x === 'object' && x !== null && 'charts' in x && typeof (x as Cdk8sApp).synthYaml === 'function'
    && typeof (x as Cdk8sApp).synth === 'function' && typeof (x as Cdk8sApp).node === 'object';
}
