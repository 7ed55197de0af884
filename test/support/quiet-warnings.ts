// The cluster side prints its warnings to stderr when cdk8s validates; tests assert on
// ValidationReport instead, so the output is silenced here (see test/cluster/warnings.test.ts).
process.env.ACK_TERWAY_NETWORK_QUIET = '1';
