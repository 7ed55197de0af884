import { Testing } from 'cdk8s';
import { Acknowledgements } from '../../src';
import { planeIn, planeProps } from '../support/plane-fixtures';
import { captureWarningOutput } from '../support/stderr-capture';

describe('cluster-side warnings on stderr', () => {
  const written = captureWarningOutput();

  test('unacknowledged warnings are printed once per synth, with path and rule', () => {
    const chart = Testing.chart();
    planeIn(chart, planeProps());
    Testing.synth(chart);
    expect(written).toEqual([expect.stringMatching(/^\[ack-terway-network\] WARNING test\/Plane: \[TW-PN-015\] /)]);
  });

  test('acknowledged warnings and ACK_TERWAY_NETWORK_QUIET print nothing', () => {
    const acknowledged = Testing.chart();
    planeIn(acknowledged, planeProps());
    Acknowledgements.of(acknowledged).add('TW-PN-015', 'NetworkPolicies exist');
    Testing.synth(acknowledged);
    process.env.ACK_TERWAY_NETWORK_QUIET = '1';
    const quiet = Testing.chart();
    planeIn(quiet, planeProps());
    Testing.synth(quiet);
    expect(written).toEqual([]);
  });
});
