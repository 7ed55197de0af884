/**
 * Captures what the cluster-side warning printer writes to stderr, for the tests of that
 * output. Call it inside a `describe`: it un-silences the printer (see quiet-warnings.ts)
 * before each test, restores stderr and the silence after, and returns the written chunks
 * (emptied before each test).
 */
export function captureWarningOutput(): string[] {
  const written: string[] = [];
  let spy: jest.SpyInstance;
  beforeEach(() => {
    delete process.env.ACK_TERWAY_NETWORK_QUIET;
    written.length = 0;
    spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: any) => { written.push(String(chunk)); return true; });
  });
  afterEach(() => {
    spy.mockRestore();
    process.env.ACK_TERWAY_NETWORK_QUIET = '1';
  });
  return written;
}
