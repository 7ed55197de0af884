import { error } from './catalog-helpers';
import { DOC_NETWORK_FAQ } from './sources';

/** Rules on the workloads an app declares (pod specs), whichever plane selects them. */
export const WORKLOAD_RULES = {
  HOST_PORT: error('TW-WL-001',
    'Pods must not use hostPort: Terway does not support it (only Flannel does)',
    `${DOC_NETWORK_FAQ} ("Does ACK support hostPort for Pods?")`),
} as const;
