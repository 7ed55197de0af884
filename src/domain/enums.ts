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
