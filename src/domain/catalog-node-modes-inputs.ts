import { error } from './catalog-helpers';
import { DOC_EXCLUSIVE_ENI, DOC_NETWORK_FAQ, DOC_TERWAY_CONFIG, terwaySource } from './sources';

/**
 * Node-mode rules for values the older checks passed through: pools sharing a per-node
 * ConfigMap, the exclusive ENI label with another value, and a `10-terway.conf` that is not
 * JSON. Spread into RULES by catalog.ts.
 */
export const NODE_MODE_INPUT_RULES = {
  FIXED_SHARED_CONFIG: error('TW-FIXED-010',
    'Node pools labelled with the same per-node ConfigMap name read one eni_conf, so they must have the same dedicated vSwitches',
    `${DOC_NETWORK_FAQ} ("How can I assign Pods to a specific vSwitch/CIDR block ... for IP-based allowlisting?"); ${terwaySource('docs/dynamic-config.md')}`),
  EXCL_LABEL_VALUE: error('TW-EXCL-010',
    'The node label k8s.aliyun.com/exclusive-mode-eni-type takes only the value eniOnly: Terway reads other spellings of eniOnly as exclusive mode (the library would plan a shared pool) and any other value as shared mode',
    `${DOC_EXCLUSIVE_ENI} (2. Create an exclusive ENI node pool: label); ${terwaySource('types/k8s.go')} (NodeExclusiveENIMode compares case-insensitively)`),
  ENICONF_CNI_CONF_NOT_JSON: error('TW-ENICONF-010',
    'The 10-terway.conf entry of eni-config must be a JSON object (terway-cli renders the CNI configuration from it)',
    `${DOC_TERWAY_CONFIG}; ${terwaySource('cmd/terway-cli/common.go')}`),
};
