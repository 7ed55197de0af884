import { AckClusterFacts, VSwitchFacts } from '../domain/ack-cluster';
import { InstanceEniCapacity } from '../domain/capacity-model';

/** The kinds of input the rule evaluators need (docs/audit.md names the command for each). */
export enum InputKind {
  /** `aliyun cs GET /clusters` or `aliyun cs GET /clusters/<id>`. */
  CLUSTERS = 'clusters',
  /** `aliyun vpc DescribeVSwitches` covering every vSwitch of the cluster. */
  VSWITCHES = 'vswitches',
  /** ConfigMap kube-system/eni-config (`kubectl get cm -n kube-system eni-config -o json`). */
  ENI_CONFIG = 'eni-config',
  /** PodNetworking objects (`kubectl get podnetworkings -o json`). */
  POD_NETWORKINGS = 'podnetworkings',
  /** Nodes (`kubectl get nodes -o json`). */
  NODES = 'nodes',
  /** Namespaces (`kubectl get namespaces -o json`). */
  NAMESPACES = 'namespaces',
  /** Deployments, StatefulSets, DaemonSets, ReplicaSets, Jobs, CronJobs or Pods. */
  WORKLOADS = 'workloads',
  /** Pods (`kubectl get pods -A -o json`). */
  PODS = 'pods',
  /** The terway-eniip DaemonSet in kube-system (its image tag is the Terway version). */
  TERWAY_DAEMONSET = 'terway-daemonset',
  /** NetworkPolicies (`kubectl get networkpolicies -A -o json`). */
  NETWORK_POLICIES = 'networkpolicies',
}

/** What the command needs to say where a thing came from. */
export interface Sourced<T> {
  readonly value: T;
  /** The file (or `-` for standard input) it was read from. */
  readonly file: string;
}

/** A Kubernetes object from `kubectl get … -o json`. */
export type KubeObject = Record<string, any>;

/** Everything read from the inputs, by kind. */
export interface Inventory {
  readonly clusters: Array<Sourced<AckClusterFacts>>;
  readonly vswitches: Map<string, Sourced<VSwitchFacts>>;
  readonly instanceTypes: Map<string, InstanceEniCapacity>;
  /** Kubernetes objects by kind (`ConfigMap`, `PodNetworking`, `Node`, …). */
  readonly kube: Map<string, Array<Sourced<KubeObject>>>;
  /** Files read and their sizes in bytes. */
  readonly files: Array<{ readonly file: string; readonly bytes: number }>;
  /** Things worth telling the user (skipped files, ignored kinds); never findings. */
  readonly notes: string[];
}

/** An empty inventory. */
export function emptyInventory(): Inventory {
  return { clusters: [], vswitches: new Map(), instanceTypes: new Map(), kube: new Map(), files: [], notes: [] };
}

/** Kubernetes objects of one kind. */
export function kubeOf(inv: Inventory, kind: string): Array<Sourced<KubeObject>> {
  return inv.kube.get(kind) ?? [];
}

/** Kinds whose objects run pods. */
export const WORKLOAD_KINDS: ReadonlyArray<string> = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'ReplicationController', 'Pod'];

/** Kinds the evaluators read; other kinds are counted and ignored. */
export const KNOWN_KUBE_KINDS: ReadonlyArray<string> = [...WORKLOAD_KINDS, 'ConfigMap', 'PodNetworking', 'Node', 'Namespace', 'NetworkPolicy'];

/** The base eni-config ConfigMap, if given. */
export function baseEniConfig(inv: Inventory): Sourced<KubeObject> | undefined {
  return kubeOf(inv, 'ConfigMap').find((c) => c.value.metadata?.namespace === 'kube-system' && c.value.metadata?.name === 'eni-config');
}

/** The terway-eniip DaemonSet, if given. */
export function terwayDaemonSet(inv: Inventory): Sourced<KubeObject> | undefined {
  return kubeOf(inv, 'DaemonSet').find((d) => d.value.metadata?.namespace === 'kube-system' && d.value.metadata?.name === 'terway-eniip');
}

/** Whether the inputs include this kind (an empty List proves nothing and counts as absent). */
export function hasInput(inv: Inventory, kind: InputKind): boolean {
  switch (kind) {
    case InputKind.CLUSTERS: return inv.clusters.length > 0;
    case InputKind.VSWITCHES: return inv.vswitches.size > 0;
    case InputKind.ENI_CONFIG: return baseEniConfig(inv) !== undefined;
    case InputKind.POD_NETWORKINGS: return kubeOf(inv, 'PodNetworking').length > 0;
    case InputKind.NODES: return kubeOf(inv, 'Node').length > 0;
    case InputKind.NAMESPACES: return kubeOf(inv, 'Namespace').length > 0;
    case InputKind.WORKLOADS: return WORKLOAD_KINDS.some((k) => kubeOf(inv, k).length > 0);
    case InputKind.PODS: return kubeOf(inv, 'Pod').length > 0;
    case InputKind.TERWAY_DAEMONSET: return terwayDaemonSet(inv) !== undefined;
    case InputKind.NETWORK_POLICIES: return kubeOf(inv, 'NetworkPolicy').length > 0;
  }
}
