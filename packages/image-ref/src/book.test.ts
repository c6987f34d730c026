import { describe, expect, it } from 'vitest';
import { isId, isShortId, parseAnyReference, parseDockerRef, parseNormalizedReference, truncateId } from './index';

/** Every image reference of chapter 3, as written in the book, then what `docker pull` reads and the familiar form. */
const chapter3: [string, string, string][] = [
  // 3.1.1: a named repository looks like a URL: registry host, user account, short name.
  [
    'docker.io/dockerinaction/ch3_hello_registry',
    'docker.io/dockerinaction/ch3_hello_registry:latest',
    'dockerinaction/ch3_hello_registry',
  ],
  // 3.1.1: repository + tag is a composite key.
  ['nginx:latest', 'docker.io/library/nginx:latest', 'nginx:latest'],
  // 3.1.2: one image, many tags (the Java repository).
  ['openjdk:11-stretch', 'docker.io/library/openjdk:11-stretch', 'openjdk:11-stretch'],
  ['openjdk:11-jdk-stretch', 'docker.io/library/openjdk:11-jdk-stretch', 'openjdk:11-jdk-stretch'],
  ['openjdk:11.0-stretch', 'docker.io/library/openjdk:11.0-stretch', 'openjdk:11.0-stretch'],
  ['openjdk:11.0-jdk-stretch', 'docker.io/library/openjdk:11.0-jdk-stretch', 'openjdk:11.0-jdk-stretch'],
  ['openjdk:11.0.4-stretch', 'docker.io/library/openjdk:11.0.4-stretch', 'openjdk:11.0.4-stretch'],
  ['openjdk:11.0.4-jdk-stretch', 'docker.io/library/openjdk:11.0.4-jdk-stretch', 'openjdk:11.0.4-jdk-stretch'],
  ['openjdk:11.0.5-jdk-stretch', 'docker.io/library/openjdk:11.0.5-jdk-stretch', 'openjdk:11.0.5-jdk-stretch'],
  // 3.2.2: another registry needs nothing but its address; `rmi` defaults the tag to latest.
  [
    'quay.io/dockerinaction/ch3_hello_registry:latest',
    'quay.io/dockerinaction/ch3_hello_registry:latest',
    'quay.io/dockerinaction/ch3_hello_registry:latest',
  ],
  [
    'quay.io/dockerinaction/ch3_hello_registry',
    'quay.io/dockerinaction/ch3_hello_registry:latest',
    'quay.io/dockerinaction/ch3_hello_registry',
  ],
  // 3.2.3: save and load.
  ['busybox:latest', 'docker.io/library/busybox:latest', 'busybox:latest'],
  ['busybox', 'docker.io/library/busybox:latest', 'busybox'],
  // 3.2.4: `docker build -t`.
  ['dia_ch3/dockerfile:latest', 'docker.io/dia_ch3/dockerfile:latest', 'dia_ch3/dockerfile:latest'],
  ['dia_ch3/dockerfile', 'docker.io/dia_ch3/dockerfile:latest', 'dia_ch3/dockerfile'],
  // 3.2.5: the scavenger hunt.
  ['dockerinaction/ch3_ex2_hunt', 'docker.io/dockerinaction/ch3_ex2_hunt:latest', 'dockerinaction/ch3_ex2_hunt'],
  // 3.3.1: layers in action, including the book's misspelling, which is a valid (other) repository.
  ['dockerinaction/ch3_myapp', 'docker.io/dockerinaction/ch3_myapp:latest', 'dockerinaction/ch3_myapp'],
  ['dockerinaction/ch3_myotherapp', 'docker.io/dockerinaction/ch3_myotherapp:latest', 'dockerinaction/ch3_myotherapp'],
  [
    'docker-in-action/ch3_myotherapp',
    'docker.io/docker-in-action/ch3_myotherapp:latest',
    'docker-in-action/ch3_myotherapp',
  ],
  // 3.3.2: the parents.
  ['openjdk:11.0.4-jdk-slim', 'docker.io/library/openjdk:11.0.4-jdk-slim', 'openjdk:11.0.4-jdk-slim'],
  [
    'openjdk:11.0.4-jre-slim-buster',
    'docker.io/library/openjdk:11.0.4-jre-slim-buster',
    'openjdk:11.0.4-jre-slim-buster',
  ],
  ['debian:buster-slim', 'docker.io/library/debian:buster-slim', 'debian:buster-slim'],
  // 3.2.2: the pattern [REGISTRYHOST:PORT/][USERNAME/]NAME[:TAG], filled in.
  [
    'localhost:5000/dockerinaction/ch3_hello_registry:v2',
    'localhost:5000/dockerinaction/ch3_hello_registry:v2',
    'localhost:5000/dockerinaction/ch3_hello_registry:v2',
  ],
];

/** The images the other chapters run, all official or user repositories on Docker Hub. */
const otherChapters = [
  'alpine:3.8',
  'alpine:latest',
  'busybox:1.29',
  'ubuntu:16.04',
  'mysql:5.7',
  'wordpress:5.0.0-php7.2-apache',
  'cassandra:2.2',
  'nginx',
  'registry',
  'dockerinaction/ch2_mailer',
  'dockerinaction/ch2_agent',
  'dockerinaction/ch4_writer_a',
  'dockerinaction/ch6_ipc',
  'dockerinaction/ch6_stresser',
  'dockerinaction/ch6_htop',
];

describe('the book, chapter 3', () => {
  it.each(chapter3)('reads %j as docker pull does', (input, pulled, familiar) => {
    const reference = parseDockerRef(input);
    expect(String(reference)).toBe(pulled);
    expect(parseNormalizedReference(input).familiarString()).toBe(familiar);
  });

  it.each(otherChapters)('reads %j from the other chapters', (input) => {
    const reference = parseNormalizedReference(input);
    expect(reference.domain).toBe('docker.io');
    expect(reference.familiarString()).toBe(input);
  });

  it('3.3.2: shows IDs by their first 12 of 64 hex digits (the book says 65)', () => {
    const id = `83ed3c583403${'0123456789abcdef'.repeat(3)}0123`;
    expect(isId(id)).toBe(true);
    expect(isId(`sha256:${id}`)).toBe(true);
    expect(truncateId(`sha256:${id}`)).toBe('83ed3c583403');
    expect(isShortId('83ed3c583403')).toBe(true);
    expect(isId(`${id}f`)).toBe(false);
    // A full ID is a digest, not a name; a short one is a valid repository name.
    expect(String(parseAnyReference(id))).toBe(`sha256:${id}`);
    expect(String(parseAnyReference('83ed3c583403'))).toBe('docker.io/library/83ed3c583403');
  });
});
