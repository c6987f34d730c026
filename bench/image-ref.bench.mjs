// parseNormalizedReference (@berth/image-ref) against parseFamiliarName (@swimlane/docker-reference) on a mixed list
// of references, measured alternately in the same process. Goal: at least 2x the baseline's throughput.
import { parseNormalizedReference } from '@berth/image-ref';
import { parseFamiliarName } from '@swimlane/docker-reference';

const sha256 = 'sha256:6d9ac9237a84afe1516540f40a0fafdc86859b2141954b4d643af7066d598b74';
const sha512 = `sha512:${'0123456789abcdef'.repeat(8)}`;
const longPath = Array.from({ length: 8 }, (_, i) => `component-${i}_of.a--long__name`).join('/');

const references = [
  // official images
  'ubuntu',
  'busybox:1.29',
  'nginx:latest',
  'alpine:3.8',
  'openjdk:11.0.4-jdk-slim',
  'debian:buster-slim',
  'cassandra:2.2',
  // user repositories
  'dockerinaction/ch3_hello_registry',
  'dockerinaction/ch3_myapp',
  'dia_ch3/dockerfile:latest',
  'docker.io/dockerinaction/ch4_writer_a:latest',
  // registries with hosts and ports
  'quay.io/dockerinaction/ch3_hello_registry:latest',
  'localhost:5000/berth/web:1.0',
  '127.0.0.1:5000/private/moonbase',
  'registry.example.com:8443/team/project/service:v2.3.1',
  'index.docker.io/library/redis:7',
  // digests
  `busybox@${sha256}`,
  `gcr.io/library/busybox:latest@${sha256}`,
  `docker.io/library/redis@${sha512}`,
  // long names
  `registry.io/foo/project--id.module--name.ver---sion--name:${'t'.repeat(100)}`,
  `example.com:5000/${longPath}:release-2024.11.27`,
];
// The baseline refuses bracketed IPv6 hosts, so they are measured apart.
const ipv6References = ['[::1]:5000/berth/fixtures:latest', `[2001:db8::1]:5000/repo:tag@${sha256}`];

// Many short rounds, each pairing the two parsers back to back, so a busy machine slows both alike.
const ROUNDS = 40;
const PASSES = 500;

function measure(parse, list) {
  let sink = 0;
  const start = process.hrtime.bigint();
  for (let pass = 0; pass < PASSES; pass++) {
    for (const reference of list) {
      try {
        sink += parse(reference).domain.length;
      } catch {
        sink -= 1;
      }
    }
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (sink === 0.5) console.log(sink); // keeps the work observable
  return (PASSES * list.length) / seconds;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function compare(label, list) {
  const berth = [];
  const swimlane = [];
  measure(parseNormalizedReference, list);
  measure(parseFamiliarName, list);
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate which one goes first, so neither always runs on a warmer (or more fragmented) heap.
    if (round % 2 === 0) {
      berth.push(measure(parseNormalizedReference, list));
      swimlane.push(measure(parseFamiliarName, list));
    } else {
      swimlane.push(measure(parseFamiliarName, list));
      berth.push(measure(parseNormalizedReference, list));
    }
  }
  const ours = median(berth);
  const theirs = median(swimlane);
  const ratio = median(berth.map((rate, round) => rate / swimlane[round]));
  const format = (rate) => `${Math.round(rate).toLocaleString('en-US')} refs/s`;
  console.log(`${label} (${list.length} references, ${ROUNDS} rounds x ${PASSES} passes, medians)`);
  console.log(`  @berth/image-ref parseNormalizedReference  ${format(ours)}`);
  console.log(`  @swimlane/docker-reference parseFamiliarName  ${format(theirs)}`);
  console.log(`  ratio ${ratio.toFixed(2)}x (median of the per-round ratios)`);
  return ratio;
}

for (const reference of references) {
  const ours = parseNormalizedReference(reference).toString();
  const theirs = parseFamiliarName(reference).toString();
  if (ours !== theirs) throw new Error(`the parsers disagree on ${reference}: ${ours} vs ${theirs}`);
}

const ratio = compare('mixed list', references);
compare('mixed list with IPv6 hosts (the baseline throws on those)', [...references, ...ipv6References]);
console.log(ratio >= 2 ? 'goal (>= 2x) met' : 'goal (>= 2x) NOT met');
