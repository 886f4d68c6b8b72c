// The command line, called in-process through `main` with collected output, an offline fetch and a fixed clock.
import {existsSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {expect} from 'chai';
import {formatResult, main, parseIsoDate, USAGE, type CliIo} from '../src/cli/main.js';
import {VERDICTS, type VerificationResult} from '../src/core/result.js';
import {loadManifest, vectorFetch} from './support/vectors.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const vectors = resolve(root, '../shared/vectors');
const hasVectors = existsSync(vectors);
const NOW = '2026-11-28T00:00:00Z';
const EXIT_FOR_VERDICT = {verified: 0, failed: 1, indeterminate: 2} as const;

interface Run {
  code: number;
  out: string;
  err: string;
  fetched: string[];
}

/** Runs the CLI with collectors; fetch never touches the network (every URL answers 404) and records each URL. */
async function run(argv: string[], io: CliIo = {}): Promise<Run> {
  const r: Run = {code: -1, out: '', err: '', fetched: []};
  const offlineFetch = (async (url: string | URL | Request) => {
    r.fetched.push(typeof url === 'string' ? url : url instanceof URL ? url.href : url.url);
    return new Response('not found', {status: 404});
  }) as typeof fetch;
  r.code = await main(argv, {
    stdout: (s) => void (r.out += s),
    stderr: (s) => void (r.err += s),
    fetch: offlineFetch,
    ...io,
  });
  return r;
}

const bytes = (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value));

/** A well-formed Open Badges 3.0 credential without a proof: whatever the core decides, it is not "verified". */
const unsignedBadge = {
  '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
  id: 'urn:uuid:2d5d4a8e-7d5b-4bf4-8f51-1d6f7a0c9e11',
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer: {id: 'did:example:issuer', type: ['Profile'], name: 'Example Issuer'},
  validFrom: '2025-01-01T00:00:00Z',
  name: 'Example badge',
  credentialSubject: {
    type: ['AchievementSubject'],
    achievement: {
      id: 'https://example.org/achievements/1',
      type: ['Achievement'],
      name: 'Example badge',
      criteria: {narrative: 'Did the thing.'},
    },
  },
};

describe('verifiable-badges CLI', function () {
  describe('usage', function () {
    const usageErrors: [string, string[]][] = [
      ['no arguments', []],
      ['no command, only a flag', ['--json']],
      ['an unknown command', ['check', 'badge.json']],
      ['verify without a target', ['verify']],
      ['two targets', ['verify', 'a.json', 'b.json']],
      ['an unknown flag', ['verify', 'badge.json', '--colour']],
      ['--now without a value', ['verify', 'badge.json', '--now']],
      ['--now that is not a date', ['verify', 'badge.json', '--now', 'tomorrow']],
      ['--now with an impossible day', ['verify', 'badge.json', '--now', '2026-02-30']],
      ['--now with an impossible hour', ['verify', 'badge.json', '--now=2026-11-28T25:00:00Z']],
      ['a value for a boolean flag', ['verify', 'badge.json', '--json=yes']],
    ];
    for (const [name, argv] of usageErrors) {
      it(`exits 64 with the usage on stderr for ${name}`, async function () {
        const read: string[] = [];
        const r = await run(argv, {readFile: async (p) => (read.push(p), bytes(unsignedBadge))});
        expect(r.code).to.equal(64);
        expect(r.out).to.equal('');
        expect(r.err).to.match(/^verifiable-badges: .+\n/);
        expect(r.err).to.contain('Usage: verifiable-badges verify <url-or-file>');
        expect(r.err).not.to.match(/^\s+at /m); // no stack trace
        expect(read).to.deep.equal([]);
        expect(r.fetched).to.deep.equal([]);
      });
    }

    it('prints the usage on stdout and exits 0 for --help and -h', async function () {
      for (const flag of ['--help', '-h']) {
        const r = await run([flag]);
        expect(r.code, flag).to.equal(0);
        expect(r.out).to.equal(USAGE);
        expect(r.err).to.equal('');
      }
      expect((await run(['verify', 'badge.json', '--help'])).code).to.equal(0);
    });

    it('prints the package version for --version', async function () {
      const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {version: string};
      const r = await run(['--version']);
      expect(r.code).to.equal(0);
      expect(r.out).to.equal(`${pkg.version}\n`);
    });
  });

  describe('--now', function () {
    const valid: [string, string][] = [
      ['2026-11-28', '2026-11-28T00:00:00.000Z'],
      ['2026-11-28T12:30:00Z', '2026-11-28T12:30:00.000Z'],
      ['2026-11-28T12:30:00', '2026-11-28T12:30:00.000Z'], // no offset: UTC, as in credentials
      ['2026-11-28T12:30', '2026-11-28T12:30:00.000Z'],
      ['2026-11-28T12:30:00.123456+02:00', '2026-11-28T10:30:00.123Z'],
      ['2028-02-29T00:00:00Z', '2028-02-29T00:00:00.000Z'],
    ];
    for (const [text, iso] of valid) {
      it(`reads ${text} as ${iso}`, function () {
        expect(parseIsoDate(text)?.toISOString()).to.equal(iso);
      });
    }
    for (const text of ['', 'now', '2026-11-28 12:00', '2027-02-29', '2026-00-10', '2026-11-28T12:60:00Z', '1795824000000']) {
      it(`rejects ${JSON.stringify(text)}`, function () {
        expect(parseIsoDate(text)).to.equal(undefined);
      });
    }
  });

  describe('reading the input', function () {
    it('exits 1 with a one-line message when the file does not exist', async function () {
      const missing = join(tmpdir(), `verifiable-badges-missing-${process.pid}-${Date.now()}.json`);
      const r = await run(['verify', missing]);
      expect(r.code).to.equal(1);
      expect(r.out).to.equal('');
      expect(r.err).to.equal(`verifiable-badges: cannot read ${missing}: no such file\n`);
      expect(r.fetched).to.deep.equal([]);
    });

    it('exits 1 when the path is a directory', async function () {
      const r = await run(['verify', tmpdir(), '--json']);
      expect(r.code).to.equal(1);
      expect(r.out).to.equal('');
      expect(r.err).to.match(/^verifiable-badges: cannot read .+: (not a regular file|is a directory)\n$/);
    });

    it('reads a file as bytes and passes a URL through unread', async function () {
      const read: string[] = [];
      const readFile = async (p: string): Promise<Uint8Array> => (read.push(p), bytes(unsignedBadge));
      await run(['verify', 'some/badge.png', '--json', '--now', NOW], {readFile});
      expect(read).to.deep.equal(['some/badge.png']);

      read.length = 0;
      const r = await run(['verify', 'https://badges.example/credential.json', '--json', '--now', NOW], {readFile});
      expect(read).to.deep.equal([]);
      expect(r.fetched[0]).to.equal('https://badges.example/credential.json');
      const result = JSON.parse(r.out) as VerificationResult;
      expect(result.verdict).not.to.equal('verified'); // a 404 is never verified
      expect(r.code).to.equal(EXIT_FOR_VERDICT[result.verdict]);
    });
  });

  describe('--json', function () {
    it('prints the whole result as parseable JSON with a verdict, and exits by that verdict', async function () {
      const r = await run(['verify', 'badge.json', '--json', '--now', NOW], {readFile: async () => bytes(unsignedBadge)});
      const result = JSON.parse(r.out) as VerificationResult;
      expect(VERDICTS).to.include(result.verdict);
      expect(result.checks).to.be.an('array').that.is.not.empty;
      expect(r.out).to.equal(`${JSON.stringify(result, null, 2)}\n`);
      expect(r.code).to.equal(EXIT_FOR_VERDICT[result.verdict]);
      expect(result.verdict).not.to.equal('verified'); // it has no proof
      expect(r.err).to.equal('');
    });
  });

  describe('the readable report', function () {
    const result: VerificationResult = {
      verdict: 'failed',
      checks: [
        {id: 'format', outcome: 'passed', code: 'ok', message: 'an Open Badges 3.0 credential'},
        {id: 'signature', outcome: 'failed', code: 'invalid-signature', message: 'the signature does not match'},
        {id: 'validity', outcome: 'skipped', code: 'not-run', message: 'an earlier check failed'},
      ],
      view: {
        kind: 'achievement',
        achievement: {name: 'Evil\u001b[2J\u001b]0;pwned\u0007 badge'},
        issuer: {name: 'Uni\u202eversity\u009b31m', verifiedIdentifier: 'did:key:z6MkExample'},
        alignments: [],
        evidence: [],
        results: [],
        endorsementCount: 0,
      },
    };

    it('prints one row per check, the verdict and the badge, issuer and verified identifier', function () {
      const text = formatResult(result);
      const lines = text.split('\n');
      expect(lines[0]).to.match(/^CHECK\s+OUTCOME\s+CODE\s+MESSAGE$/);
      expect(lines[1]).to.match(/^format\s+passed\s+ok\s+an Open Badges 3.0 credential$/);
      expect(lines[2]).to.match(/^signature\s+failed\s+invalid-signature\s+the signature does not match$/);
      expect(lines[3]).to.match(/^validity\s+skipped\s+not-run\s+an earlier check failed$/);
      // columns line up
      expect(lines[1]!.indexOf('passed')).to.equal(lines[2]!.indexOf('failed'));
      expect(lines[1]!.indexOf(' ok ') + 1).to.equal(lines[2]!.indexOf('invalid-signature'));
      expect(text).to.match(/^verdict: failed$/m);
      expect(text).to.match(/^badge: Evil/m);
      expect(text).to.match(/^issuer: Uni/m);
      expect(text).to.match(/^signed by: did:key:z6MkExample/m);
    });

    it('never lets credential text drive the terminal, and colours only when asked', function () {
      const plain = formatResult(result);
      expect(plain).not.to.match(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      expect(plain).to.contain('Evil\\u001b[2J\\u001b]0;pwned\\u0007 badge');
      expect(plain).to.contain('Uni\\u202eversity\\u009b31m');

      const coloured = formatResult(result, {color: true});
      expect(coloured).to.contain('\u001b[31m'); // failed, in red
      expect(coloured.replace(/\u001b\[[0-9;]*m/g, '')).to.equal(plain);
    });

    it('prints no colour codes when stdout is not a terminal', async function () {
      const r = await run(['verify', 'badge.json', '--now', NOW], {readFile: async () => bytes(unsignedBadge)});
      expect(r.out).not.to.contain('\u001b');
      expect(r.out).to.match(/^verdict: (failed|indeterminate)$/m);
    });
  });

  describe('public vectors (../shared/vectors)', function () {
    before(function () {
      if (!hasVectors) console.log(`      note: ${vectors} not found; the vector tests are skipped`);
    });

    it('verifies dcc/verifier-plus/minimalVCv2.json (exit 0)', async function () {
      if (!hasVectors) this.skip();
      const file = join(vectors, 'dcc/verifier-plus/minimalVCv2.json');
      const r = await run(['verify', file, '--now', NOW]);
      expect(r.out).to.match(/^verdict: verified$/m);
      expect(r.code, r.out + r.err).to.equal(0);
      const json = await run(['verify', file, '--now', NOW, '--json']);
      expect((JSON.parse(json.out) as VerificationResult).verdict).to.equal('verified');
      expect(r.fetched).to.deep.equal([]); // did:key and pinned contexts: nothing to fetch
    });

    it('fails the signature of its tampered twin (exit 1)', async function () {
      if (!hasVectors) this.skip();
      const file = join(vectors, 'derived/dcc-verifier-plus/minimalVCv2-tampered.json');
      const r = await run(['verify', file, '--now', NOW, '--json']);
      const result = JSON.parse(r.out) as VerificationResult;
      expect(result.verdict).to.equal('failed');
      expect(result.checks.find((c) => c.id === 'signature')?.outcome).to.equal('failed');
      expect(r.code).to.equal(1);
    });

    const baked: [string, string, number][] = [
      ['1edtech/dcpv/ob30/simple-json.png', 'verified', 0],
      ['1edtech/dcpv/ob30/simple-json.svg', 'verified', 0],
      ['derived/1edtech/simple-json.tampered.png', 'failed', 1],
      ['1edtech/ob-spec-examples/02-sample-openbadgecredential.jwt', 'failed', 1],
    ];
    for (const [file, verdict, code] of baked) {
      it(`reads ${file.split('.').pop()} files: ${file} is ${verdict} (exit ${code})`, async function () {
        if (!hasVectors) this.skip();
        const fetch = vectorFetch(loadManifest());
        const r = await run(['verify', join(vectors, file), '--now', NOW, '--json'], { fetch });
        expect((JSON.parse(r.out) as VerificationResult).verdict).to.equal(verdict);
        expect(r.code).to.equal(code);
      });
    }
  });
});
