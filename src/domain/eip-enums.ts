/** Which component attaches EIPs to pods. */
export enum PodEipImplementation {
  /** ack-extend-network-controller (recommended; chart v0.2.0 or later, from the ACK App Marketplace). */
  ACK_EXTEND_NETWORK_CONTROLLER = 'ack-extend-network-controller',
  /** Terway's own EIP feature (Terway v1.0.10 to before v1.7.0 only; removed in v1.7.0). */
  LEGACY_TERWAY = 'legacy-terway',
}

/** Prefix of the pod EIP annotations. */
export enum EipAnnotationPrefix {
  /** `network.alibabacloud.com/` (ack-extend-network-controller reads it). */
  NETWORK_ALIBABACLOUD = 'network.alibabacloud.com/',
  /** `k8s.aliyun.com/` (read by both ack-extend-network-controller and legacy Terway). */
  K8S_ALIYUN = 'k8s.aliyun.com/',
}

/** Metering method of an automatically allocated EIP (`eip-internet-charge-type`). */
export enum EipInternetChargeType {
  /** Pay by data transfer (the default). */
  PAY_BY_TRAFFIC = 'PayByTraffic',
  /** Pay by bandwidth. */
  PAY_BY_BANDWIDTH = 'PayByBandwidth',
}

/** Billing method of an automatically allocated EIP (`eip-instance-charge-type`). */
export enum EipInstanceChargeType {
  /** Pay-as-you-go. */
  POST_PAID = 'PostPaid',
}

/** Line type of an automatically allocated EIP (`eip-isp`). */
export enum EipIsp {
  /** BGP (Multi-ISP). */
  BGP = 'BGP',
  /** BGP (Multi-ISP) Pro. */
  BGP_PRO = 'BGP_PRO',
  /** China Telecom single line (whitelisted users). */
  CHINA_TELECOM = 'ChinaTelecom',
  /** China Unicom single line (whitelisted users). */
  CHINA_UNICOM = 'ChinaUnicom',
  /** China Mobile single line (whitelisted users). */
  CHINA_MOBILE = 'ChinaMobile',
  /** China Telecom L2 single line (whitelisted users). */
  CHINA_TELECOM_L2 = 'ChinaTelecom_L2',
  /** China Unicom L2 single line (whitelisted users). */
  CHINA_UNICOM_L2 = 'ChinaUnicom_L2',
  /** China Mobile L2 single line (whitelisted users). */
  CHINA_MOBILE_L2 = 'ChinaMobile_L2',
  /** BGP for Hangzhou Finance Cloud users. */
  BGP_FINANCE_CLOUD = 'BGP_FinanceCloud',
}

/** Protocol of a pod business port opened on the node security group. */
export enum BusinessPortProtocol {
  /** TCP. */
  TCP = 'tcp',
  /** UDP. */
  UDP = 'udp',
}
