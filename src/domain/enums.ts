/** ACK managed cluster edition (`cluster_spec`). */
export enum ClusterSpec {
  /** ACK managed cluster Basic Edition. */
  STANDARD = 'ack.standard',
  /** ACK managed cluster Pro Edition (recommended for production). */
  PRO = 'ack.pro.small',
}

/** kube-proxy mode (`proxy_mode`); cannot be changed after creation. */
export enum KubeProxyMode {
  /** IPVS (the ACK default). */
  IPVS = 'ipvs',
  /** iptables. */
  IPTABLES = 'iptables',
}

/** Terway network acceleration (eBPF datapath). */
export enum NetworkAcceleration {
  /** No acceleration (veth datapath). */
  NONE = 'none',
  /** DataPathv2, the current acceleration; add-on config `IPVlan: "true"` on Terway v1.8.0 or later. */
  DATAPATH_V2 = 'datapathv2',
  /** Legacy name (IPvlan+eBPF); new clusters get DataPathv2. Renders the same add-on config. */
  IPVLAN = 'ipvlan',
}

/** IP families of the cluster (`ip_stack`). */
export enum IpStack {
  /** IPv4 only. */
  IPV4 = 'ipv4',
  /** IPv4 and IPv6 (needs an IPv6-enabled VPC and Kubernetes 1.22 or later). */
  DUAL = 'dual',
}

/** PodNetworking IP allocation type (`spec.allocationType.type`). */
export enum AllocationType {
  /** The IP is released when the pod is deleted (the default). */
  ELASTIC = 'Elastic',
  /** The pod keeps its IP across restarts; fixed-name pods only (StatefulSets, pods without owners). */
  FIXED = 'Fixed',
}

/** How a Fixed IP is released (`spec.allocationType.releaseStrategy`). */
export enum ReleaseStrategy {
  /** Release `releaseAfter` (a Go duration, at least 5m) after the pod was last seen. */
  TTL = 'TTL',
  /** Never release automatically; delete the PodENI to free the IP. */
  NEVER = 'Never',
}

/** Which ENI matched pods get (`spec.eniOptions.eniType`, Terway v1.11.0+). */
export enum EniType {
  /** Trunk ENI in shared ENI clusters, exclusive ENI on exclusive ENI nodes. */
  DEFAULT = 'Default',
  /** An exclusive ENI: pods are scheduled to exclusive ENI node pools. */
  ENI = 'ENI',
  /** A trunk member ENI. */
  TRUNK = 'Trunk',
}

/** How Terway picks one of a plane's vSwitches (`spec.vSwitchSelectOptions.vSwitchSelectionPolicy`, v1.11.0+). */
export enum VSwitchSelectionPolicy {
  /** In the order listed (the default). */
  ORDERED = 'ordered',
  /** The vSwitch with the most available IPs. */
  MOST = 'most',
  /** At random. */
  RANDOM = 'random',
}

/** Operator of a label selector requirement. */
export enum SelectorOperator {
  /** The label's value is one of `values`. */
  IN = 'In',
  /** The label is absent or its value is not one of `values`. */
  NOT_IN = 'NotIn',
  /** The label is present. */
  EXISTS = 'Exists',
  /** The label is absent. */
  DOES_NOT_EXIST = 'DoesNotExist',
}
