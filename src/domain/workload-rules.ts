import { RULES } from './catalog';
import { violation } from './finding';
import { Finding } from './rules';

/** A declared workload with its rendered pod spec. */
export interface PodSpecHolder {
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  /** Construct path of the object that declares it. */
  readonly path: string;
  readonly podSpec?: Readonly<Record<string, any>>;
}

/** One finding per container or init container port that sets `hostPort`. */
export function checkHostPorts(workloads: ReadonlyArray<PodSpecHolder>): Finding[] {
  const out: Finding[] = [];
  for (const w of workloads) {
    for (const field of ['initContainers', 'containers'] as const) {
      const containers: unknown = w.podSpec?.[field];
      if (!Array.isArray(containers)) continue;
      for (const c of containers) {
        const ports: unknown = c?.ports;
        if (!Array.isArray(ports)) continue;
        for (const p of ports) {
          if (p?.hostPort === undefined || p?.hostPort === null) continue;
          out.push(violation(RULES.HOST_PORT,
            `${w.kind} ${w.namespace}/${w.name} (${w.path}) sets hostPort ${String(p.hostPort)} on ${field === 'containers' ? 'container' : 'init container'} ${String(c?.name ?? '(unnamed)')}; Terway does not support hostPort.`,
            'Remove hostPort and expose the pods with a NodePort or LoadBalancer Service (with Terway, pods are reachable in the VPC at their own IPs).'));
        }
      }
    }
  }
  return out;
}
